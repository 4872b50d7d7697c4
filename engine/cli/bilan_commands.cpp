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
    forms.job = in.output_job();
    return console.report(run_forms(forms), {{"bilan-", "formulaire de bilan", "formulaires de bilan"}});
}

int run_note_command(const Invocation& in, Console& console) {
    if (boost::filesystem::is_directory(in.value("--donnees")))
        usage_error("note : --donnees attend un fichier, le bilan rempli (.xlsx, .ods ou .xml), pas le dossier « " +
                    in.value("--donnees") + " » ; pour toutes les notes d’un dossier : lettrine rapport --notes " +
                    in.value("--donnees"));
    NoteOptions note;
    note.bilan = in.value("--donnees");
    note.output = in.value("--sortie");
    note.templates = in.value("--modeles");
    note.formats = parse_output_formats(in.value("--format"));
    note.archival = in.archival();
    note.progress = &console.progress();
    return console.report(run_note(note), {{"note-bilan-", "note de bilan", ""}});
}

int run_report_command(const Invocation& in, Console& console) {
    ReportOptions report;
    report.programme = in.value("--donnees");
    report.notes = in.value("--notes");
    report.output = in.value("--sortie");
    report.templates = in.value("--modeles");
    report.duplex = in.flag("--recto-verso");
    report.formats = parse_output_formats(in.value("--format"));
    report.archival = in.archival();
    report.progress = &console.progress();
    return console.report(run_report(report), {{"rapport-", "rapport d’activité", ""}});
}

}  // namespace lettrine
