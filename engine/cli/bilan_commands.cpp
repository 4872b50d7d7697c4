// The yearly loop: formulaire, note, rapport.
#include "bilan/note_job.hpp"
#include "cli/handlers.hpp"
#include "report/report.hpp"

namespace lettrine {

int run_forms_command(const Invocation& in, Console& console) {
    FormOptions forms;
    forms.programme = in.value("--donnees");
    forms.output = in.value("--sortie");
    forms.sectors = in.values("--secteur");
    forms.progress = &console.progress();
    return console.report(run_forms(forms), in.value("--sortie") + "/");
}

int run_note_command(const Invocation& in, Console& console) {
    NoteOptions note;
    note.bilan = in.value("--donnees");
    note.output = in.value("--sortie");
    note.templates = in.value("--modeles");
    note.progress = &console.progress();
    return console.report(run_note(note), in.value("--sortie") + "/");
}

int run_report_command(const Invocation& in, Console& console) {
    ReportOptions report;
    report.programme = in.value("--donnees");
    report.notes = in.value("--notes");
    report.output = in.value("--sortie");
    report.templates = in.value("--modeles");
    report.duplex = in.flag("--recto-verso");
    report.progress = &console.progress();
    return console.report(run_report(report), in.value("--sortie") + "/");
}

}  // namespace lettrine
