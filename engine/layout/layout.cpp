#include "layout/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/diagnostic.hpp"
#include "layout/chart.hpp"
#include "layout/paragraph.hpp"

namespace lettrine {

namespace {

// Tunables of the page layout.
constexpr double kPixelsPerInch = 96.0;       // natural size of images without a given size (CSS px)
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

// A stack of blocks laid out as one piece (cells, columns, positioned blocks, headers).
struct Stack {
    double height = 0;
    double first_baseline = 0;
    std::vector<PageItem> items;  // y relative to the stack's top
    std::vector<BlockAnchor> anchors;
    std::vector<double> cuts;     // where the stack may be cut: the bottom of each line or block piece
};

// An item's vertical reference: the baseline of a run, the top of anything else.
double item_y(const PageItem& item) {
    return std::visit(
        [](const auto& i) -> double {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Rule>) return std::min(i.y1, i.y2);
            else return i.y;
        },
        item);
}

struct Slice;

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
    Slice take(double available, bool forced);
};

// A piece of the vertical list that pagination stacks onto pages.
struct Slice {
    // Marker: zero height, carries outline entries, anchors or no_furniture
    // (<signet>, <sans-entete-pied>); Reserve: <pages-reservees>.
    enum class Kind { Content, Space, PageBreak, Float, Marker, Reserve };
    Kind kind = Kind::Content;
    double height = 0;
    double first_baseline = 0;        // Content: first baseline from the top (0: none)
    std::vector<PageItem> items;      // Content: y relative to the slice top; Float: page coordinates
    std::vector<OutlineEntry> outline;  // y relative to the slice top
    bool keep_with_next = false;      // no page break between this and the next Content slice
    int repeat_header = -1;           // table whose header rows restart a page broken after this slice
    bool margin = false;              // Space: a block's espace-avant/apres, collapsed at a stack's edges
    std::shared_ptr<SplitRow> split;  // Content: a table row taller than a page, taken piece by piece
    std::vector<BlockAnchor> anchors; // blocks starting in this slice, y relative to its top
    bool no_furniture = false;        // the page this slice lands on has no header nor footer
    bool odd = false;                 // PageBreak: to an odd page
    const ReservedPages* reserve = nullptr;  // Reserve
};

void shift_item(PageItem& item, double dy) {
    std::visit(
        [dy](auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Rule>) {
                i.y1 += dy;
                i.y2 += dy;
            } else {
                i.y += dy;
            }
        },
        item);
}

Slice SplitRow::take(double available, bool forced) {
    constexpr double kSlack = 1e-6;
    const double room = available - 2 * padding;
    std::vector<double> cut(cells.size(), 0);
    bool progress = false;
    for (std::size_t k = 0; k < cells.size(); ++k) {
        const Stack& st = cells[k].stack;
        if (st.items.empty()) continue;
        if (st.height <= room + kSlack) cut[k] = st.height;
        else
            for (double c : st.cuts)
                if (c <= room + kSlack) cut[k] = std::max(cut[k], c);
        progress = progress || cut[k] > 0;
    }
    if (!progress) {
        if (!forced) return Slice{};
        for (std::size_t k = 0; k < cells.size(); ++k) {
            const Stack& st = cells[k].stack;
            if (st.items.empty()) continue;
            cut[k] = st.height;
            for (double c : st.cuts)
                if (c > kSlack) { cut[k] = std::min(cut[k], c); }
        }
    }
    double content = 0;
    for (double c : cut) content = std::max(content, c);
    Slice part;
    part.height = content + 2 * padding;
    for (const Cell& c : cells)
        if (c.has_background) {
            Rectangle bg;
            bg.x = c.x0;
            bg.width = c.x1 - c.x0;
            bg.height = part.height;
            bg.fill = true;
            bg.fill_color = c.background;
            part.items.push_back(bg);
        }
    for (std::size_t k = 0; k < cells.size(); ++k) {
        Stack& st = cells[k].stack;
        std::vector<PageItem> rest;
        for (PageItem& item : st.items) {
            if (item_y(item) < cut[k] - kSlack) {
                shift_item(item, padding);
                part.items.push_back(std::move(item));
            } else {
                shift_item(item, -cut[k]);
                rest.push_back(std::move(item));
            }
        }
        st.items = std::move(rest);
        std::vector<double> cuts;
        for (double c : st.cuts)
            if (c > cut[k] + kSlack) cuts.push_back(c - cut[k]);
        st.cuts = std::move(cuts);
        st.height = std::max(0.0, st.height - cut[k]);
    }
    if (border_width > 0) {
        part.items.push_back(Rule{left, 0, right, 0, border_width, border_color});
        part.items.push_back(Rule{left, part.height, right, part.height, border_width, border_color});
        for (const Cell& c : cells) part.items.push_back(Rule{c.x0, 0, c.x0, part.height, border_width, border_color});
        part.items.push_back(Rule{right, 0, right, part.height, border_width, border_color});
    }
    return part;
}

double resolve_extent(const Extent& e, double available) {
    switch (e.kind) {
    case Extent::Kind::Points: return e.value;
    case Extent::Kind::Percent: return available * e.value / 100.0;
    default: return available;
    }
}

