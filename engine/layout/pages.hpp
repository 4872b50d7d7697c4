#pragma once
// The laid-out document: what the layout stage produces and the writers
// paint. Pure values: positioned glyph runs, rules, rectangles, images and
// link areas on pages. No PDF here, no markup either.
//
// Units are PostScript points (1/72 in). The origin is the page's top-left
// corner, y grows downwards; a writer for a bottom-up format flips it.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "font/font.hpp"

namespace lettrine {

struct Color {
    double r = 0, g = 0, b = 0;  // 0..1
    bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b; }
};

// One glyph of a run. `text` is what the glyph stands for when extracted
// (usually one character; a writer maps the pair (glyph, text) to one code).
struct PlacedGlyph {
    uint32_t glyph = 0;
    std::u32string text;
    double x = 0;        // pen position relative to the run's origin, points
    double advance = 0;  // the advance the writer should assume, points (may differ
                         // from the font's own, e.g. a narrow no-break space)
};

// A line (or part of a line) in one font, size and colour: painted in one go.
struct GlyphRun {
    double x = 0, y = 0;  // origin of the run: left end of the baseline
    std::shared_ptr<const Font> font;
    double size = 10;     // points
    Color color;
    std::vector<PlacedGlyph> glyphs;
    bool underline = false;
};

struct Rule {  // a straight stroked segment
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
};

struct Rectangle {  // filled and/or stroked box; (x, y) is its top-left corner
    double x = 0, y = 0, width = 0, height = 0;
    bool fill = false;
    Color fill_color{1, 1, 1};
    double stroke_width = 0;  // 0: no stroke
    Color stroke_color;
};

struct PlacedImage {  // (x, y) top-left corner, drawn to width × height
    double x = 0, y = 0, width = 0, height = 0;
    std::string path;   // resolved file path (PNG or JPEG), for messages
    std::shared_ptr<const std::string> bytes;  // file contents, read once
};

struct LinkArea {  // a clickable area: "mailto:..." or "https://...", or a page of the document
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;               // empty for an internal link
    // Internal link (a table of contents' entry): to `target_page` (0-based,
    // in the same document), showing it from `target_y` (points from its top).
    bool internal = false;
    std::size_t target_page = 0;
    double target_y = 0;
};

using PageItem = std::variant<GlyphRun, Rule, Rectangle, PlacedImage, LinkArea>;

struct LaidOutPage {
    double width = 595.276, height = 841.89;  // A4
    std::vector<PageItem> items;              // painted in order
    // false: the page has no running header nor footer (the blank page a
    // <saut-page page="impaire"/> inserts, a page with <sans-entete-pied/>).
    bool furniture = true;
};

struct OutlineEntry {  // a bookmark: heading text, level (1 = top), target
    std::string title;
    int level = 1;
    std::size_t page = 0;  // 0-based page index
    double y = 0;          // top of the heading on that page
};

struct DocumentMetadata {
    std::string title, author, subject, keywords, language = "fr-FR";
    std::string creator = "Lettrine";
    // PDF date, "D:20151201000000Z"-style; from the data, never from the clock.
    std::string creation_date;
};

// Where a block with an id="..." landed (its first line or piece).
struct PageTarget {
    std::string id;
    std::size_t page = 0;  // 0-based page index
    double y = 0;          // top of the block on that page
};

// <pages-reservees id nombre>: `count` whole pages, from page index
// `first_page` (0-based), that carry only the running header and footer, for
// a later stage to put an external PDF's pages in (or under) them.
struct ReservedPageRange {
    std::string id;
    std::size_t first_page = 0;
    std::size_t count = 0;
};

struct LaidOutDocument {
    DocumentMetadata metadata;
    std::vector<LaidOutPage> pages;
    std::vector<OutlineEntry> outline;
    std::vector<PageTarget> targets;          // by id (sorted)
    std::vector<ReservedPageRange> reserved;  // in document order
};

}  // namespace lettrine
