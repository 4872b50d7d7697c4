#pragma once
// The Publipostage page's work: a template and a data file, merged by the
// same job as `lettrine fusion` (run_merge): one PDF per record, or one
// file. Before anything is written, the job's merge_checks list every field
// the template uses that the data lacks: none of the records has it (an
// error, positioned in the template, naming the closest field), or only
// some lack it (a remark naming them).
//
// The template's images are looked for by name in DOSSIER/input/ (copied
// into the request's own input/ folder, where the run's resource resolver
// finds them, core/resources.hpp): nothing a request sends reads elsewhere.
#include <functional>
#include <string>
#include <vector>

#include "web/december.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

// Cards with a preview for the first documents only; the others are listed.
inline constexpr std::size_t kMergeCards = 8;

struct MergeRequest {
    std::vector<UploadedFile> template_file;  // exactly one: .xml.mustache (or .mustache, .xml)
    std::vector<UploadedFile> data;           // exactly one: .xlsx, .ods, .csv, .xml
    std::string each;                         // --chaque: a sheet, or a path of XML elements
    bool single_file = false;                 // --un-fichier
    std::string name_field;                   // --nom
    Progress* progress = nullptr;             // the job's, when it runs as one
};

DecemberOutcome merge_from_upload(const Workspace& workspace, const DecemberSettings& settings,
                                  const MergeRequest& request,
                                  const std::function<std::string(const DataValue&)>& render);

}  // namespace lettrine::web