// Column widths: fixed and percentages first, relative shares of what is left.
std::vector<double> column_widths(const std::vector<Extent>& columns, double total) {
    std::vector<double> widths(columns.size(), 0.0);
    double used = 0, shares = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (columns[k].kind == Extent::Kind::Relative) shares += columns[k].value;
        else used += widths[k] = resolve_extent(columns[k], total);
    }
    const double rest = std::max(0.0, total - used);
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].kind == Extent::Kind::Relative) widths[k] = shares > 0 ? rest * columns[k].value / shares : 0;
    return widths;
}

std::string plain_text(const Paragraph& p) {
    std::string text;
    for (const Inline& in : p.inlines) {
        if (in.kind == InlineKind::Text) text += in.text;
        else if (in.kind == InlineKind::LineBreak) text += ' ';
    }
    return text;
}

SettingOptions setting_options(const LayoutOptions& options) {
    SettingOptions s;
    if (options.space_glue) {
        s.space_natural = options.space_glue->natural;
        s.space_stretch = options.space_glue->stretch;
        s.space_shrink = options.space_glue->shrink;
    }
    s.hyphenate = options.hyphenate;
    return s;
}

class Layouter {
public:
    // `known`: the pages of the anchors from the previous pass (null on the first).
    Layouter(const Document& doc, const FontSet& fonts, const LayoutOptions& options, const DocumentIndex& index,
             const AnchorPages* known)
        : doc_(doc), options_(options),
          breaker_(options.line_breaker ? options.line_breaker : std::make_shared<KnuthPlassLineBreaker>()),
          images_(options.images ? options.images : std::make_shared<ImageCache>()),
          resources_(options.resources ? options.resources
                                       : std::make_shared<const ResourceResolver>(
                                             ResourceResolver::for_template_folder(options.image_directory))),
          setter_(fonts, *breaker_, diagnostics_, setting_options(options)), index_(index), known_(known) {
        if (known_) {
            for (const auto& [id, block] : index_.ids)
                if (auto it = known_->find(block); it != known_->end()) references_[id] = static_cast<int>(it->second) + 1;
            setter_.set_references(&references_);
        }
    }

