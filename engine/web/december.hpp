#pragma once
// The Décembre page's work: an uploaded programme in, either every problem
// (positioned, with the faulty sheets as grids) or the year's documents
// (the same run_december job as `lettrine decembre`, into a scratch folder,
// then published in the results area under a random id with first-page
// previews and one ZIP archive of everything).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "data/xlsx_reader.hpp"
#include "pipeline/output_formats.hpp"
#include "pipeline/progress.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

struct DecemberSettings {
    boost::filesystem::path templates = "templates";  // the documents' templates (--modeles)
    int jobs = 0;                                      // threads inside one batch (0: one per core)
    int preview_width = 300;                           // pixels
    // The documents' formats (--format): per request, from the page's form
    // (web/format_choice.hpp); the PDF always.
    std::vector<const OutputFormat*> formats = pdf_only();
    UploadLimits upload;
};

struct DecemberOutcome {
    bool refused = false;
    DataValue view;         // refused: error_view (+ « recu »); else the result page's cards
    std::string result_id;  // set when not refused
};

// A refused upload: every problem, each faulty sheet as a grid (error_view),
// and what was received (« recu ») when known.
DecemberOutcome refused(const Diagnostics& problems, const std::optional<Workbook>& workbook,
                        const std::string& received);

// A refusal with one message, positioned nowhere (« envoyez un seul fichier… »).
DecemberOutcome refused_with(const std::string& message);

// "3 pages", "1 page".
std::string pages_text(int pages);

// The logo the programme names, looked for by its file name in
// DOSSIER/input/ and copied beside the saved upload, where the jobs resolve
// it. A logo that would resolve outside `scratch` (absolute, or « .. ») is
// refused (LettrineError(Data), at the programme's sheet).
void bring_logo(const Workspace& workspace, const Programme& programme, const SavedProgramme& saved,
                const boost::filesystem::path& scratch);

// The file names a result page may serve: written in the result folder as
// « fichiers.txt », one relative path per line.
inline constexpr const char* kResultManifest = "fichiers.txt";
// The result page itself, rendered once the documents are made.
inline constexpr const char* kResultPage = "page.html";
// Present in a référent's result (its note): served without a staff session.
inline constexpr const char* kReferentResult = "referent";

// `render_result` turns the success view into the result page's HTML (it is
// saved with the documents, so the page can be reloaded or bookmarked).
DecemberOutcome december_from_upload(const Workspace& workspace, const DecemberSettings& settings,
                                     const std::vector<UploadedFile>& files,
                                     const std::function<std::string(const DataValue&)>& render_result,
                                     Progress* progress = nullptr);

// Publishes `folder` (on the same file system) as result `id`: writes the
// manifest of the files it may serve and its page, then renames it into the
// results area at once.
void publish_result(const Workspace& workspace, const boost::filesystem::path& folder, const std::string& id,
                    const std::vector<std::string>& served, const std::string& page);

// The manifest of a published result (empty when there is none).
std::vector<std::string> result_files(const Workspace& workspace, const std::string& id);

}  // namespace lettrine::web
