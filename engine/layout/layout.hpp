#pragma once
// The layout stage: the document tree (engine/markup) to laid-out pages
// (layout/pages.hpp). Measures text with engine/font; knows nothing of PDF.
//
// Conventions of the result, for writers:
// - one GlyphRun per line, or per uniformly styled segment of a line; glyph
//   x positions already include justification (wider spaces);
// - underlined text is a GlyphRun with underline = true (no separate Rule);
// - superscript text is a smaller GlyphRun with a raised baseline;
// - each <lien> gives one LinkArea per line it spans, covering the line's height.
#include <memory>
#include <string>

#include "font/font.hpp"
#include "layout/images.hpp"
#include "layout/line_breaker.hpp"
#include "layout/pages.hpp"
#include "markup/document.hpp"

namespace lettrine {

struct LayoutOptions {
    // Folder that <image src> paths are relative to (absolute src are kept).
    std::string image_directory = ".";
    // Shared across documents so that each image file is read once; created
    // per call when null.
    std::shared_ptr<ImageCache> images;
    // Line breaking; GreedyLineBreaker when null.
    std::shared_ptr<const LineBreaker> line_breaker;
};

// Lays the document out. Throws LettrineError(Template) listing every
// problem (a character missing from its font, an unreadable image), each
// positioned at the markup element it comes from.
LaidOutDocument layout_document(const Document& document, const FontSet& fonts, const LayoutOptions& options);

// "2016-01-15" -> "D:20160115000000Z"; empty for an empty date.
std::string pdf_date(const std::string& iso_date);

}  // namespace lettrine