    LaidOutDocument run();
    AnchorPages anchor_pages() const {
        AnchorPages pages;
        for (const auto& [block, point] : anchors_) pages[block] = point.page;
        return pages;
    }

private:
    void flow(const std::vector<Block>& blocks, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void block(const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void paragraph(const Paragraph& p, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void list(const List& l, const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void table(const Table& t, double x, double width, std::vector<Slice>& out, const FieldValues* fields);
    void image(const Image& img, const Block& b, double x, double width, std::vector<Slice>& out);
    void contents(const ContentsTable& toc, double x, double width, std::vector<Slice>& out);
    static void carry_markers(std::vector<Slice>& slices);
    Stack stack(const std::vector<Block>& blocks, double x, double width, const FieldValues* fields);

    void paginate(std::vector<Slice>& slices);
    void add_furniture();

    static void space(double height, std::vector<Slice>& out, bool margin = true) {
        if (height <= 0) return;
        Slice s;
        s.kind = Slice::Kind::Space;
        s.height = height;
        s.margin = margin;
        out.push_back(std::move(s));
    }

    const Document& doc_;
    const LayoutOptions& options_;
    std::shared_ptr<const LineBreaker> breaker_;
    std::shared_ptr<ImageCache> images_;
    std::shared_ptr<const ResourceResolver> resources_;
    Diagnostics diagnostics_;
    ParagraphSetter setter_;
    std::vector<std::vector<Slice>> table_headers_;
    LaidOutDocument result_;
    const DocumentIndex& index_;
    const AnchorPages* known_;
    std::map<std::string, int> references_;    // id -> 1-based page, from known_
    std::map<const Block*, PagePoint> anchors_;  // where each anchor landed in this pass
};

// ---- Blocks to slices ------------------------------------------------------------

void Layouter::flow(const std::vector<Block>& blocks, double x, double width, std::vector<Slice>& out,
                    const FieldValues* fields) {
    for (const Block& b : blocks) block(b, x, width, out, fields);
}

void Layouter::block(const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields) {
    if (const auto* page_break = std::get_if<PageBreak>(&b.content)) {
        Slice s;
        s.kind = Slice::Kind::PageBreak;
        s.odd = page_break->odd;
        out.push_back(std::move(s));
        return;
    }
    if (const auto* marker = std::get_if<OutlineMarker>(&b.content)) {
        Slice s;
        s.kind = Slice::Kind::Marker;
        s.outline.push_back(OutlineEntry{marker->title, marker->level, 0, 0});
        s.anchors.emplace_back(&b, 0);
        out.push_back(std::move(s));
        return;
    }
    if (std::holds_alternative<NoFurniture>(b.content)) {
        Slice s;
        s.kind = Slice::Kind::Marker;
        s.no_furniture = true;
        out.push_back(std::move(s));
        return;
    }
    if (const auto* reserved = std::get_if<ReservedPages>(&b.content)) {
        Slice s;
        s.kind = Slice::Kind::Reserve;
        s.reserve = reserved;
        s.anchors.emplace_back(&b, 0);
        out.push_back(std::move(s));
        return;
    }
    if (const auto* pos = std::get_if<Positioned>(&b.content)) {
        Stack st = stack(pos->content, 0, pos->width, fields);
        const bool right = pos->anchor == Anchor::TopRight || pos->anchor == Anchor::BottomRight;
        const bool bottom = pos->anchor == Anchor::BottomLeft || pos->anchor == Anchor::BottomRight;
        const double px = right ? doc_.page.width - pos->x - pos->width : pos->x;
        const double py = bottom ? doc_.page.height - pos->y - st.height : pos->y;
        Slice s;
        s.kind = Slice::Kind::Float;
        for (const BlockAnchor& a : st.anchors) s.anchors.emplace_back(a.first, a.second + py);
        for (PageItem& item : st.items) {
            std::visit([px](auto& i) {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, Rule>) { i.x1 += px; i.x2 += px; }
                else i.x += px;
            }, item);
            shift_item(item, py);
            s.items.push_back(std::move(item));
        }
        out.push_back(std::move(s));
        return;
    }
    space(b.space_before, out);
    const std::size_t start = out.size();
    if (const auto* p = std::get_if<Paragraph>(&b.content)) {
        paragraph(*p, x, width, out, fields);
    } else if (const auto* l = std::get_if<List>(&b.content)) {
        list(*l, b, x, width, out, fields);
    } else if (const auto* t = std::get_if<Table>(&b.content)) {
        table(*t, x, width, out, fields);
    } else if (const auto* img = std::get_if<Image>(&b.content)) {
        image(*img, b, x, width, out);
    } else if (const auto* box = std::get_if<Box>(&b.content)) {
        const double w = std::min(width, resolve_extent(box->width, width));
        const double bx = box->align == BoxAlign::Left ? x : box->align == BoxAlign::Right ? x + width - w : x + (width - w) / 2;
        const std::size_t first = out.size();
        flow(box->content, bx, w, out, fields);
        if (box->keep_together) {
            std::size_t last_content = out.size();
            for (std::size_t k = out.size(); k-- > first;)
                if (out[k].kind == Slice::Kind::Content) { last_content = k; break; }
            for (std::size_t k = first; k < last_content; ++k) out[k].keep_with_next = true;
        }
    } else if (const auto* cols = std::get_if<Columns>(&b.content)) {
        const std::size_t n = cols->columns.size();
        const double available = std::max(0.0, width - cols->gap * static_cast<double>(n ? n - 1 : 0));
        std::vector<Extent> extents;
        for (const Column& c : cols->columns) extents.push_back(c.width);
        const std::vector<double> widths = column_widths(extents, available);
        Slice s;
        double cx = x;
        for (std::size_t k = 0; k < n; ++k) {
            Stack st = stack(cols->columns[k].content, cx, widths[k], fields);
            s.height = std::max(s.height, st.height);
            if (k == 0) s.first_baseline = st.first_baseline;
            for (PageItem& item : st.items) s.items.push_back(std::move(item));
            for (const BlockAnchor& a : st.anchors) s.anchors.push_back(a);
            cx += widths[k] + cols->gap;
        }
        out.push_back(std::move(s));
    } else if (const auto* chart = std::get_if<Chart>(&b.content)) {
        // One unbreakable piece.
        ChartDrawing drawing = draw_chart(*chart, x, width, setter_, b.position);
        Slice s;
        s.height = drawing.height;
        s.first_baseline = drawing.first_baseline;
        s.items = std::move(drawing.items);
        out.push_back(std::move(s));
    } else if (const auto* toc = std::get_if<ContentsTable>(&b.content)) {
        contents(*toc, x, width, out);
    } else if (const auto* sp = std::get_if<Space>(&b.content)) {
        space(sp->height, out, false);
    } else if (const auto* rule = std::get_if<HorizontalRule>(&b.content)) {
        Slice s;
        s.height = rule->thickness;
        s.items.push_back(Rule{x, rule->thickness / 2, x + width, rule->thickness / 2, rule->thickness,
                               Color{rule->color.r / 255.0, rule->color.g / 255.0, rule->color.b / 255.0}});
        out.push_back(std::move(s));
    }
    // A block that can be pointed at: its anchor is the top of its first piece.
    const auto* heading = std::get_if<Paragraph>(&b.content);
    if (!b.id.empty() || (heading && heading->level > 0)) {
        std::size_t k = start;
        while (k < out.size() && out[k].kind != Slice::Kind::Content) ++k;
        if (k < out.size()) {
            out[k].anchors.emplace(out[k].anchors.begin(), &b, 0);
        } else {
            Slice s;
            s.kind = Slice::Kind::Marker;
            s.anchors.emplace_back(&b, 0);
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(start), std::move(s));
        }
    }
    space(b.space_after, out);
}

// A table of contents: one entry per listed heading or <signet>, its title
// wrapped clear of a column kept for the page number (so that the entry's
// height never depends on the number), dotted leaders on the last line, the
// number right-aligned, the whole entry a link to its page.
void Layouter::contents(const ContentsTable& toc, double x, double width, std::vector<Slice>& out) {
    bool first = true;
    for (const DocumentIndex::Entry& e : index_.contents) {
        if (e.level > toc.levels) continue;
        InlineStyle style = toc.style;
        if (e.level == 1) style.bold = true;
        InlineStyle leader_style = toc.style;
        const SourcePosition& where = e.block->position;
        const double indent = toc.indent * (e.level - 1);
        const double gap = kContentsGapEm * style.size;
        const double number_column = setter_.text_width("000", style, where);
        Paragraph p;
        p.style = style;
        p.line_height = toc.line_height;
        Inline in;
        in.text = e.title;
        in.style = style;
        in.position = where;
        p.inlines.push_back(std::move(in));
        std::vector<SetLine> lines = setter_.set(p, x + indent, std::max(1.0, width - indent - number_column - gap), nullptr);
        if (lines.empty()) continue;
        if (e.level == 1 && !first) space(kContentsChapterSpace * toc.line_height, out);
        first = false;
        PagePoint target;
        bool known = false;
        if (known_)
            if (auto it = known_->find(e.block); it != known_->end()) {
                target.page = it->second;
                known = true;
            }
        for (std::size_t k = 0; k < lines.size(); ++k) {
            SetLine& line = lines[k];
            Slice s;
            s.height = line.height;
            s.first_baseline = line.baseline;
            s.keep_with_next = k + 1 < lines.size();
            double text_end = x + indent;
            for (const PageItem& item : line.items)
                if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->glyphs.empty())
                    text_end = std::max(text_end, run->x + run->glyphs.back().x + run->glyphs.back().advance);
            s.items = std::move(line.items);
            if (k + 1 == lines.size()) {
                const std::string number = known ? std::to_string(target.page + 1) : "00";
                const double number_width = setter_.text_width(number, style, where);
                // Leaders: dots on a grid from the measure's left edge, so they line up from entry to entry.
                GlyphRun dot = setter_.single_run(".", leader_style, 0, line.baseline, where);
                if (!dot.glyphs.empty()) {
                    const double spacing = kLeaderSpacingEm * leader_style.size;
                    const double advance = dot.glyphs.front().advance;
                    const double from = text_end + gap, to = x + width - number_column - gap / 2;
                    GlyphRun leaders = dot;
                    leaders.glyphs.clear();
                    double px = x + std::ceil((from - x) / spacing) * spacing;
                    leaders.x = px;
                    for (; px + advance <= to; px += spacing) {
                        PlacedGlyph g = dot.glyphs.front();
                        g.x = px - leaders.x;
                        leaders.glyphs.push_back(std::move(g));
                    }
                    if (!leaders.glyphs.empty()) s.items.push_back(std::move(leaders));
                }
                s.items.push_back(setter_.single_run(number, style, x + width - number_width, line.baseline, where));
            }
            LinkArea link{x + indent, 0, width - indent, line.height, ""};
            link.internal = true;
            link.target_page = target.page;
            s.items.push_back(link);
            out.push_back(std::move(s));
        }
    }
}

// Outline entries and anchors of <signet> (and the page setting of
// <sans-entete-pied>) belong to where the next piece of content lands: a
// <signet> followed by a page break points at the next page.
void Layouter::carry_markers(std::vector<Slice>& slices) {
    Slice pending;
    std::size_t pending_from = slices.size();
    std::vector<Slice> kept;
    kept.reserve(slices.size());
    for (std::size_t i = 0; i < slices.size(); ++i) {
        Slice& s = slices[i];
        if (s.kind == Slice::Kind::Marker) {
            if (pending_from == slices.size()) pending_from = kept.size();
            for (OutlineEntry& o : s.outline) pending.outline.push_back(std::move(o));
            for (BlockAnchor& a : s.anchors) pending.anchors.push_back(a);
            pending.no_furniture = pending.no_furniture || s.no_furniture;
            continue;
        }
        if (pending_from != slices.size() && (s.kind == Slice::Kind::Content || s.kind == Slice::Kind::Reserve)) {
            s.outline.insert(s.outline.begin(), pending.outline.begin(), pending.outline.end());
            s.anchors.insert(s.anchors.begin(), pending.anchors.begin(), pending.anchors.end());
            s.no_furniture = s.no_furniture || pending.no_furniture;
            pending = Slice{};
            pending_from = slices.size();
        }
        kept.push_back(std::move(s));
    }
    if (pending_from != slices.size()) {  // nothing follows: they stay where they are
        pending.kind = Slice::Kind::Marker;
        kept.push_back(std::move(pending));
    }
    slices = std::move(kept);
}

void Layouter::paragraph(const Paragraph& p, double x, double width, std::vector<Slice>& out, const FieldValues* fields) {
    std::vector<SetLine> lines = setter_.set(p, x, width, fields);
    const std::size_t n = lines.size();
    for (std::size_t k = 0; k < n; ++k) {
        Slice s;
        s.height = lines[k].height;
        s.first_baseline = lines[k].baseline;
        s.items = std::move(lines[k].items);
        // Orphans and widows: the first two and the last two lines stay together;
        // a hyphenated line is never the last of a page (the break moves up a line).
        s.keep_with_next = k + 1 < n && (k == 0 || k + 2 >= n || lines[k].hyphenated);
        if (p.level > 0) {
            if (k + 1 == n) s.keep_with_next = true;  // a heading stays with what follows
            if (k == 0 && p.bookmark) s.outline.push_back(OutlineEntry{plain_text(p), p.level, 0, 0});
        }
        out.push_back(std::move(s));
    }
}

void Layouter::list(const List& l, const Block& b, double x, double width, std::vector<Slice>& out,
                    const FieldValues* fields) {
    const double text_x = x + l.indent;
    const double text_width = std::max(1.0, width - l.indent);
    for (std::size_t k = 0; k < l.items.size(); ++k) {
        const ListItem& item = l.items[k];
        space(item.space_before, out);
        const std::size_t first = out.size();
        flow(item.content, text_x, text_width, out, fields);
        std::size_t target = out.size();
        for (std::size_t s = first; s < out.size(); ++s)
            if (out[s].kind == Slice::Kind::Content) { target = s; break; }
        if (target == out.size()) {  // an empty item still shows its marker
            Slice s;
            s.height = l.marker_style.size * 1.2;
            out.push_back(std::move(s));
        }
        Slice& s = out[target];
        const double baseline = s.first_baseline > 0 ? s.first_baseline : setter_.ascent(l.marker_style);
        const std::string marker = l.numbered ? std::to_string(l.start + static_cast<int>(k)) + "." : l.bullet;
        const double marker_width = setter_.text_width(marker, l.marker_style, item.position);
        const double marker_x = text_x - kMarkerGapEm * l.marker_style.size - marker_width;
        s.items.push_back(setter_.single_run(marker, l.marker_style, marker_x, baseline, item.position));
        space(item.space_after, out);
    }
    (void)b;
}

void Layouter::table(const Table& t, double x, double width, std::vector<Slice>& out, const FieldValues* fields) {
    const double table_width = std::min(width, resolve_extent(t.width, width));
    const std::vector<double> widths = column_widths(t.columns, table_width);
    std::vector<double> edges(1, x);
    for (double w : widths) edges.push_back(edges.back() + w);
    const Color border{t.border_color.r / 255.0, t.border_color.g / 255.0, t.border_color.b / 255.0};
    const int table_id = static_cast<int>(table_headers_.size());
    table_headers_.emplace_back();
    bool has_header = false;
    std::size_t last_body = t.rows.size();
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (!t.rows[r].header) last_body = r;

    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableRow& row = t.rows[r];
        struct CellBox { double x0, x1; Stack stack; const TableCell* cell; };
        std::vector<CellBox> cells;
        std::size_t column = 0;
        double height = 0;
        for (const TableCell& cell : row.cells) {
            const std::size_t end = std::min(edges.size() - 1, column + static_cast<std::size_t>(cell.span));
            const double x0 = edges[std::min(column, edges.size() - 1)], x1 = edges[end];
            column = end;
            CellBox cb{x0, x1, stack(cell.content, x0 + t.padding, std::max(1.0, x1 - x0 - 2 * t.padding), fields), &cell};
            height = std::max(height, cb.stack.height + 2 * t.padding);
            cells.push_back(std::move(cb));
        }
        const double page_body = doc_.page.height - doc_.page.margin_top - doc_.page.margin_bottom;
        if (height > page_body && !row.header) {
            // Taller than a page: cut between lines rather than overflow the page.
            auto split = std::make_shared<SplitRow>();
            split->left = x;
            split->right = edges.back();
            split->padding = t.padding;
            split->border_width = t.border_width;
            split->border_color = border;
            for (CellBox& cb : cells) {
                SplitRow::Cell c;
                c.x0 = cb.x0;
                c.x1 = cb.x1;
                c.stack = std::move(cb.stack);
                c.has_background = cb.cell->has_background;
                c.background = Color{cb.cell->background.r / 255.0, cb.cell->background.g / 255.0,
                                     cb.cell->background.b / 255.0};
                split->cells.push_back(std::move(c));
            }
            Slice s;
            s.height = height;
            for (const CellBox& cb : cells)
                for (const BlockAnchor& a : cb.stack.anchors) s.anchors.emplace_back(a.first, 0.0);
            s.split = std::move(split);
            if (has_header) s.repeat_header = table_id;
            out.push_back(std::move(s));
            continue;
        }
        Slice s;
        s.height = height;
        for (const CellBox& cb : cells)
            if (cb.cell->has_background) {
                Rectangle bg;
                bg.x = cb.x0;
                bg.y = 0;
                bg.width = cb.x1 - cb.x0;
                bg.height = height;
                bg.fill = true;
                bg.fill_color = Color{cb.cell->background.r / 255.0, cb.cell->background.g / 255.0, cb.cell->background.b / 255.0};
                s.items.push_back(bg);
            }
        for (CellBox& cb : cells) {
            const double free = height - 2 * t.padding - cb.stack.height;
            const double dy = t.padding + (cb.cell->valign == VerticalAlign::Middle ? free / 2
                                           : cb.cell->valign == VerticalAlign::Bottom ? free : 0);
            if (&cb == &cells.front() && cb.stack.first_baseline > 0) s.first_baseline = dy + cb.stack.first_baseline;
            for (const BlockAnchor& a : cb.stack.anchors) s.anchors.emplace_back(a.first, a.second + dy);
            for (PageItem& item : cb.stack.items) {
                shift_item(item, dy);
                s.items.push_back(std::move(item));
            }
        }
        if (t.border_width > 0) {
            const double right = edges.back();
            s.items.push_back(Rule{x, 0, right, 0, t.border_width, border});
            s.items.push_back(Rule{x, height, right, height, t.border_width, border});
            for (const CellBox& cb : cells) s.items.push_back(Rule{cb.x0, 0, cb.x0, height, t.border_width, border});
            s.items.push_back(Rule{right, 0, right, height, t.border_width, border});
        }
        if (row.header) {
            has_header = true;
            s.keep_with_next = true;
            table_headers_[static_cast<std::size_t>(table_id)].push_back(s);
        } else if (has_header && r != last_body) {
            s.repeat_header = table_id;
        }
        out.push_back(std::move(s));
    }
}

