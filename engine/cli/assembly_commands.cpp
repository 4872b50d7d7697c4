// The June general assembly: atelier, convertir-ag.
#include <map>
#include <utility>

#include "ag/workshop_job.hpp"
#include "bilan/note_view.hpp"
#include "cli/handlers.hpp"
#include "data/programme_reader.hpp"
#include "report/report.hpp"

namespace lettrine {

namespace {

// The key figures of every bilan in the notes folder, for the workshop
// packs' « Le secteur en bref ». The folder is read as the rapport reads it
// (same checks, every problem at once); a note given as a PDF has no
// figures Lettrine can read, so its sector's pack has none. It lives here
// because it joins two feature folders (report reads, ag prints) that do
// not depend on each other.
BilanLookup bilans_from_notes(const std::string& folder, const std::string& programme_file, Diagnostics& warnings) {
    const Programme programme = read_programme(programme_file);
    NoteFolder found = scan_notes(folder, programme, {}, NotesFor::Assembly);
    if (found.diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, std::move(found.diagnostics));
    for (const auto& d : found.diagnostics.items()) warnings.add(d);
    std::map<std::string, SectorBilan> by_sector;
    for (const SectorNote& note : found.notes) {
        if (!note.bilan) continue;
        SectorBilan bilan;
        bilan.year = note.bilan->year;
        for (const NoteFigure& f : note_key_figures(*note.bilan))
            bilan.figures.push_back({f.detail.empty() ? f.caption : f.caption + " (" + f.detail + ")", f.value});
        by_sector.emplace(note.sector_id, std::move(bilan));
    }
    return [by_sector = std::move(by_sector)](const Sector& sector) -> std::optional<SectorBilan> {
        const auto it = by_sector.find(sector.id);
        if (it == by_sector.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace

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
    if (in.has("--notes")) workshops.bilans = bilans_from_notes(in.value("--notes"), in.value("--donnees"), note_warnings);
    JobResult result = run_workshop_packs(workshops);
    for (const auto& d : note_warnings.items()) result.warnings.add(d);
    return console.report(result, {{"dossier-atelier-", "dossier d'atelier", "dossiers d'atelier"},
                                   {"emargement-", "feuille d’émargement", "feuilles d’émargement"},
                                   {"dossier-ag-", "dossier complet", ""},
                                   {"badges-", "planche de badges", ""}});
}

int run_convert_assembly_command(const Invocation& in, Console& console) {
    const JobResult result = convert_guarded(in, console, in.value("--donnees-ag"), [&] { return convert_assembly(in.value("--donnees-ag"), in.value("--sortie")); });
    return console.report(result, {{"", "classeur", ""}});
}

}  // namespace lettrine
