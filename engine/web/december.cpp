#include "web/december.hpp"

#include <fstream>
#include <mutex>
#include <optional>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "december/december_job.hpp"
#include "markup/french_punctuation.hpp"
#include "web/format_choice.hpp"
#include "web/previews.hpp"
#include "web/sheet_grid.hpp"
#include "web/zip_bundle.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

std::size_t size_of(const fs::path& file) {
    boost::system::error_code error;
    const auto size = fs::file_size(file, error);
    return error ? 0 : static_cast<std::size_t>(size);
}

struct Letter {
    const Sector* sector = nullptr;
    std::string file;  // relative: "lettres/lettre-de-mission-2016-habitat.pdf"
};

std::vector<Letter> letters_of(const Programme& programme, const JobResult& result, const fs::path& output) {
    std::vector<Letter> letters;
    for (const fs::path& written : result.written) {
        // The letters only: the budget PDF is offered beside its workbook.
        if (written.extension() != ".pdf" || written.parent_path().filename() != "lettres") continue;
        Letter letter;
        letter.file = written.lexically_relative(output).generic_string();
        for (const Sector& s : programme.sectors)
            if (written.filename() == "lettre-de-mission-" + std::to_string(programme.year) + "-" + slugify(s.id) + ".pdf")
                letter.sector = &s;
        letters.push_back(letter);
    }
    return letters;
}

// Cards whose previews are rendered when the browser asks for them (web/previews.hpp).
DataValue letter_cards(const Workspace& workspace, const DecemberSettings& settings, const std::vector<Letter>& letters,
                       const fs::path& output, std::vector<std::string>& served) {
    DataValue list = DataValue::list();
    for (const Letter& letter : letters) {
        const fs::path pdf = output / letter.file;
        const std::string png = "apercus/" + pdf.stem().string() + ".png";
        const int pages = add_preview(workspace, output, {png, letter.file, 1, settings.preview_width});
        const std::string name = letter.sector ? letter.sector->name : pdf.stem().string();
        DataValue card = DataValue::map();
        card.set("secteur", text(name));
        card.set("pdf", text(letter.file));
        card.set("apercu", text(png));
        card.set("alt", text("Première page de la lettre de mission — " + name));
        card.set("pages", text(pages_text(pages)));
        card.set("taille", text(size_text(size_of(pdf))));
        served.push_back(letter.file);
        add_editable_links(card, output, letter.file, settings.formats, "lettre de mission — " + name, served);
        list.push_back(card);
    }
    return list;
}

DataValue file_entry(const fs::path& output, const std::string& relative) {
    DataValue entry = DataValue::map();
    entry.set("fichier", text(relative));
    entry.set("taille", text(size_text(size_of(output / relative))));
    return entry;
}

}  // namespace

DecemberOutcome refused(const Diagnostics& problems, const std::optional<Workbook>& workbook, const std::string& received) {
    DecemberOutcome outcome;
    outcome.refused = true;
    outcome.view = error_view(problems, workbook);
    if (!received.empty()) outcome.view.set("recu", text(received));
    return outcome;
}

DecemberOutcome refused_with(const std::string& message) {
    Diagnostics problems;
    problems.error({}, message);
    return refused(problems, std::nullopt, "");
}

std::string pages_text(int pages) { return std::to_string(pages) + (pages > 1 ? " pages" : " page"); }

// The logo the programme names is looked for, by its file name, in
// DOSSIER/input/ and copied where the job will resolve it (beside the
// upload, inside the scratch folder). A logo that would resolve outside the
// scratch folder (absolute, or climbing out with « .. ») is refused: nothing
// a request sends may read outside it.
void bring_logo(const Workspace& workspace, const Programme& programme, const SavedProgramme& saved,
                const fs::path& scratch) {
    if (programme.logo.empty()) return;
    const fs::path beside = saved.format == ProgrammeFormat::CsvFolder ? saved.data : saved.data.parent_path();
    const fs::path logo(programme.logo);
    const fs::path target = (logo.is_absolute() ? logo : beside / logo).lexically_normal();
    const fs::path inside = target.lexically_relative(scratch);
    if (inside.empty() || *inside.begin() == "..")
        throw LettrineError(ErrorKind::Data, SourcePosition::at_cell(saved.data.filename().string(), "Programme", ""),
                            "le logo « " + programme.logo + " » sort du dossier de l’envoi : sur le serveur, écrivez "
                            "seulement le nom de l’image (« " + logo.filename().string() +
                            " »), cherchée dans le dossier input/ du serveur");
    const fs::path source = workspace.inputs() / logo.filename();
    boost::system::error_code error;
    if (!fs::is_regular_file(source, error)) return;  // the job reports the missing image, positioned
    fs::create_directories(target.parent_path(), error);
    fs::copy_file(source, target, fs::copy_options::overwrite_existing, error);
}