void Layouter::image(const Image& img, const Block& b, double x, double width, std::vector<Slice>& out) {
    const ResourceResolver::Resolved resolved = resources_->resolve(img.src);
    std::string problem = resolved.problem;
    const auto loaded = resolved.path.empty() ? nullptr : images_->load(resolved.path.string(), problem);
    if (!loaded) {
        diagnostics_.error(b.position, "l'image « " + img.src + " » ne peut pas être utilisée : " + problem);
        return;
    }
    const double px_w = loaded->info.size.width, px_h = loaded->info.size.height;
    double w = img.width, h = img.height;
    if (w > 0 && h <= 0) h = w * px_h / px_w;
    else if (h > 0 && w <= 0) w = h * px_w / px_h;
    else if (w <= 0 && h <= 0) {
        w = px_w * 72.0 / kPixelsPerInch;
        h = px_h * 72.0 / kPixelsPerInch;
        if (w > width) { h *= width / w; w = width; }
    }
    const double ix = img.align == BoxAlign::Left ? x : img.align == BoxAlign::Right ? x + width - w : x + (width - w) / 2;
    Slice s;
    s.height = h;
    s.items.push_back(PlacedImage{ix, 0, w, h, loaded->path, loaded->bytes});
    out.push_back(std::move(s));
}

