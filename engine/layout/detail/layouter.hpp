#pragma once
// Internals of the layout stage, shared by its source files and by nothing
// else (engine/layout/layout.hpp is the stage's interface).
//
// The layout runs in three steps, one file each:
// - flow.cpp, table_layout.cpp, contents_layout.cpp: blocks become Slices,
//   pieces of a vertical list with their items placed relative to the slice;
// - pagination.cpp: slices are stacked onto pages, breaking where allowed;
// - layout.cpp: the passes (until page references are stable) and the
//   furniture (headers and footers).
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "markup/geometry.hpp"
#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "layout/paragraph.hpp"

namespace lettrine::layout_detail {

// Tunables of the page layout.
constexpr double kMarkerGapEm = 0.5;          // between a list marker and the item's text, in ems
constexpr double kFitTolerance = 0.01;        // points: rounding slack when checking a page's bottom
constexpr int kMaxPasses = 5;                 // layouts until page references stop changing (2 in practice)
constexpr double kLeaderSpacingEm = 0.5;      // between two dots of a contents leader, in ems
constexpr double kContentsGapEm = 0.5;        // around a contents leader, in ems
constexpr double kContentsChapterSpace = 0.4; // before a level-1 contents entry, in line heights

// A block that can be pointed at (an id, a heading, a <signet>) -> where it landed.
using BlockAnchor = std::pair<const Block*, double>;  // y relative to a slice's top
struct PagePoint { std::size_t page = 0; double y = 0; };
using AnchorPages = std::map<const Block*, std::size_t>;

// What the layout must know of the whole document before laying it out.
struct DocumentIndex {
    struct Entry { const Block* block; std::string title; int level; };
    std::map<std::string, const Block*> ids;
    std::vector<Entry> contents;  // headings and <signet> listed in <table-matieres>, in order
    bool needs_pages = false;     // has <table-matieres> or <renvoi-page>: laid out until stable
    std::map<std::string, SourcePosition> references;  // <renvoi-page> targets, first use
    bool furniture = false;       // indexing a header or footer: no ids, no contents entries
};

// The index of `document`: its ids, its contents entries, whether it needs
// page numbers (contents-layout.cpp).
DocumentIndex index_document(const Document& document);

// A stack of blocks laid out as one piece (cells, columns, positioned blocks, headers).
struct Stack {
    double height = 0;
    double first_baseline = 0;
    std::vector<PageItem> items;  // y relative to the stack's top
    std::vector<BlockAnchor> anchors;
    std::vector<double> cuts;     // where the stack may be cut: the bottom of each line or block piece
};

// An item's vertical reference: the baseline of a run, the top of anything else.
double item_y(const PageItem& item);
void shift_item(PageItem& item, double dy);
void shift_item_x(PageItem& item, double dx);

class SplitRow;

// A piece of the vertical list that pagination stacks onto pages: what it
// carries to the page it lands on (any kind), and its kind's own fields.
struct Slice {
    // Laid-out lines, rows, images: stacked, broken between where allowed.
    struct Content {
        double height = 0;
        double first_baseline = 0;        // from the top (0: none)
        std::vector<PageItem> items;      // y relative to the slice top
        bool keep_with_next = false;      // no page break between this and the next Content slice
        int repeat_header = -1;           // table whose header rows restart a page broken after this slice
        std::shared_ptr<SplitRow> split;  // a table row taller than a page, taken piece by piece
    };
    // Vertical space; vanishes at the top of a page after an automatic break.
    struct Gap {
        double height = 0;
        bool margin = false;  // a block's espace-avant/apres, collapsed at a stack's edges
    };
    struct Break { bool odd = false; };      // <saut-page>, to an odd page or not
    // <position>: its items in page coordinates, its box, and whom to blame
    // for an overlap.
    struct Float {
        std::vector<PageItem> items;
        double x = 0, y = 0, width = 0, height = 0;
        double margin = 0;      // the flow keeps this far from the box
        std::string label;      // « le bloc positionné « nom » »
        std::string origin;     // the <position> element, « modèle:ligne:colonne »
        SourcePosition where;   // its data's cell, else the <position> element
        bool data = false;      // `where` is a data cell
        // How a message names it: with its place in the template unless the
        // message is already positioned there.
        std::string named(bool self) const { return self && !data ? label : label + " (" + origin + ")"; }
    };
    struct Marker {};                        // zero height: only carries (<signet>, <sans-entete-pied>)
    struct Reserve { const ReservedPages* pages = nullptr; };  // <pages-reservees>

    std::variant<Content, Gap, Break, Float, Marker, Reserve> piece;
    std::vector<OutlineEntry> outline;  // y relative to the slice top
    std::vector<BlockAnchor> anchors;   // blocks starting in this slice, y relative to its top
    bool no_furniture = false;          // the page this slice lands on has no header nor footer

    Slice() = default;
    template <typename Piece>
    Slice(Piece p) : piece(std::move(p)) {}

