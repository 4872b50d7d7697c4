#pragma once
// The PDF writer: paints a laid-out document into the bytes of a PDF file.
//
// Text is set in embedded, subsetted TrueType fonts (Type0/CIDFontType2,
// Identity-H) with a ToUnicode map, so the exact characters extract (é, œ, €,
// « », U+00A0 and U+202F included). Images (PNG, JPEG) are embedded once per
// document whatever the number of pages showing them. Links become /URI link
// annotations, outline entries become bookmarks.
//
// The output is deterministic: the same document gives the same bytes (no
// clock, no random identifier; the file /ID is derived from the content).
// write_pdf may run concurrently on several threads, on different documents
// sharing the same (read-only) fonts.
#include <string>

#include "layout/pages.hpp"

namespace lettrine {

// Returns the bytes of the PDF file; the caller writes them (atomically).
// Throws LettrineError: ErrorKind::Io for an image that cannot be read (every
// such image is reported, by path), ErrorKind::Data for an invalid creation
// date, ErrorKind::Internal for an inconsistent laid-out document (missing
// font, outline entry pointing past the last page) or a PDF library failure.
std::string write_pdf(const LaidOutDocument& document);

}  // namespace lettrine