Stack Layouter::stack(const std::vector<Block>& blocks, double x, double width, const FieldValues* fields) {
    std::vector<Slice> slices;
    flow(blocks, x, width, slices, fields);
    // Block margins at the edges of a stack collapse, as in a CSS box; <espace> stays.
    std::size_t begin = 0, end = slices.size();
    while (begin < end && slices[begin].kind == Slice::Kind::Space && slices[begin].margin) ++begin;
    while (end > begin && slices[end - 1].kind == Slice::Kind::Space && slices[end - 1].margin) --end;
    Stack st;
    for (std::size_t k = begin; k < end; ++k) {
        Slice& s = slices[k];
        for (const BlockAnchor& a : s.anchors) st.anchors.emplace_back(a.first, a.second + st.height);
        if (s.kind == Slice::Kind::Content) {
            if (st.first_baseline == 0 && s.first_baseline > 0) st.first_baseline = st.height + s.first_baseline;
            for (PageItem& item : s.items) {
                shift_item(item, st.height);
                st.items.push_back(std::move(item));
            }
        }
        if (s.kind == Slice::Kind::Content || s.kind == Slice::Kind::Space) st.height += s.height;
        if (s.kind == Slice::Kind::Content) st.cuts.push_back(st.height);
    }
    return st;
}

