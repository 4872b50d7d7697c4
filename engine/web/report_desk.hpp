#pragma once
// The Rapport d'activité page's work: the notes the staff send (filled
// bilans, PDFs written elsewhere) and, when asked, the bilans the référents
// returned through their links (DOSSIER/input/bilans/), read as `lettrine
// rapport --notes` reads its folder (scan_notes); each sector's note with
// its state; then the report itself (run_report, the same job as the
// command), published with a preview of its contents page.
#include <functional>
#include <string>
#include <vector>

#include "web/december.hpp"
#include "web/referents.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

// The report's page shown: its contents page (page 1 is the cover).
inline constexpr int kReportContentsPage = 2;

struct ReportRequest {
    std::vector<UploadedFile> programme;  // none: the one the référents' page keeps
    std::vector<UploadedFile> notes;      // .xlsx, .ods, .xml, .pdf
    bool returned_bilans = false;         // also the bilans kept in DOSSIER/input/bilans/
    bool duplex = false;                  // --recto-verso
    Progress* progress = nullptr;         // the job's, when it runs as one
};

// Refused: the error view plus « etats » (one row per sector: « secteur »,
// « fichier », « etat », « refuse », « messages »); else the result's view,
// its page rendered by `render` and published.
DecemberOutcome report_from_upload(const Workspace& workspace, const ReferentDesk& desk,
                                   const DecemberSettings& settings, const ReportRequest& request,
                                   const std::function<std::string(const DataValue&)>& render);

}  // namespace lettrine::web
