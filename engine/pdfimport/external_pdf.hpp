#pragma once
// PDF files Lettrine did not write (a référent's note de bilan exported from
// a word processor), checked and placed into a PDF Lettrine wrote.
//
// Such files are untrusted. They are never parsed in this process: every
// function here runs the helper program lettrine-import-pdf (qpdf, see
// import_pdf_main.cpp) as a child process with CPU-time, memory and
// wall-clock limits, so that a hostile or broken file ends in a French error
// naming it, never in a crash or a hang of Lettrine. Nothing here links qpdf.
//
// A file is accepted only if qpdf reads all of it without repairing
// anything: a PDF that qpdf would have to reconstruct (damaged cross-reference
// table, wrong stream lengths, undecodable streams, broken content streams)
// is refused rather than silently "fixed". A PDF protected by a password
// needed to open it is refused; one with only an owner password (opens
// without a password, "no editing") is accepted.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/limits.hpp"

namespace lettrine {

// What one import may cost. The defaults let any real note (hundreds of
// pages with images) through in well under a second of work, and stop a
// hostile file long before it troubles the machine.
struct ImportLimits {
    std::uint64_t max_file_bytes = 200ull << 20;  // 200 Mio: a scanned 100-page document
    std::size_t max_pages = kMaxExternalPdfPages;  // per external file
    int cpu_seconds = 30;                          // CPU time of the helper, per file it reads
    double wall_seconds = 60;                      // real time of the helper, per file it reads
    std::uint64_t memory_bytes = 1024ull << 20;    // address space of the helper (1 Gio)
};

struct ExternalPageSize {
    double width = 0, height = 0;  // points, as displayed: /UserUnit and /Rotate applied
};

struct ExternalPdfInfo {
    std::vector<ExternalPageSize> pages;  // at least one
    std::size_t page_count() const { return pages.size(); }
};

// Checks an external PDF and tells its pages' sizes (the trim box, which
// falls back to the crop box and the media box: what place_external_pages
// scales). Throws LettrineError, positioned at `file` (its path as given):
// ErrorKind::Io when it is missing, not a regular file or cannot be read;
// ErrorKind::Data when it is not a PDF, needs a password, is damaged, has no
// page or more than limits.max_pages, is larger than limits.max_file_bytes,
// or took more time or memory than the limits allow; ErrorKind::Internal
// when the helper program is missing or fails on its own.
ExternalPdfInfo inspect_external_pdf(const boost::filesystem::path& file, const ImportLimits& limits = {});

// One external page to draw into a page of a Lettrine PDF.
struct PagePlacement {
    std::size_t target_page = 0;   // 0-based page index in the Lettrine PDF
    boost::filesystem::path file;  // the external PDF
    std::size_t source_page = 0;   // 0-based page index in `file`
    // The area to fill on the target page, in points, with the layout's
    // conventions (layout/pages.hpp): (x, y) is its top-left corner, the
    // origin the page's top-left corner, y downwards. The external page is
    // scaled down to fit if needed (never enlarged) and centred in it.
    double x = 0, y = 0, width = 0, height = 0;
};

// Writes to `output` the Lettrine PDF `lettrine_pdf` with each placement's
// external page drawn on its target page, under the page's own content (so
// that Lettrine's running header, footer and page number are printed over
// it). Target pages are modified in place, never replaced: the document's
// bookmarks and internal links still lead to them. The external page's text
// stays text (extractable, searchable). What its annotations show when
// printed (filled form fields, stamps) is drawn as part of the page; the
// annotations themselves (links, fields, comments) are not imported, nor
// are hidden or non-printing ones, nor its bookmarks. Several placements may
// use the same file and the same target page (each is drawn in turn).
// On failure `output` is removed.
//
// The output is deterministic: the same inputs give the same bytes (its /ID
// is computed from its content, no date is added). It is written directly
// to `output`: the caller writes to a temporary file and renames it.
//
// Throws as inspect_external_pdf does for each external file (which is
// checked again here), and LettrineError(Internal) for a placement whose
// target or source page does not exist or whose area is empty or leaves the
// target page, or when `lettrine_pdf` itself cannot be read;
// LettrineError(Io) when `output` cannot be written. The limits' times are
// multiplied by the number of files read (the Lettrine PDF and each
// distinct external file).
void place_external_pages(const boost::filesystem::path& lettrine_pdf, const std::vector<PagePlacement>& placements,
                          const boost::filesystem::path& output, const ImportLimits& limits = {});

// The helper program the functions above run, found (in this order) at the
// path in the environment variable LETTRINE_IMPORT_PDF when it is set, next
// to the running program (/proc/self/exe), in an installed Lettrine's
// helpers folder (<prefix>/libexec/lettrine), or where the build tree made it
// (core/installation.hpp).
// Throws LettrineError(Internal) in French when it is nowhere.
boost::filesystem::path import_helper_path();

// The environment variable that overrides where the helper is looked for.
inline constexpr const char* kImportHelperVariable = "LETTRINE_IMPORT_PDF";
inline constexpr const char* kImportHelperName = "lettrine-import-pdf";

}  // namespace lettrine
