#include "web/referents.hpp"

#include <ctime>
#include <sstream>

#include "bilan/bilan_reader.hpp"
#include "bilan/note_job.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/calendar.hpp"
#include "data/programme_reader.hpp"
#include "markup/french_punctuation.hpp"
#include "web/format_choice.hpp"
#include "web/previews.hpp"
#include "web/sheet_grid.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// The programme's « Page de dépôt des bilans », kept with the links.
const char* const kPageFile = "page.txt";

DataValue text(const std::string& s) { return DataValue::text(s); }

// Copies the saved programme (a file, or a folder of CSV files) to `destination`.
void keep_programme(const SavedProgramme& saved, const fs::path& folder) {
    fs::create_directories(folder);
    for (const char* old : {"programme.xlsx", "programme.ods", "programme.xml", "programme-csv"}) fs::remove_all(folder / old);
    if (saved.format != ProgrammeFormat::CsvFolder) {
        write_file_atomically(folder / saved.data.filename(), read_file(saved.data));
        return;
    }
    fs::create_directories(folder / "programme-csv");
    for (fs::directory_iterator it(saved.data), end; it != end; ++it)
        write_file_atomically(folder / "programme-csv" / it->path().filename(), read_file(it->path()));
}

std::vector<ReferentLink> parse_links(const std::string& lines) {
    std::vector<ReferentLink> links;
    std::istringstream in(lines);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        ReferentLink link;
        std::string year;
        if (std::getline(fields, link.token, '\t') && std::getline(fields, link.sector_id, '\t') &&
            std::getline(fields, year, '\t') && std::getline(fields, link.deadline, '\t') &&
            std::getline(fields, link.sector_name)) {
            link.year = std::atoi(year.c_str());
            links.push_back(link);
        }
    }
    return links;
}

}  // namespace

