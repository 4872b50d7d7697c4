#include "web/staff_jobs.hpp"

#include "core/french.hpp"
#include "core/output_files.hpp"
#include "markup/french_punctuation.hpp"
#include "web/previews.hpp"
#include "web/sheet_grid.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// The programme the référents' page keeps, as if it had been sent again.
std::vector<UploadedFile> kept_programme(const ReferentDesk& desk) {
    std::vector<UploadedFile> files;
    const fs::path kept = desk.programme();
    boost::system::error_code error;
    if (kept.empty()) return files;
    if (!fs::is_directory(kept, error)) return {{kept.filename().string(), read_file(kept)}};
    for (fs::directory_iterator it(kept, error), end; !error && it != end; it.increment(error))
        files.push_back({it->path().filename().string(), read_file(it->path())});
    return files;
}

}  // namespace

ProgrammeInput programme_for_job(const Workspace& workspace, const ReferentDesk& desk,
                                 const std::vector<UploadedFile>& sent, const fs::path& scratch,
                                 const UploadLimits& limits) {
    ProgrammeInput input;
    const std::vector<UploadedFile> files = sent.empty() ? kept_programme(desk) : sent;
    if (files.empty()) {
        input.refusal = refused_with("aucun programme : choisissez le classeur du programme de l’année (ou "
                                     "déposez-le une fois pour toutes sur la page Référents)");
        return input;
    }
    SavedProgramme saved;
    try {
        saved = save_programme_upload(files, scratch / "programme", limits);
    } catch (const LettrineError& e) {
        input.refusal = refused(e.diagnostics(), std::nullopt, "");
        return input;
    }
    input.data = saved.data;
    input.received = sent.empty() ? "celui de la page Référents" : saved.received;
    ProgrammeCheck checked = check_programme(input.data);
    try {
        if (!checked.diagnostics.has_errors()) bring_logo(workspace, *checked.programme, saved, scratch / "programme");
    } catch (const LettrineError& e) {
        checked.diagnostics.append(e.diagnostics());
    }
    if (checked.diagnostics.has_errors()) {
        input.refusal = refused(checked.diagnostics, read_back(input.data), input.received);
        return input;
    }
    input.programme = std::move(checked.programme);
    input.warnings = std::move(checked.diagnostics);
    return input;
}

NoteFiles gather_notes(const Workspace& workspace, const std::vector<UploadedFile>& sent, bool returned_bilans,
                       const fs::path& scratch) {
    NoteFiles notes;
    notes.folder = scratch / "notes";
    fs::create_directories(notes.folder);
    std::size_t returned = 0;
    const fs::path kept = workspace.inputs() / "bilans";
    boost::system::error_code error;
    if (returned_bilans && fs::is_directory(kept, error))
        for (fs::directory_iterator it(kept, error), end; !error && it != end; it.increment(error))
            if (fs::is_regular_file(it->symlink_status())) {
                write_file_atomically(notes.folder / it->path().filename(), read_file(it->path()));
                ++returned;
            }
    const std::vector<SavedUpload> saved =
        save_named_uploads(sent, notes.folder, {".xlsx", ".ods", ".xml", ".pdf"}, kMaxNoteFiles, "les notes");
    for (const SavedUpload& s : saved) {
        notes.shown[s.file.filename().string()] = s.shown;
        notes.received += (notes.received.empty() ? "" : ", ") + s.shown + " (" + size_text(s.size) + ")";
    }
    if (returned > 0)
        notes.received += (notes.received.empty() ? "" : ", ") + std::to_string(returned) +
                          (returned > 1 ? " bilans rendus" : " bilan rendu") + " par les structures référentes";
    return notes;
}

Diagnostics shown_positions(const Diagnostics& problems, const std::map<std::string, std::string>& shown,
                            bool sheet_with_file) {
    Diagnostics out;
    for (Diagnostic d : problems.items()) {
        if (!d.position.file.empty()) {
            std::string name = fs::path(d.position.file).filename().string();
            const auto it = shown.find(name);
            if (it != shown.end()) name = it->second;
            d.position.file = name;
            if (sheet_with_file && !d.position.sheet.empty()) d.position.sheet = name + ", feuille « " + d.position.sheet + " »";
        }
        // A file the message names (« note-habitat-2016.pdf »), as sent too.
        for (const auto& [ours, theirs] : shown) {
            const std::string from = quoted(ours), to = quoted(theirs);
            for (auto at = d.message.find(from); at != std::string::npos; at = d.message.find(from, at + to.size()))
                d.message.replace(at, from.size(), to);
        }
        out.add(d);
    }
    return out;
}

void add_remarks(DataValue& view, const Diagnostics& warnings) {
    DataValue remarks = DataValue::list();
    for (const Diagnostic& d : warnings.items())
        if (d.severity != Severity::Error) remarks.push_back(DataValue::text(french_typography(d.describe())));
    view.set("avec_remarques", DataValue::boolean(!remarks.items().empty()));
    view.set("remarques", remarks);
}

DataValue document_card(const Workspace& workspace, const fs::path& output, const std::string& relative_pdf,
                        const std::string& title, const std::string& alt, int page, int width,
                        std::vector<std::string>& served) {
    const fs::path pdf = output / relative_pdf;
    const std::string png = "apercus/" + pdf.stem().string() + "-p" + std::to_string(page) + ".png";
    const int pages = add_preview(workspace, output, {png, relative_pdf, page, width});
    DataValue card = DataValue::map();
    card.set("titre", DataValue::text(title));
    card.set("pdf", DataValue::text(relative_pdf));
    card.set("apercu", DataValue::text(png));
    card.set("alt", DataValue::text(alt));
    card.set("pages", DataValue::text(pages_text(pages)));
    card.set("taille", DataValue::text(size_text(static_cast<std::size_t>(fs::file_size(pdf)))));
    served.push_back(relative_pdf);
    return card;
}

}  // namespace lettrine::web
