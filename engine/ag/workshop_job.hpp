#pragma once
// `lettrine atelier`: the June general assembly's workshop packs (one PDF
// per sector and one PDF with all of them for printing) or, with
// `--badges`, the registrants' name badges. `lettrine convertir-ag`: the
// assembly's workbook from its XML twin.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/default_paths.hpp"

#include "ag/workshop_view.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/progress.hpp"
#include "layout/pages.hpp"

namespace lettrine {

struct WorkshopOptions {
    boost::filesystem::path programme = kDefaultProgramme;  // --donnees
    boost::filesystem::path assembly = kDefaultAssembly;        // --donnees-ag
    boost::filesystem::path output = "output";                        // packs go to output/ag-<année>/
    boost::filesystem::path templates = "templates";
    std::vector<std::string> sectors;  // --secteur: only these packs (the combined dossier is then not rewritten)
    bool badges = false;               // --badges: the badge sheets instead of the packs
    bool duplex = false;               // --recto-verso: each pack of the dossier starts on a right-hand page
    int jobs = 0;                      // 0: one per core
    bool archival = true;              // false (--pdfa non): no PDF/A-2 identification
    Progress* progress = nullptr;
    publication::Job job;              // the manifest's job: --nettoyer, stale files (core/manifest.hpp)
    BilanLookup bilans;                // key figures of each sector's latest bilan; none when empty
};

// Writes output/ag-<année>/dossier-atelier-<secteur>.pdf for every workshop
// and output/ag-<année>/dossier-ag-<année>.pdf with all of them, in the
// programme's sector order; with `badges`, output/ag-<année>/badges-<année>.pdf
// only. Nothing is written when anything fails. Throws LettrineError.
JobResult run_workshop_packs(const WorkshopOptions& options);

// The packs one after the other, for printing. With `duplex`, a blank page
// is inserted before a pack that would start on a left-hand (even) page.
// `starts`, when given, receives each pack's first page (0-based).
LaidOutDocument assemble_dossier(std::vector<LaidOutDocument> packs, bool duplex,
                                 std::vector<std::size_t>* starts = nullptr);

// Writes the XLSX twin of an XML assembly file (input/ag-2016.xlsx is made this way).
JobResult convert_assembly(const boost::filesystem::path& xml, const boost::filesystem::path& xlsx);

}  // namespace lettrine
