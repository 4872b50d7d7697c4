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

struct LinkArea {  // a clickable area: "mailto:..." or "https://..."
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;
};

using PageItem = std::variant<GlyphRun, Rule, Rectangle, PlacedImage, LinkArea>;

struct LaidOutPage {
    double width = 595.276, height = 841.89;  // A4
    std::vector<PageItem> items;              // painted in order
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

struct LaidOutDocument {
    DocumentMetadata metadata;
    std::vector<LaidOutPage> pages;
    std::vector<OutlineEntry> outline;
};

}  // namespace lettrine
