#include "web/assembly_desk.hpp"

#include <map>

#include "ag/assembly_reader.hpp"
#include "ag/note_figures.hpp"
#include "ag/workshop_job.hpp"
#include "core/text.hpp"
#include "web/format_choice.hpp"
#include "web/sheet_grid.hpp"
#include "web/staff_jobs.hpp"
#include "web/zip_bundle.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

std::string sector_name(const Programme& programme, const std::string& slug) {
    for (const Sector& s : programme.sectors)
        if (slugify(s.id) == slug) return s.name;
    return slug;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The cards and links of the result page, from the files the two runs wrote.
void documents_view(const Workspace& workspace, const DecemberSettings& settings, const Programme& programme,
                    const fs::path& output, const std::vector<fs::path>& written, DataValue& view,
                    std::vector<std::string>& served) {
    DataValue packs = DataValue::list(), sheets = DataValue::list();
    for (const fs::path& file : written) {
        if (file.extension() != ".pdf") continue;  // the editable twins go on their PDF's card
        const std::string relative = file.lexically_relative(output).generic_string();
        const std::string name = file.stem().string();
        if (starts_with(name, "dossier-atelier-")) {
            const std::string sector = sector_name(programme, name.substr(16));
            DataValue card = document_card(workspace, output, relative, sector,
                                           "Première page du dossier d’atelier — " + sector, 1, settings.preview_width,
                                           served);
            add_editable_links(card, output, relative, settings.formats, "dossier d’atelier — " + sector, served);
            packs.push_back(card);
        } else if (starts_with(name, "emargement-")) {
            DataValue sheet = DataValue::map();
            const std::string sector = sector_name(programme, name.substr(11));
            sheet.set("titre", text(sector));
            sheet.set("pdf", text(relative));
            sheet.set("taille", text(size_text(static_cast<std::size_t>(fs::file_size(file)))));
            served.push_back(relative);
            add_editable_links(sheet, output, relative, settings.formats, "feuille d’émargement — " + sector, served);
            sheets.push_back(sheet);
        } else if (starts_with(name, "dossier-ag-")) {
            view.set("dossier", document_card(workspace, output, relative, "Dossier complet, pour l’impression",
                                              "Première page du dossier complet", 1, settings.preview_width, served));
        } else if (starts_with(name, "badges-")) {
            view.set("badges", document_card(workspace, output, relative, "Badges des inscrits",
                                             "Première planche de badges", 1, settings.preview_width, served));
        }
    }
    view.set("dossiers", packs);
    view.set("emargements", sheets);
}

}  // namespace

DecemberOutcome assembly_from_upload(const Workspace& workspace, const ReferentDesk& desk,
                                     const DecemberSettings& settings, const AssemblyRequest& request,
                                     const std::function<std::string(const DataValue&)>& render) {
    ScratchFolder scratch(workspace);
    ProgrammeInput input = programme_for_job(workspace, desk, request.programme, scratch.path(), settings.upload);
    if (input.refusal) return *input.refusal;
    if (request.assembly.size() != 1)
        return refused_with("choisissez un seul fichier de l’assemblée générale : le classeur .xlsx (ou son jumeau .xml)");
    std::vector<SavedUpload> saved;
    try {
        saved = save_named_uploads(request.assembly, scratch.path() / "ag", {".xlsx", ".xml"}, 1,
                                   "l’assemblée générale");
    } catch (const LettrineError& e) {
        return refused(e.diagnostics(), std::nullopt, "");
    }
    const fs::path ag = saved.front().file;
    const std::string received = saved.front().shown + " (" + size_text(saved.front().size) + ")";
    const std::map<std::string, std::string> shown{{ag.filename().string(), saved.front().shown}};
    const AssemblyCheck checked = check_assembly(ag, &*input.programme);
    if (checked.diagnostics.has_errors())
        return refused(shown_positions(checked.diagnostics, shown, false), read_back(ag), received);

    WorkshopOptions options;
    Diagnostics note_warnings;
    std::string notes_received;
    if (!request.notes.empty() || request.returned_bilans) {
        NoteFiles notes;
        try {
            notes = gather_notes(workspace, request.notes, request.returned_bilans, scratch.path());
        } catch (const LettrineError& e) {
            return refused(e.diagnostics(), std::nullopt, "");
        }
        notes_received = notes.received;
        try {
            if (!fs::is_empty(notes.folder)) options.bilans = bilans_from_notes(notes.folder, *input.programme, note_warnings);
        } catch (const LettrineError& e) {
            if (e.kind() == ErrorKind::Internal) throw;
            return refused(shown_positions(e.diagnostics(), notes.shown), std::nullopt, notes.received);
        }
        note_warnings = shown_positions(note_warnings, notes.shown);
    }
    options.programme = input.data;
    options.assembly = ag;
    options.output = scratch.path() / "sortie";
    options.templates = settings.templates;
    options.jobs = settings.jobs;
    options.duplex = request.duplex;
    options.formats = settings.formats;
    options.progress = request.progress;
    JobResult packs, badges;
    try {
        packs = run_workshop_packs(options);
        if (!checked.assembly->registrants.empty()) {
            options.badges = true;
            options.formats = pdf_only();  // cards drawn on the sheet: no document tree to edit
            badges = run_workshop_packs(options);
        }
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        return refused(shown_positions(e.diagnostics(), shown, false), read_back(ag), received);
    }
    std::vector<fs::path> written = packs.written;
    written.insert(written.end(), badges.written.begin(), badges.written.end());

    DecemberOutcome outcome;
    outcome.result_id = random_id();
    DataValue& view = outcome.view;
    view = DataValue::map();
    const std::string year = std::to_string(checked.assembly->year);
    view.set("base", text("/resultats/" + outcome.result_id + "/"));
    view.set("annee", text(year));
    view.set("recu", text(received));
    view.set("programme", text(input.received));
    view.set("notes", text(notes_received));
    view.set("avec_notes", DataValue::boolean(!notes_received.empty()));
    std::vector<std::string> served;
    documents_view(workspace, settings, *input.programme, options.output, written, view, served);
    std::vector<std::string> documents;
    for (const fs::path& file : written) documents.push_back(file.lexically_relative(options.output).generic_string());
    const std::string zip = "lettrine-ag-" + year + ".zip";
    write_zip(options.output / zip, options.output, documents);
    DataValue archive = DataValue::map();
    archive.set("fichier", text(zip));
    archive.set("taille", text(size_text(static_cast<std::size_t>(fs::file_size(options.output / zip)))));
    view.set("archive", archive);
    served.push_back(zip);
    Diagnostics warnings = input.warnings;
    warnings.append(shown_positions(checked.diagnostics, shown, false));
    warnings.append(note_warnings);
    add_remarks(view, warnings);
    publish_result(workspace, options.output, outcome.result_id, served, render(view));
    return outcome;
}

}  // namespace lettrine::web
