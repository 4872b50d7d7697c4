#include "web/report_desk.hpp"

#include <map>

#include "core/output_files.hpp"
#include "markup/french_punctuation.hpp"
#include "report/report.hpp"
#include "web/format_choice.hpp"
#include "web/sheet_grid.hpp"
#include "web/staff_jobs.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

std::string shown_file(const NoteFiles& notes, const fs::path& file) {
    const auto it = notes.shown.find(file.filename().string());
    return it == notes.shown.end() ? file.filename().string() : it->second;
}

struct StateRow {
    std::string sector, file, state;
    std::vector<std::string> messages;  // refused: why, positioned
};

// One row per chapter the report would have (the programme's order), the
// refused files set on their sector's row when their name tells it.
std::vector<StateRow> note_states(const Programme& programme, const NoteFolder& found, const NoteFiles& notes,
                                  const Diagnostics& shown_problems, const Diagnostics& raw_problems) {
    Diagnostics ignored;
    std::vector<StateRow> rows;
    std::map<std::string, std::size_t> row_of;  // sector id -> row
    for (const ReportChapter& chapter : plan_chapters(programme, found.notes, notes.folder, ignored)) {
        StateRow row{chapter.sector->name, "—", "note manquante", {}};
        if (chapter.note) {
            row.file = shown_file(notes, chapter.note->file);
            row.state = chapter.note->kind == SectorNote::Kind::Bilan
                            ? "bilan valide"
                            : "PDF importé (" + pages_text(static_cast<int>(chapter.note->page_count)) + ")";
        }
        row_of[chapter.sector->id] = rows.size();
        rows.push_back(row);
    }
    std::map<std::string, std::size_t> refused_row;  // our file name -> row
    for (std::size_t i = 0; i < raw_problems.items().size(); ++i) {
        const Diagnostic& raw = raw_problems.items()[i];
        if (raw.severity != Severity::Error) continue;
        const std::string file = fs::path(raw.position.file).filename().string();
        auto at = refused_row.find(file);
        if (at == refused_row.end()) {
            const Sector* sector = file.empty() ? nullptr : sector_named_by(file, programme);
            const auto own = sector ? row_of.find(sector->id) : row_of.end();
            std::size_t index = rows.size();
            if (own != row_of.end() && rows[own->second].state == "note manquante") {
                index = own->second;
            } else {
                rows.push_back({sector ? sector->name : "—", "", "", {}});
            }
            rows[index].file = file.empty() ? "—" : shown_file(notes, file);
            rows[index].state = "refusé";
            at = refused_row.emplace(file, index).first;
        }
        rows[at->second].messages.push_back(french_typography(shown_problems.items()[i].describe()));
    }
    return rows;
}

DataValue states_view(const std::vector<StateRow>& rows) {
    DataValue list = DataValue::list();
    for (const StateRow& row : rows) {
        DataValue item = DataValue::map();
        item.set("secteur", text(row.sector));
        item.set("fichier", text(row.file));
        item.set("etat", text(row.state));
        item.set("refuse", DataValue::boolean(!row.messages.empty()));
        item.set("manquante", DataValue::boolean(row.state == "note manquante"));
        DataValue messages = DataValue::list();
        for (const std::string& m : row.messages) messages.push_back(text(m));
        item.set("messages", messages);
        list.push_back(item);
    }
    return list;
}

DecemberOutcome refused_report(const Diagnostics& raw, const NoteFiles& notes, const Programme& programme,
                               const NoteFolder& found) {
    const Diagnostics shown = shown_positions(raw, notes.shown);
    DecemberOutcome outcome = refused(shown, std::nullopt, notes.received);
    outcome.view.set("etats", states_view(note_states(programme, found, notes, shown, raw)));
    outcome.view.set("avec_etats", DataValue::boolean(true));
    return outcome;
}

}  // namespace

DecemberOutcome report_from_upload(const Workspace& workspace, const ReferentDesk& desk,
                                   const DecemberSettings& settings, const ReportRequest& request,
                                   const std::function<std::string(const DataValue&)>& render) {
    ScratchFolder scratch(workspace);
    ProgrammeInput input = programme_for_job(workspace, desk, request.programme, scratch.path(), settings.upload);
    if (input.refusal) return *input.refusal;
    const Programme& programme = *input.programme;
    NoteFiles notes;
    try {
        notes = gather_notes(workspace, request.notes, request.returned_bilans, scratch.path());
    } catch (const LettrineError& e) {
        return refused(e.diagnostics(), std::nullopt, "");
    }
    const NoteFolder found = scan_notes(notes.folder, programme);
    if (found.diagnostics.has_errors()) return refused_report(found.diagnostics, notes, programme, found);

    ReportOptions options;
    options.programme = input.data;
    options.notes = notes.folder;
    options.output = scratch.path() / "sortie";
    options.templates = settings.templates;
    options.duplex = request.duplex;
    options.formats = settings.formats;
    options.progress = request.progress;
    JobResult result;
    try {
        result = run_report(options);
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Internal) throw;
        return refused_report(e.diagnostics(), notes, programme, found);
    }

    DecemberOutcome outcome;
    outcome.result_id = random_id();
    DataValue& view = outcome.view;
    view = DataValue::map();
    view.set("base", text("/resultats/" + outcome.result_id + "/"));
    view.set("annee", text(std::to_string(programme.year)));
    view.set("recu", text(notes.received.empty() ? "aucune note" : notes.received));
    view.set("programme", text(input.received));
    view.set("etats", states_view(note_states(programme, found, notes, {}, {})));
    view.set("avec_etats", DataValue::boolean(true));
    std::vector<std::string> served;
    const std::string pdf = result.written.front().filename().string();
    const std::string title = "Rapport d’activité " + std::to_string(programme.year);
    DataValue card = document_card(workspace, options.output, pdf, title,
                                   "Le sommaire du rapport d’activité " + std::to_string(programme.year),
                                   kReportContentsPage, 2 * settings.preview_width, served);
    add_editable_links(card, options.output, pdf, settings.formats, title, served);
    view.set("rapport", card);
    Diagnostics warnings = input.warnings;
    warnings.append(shown_positions(result.warnings, notes.shown));
    add_remarks(view, warnings);
    publish_result(workspace, options.output, outcome.result_id, served, render(view));
    return outcome;
}

}  // namespace lettrine::web
