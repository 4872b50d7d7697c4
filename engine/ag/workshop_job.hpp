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
#include "pipeline/output_formats.hpp"
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
    // --format: the packs' and attendance sheets' formats, side by side; the
    // printing dossier is pages (PDF only); badges are PDF only.
    std::vector<const OutputFormat*> formats = pdf_only();
    Progress* progress = nullptr;
    publication::Job job;              // the manifest's job: --nettoyer, stale files (core/manifest.hpp)
    BilanLookup bilans;                // key figures of each sector's latest bilan; none when empty
};

// Writes output/ag-<année>/dossier-atelier-<secteur>.pdf and
// emargement-<secteur>.pdf for every workshop (and .odt, .docx beside them,
// per options.formats) and output/ag-<année>/dossier-ag-<année>.pdf with all
// the packs, in the programme's sector order (when a format of pages is
// asked for); with `badges`, output/ag-<année>/badges-<année>.pdf only.
// Nothing is written when anything fails. Throws LettrineError (Usage: an
// editable format with `badges`, badge_format_refusal).
JobResult run_workshop_packs(const WorkshopOptions& options);

// Empty when every format can be given to the badges; else why not, in
// French (« le format odt n’est pas proposé pour les badges : … »): the
// badges are cards drawn straight onto the sheet, with no document tree for
// an editable writer to read.
std::string badge_format_refusal(const std::vector<const OutputFormat*>& formats);

// The packs one after the other, for printing. With `duplex`, a blank page
// is inserted before a pack that would start on a left-hand (even) page.
// `starts`, when given, receives each pack's first page (0-based).
LaidOutDocument assemble_dossier(std::vector<LaidOutDocument> packs, bool duplex,
                                 std::vector<std::size_t>* starts = nullptr);

// Writes the XLSX twin of an XML assembly file (input/ag-2016.xlsx is made this way).
JobResult convert_assembly(const boost::filesystem::path& xml, const boost::filesystem::path& xlsx);

}  // namespace lettrine
