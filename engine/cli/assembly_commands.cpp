// The June general assembly: atelier, convertir-ag.
#include "ag/note_figures.hpp"
#include "ag/workshop_job.hpp"
#include "cli/handlers.hpp"
#include "data/programme_reader.hpp"

namespace lettrine {

int run_workshops_command(const Invocation& in, Console& console) {
    WorkshopOptions workshops;
    workshops.programme = in.value("--donnees");
    workshops.assembly = in.value("--donnees-ag");
    workshops.output = in.value("--sortie");
    workshops.templates = in.value("--modeles");
    workshops.sectors = in.values("--secteur");
    workshops.badges = in.flag("--badges");
    workshops.duplex = in.flag("--recto-verso");
    workshops.jobs = in.jobs();
    workshops.formats = parse_output_formats(in.value("--format"));
    workshops.archival = in.archival();
    workshops.progress = &console.progress();
    workshops.job = in.output_job();
    Diagnostics note_warnings;
    if (in.has("--notes")) workshops.bilans = bilans_from_notes(in.value("--notes"), read_programme(in.value("--donnees")), note_warnings);
    JobResult result = run_workshop_packs(workshops);
    for (const auto& d : note_warnings.items()) result.warnings.add(d);
    return console.report(result, {{"dossier-atelier-", "dossier d’atelier", "dossiers d’atelier"},
                                   {"emargement-", "feuille d’émargement", "feuilles d’émargement"},
                                   {"dossier-ag-", "dossier complet", ""},
                                   {"badges-", "planche de badges", ""}});
}

int run_convert_assembly_command(const Invocation& in, Console& console) {
    const JobResult result = convert_guarded(in, console, in.value("--donnees-ag"), [&] { return convert_assembly(in.value("--donnees-ag"), in.value("--sortie")); });
    return console.report(result, {{"", "classeur", ""}});
}

}  // namespace lettrine
