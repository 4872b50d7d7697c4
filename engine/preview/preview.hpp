#pragma once
// First-page previews of PDFs, for the web pages: the page is rendered by
// the helper program lettrine-apercu (poppler) in a child process under
// limits (CPU time, memory, wall clock), and the PNG is kept in a cache
// folder under the PDF's SHA-256, so a document already seen costs nothing.
#include <cstddef>
#include <optional>
#include <string>

#include "core/digest.hpp"

#include <boost/filesystem.hpp>

namespace lettrine {

struct PreviewLimits {
    double wall_seconds = 20;                   // killed (SIGKILL) beyond
    int cpu_seconds = 10;                       // RLIMIT_CPU in the helper
    std::size_t memory_bytes = std::size_t{768} << 20;  // RLIMIT_AS in the helper
};

struct PagePreview {
    boost::filesystem::path png;  // in the cache folder
    int pages = 0;                // the document's page count
    bool cached = false;          // found in the cache (nothing was rendered)
};

// Page 1 of `pdf`, `width` pixels wide. Throws LettrineError (Data for a
// file the helper cannot read, Internal when the helper is missing, crashes
// or runs out of time) with a French message naming the file.
PagePreview first_page_preview(const boost::filesystem::path& pdf, const boost::filesystem::path& cache_folder,
                               int width, const PreviewLimits& limits = {});

// Page `page` (from 1) of `pdf`, as first_page_preview does for page 1 (the
// rapport's contents page is its page 2). A page beyond the last: LettrineError(Data).
PagePreview page_preview(const boost::filesystem::path& pdf, const boost::filesystem::path& cache_folder, int page,
                         int width, const PreviewLimits& limits = {});

// The preview page_preview would return when it is already in the cache
// (nothing is rendered); nothing otherwise.
std::optional<PagePreview> cached_page_preview(const boost::filesystem::path& pdf,
                                               const boost::filesystem::path& cache_folder, int page, int width);

// The page count of `pdf`, read from its page tree when the file is one
// Lettrine wrote (its objects in plain text, not compressed into object
// streams), without the helper; else through page_preview (page 1 at
// `width`, which the cache then keeps). Throws as page_preview does.
int document_page_count(const boost::filesystem::path& pdf, const boost::filesystem::path& cache_folder, int width);

// The helper: LETTRINE_APERCU when set, else next to the running program
// (/proc/self/exe), else in an installed Lettrine's helpers folder, else
// where the build tree made it (core/installation.hpp).
boost::filesystem::path preview_helper_path();

}  // namespace lettrine