// ---- Pagination ------------------------------------------------------------------

// Slices' items are moved onto the page, and moved back when a break
// backtracks over them.
void Layouter::paginate(std::vector<Slice>& slices) {
    const double top = doc_.page.margin_top;
    const double bottom = doc_.page.height - doc_.page.margin_bottom;

    struct Entry { std::size_t source; std::size_t item_start; std::size_t outline_start; bool content; double dy; };
    std::vector<Entry> placed;  // flow slices on the current page
    LaidOutPage page;
    page.width = doc_.page.width;
    page.height = doc_.page.height;
    double y = top;
    bool drop_spaces = false;  // after an automatic break, spaces at the top vanish
    bool last_was_reserve = false;  // the current page only follows reserved pages

    auto place = [&](Slice& s, std::size_t source) {
        const double dy = s.kind == Slice::Kind::Float ? 0 : y;
        placed.push_back({source, page.items.size(), result_.outline.size(), s.kind == Slice::Kind::Content, dy});
        for (const BlockAnchor& a : s.anchors) anchors_[a.first] = PagePoint{result_.pages.size(), dy + a.second};
        if (s.no_furniture) page.furniture = false;
        last_was_reserve = false;
        for (PageItem& item : s.items) {
            shift_item(item, dy);
            page.items.push_back(std::move(item));
        }
        s.items.clear();
        for (const OutlineEntry& o : s.outline)
            result_.outline.push_back(OutlineEntry{o.title, o.level, result_.pages.size(), y + o.y});
        if (s.kind != Slice::Kind::Float) y += s.height;
    };
    auto new_page = [&](int repeat_header, bool automatic) {
        result_.pages.push_back(std::move(page));
        page = LaidOutPage{};
        page.width = doc_.page.width;
        page.height = doc_.page.height;
        placed.clear();
        y = top;
        drop_spaces = automatic;
        if (repeat_header >= 0)
            for (const Slice& h : table_headers_[static_cast<std::size_t>(repeat_header)]) {
                for (const PageItem& item : h.items) {
                    page.items.push_back(item);
                    shift_item(page.items.back(), y);
                }
                y += h.height;
            }
    };
    auto has_content = [&] {
        for (const Entry& e : placed)
            if (e.content) return true;
        return false;
    };

    std::size_t i = 0;
    while (i < slices.size()) {
        Slice& s = slices[i];
        switch (s.kind) {
        case Slice::Kind::PageBreak:
            if (!s.odd) {
                new_page(-1, false);
            } else {
                // To an odd page: a blank page (no header nor footer) when the next one is even.
                if (!(page.items.empty() && placed.empty())) new_page(-1, false);
                if (result_.pages.size() % 2 == 1) {
                    page.furniture = false;
                    new_page(-1, false);
                }
            }
            ++i;
            continue;
        case Slice::Kind::Float:
        case Slice::Kind::Marker:
            place(s, i++);
            continue;
        case Slice::Kind::Reserve: {
            // Whole pages: start on a fresh page, leave the reserved ones empty.
            if (!(page.items.empty() && placed.empty())) new_page(-1, false);
            const std::size_t first = result_.pages.size();
            for (const OutlineEntry& o : s.outline) result_.outline.push_back(OutlineEntry{o.title, o.level, first, 0});
            for (const BlockAnchor& a : s.anchors) anchors_[a.first] = PagePoint{first, 0};
            if (s.no_furniture) page.furniture = false;
            result_.reserved.push_back(ReservedPageRange{s.reserve->id, first, static_cast<std::size_t>(s.reserve->count)});
            for (int k = 0; k < s.reserve->count; ++k) new_page(-1, false);
            last_was_reserve = true;
            ++i;
            continue;
        }
        case Slice::Kind::Space:
            if (!(drop_spaces && !has_content())) place(s, i);
            ++i;
            continue;
        case Slice::Kind::Content:
            break;
        }
        if (s.split) {
            // A row taller than a page: what fits here, the rest on the next page(s).
            Slice part = s.split->take(bottom - y, !has_content());
            if (part.height > 0) {
                part.anchors = std::move(s.anchors);
                s.anchors.clear();
                place(part, i);
                drop_spaces = false;
                if (s.split->done()) ++i;
                else new_page(s.repeat_header, true);
                continue;
            }
            // Not even one line fits: break the page as for any other slice.
        } else if (y + s.height <= bottom + kFitTolerance || !has_content()) {
            place(s, i++);
            drop_spaces = false;
            continue;
        }
        // Does not fit: break at the latest allowed point on this page.
        // A break before flow slice b is allowed when the last Content slice before b does not keep with the next.
        std::size_t break_before = slices.size();
        int repeat = -1;
        std::size_t candidate = i;
        std::size_t k = placed.size();
        while (true) {
            // Last content entry before `candidate`.
            std::size_t last = k;
            while (last > 0 && !placed[last - 1].content) --last;
            if (last == 0) {  // no content before: break only if something (a space) stays behind
                if (k > 0) break_before = candidate;
                break;
            }
            const Slice& previous = slices[placed[last - 1].source];
            if (!previous.keep_with_next) {
                break_before = candidate;
                repeat = previous.repeat_header;
                break;
            }
            // Move the candidate to before that content entry.
            k = last - 1;
            candidate = placed[k].source;
        }
        if (break_before == slices.size()) {  // everything is kept together: break anyway, here
            break_before = i;
            for (std::size_t e = placed.size(); e-- > 0;)
                if (placed[e].content) { repeat = slices[placed[e].source].repeat_header; break; }
        }
        // Take back what was placed from break_before on.
        std::size_t keep = placed.size();
        while (keep > 0 && placed[keep - 1].source >= break_before) --keep;
        if (keep < placed.size()) {
            for (std::size_t e = keep; e < placed.size(); ++e) {
                const std::size_t end = e + 1 < placed.size() ? placed[e + 1].item_start : page.items.size();
                std::vector<PageItem>& back = slices[placed[e].source].items;
                for (std::size_t k = placed[e].item_start; k < end; ++k) {
                    shift_item(page.items[k], -placed[e].dy);
                    back.push_back(std::move(page.items[k]));
                }
            }
            page.items.resize(placed[keep].item_start);
            result_.outline.resize(placed[keep].outline_start);
            placed.resize(keep);
            page.furniture = true;
            for (const Entry& e : placed)
                if (slices[e.source].no_furniture) page.furniture = false;
        }
        new_page(repeat, true);
        i = break_before;
    }
    // Reserved pages at the very end: no empty page after them.
    if (!(last_was_reserve && page.items.empty() && placed.empty())) result_.pages.push_back(std::move(page));
}

