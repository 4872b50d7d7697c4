#pragma once
// The document tree: what the markup parser produces and the layout stage
// consumes. Neutral values owned by neither side, described in French for
// template authors in docs/BALISAGE.md.
//
// Everything is resolved by the parser: inherited styles (family, size,
// colour, language, alignment) are copied down, lengths are in points,
// whitespace is collapsed as in HTML. Every node keeps the position of its
// element (source:line:column) for later messages.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/position.hpp"

namespace lettrine {

struct Rgb {  // a colour as written in the markup ("#1F4E79")
    uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
};

enum class TextAlign { Left, Right, Center, Justify };  // align="gauche|droite|centre|justifie"
enum class BoxAlign { Left, Center, Right };            // placement of a box, an image
enum class VerticalAlign { Top, Middle, Bottom };       // valign of a table cell
enum class Anchor { TopLeft, TopRight, BottomLeft, BottomRight };  // <position ancre>

// A width that may depend on the space available.
struct Extent {
    enum class Kind { Auto, Points, Percent, Relative };
    Kind kind = Kind::Auto;  // Auto: all the space available (or natural size)
    double value = 0;        // points, percent (0..100) or relative share ("2*" -> 2)
};

// ---- Inline content -------------------------------------------------------

// The fully resolved style of a piece of text.
struct InlineStyle {
    std::string family = "serif";  // "serif", "sans", "mono" (FontSet families)
    double size = 11;              // points
    bool bold = false, italic = false, underline = false, superscript = false;
    Rgb color;
    std::string lang = "fr-FR";    // BCP 47 tag
    std::string link;              // URI of the enclosing <lien>, empty if none
    bool hyphenate = true;         // cesure="non" or <lien>: never hyphenated
    bool french_spacing = true;    // typographie="non" or <lien>: French spacing not applied
    bool operator==(const InlineStyle& o) const {
        return family == o.family && size == o.size && bold == o.bold && italic == o.italic &&
               underline == o.underline && superscript == o.superscript && color == o.color &&
               lang == o.lang && link == o.link && hyphenate == o.hyphenate && french_spacing == o.french_spacing;
    }
};

enum class InlineKind {
    Text,        // `text` in `style`
    LineBreak,   // <br/>
    PageNumber,  // <numero-page/>: number of the current page (header/footer only)
    PageCount,   // <nombre-pages/>: total number of pages (header/footer only)
    PageReference,  // <renvoi-page cible="ID"/>: number of the page where block ID is; `text` is ID
};

struct Inline {
    InlineKind kind = InlineKind::Text;
    std::string text;  // UTF-8, whitespace already collapsed; never empty for Text
    InlineStyle style;
    SourcePosition position;  // the text node or element it comes from
};

// ---- Blocks ----------------------------------------------------------------

struct Block;

// <p> (level 0) or <titre niveau="1..3">.
struct Paragraph {
    int level = 0;            // 0: paragraph; 1..3: heading
    bool bookmark = true;     // headings only: listed in the PDF outline
    bool in_contents = true;  // headings only: listed in <table-matieres> (sommaire="non": not)
    TextAlign align = TextAlign::Left;
    double first_indent = 0;  // points, first line only
    double line_height = 0;   // points, for text of size `style.size`
    InlineStyle style;        // the paragraph's own style (empty lines, list markers)
    std::vector<Inline> inlines;
};

struct ListItem {
    std::vector<Block> content;
    double space_before = 0, space_after = 0;  // points
    SourcePosition position;
};

// <liste>
struct List {
    bool numbered = false;
    std::string bullet = "\u2013";  // bullets only
    int start = 1;                  // numbered only
    double indent = 0;              // points from the list's left edge to the text
    InlineStyle marker_style;       // style of bullets and numbers
    std::vector<ListItem> items;
};

struct TableCell {
    std::vector<Block> content;
    VerticalAlign valign = VerticalAlign::Top;
    int span = 1;             // columns covered (fusion)
    bool has_background = false;
    Rgb background;           // the row's when the cell sets none
    // In a column of numbers (colonnes-nombres), a body cell: its number is
    // aligned on the decimal comma with the column's others.
    bool decimal = false;
    SourcePosition position;
};

struct TableRow {
    bool header = false;      // repeated at the top of each page the table continues on
    std::vector<TableCell> cells;
    SourcePosition position;
};

// filets="grille": every cell framed; filets="leger": booktabs' rules only
// (a heavier rule above the table and below it, a light one under the
// header rows, none between rows and no vertical rule).
enum class TableRules { Grid, Light };

// <tableau>
struct Table {
    std::vector<Extent> columns;   // never Auto
    TableRules rules = TableRules::Grid;
    std::vector<bool> numeric;     // per column: colonnes-nombres (numbers aligned on the comma)
    Extent width;                  // Auto (all available), Points or Percent
    double border_width = 0.5;     // points; 0: no borders
    Rgb border_color;
    double padding = 0;            // points, inside every cell
    std::vector<TableRow> rows;    // header rows first
};

// <image>
struct Image {
    std::string src;               // as written, relative to the image directory
    double width = 0, height = 0;  // points; 0: not given
    BoxAlign align = BoxAlign::Left;
    // alt="…": the alternative text read instead of the image; alt="": a
    // decorative image, left out of the structure; absent: a figure without
    // alternative text (warned; the PDF then does not claim PDF/UA).
    std::optional<std::string> alt;
};

// <bloc> and <insecable>: a box of blocks, optionally narrower and kept together.
struct Box {
    Extent width;                  // Auto, Points or Percent
    BoxAlign align = BoxAlign::Left;
    bool keep_together = false;
    std::vector<Block> content;
};

// <position>: a box placed relative to a page corner, outside the flow. The
// flow never runs under it: what would overlap starts below it (an exclusion).
struct Positioned {
    Anchor anchor = Anchor::TopLeft;
    double x = 0, y = 0, width = 0;  // points
    double max_height = 0;           // hauteur-max: a fixed-size box (an envelope window); 0: none
    double margin = 0;               // marge: how far the flow keeps from the box
    std::string name;                // nom="…": how messages name the block; may be empty
    std::vector<std::string> data;   // donnees="a.b c.d": the data it is made of, for messages
    std::vector<Block> content;
};

struct Column {
    Extent width;                  // Points, Percent or Relative
    std::vector<Block> content;
    SourcePosition position;
};

// <colonnes>: columns side by side, never split.
struct Columns {
    double gap = 0;                // points between two columns
    // valign="bas": each column's content ends at the row's bottom, so that
    // signature lines and the names above them share a baseline.
    VerticalAlign valign = VerticalAlign::Top;
    std::vector<Column> columns;
};

// <graphique>: a bar chart, drawn as rectangles and rules with text labels.
struct ChartSeries {               // <serie>
    std::string name;
    Rgb color;
    SourcePosition position;
};

struct ChartCategory {             // <categorie>: one value per series
    std::string name;
    std::vector<std::optional<double>> values;  // >= 0; nullopt: <valeur/>, no bar
    SourcePosition position;
};

struct Chart {
    std::string title;             // above the chart; may be empty
    std::string unit;              // under the value axis; may be empty
    bool horizontal = true;        // sens="horizontal": bars grow rightwards
    Extent width;                  // Auto (the full measure), Points or Percent
    BoxAlign align = BoxAlign::Left;  // of a chart narrower than the measure
    double height = 0;             // points, whole chart; 0: from the number of categories
    InlineStyle style;             // labels (the title is bold)
    std::vector<ChartSeries> series;
    std::vector<ChartCategory> categories;
};

// <table-matieres>: titles (and <signet sommaire="oui">) up to `levels`,
// with their page numbers, resolved after pagination.
struct ContentsTable {
    int levels = 2;
    double indent = 0;             // points per level below 1
    InlineStyle style;             // entries (level 1 entries are bold)
    double line_height = 0;        // points
};

// <signet>: an invisible block adding an outline entry where it stands.
struct OutlineMarker {
    std::string title;
    int level = 1;
    bool in_contents = true;       // listed in <table-matieres>
};

// <pages-reservees>: whole pages left empty but for the header and footer.
struct ReservedPages {
    std::string id;
    int count = 1;
};

// <sans-entete-pied/>: the page where it stands has no header nor footer.
struct NoFurniture {};

// <emplacement nom="…"/>: where a program composing documents puts the
// blocks of another document (the rapport puts each note there). Left in
// place, it is a layout error.
struct Placeholder {
    std::string name;
};

struct PageBreak {                 // <saut-page/>
    bool odd = false;              // page="impaire": the next content starts on an odd page
};
struct Space { double height = 0; };  // <espace hauteur>, points
struct HorizontalRule { double thickness = 0.5; Rgb color; };  // <filet>

struct Block {
    std::variant<Paragraph, List, Table, Image, Box, Positioned, Columns, PageBreak, Space, HorizontalRule, Chart,
                 ContentsTable, OutlineMarker, ReservedPages, NoFurniture, Placeholder>
        content;
    double space_before = 0, space_after = 0;  // points, discarded at the top of a page
    std::string lang;                           // resolved language
    std::string id;                             // id="...": target of <renvoi-page>; unique, may be empty
    SourcePosition position;
};

// ---- The document -----------------------------------------------------------

enum class PageSelection { All, First, Following };  // pages="toutes|premiere|suivantes"

// <entete> or <pied>.
struct PageFurniture {
    PageSelection pages = PageSelection::All;
    double distance = 0;  // points: from the top edge (header) or bottom edge (footer)
    std::vector<Block> content;
    SourcePosition position;
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string lang = "fr-FR";
    std::string date;  // "YYYY-MM-DD" as validated, or empty
};

struct PageSetup {  // points
    double width = 595.276, height = 841.89;
    double margin_top = 56.693, margin_right = 56.693, margin_bottom = 56.693, margin_left = 56.693;
};

struct Document {
    std::string source_name;
    DocumentInfo info;
    PageSetup page;
    InlineStyle base_style;     // police, taille of <document>
    double line_height = 13.2;  // points, for base_style.size
    // alignement-optique="non" on <document>: no glyph of a justified line
    // hangs into the margins (margin protrusion, engine/layout/protrusion.hpp).
    bool optical_margins = true;
    std::vector<PageFurniture> headers, footers;
    std::vector<Block> body;
};

// A readable, stable, indented text form of the tree, for tests and debugging.
std::string dump(const Document& document);

}  // namespace lettrine
