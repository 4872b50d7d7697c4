#pragma once
// The layout stage: the document tree (engine/markup) to laid-out pages
// (layout/pages.hpp). Measures text with engine/font; knows nothing of PDF.
//
// Conventions of the result, for writers:
// - one GlyphRun per line, or per uniformly styled segment of a line; glyph
//   x positions already include justification (wider spaces);
// - underlined text is a GlyphRun with underline = true (no separate Rule);
// - superscript text is a smaller GlyphRun with a raised baseline;
// - each <lien> gives one LinkArea per line it spans, covering the line's height;
// - glyph x positions include kerning (HarfBuzz); a line ending at a
//   hyphenation point ends with a "-" glyph; characters the main font lacks
//   are in a separate GlyphRun in a fallback font (FontSet::fallback_for).
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "font/font.hpp"
#include "core/resources.hpp"
#include "layout/images.hpp"
#include "layout/line_breaker.hpp"
#include "layout/pages.hpp"
#include "markup/document.hpp"

namespace lettrine {

// The glue of a word space, in ems of the text's size.
struct SpaceGlue {
    double natural = 1.0 / 3;  // TeX's Computer Modern: 1/3 em plus 1/6 em minus 1/9 em
    double stretch = 1.0 / 6;
    double shrink = 1.0 / 9;
};

struct LayoutOptions {
    // Where <image src> files are found, and the only folders they may come
    // from (core/resources.hpp). When null, a resolver for the template
    // folder `image_directory` (with its project and the defaults).
    std::shared_ptr<const ResourceResolver> resources;
    std::string image_directory = ".";
    // Shared across documents so that each image file is read once; created
    // per call when null.
    std::shared_ptr<ImageCache> images;
    // Line breaking; KnuthPlassLineBreaker (total fit) when null.
    std::shared_ptr<const LineBreaker> line_breaker;
    // Word spaces: when not set, the font's own space, stretching by half
    // and shrinking by a third of its width (TeX's proportions).
    std::optional<SpaceGlue> space_glue;
    // French hyphenation (libhyphen, hyphen-fr) of French text whose
    // elements do not say cesure="non".
    bool hyphenate = true;
    // Where the data named by <position donnees="secteur.adresse …"> was read
    // (a workbook's cell): a positioned block its data makes too tall is an
    // error at that cell. Null, or an empty position: only the block is named.
    std::function<SourcePosition(const std::string& path)> data_position;
};

// Lays the document out. Throws LettrineError(Template) listing every
// problem (a character missing from its font, an unreadable image), each
// positioned at the markup element it comes from. Layout defects (a
// positioned block taller than its hauteur-max, outside the page, or over
// another one or over text laid out before it) are errors too: at the data
// cell that made the block too tall when the template names it (donnees),
// then LettrineError(Data) when nothing else is wrong.
LaidOutDocument layout_document(const Document& document, const FontSet& fonts, const LayoutOptions& options);

// Appends `next`'s pages to `book`, shifting every page index that `next`
// holds (outline entries, internal links' targets, page targets, reserved
// page ranges) by the number of pages already in `book`. The metadata is
// `next`'s when `book` has neither pages nor title.
void append_laid_out(LaidOutDocument& book, LaidOutDocument next);

// "2016-01-15" -> "D:20160115000000Z"; empty for an empty date.
std::string pdf_date(const std::string& iso_date);

}  // namespace lettrine