DecemberOutcome december_from_upload(const Workspace& workspace, const DecemberSettings& settings,
                                     const std::vector<UploadedFile>& files,
                                     const std::function<std::string(const DataValue&)>& render_result,
                                     Progress* progress) {
    ScratchFolder scratch(workspace);
    SavedProgramme saved;
    try {
        saved = save_programme_upload(files, scratch.path(), settings.upload);
    } catch (const LettrineError& e) {
        return refused(e.diagnostics(), std::nullopt, "");
    }
    const ProgrammeCheck checked = check_programme(saved.data);
    if (checked.diagnostics.has_errors()) return refused(checked.diagnostics, read_back(saved.data), saved.received);

    const fs::path output = scratch.path() / "sortie";
    JobOptions options;
    options.data = saved.data;
    options.output = output;
    options.templates = settings.templates;
    options.jobs = settings.jobs;
    options.formats = settings.formats;
    options.progress = progress;
    JobResult result;
    try {
        bring_logo(workspace, *checked.programme, saved, scratch.path());
        result = run_december(options, true, true);
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        return refused(e.diagnostics(), read_back(saved.data), saved.received);
    }

    const Programme& programme = *checked.programme;
    const std::string year = std::to_string(programme.year);
    std::vector<std::string> documents;
    for (const fs::path& written : result.written) documents.push_back(written.lexically_relative(output).generic_string());
    std::vector<std::string> served;
    DecemberOutcome outcome;
    outcome.result_id = random_id();
    DataValue& view = outcome.view;
    view = DataValue::map();
    view.set("recu", text(saved.received));
    view.set("annee", text(year));
    view.set("base", text("/resultats/" + outcome.result_id + "/"));
    view.set("lettres", letter_cards(workspace, settings, letters_of(programme, result, output), output, served));
    const std::string budget = "budget-" + year + ".xlsx";
    view.set("budget", file_entry(output, budget));
    served.push_back(budget);
    const std::string budget_pdf = "budget-" + year + ".pdf";
    view.set("budget_pdf", file_entry(output, budget_pdf));
    served.push_back(budget_pdf);
    const std::string zip = "lettrine-decembre-" + year + ".zip";
    write_zip(output / zip, output, documents);
    view.set("archive", file_entry(output, zip));
    served.push_back(zip);
    DataValue remarks = DataValue::list();
    for (const Diagnostic& d : checked.diagnostics.items()) remarks.push_back(text(french_typography(d.describe())));
    for (const Diagnostic& d : result.warnings.items()) remarks.push_back(text(french_typography(d.describe())));
    view.set("avec_remarques", DataValue::boolean(!remarks.items().empty()));
    view.set("remarques", remarks);

    publish_result(workspace, output, outcome.result_id, served, render_result(view));
    return outcome;
}

void publish_result(const Workspace& workspace, const fs::path& folder, const std::string& id,
                    const std::vector<std::string>& served, const std::string& page) {
    std::string lines;
    for (const std::string& f : served) lines += f + "\n";
    write_file_atomically(folder / kResultManifest, lines);
    write_file_atomically(folder / kResultPage, page);
    // Published at once: a result folder either is complete or does not exist.
    fs::rename(folder, workspace.result(id));
}

std::vector<std::string> result_files(const Workspace& workspace, const std::string& id) {
    std::vector<std::string> files;
    if (!is_result_id(id)) return files;
    std::ifstream in((workspace.result(id) / kResultManifest).string());
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) files.push_back(line);
    return files;
}

}  // namespace lettrine::web
