#pragma once
// The Assemblée générale page's work: the AG workbook (.xlsx, or its .xml
// twin) checked against the programme (every problem at once, the faulty
// sheets as grids), then the same job as `lettrine atelier`
// (run_workshop_packs): one workshop pack per sector, each émargement
// apart, the combined dossier for printing, and, in a second run as
// `lettrine atelier --badges`, the registrants' badges; published with
// first-page previews and one ZIP of everything.
#include <functional>
#include <string>
#include <vector>

#include "web/december.hpp"
#include "web/referents.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

struct AssemblyRequest {
    std::vector<UploadedFile> programme;  // none: the one the référents' page keeps
    std::vector<UploadedFile> assembly;   // exactly one: .xlsx or .xml
    std::vector<UploadedFile> notes;      // the sectors' notes (filled bilans), for the packs' key figures
    bool returned_bilans = false;         // also the bilans kept in DOSSIER/input/bilans/
    bool duplex = false;                  // --recto-verso for the combined dossier
    Progress* progress = nullptr;         // the job's, when it runs as one
};

DecemberOutcome assembly_from_upload(const Workspace& workspace, const ReferentDesk& desk,
                                     const DecemberSettings& settings, const AssemblyRequest& request,
                                     const std::function<std::string(const DataValue&)>& render);

}  // namespace lettrine::web
