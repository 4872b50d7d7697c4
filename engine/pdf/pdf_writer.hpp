#pragma once
// The PDF writer: paints laid-out documents into the bytes of a PDF file.
//
// Text is set in embedded, subsetted TrueType fonts (Type0/CIDFontType2,
// Identity-H) with a ToUnicode map, so the exact characters extract (é, œ, €,
// « », U+00A0 and U+202F included). Images (PNG, JPEG) are embedded once per
// document whatever the number of pages showing them. Links become /URI link
// annotations (internal links, /Dest to a page of
// the same part), outline entries become bookmarks.
//
// The output is deterministic: the same document gives the same bytes (no
// clock, no random identifier; the file /ID is derived from the content).
// Writers may run concurrently on several threads, on different documents
// sharing the same (read-only) fonts and images.
#include <cstdint>
#include <memory>
#include <string>

#include "layout/pages.hpp"
#include "pdf/pdf_file.hpp"

namespace lettrine {

// Returns the bytes of the PDF file; the caller writes them (atomically).
// Throws LettrineError: ErrorKind::Io for an image that cannot be read (every
// such image is reported, by path), ErrorKind::Data for an invalid creation
// date, ErrorKind::Internal for an inconsistent laid-out document (missing
// font, outline entry pointing past the last page) or an empty one.
std::string write_pdf(const LaidOutDocument& document);

// One PDF file written part by part, for documents too long to be held laid
// out in memory (a mail merge of 10,000 letters): each part's pages, images
// and links are written to the sink as soon as the part is added; what
// depends on the whole document (the fonts' subsets, the page tree, the
// outline, the catalog) is written by finish(), under object numbers given
// in advance. Memory use is that of one part plus a few bytes per page.
//
// Adding parts A then B gives the same bytes as write_pdf of A's and B's
// pages in one document (with A's metadata and both outlines).
class PdfStreamWriter {
public:
    explicit PdfStreamWriter(pdf::ByteSink& sink);
    ~PdfStreamWriter();
    PdfStreamWriter(const PdfStreamWriter&) = delete;
    PdfStreamWriter& operator=(const PdfStreamWriter&) = delete;

    // Writes the part's pages; its outline entries' page indices are
    // relative to the part. The document's metadata is the first part's.
    // Throws as write_pdf does; the file is then unusable.
    void add(const LaidOutDocument& part);

    // Writes the rest and the trailer. Throws LettrineError(Internal) when
    // no page was added.
    void finish();

    std::size_t page_count() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace lettrine
