#pragma once
// The laid-out document: what the layout stage produces and the writers
// paint. Pure values: positioned glyph runs, rules, rectangles, images and
// link areas on pages. No PDF here, no markup either.
//
// Units are PostScript points (1/72 in). The origin is the page's top-left
// corner, y grows downwards; a writer for a bottom-up format flips it.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/font.hpp"

namespace lettrine {

// Structure (tagged PDF): every painted item names the element of the
// document's structure tree it belongs to, an index into
// LaidOutDocument::structure, 1-based. kUntagged (running headers and
// footers, rules, backgrounds, borders) and kArtifact (contents leaders,
// repeated table headers, decorative images) are painted as artifacts.
using StructureId = uint32_t;
constexpr StructureId kUntagged = 0;
constexpr StructureId kArtifact = 0xFFFFFFFFu;

struct StructureNode {
    std::string role;            // standard structure type: "P", "H1", "L", "LI", "Table", "TH", "Figure", ...
    StructureId parent = 0;      // 0: the document element
    std::string alt;             // Figure: alternative text
    bool has_alt = false;        // a Figure without one makes the document fail PDF/UA
    std::string lang;            // BCP 47, when it differs from the document's
    bool column_scope = false;   // TH: a column header (/Scope /Column)
    int column_span = 1;         // TH, TD: columns covered
    // Inline elements (Link) take their place among their parent's content
    // where their text is painted; block elements in document order (the
    // logical order, whatever the paint order of positioned blocks).
    bool inline_element = false;
};

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
    // The last glyph is a hyphen the line breaker added: the writer gives
    // the cut word its whole text for extraction (issue 11, item 4).
    bool break_hyphen = false;
    StructureId tag = kUntagged;
};

struct Rule {  // a straight stroked segment
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    Color color;
    StructureId tag = kUntagged;
};

struct Rectangle {  // filled and/or stroked box; (x, y) is its top-left corner
    double x = 0, y = 0, width = 0, height = 0;
    bool fill = false;
    Color fill_color{1, 1, 1};
    double stroke_width = 0;  // 0: no stroke
    Color stroke_color;
    StructureId tag = kUntagged;
};

struct PlacedImage {  // (x, y) top-left corner, drawn to width × height
    double x = 0, y = 0, width = 0, height = 0;
    std::string path;   // resolved file path (PNG or JPEG), for messages
    std::shared_ptr<const std::string> bytes;  // file contents, read once
    StructureId tag = kUntagged;
};

struct LinkArea {  // a clickable area: "mailto:..." or "https://...", or a page of the document
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;               // empty for an internal link
    // Internal link (a table of contents' entry): to `target_page` (0-based,
    // in the same document), showing it from `target_y` (points from its top).
    bool internal = false;
    std::size_t target_page = 0;
    double target_y = 0;
    StructureId tag = kUntagged;  // its Link element
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
    // Why the file may not claim PDF/UA-1 (a figure without alternative
    // text), or PDF/A-2 (pages of an outside PDF placed into it); empty
    // when it may. `archival` false: no PDF/A identification at all
    // (--pdfa non).
    std::string not_accessible, not_archival;
    bool archival = true;
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
    // The page (0-based) of each heading a contents lists, in the order of
    // listed_headings (markup/document_walk.hpp), whether or not the
    // document has a <table-matieres>; nullopt for one never placed.
    std::vector<std::optional<std::size_t>> contents_pages;
    std::vector<ReservedPageRange> reserved;  // in document order
    std::vector<StructureNode> structure;     // element n is structure[n - 1], parents before children
    // What the reader of the output should know (an <image> without alt:
    // the document then claims no PDF/UA-1), with the markup's position.
    std::vector<Diagnostic> warnings;
    // Documents appended into this one (append_laid_out): where each one's
    // pages and elements start, so that a writer numbers and writes the
    // structure as it would writing them one after the other. Empty: one.
    struct Part { std::size_t first_page = 0; StructureId first_element = 0; };
    std::vector<Part> parts;
};

}  // namespace lettrine
