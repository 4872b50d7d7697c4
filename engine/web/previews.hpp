#pragma once
// Previews on demand: a result page shows its cards as soon as the documents
// are written, and each card's image is rendered (by the sandboxed helper,
// preview/preview.hpp) when the browser first asks for it, then served from
// the cache by the PDF's hash.
//
// A result lists its previews in `apercus.txt` (one a line: the image's
// name, the PDF, the page, the width, separated by tabs); only those names
// are rendered, and only from the result's own PDFs.
//
// Renders run on the service's own threads, at most kPreviewHelpers helpers
// at once for the whole server. An HTTP worker that asks for a preview not
// yet in the cache waits for it at most kPreviewWait, and at most
// kPreviewWaiters workers wait at once: beyond them, at once, or when the
// render is not done in time, the answer is « 503, réessayez dans une
// seconde » (the render goes on; the pages' script asks again), so previews
// never take more than a few of the server's workers from the other pages.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>
#include <httplib.h>

#include "web/pages.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

// The helpers that render at once, for the whole server: as many as one
// December batch ran before previews were rendered on demand (four letters).
inline constexpr int kPreviewHelpers = 4;
// HTTP workers that may wait for a render at once, and how long each may.
inline constexpr std::size_t kPreviewWaiters = 4;
inline constexpr std::chrono::milliseconds kPreviewWait{2000};
// Renders asked for and not yet started; beyond, a request is answered « busy ».
inline constexpr std::size_t kMaxQueuedPreviews = 256;

// The list of a result's previews, in its folder.
inline constexpr const char* kPreviewManifest = "apercus.txt";

// A preview a result page shows, rendered when first asked for.
struct PreviewEntry {
    std::string png;  // the name the page uses: "apercus/lettre-de-mission-2016-habitat.png"
    std::string pdf;  // the document, relative to the result folder
    int page = 1;
    int width = 300;  // pixels
};

// Adds `entry` to the preview list of the result being made in `output`
// (not thread-safe: one result is made by one thread) and returns the PDF's
// page count, read from the PDF (document_page_count), for the card.
int add_preview(const Workspace& workspace, const boost::filesystem::path& output, const PreviewEntry& entry);

// The entry of result `id` named `png`, when its list has it.
std::optional<PreviewEntry> find_preview(const Workspace& workspace, const std::string& id, const std::string& png);

class PreviewService {
public:
    enum class Status { Ready, Busy, Failed };
    struct Answer {
        Status status = Status::Busy;
        boost::filesystem::path png;  // Ready: in the cache folder
        std::string error;            // Failed: in French, naming the file
    };

    explicit PreviewService(boost::filesystem::path cache_folder);
    ~PreviewService();  // lets the running renders finish
    PreviewService(const PreviewService&) = delete;
    PreviewService& operator=(const PreviewService&) = delete;

    // Page `page` of `pdf` at `width`: from the cache, or rendered and waited
    // for (see above).
    Answer get(const boost::filesystem::path& pdf, int page, int width);

private:
    struct Render;
    void work();
    std::shared_ptr<Render> ask(const std::string& key, const boost::filesystem::path& pdf, int page, int width);

    boost::filesystem::path cache_;
    std::mutex mutex_;
    std::condition_variable queued_, rendered_;
    std::deque<std::shared_ptr<Render>> queue_;
    std::map<std::string, std::shared_ptr<Render>> asked_;  // queued or rendering, by PDF, page and width
    std::map<std::string, std::string> failed_;             // kept, so a damaged file is not rendered again
    std::size_t waiting_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

// Answers a request for `entry` of result `id`: the PNG (cached by the
// browser an hour), or a French page: 503 with Retry-After when the render
// is not ready, 500 when the helper could not render the page.
void answer_preview(PreviewService& previews, const Workspace& workspace, const Pages& pages, const std::string& id,
                    const PreviewEntry& entry, httplib::Response& res);

}  // namespace lettrine::web