    template <typename Piece>
    bool is() const { return std::holds_alternative<Piece>(piece); }
    Content* content() { return std::get_if<Content>(&piece); }
    const Content* content() const { return std::get_if<Content>(&piece); }
    // The height it takes in the flow: Content and Gap only.
    double height() const;
};

// A table row taller than a page: pagination takes it piece by piece, each
// cell cut between two of its lines, each piece a closed box of its own.
class SplitRow {
public:
    struct Cell {
        double x0 = 0, x1 = 0;
        Stack stack;  // what is left to place
        bool has_background = false;
        Color background;
    };
    double left = 0, right = 0, padding = 0, border_width = 0;
    double top_rule = 0, bottom_rule = 0;  // a light table's rules (filets="leger"): first and last piece
    Color border_color;
    std::vector<Cell> cells;

    bool done() const {
        for (const Cell& c : cells)
            if (!c.stack.items.empty()) return false;
        return true;
    }
    // The next piece, at most `available` high; empty (height 0) when no
    // cell's next line fits, unless `forced` (an empty page): then each
    // cell gives at least its next piece.
    Slice::Content take(double available, bool forced);
};

std::string plain_text(const Paragraph& p);
Color to_color(const Rgb& rgb);

// Structure (structure.cpp): gives `element` to the items that have none
// (graphics too when `graphics`: rules and rectangles stay artifacts otherwise).
void tag_untagged(std::vector<PageItem>& items, StructureId element, bool graphics);
Slice::Content as_artifact(Slice::Content content);

// Where the slices landed: pages, outline, reserved ranges, and each anchor's page.
struct Pagination {
    LaidOutDocument* result;
    std::map<const Block*, PagePoint>* anchors;
    const std::vector<std::vector<Slice::Content>>* table_headers;  // header rows of each table, to repeat
    Diagnostics* template_problems;  // overlaps blamed on the template
    Diagnostics* data_problems;      // overlaps blamed on a data cell
};

// The left and right ends of what `items` paint (x0 >= x1: nothing).
std::pair<double, double> horizontal_extent(const std::vector<PageItem>& items);
// "45 mm", "51,3 mm": points as millimetres for messages.
std::string millimetres(double points);
// Stacks `slices` onto pages of `page` size (pagination.cpp).
void paginate(std::vector<Slice>& slices, const PageSetup& page, const Pagination& into);

class Layouter {
public:
    // `known`: the pages of the anchors from the previous pass (null on the first).
    Layouter(const Document& doc, const FontSet& fonts, const LayoutOptions& options, const DocumentIndex& index,
             const AnchorPages* known);

    LaidOutDocument run();
    AnchorPages anchor_pages() const;

    // Blocks to slices (flow.cpp). The content overloads are called through
    // std::visit on a block's content, one per kind of block.
    void flow(const std::vector<Block>& blocks, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void block(const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Paragraph& p, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const List& l, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    static void keep_last_with_next(std::size_t first, std::vector<Slice>& out);
    void content(const Table& t, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Image& img, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Box& box, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Columns& cols, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Chart& chart, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const ContentsTable& toc, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Space& sp, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const HorizontalRule& rule, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    // Blocks that are one slice of their own, without margins nor anchor
    // handling of their own (see standalone_block in flow.cpp).
    void content(const PageBreak& page_break, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const OutlineMarker& marker, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const NoFurniture& none, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const ReservedPages& reserved, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Positioned& pos, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void content(const Placeholder& placeholder, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);

    Stack stack(const std::vector<Block>& blocks, double x, double width, const FieldValues* fields);
    static void carry_markers(std::vector<Slice>& slices);
    static void space(double height, std::vector<Slice>& out, bool margin = true);

private:
    // positioned.cpp: what a <position> block is called and whom its defects blame.
    Slice::Float blame(const Positioned& pos, const Block& b) const;
    void check_positioned(const Positioned& pos, const Stack& st, const Slice::Float& box);
    Diagnostics& problems_of(const Slice::Float& box) { return box.data ? data_problems_ : diagnostics_; }

    // contents_layout.cpp: one contents entry, its lines as slices.
    void contents_entry(const DocumentIndex::Entry& e, const ContentsTable& toc, double x, double width,
                        std::vector<Slice>& out);
    void add_furniture();
    // Structure elements (structure.cpp), made in document order; none in
    // running headers and footers (furniture_).
    StructureId open_element(StructureNode node);
    void close_element(StructureId element);
    StructureId open_block_element(const Block& b);
    void close_block_element(const Block& b, StructureId element, std::vector<Slice>& out, std::size_t from);
    void tag_links(std::vector<SetLine>& lines);
    void tag_languages(std::vector<SetLine>& lines);
    void missing_alt(const Block& b, const Image& image);
    int heading_level(int level);

    const Document& doc_;
    const LayoutOptions& options_;
    std::shared_ptr<const LineBreaker> breaker_;
    std::shared_ptr<ImageCache> images_;
    std::shared_ptr<const ResourceResolver> resources_;
    Diagnostics diagnostics_;
    Diagnostics data_problems_;  // layout defects caused by a data cell
    ParagraphSetter setter_;
    std::vector<std::vector<Slice::Content>> table_headers_;
    LaidOutDocument result_;
    const DocumentIndex& index_;
    const AnchorPages* known_;
    std::map<std::string, int> references_;    // id -> 1-based page, from known_
    std::map<const Block*, PagePoint> anchors_;  // where each anchor landed in this pass
    std::vector<StructureId> open_;              // the elements being filled, innermost last
    bool furniture_ = false;                     // laying out a header or footer: artifacts
    int heading_shift_ = -1, last_heading_ = 0;  // see heading_level()
};

}  // namespace lettrine::layout_detail