void Layouter::add_furniture() {
    const int count = static_cast<int>(result_.pages.size());
    const double x = doc_.page.margin_left;
    const double width = doc_.page.width - doc_.page.margin_left - doc_.page.margin_right;
    auto choose = [](const std::vector<PageFurniture>& list, int page) -> const PageFurniture* {
        const PageFurniture* all = nullptr;
        for (const PageFurniture& f : list) {
            if (f.pages == PageSelection::First && page == 1) return &f;
            if (f.pages == PageSelection::Following && page > 1) return &f;
            if (f.pages == PageSelection::All) all = &f;
        }
        return all;
    };
    for (int n = 1; n <= count; ++n) {
        LaidOutPage& page = result_.pages[static_cast<std::size_t>(n - 1)];
        if (!page.furniture) continue;
        const FieldValues fields{n, count};
        if (const PageFurniture* header = choose(doc_.headers, n)) {
            Stack st = stack(header->content, x, width, &fields);
            for (PageItem& item : st.items) {
                shift_item(item, header->distance);
                page.items.push_back(std::move(item));
            }
        }
        if (const PageFurniture* footer = choose(doc_.footers, n)) {
            Stack st = stack(footer->content, x, width, &fields);
            for (PageItem& item : st.items) {
                shift_item(item, doc_.page.height - footer->distance - st.height);
                page.items.push_back(std::move(item));
            }
        }
    }
}