std::string iso_date_in(int days) {
    const std::time_t when = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
    std::tm utc{};
    gmtime_r(&when, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::string french_date(const std::string& iso) {
    static const char* const months[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                         "août", "septembre", "octobre", "novembre", "décembre"};
    if (iso.size() != 10) return iso;
    const int month = std::atoi(iso.substr(5, 2).c_str()), day = std::atoi(iso.substr(8, 2).c_str());
    if (month < 1 || month > 12) return iso;
    return std::to_string(day) + (day == 1 ? "er" : "") + "\u00A0" + months[month - 1] + "\u00A0" + iso.substr(0, 4);
}

ReferentDesk::ReferentDesk(const Workspace& workspace) : workspace_(workspace) {}

fs::path ReferentDesk::folder() const { return workspace_.root() / "output" / "serveur" / "referents"; }

fs::path ReferentDesk::programme() const {
    for (const char* name : {"programme.xlsx", "programme.ods", "programme.xml", "programme-csv"})
        if (fs::exists(folder() / name)) return folder() / name;
    return {};
}

std::vector<ReferentLink> ReferentDesk::links() const {
    boost::system::error_code error;
    if (!fs::is_regular_file(folder() / "liens.txt", error)) return {};
    return parse_links(read_file(folder() / "liens.txt"));
}

std::optional<ReferentLink> ReferentDesk::find(const std::string& token) const {
    if (!is_result_id(token)) return std::nullopt;
    const std::string today = iso_date_in(0);
    for (const ReferentLink& link : links())
        if (link.token == token && today <= link.deadline) return link;
    return std::nullopt;
}

DecemberOutcome ReferentDesk::make_links(const std::vector<UploadedFile>& files, const UploadLimits& limits) {
    ScratchFolder scratch(workspace_);
    SavedProgramme saved;
    try {
        saved = save_programme_upload(files, scratch.path(), limits);
    } catch (const LettrineError& e) {
        return refused(e.diagnostics(), std::nullopt, "");
    }
    const ProgrammeCheck checked = check_programme(saved.data);
    if (checked.diagnostics.has_errors()) return refused(checked.diagnostics, read_back(saved.data), saved.received);
    const Programme& programme = *checked.programme;
    const std::string deadline = programme.bilan_deadline ? iso_date(*programme.bilan_deadline) : iso_date_in(kDefaultLinkDays);
    if (deadline < iso_date_in(0)) {
        Diagnostics problems;
        problems.error(programme.bilan_deadline_position,
                       "la date limite des bilans (" + french_date(deadline) + ") est passée : les liens ne serviraient "
                       "à rien. Corrigez-la dans le programme, puis envoyez-le de nouveau.");
        return refused(problems, read_back(saved.data), saved.received);
    }
    std::string lines;
    for (const Sector& sector : checked.programme->sectors) {
        if (sector.contracting != Contracting::Ecossolies) continue;
        lines += random_id() + "\t" + sector.id + "\t" + std::to_string(checked.programme->year) + "\t" + deadline +
                 "\t" + sector.name + "\n";
    }
    keep_programme(saved, folder());
    write_file_atomically(folder() / kPageFile, programme.bilan_page);
    write_file_atomically(folder() / "liens.txt", lines);
    return {};
}

std::string ReferentDesk::page() const {
    boost::system::error_code error;
    return fs::is_regular_file(folder() / kPageFile, error) ? read_file(folder() / kPageFile) : "";
}

std::pair<std::string, std::string> ReferentDesk::blank_form(const ReferentLink& link, const std::string& address) const {
    ScratchFolder scratch(workspace_);
    FormOptions options;
    options.programme = programme();
    options.output = scratch.path();
    options.sectors = {link.sector_id};
    options.drop_address = address;
    const JobResult result = run_forms(options);
    if (result.written.empty())
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "aucun formulaire écrit pour « " + link.sector_id + " »");
    return {result.written.front().filename().string(), read_file(result.written.front())};
}

DecemberOutcome ReferentDesk::return_bilan(const ReferentLink& link, const std::vector<UploadedFile>& files,
                                           const DecemberSettings& settings,
                                           const std::function<std::string(const DataValue&)>& render,
                                           Progress* progress) {
    if (files.size() != 1) return refused_with("envoyez un seul fichier : le classeur de bilan rempli");
    const std::string extension = lower_extension(files.front().name);
    if (extension != ".xlsx" && extension != ".ods" && extension != ".xml")
        return refused_with("« " + shown_name(files.front().name) +
                            " » : format non reconnu ; envoyez le classeur de bilan (.xlsx ou .ods) ou son fichier .xml");
    ScratchFolder scratch(workspace_);
    const std::string base = "bilan-" + std::to_string(link.year) + "-" + link.sector_id;
    const fs::path data = scratch.path() / (base + extension);
    write_file_atomically(data, files.front().bytes);
    const std::string received = shown_name(files.front().name) + " (" + size_text(files.front().bytes.size()) + ")";
    const BilanCheck checked = check_bilan(data);
    if (checked.diagnostics.has_errors()) return refused(checked.diagnostics, read_back(data), received);
    if (checked.bilan->sector_id != link.sector_id)
        return refused_with("ce bilan est celui du secteur « " + checked.bilan->sector_name + " » ; ce lien reçoit le bilan "
                            "du secteur « " + link.sector_name + " ». Utilisez le lien reçu pour ce secteur-là.");

    const fs::path output = scratch.path() / "sortie";
    NoteOptions options;
    options.bilan = data;
    options.output = output;
    options.templates = settings.templates;
    options.formats = settings.formats;
    options.progress = progress;
    JobResult result;
    try {
        result = run_note(options);
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        return refused(e.diagnostics(), read_back(data), received);
    }
    // Kept where `lettrine rapport --notes DOSSIER/input/bilans` reads the notes.
    write_file_atomically(workspace_.inputs() / "bilans" / (base + extension), files.front().bytes);

    const fs::path note = result.written.front();
    const std::string pdf = note.lexically_relative(output).generic_string();
    const std::string png = "apercus/" + note.stem().string() + ".png";
    const int pages = add_preview(workspace_, output, {png, pdf, 1, settings.preview_width});

    DecemberOutcome outcome;
    outcome.result_id = random_id();
    DataValue& view = outcome.view;
    view = DataValue::map();
    view.set("base", text("/resultats/" + outcome.result_id + "/"));
    view.set("secteur", text(link.sector_name));
    view.set("recu", text(received));
    view.set("pdf", text(pdf));
    view.set("apercu", text(png));
    view.set("alt", text("Première page de la note de bilan — " + link.sector_name));
    view.set("pages", text(pages_text(pages)));
    view.set("taille", text(size_text(static_cast<std::size_t>(fs::file_size(note)))));
    DataValue remarks = DataValue::list();
    for (const Diagnostic& d : checked.diagnostics.items()) remarks.push_back(text(french_typography(d.describe())));
    view.set("avec_remarques", DataValue::boolean(!remarks.items().empty()));
    view.set("remarques", remarks);
    std::vector<std::string> served{pdf};
    add_editable_links(view, output, pdf, settings.formats, "note de bilan — " + link.sector_name, served);
    write_file_atomically(output / kReferentResult, "");
    publish_result(workspace_, output, outcome.result_id, served, render(view));
    return outcome;
}

}  // namespace lettrine::web