LaidOutDocument Layouter::run() {
    const DocumentInfo& info = doc_.info;
    result_.metadata.title = info.title;
    result_.metadata.author = info.author;
    result_.metadata.subject = info.subject;
    result_.metadata.keywords = info.keywords;
    result_.metadata.language = info.lang;
    result_.metadata.creation_date = pdf_date(info.date);

    const double width = doc_.page.width - doc_.page.margin_left - doc_.page.margin_right;
    std::vector<Slice> slices;
    flow(doc_.body, doc_.page.margin_left, width, slices, nullptr);
    carry_markers(slices);
    paginate(slices);
    add_furniture();
    for (const auto& [id, block] : index_.ids)
        if (auto it = anchors_.find(block); it != anchors_.end())
            result_.targets.push_back(PageTarget{id, it->second.page, it->second.y});
    if (diagnostics_.has_errors()) throw LettrineError(ErrorKind::Template, diagnostics_);
    return std::move(result_);
}

}  // namespace

void append_laid_out(LaidOutDocument& book, LaidOutDocument next) {
    if (book.pages.empty() && book.metadata.title.empty()) book.metadata = next.metadata;
    const std::size_t offset = book.pages.size();
    for (OutlineEntry& entry : next.outline) {
        entry.page += offset;
        book.outline.push_back(std::move(entry));
    }
    for (PageTarget& target : next.targets) {
        target.page += offset;
        book.targets.push_back(std::move(target));
    }
    for (ReservedPageRange& range : next.reserved) {
        range.first_page += offset;
        book.reserved.push_back(std::move(range));
    }
    for (LaidOutPage& page : next.pages) {
        for (PageItem& item : page.items)
            if (auto* link = std::get_if<LinkArea>(&item); link && link->internal) link->target_page += offset;
        book.pages.push_back(std::move(page));
    }
}

std::string pdf_date(const std::string& iso_date) {
    if (iso_date.size() != 10) return "";
    return "D:" + iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2) + "000000Z";
}

namespace {

void index_blocks(const std::vector<Block>& blocks, DocumentIndex& index);

void index_inlines(const std::vector<Inline>& inlines, DocumentIndex& index) {
    for (const Inline& in : inlines)
        if (in.kind == InlineKind::PageReference) {
            index.needs_pages = true;
            index.references.emplace(in.text, in.position);
        }
}

void index_block(const Block& b, DocumentIndex& index) {
    if (!b.id.empty() && !index.furniture) index.ids.emplace(b.id, &b);
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
                index_inlines(c.inlines, index);
                if (c.level > 0 && c.in_contents && !index.furniture) index.contents.push_back({&b, plain_text(c), c.level});
            } else if constexpr (std::is_same_v<T, OutlineMarker>) {
                if (c.in_contents) index.contents.push_back({&b, c.title, c.level});
            } else if constexpr (std::is_same_v<T, ContentsTable>) {
                index.needs_pages = true;
            } else if constexpr (std::is_same_v<T, List>) {
                for (const ListItem& item : c.items) index_blocks(item.content, index);
            } else if constexpr (std::is_same_v<T, Table>) {
                for (const TableRow& row : c.rows)
                    for (const TableCell& cell : row.cells) index_blocks(cell.content, index);
            } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, Positioned>) {
                index_blocks(c.content, index);
            } else if constexpr (std::is_same_v<T, Columns>) {
                for (const Column& column : c.columns) index_blocks(column.content, index);
            }
        },
        b.content);
}

void index_blocks(const std::vector<Block>& blocks, DocumentIndex& index) {
    for (const Block& b : blocks) index_block(b, index);
}

}  // namespace

// Page numbers (table of contents, <renvoi-page>) are only known after
// pagination: the document is laid out again with the pages found, until
// they no longer change. Contents entries keep a column for the number, so
// their height never depends on it; only a number inside running text can
// move a line break, hence the bounded loop.
LaidOutDocument layout_document(const Document& document, const FontSet& fonts, const LayoutOptions& options) {
    DocumentIndex index;
    index_blocks(document.body, index);
    index.furniture = true;
    for (const PageFurniture& f : document.headers) index_blocks(f.content, index);
    for (const PageFurniture& f : document.footers) index_blocks(f.content, index);
    if (!index.needs_pages) return Layouter(document, fonts, options, index, nullptr).run();
    LayoutOptions shared = options;  // images read once for all passes
    if (!shared.images) shared.images = std::make_shared<ImageCache>();
    AnchorPages known;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        Layouter layouter(document, fonts, shared, index, pass == 0 ? nullptr : &known);
        LaidOutDocument result = layouter.run();
        AnchorPages pages = layouter.anchor_pages();
        if (pass > 0 && pages == known) {
            // A target without a page (an id inside a header or footer) would print a false number.
            Diagnostics problems;
            for (const auto& [id, where] : index.references) {
                const auto it = index.ids.find(id);
                if (it == index.ids.end() || !pages.count(it->second))
                    problems.error(where, "<renvoi-page> renvoie à « " + id +
                                              " », un bloc qui n'a pas de page à lui (dans un en-tête ou un pied de page)");
            }
            if (problems.has_errors()) throw LettrineError(ErrorKind::Template, std::move(problems));
            return result;
        }
        known = std::move(pages);
    }
    throw LettrineError(ErrorKind::Template, SourcePosition::at_line(document.source_name, 1, 1),
                        "les numéros de page de la table des matières et des renvois ne se stabilisent pas : "
                        "un renvoi placé près d'une fin de page change la mise en page à chaque essai ; "
                        "reformulez le paragraphe qui le contient");
}

}  // namespace lettrine
