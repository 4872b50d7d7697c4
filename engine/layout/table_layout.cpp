// Tables: one slice per row (header rows remembered to be repeated on the
// pages a table breaks onto), a row taller than a page cut between lines.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "layout/detail/layouter.hpp"

namespace lettrine::layout_detail {

namespace {

// A laid-out cell of the row being built.
struct CellBox {
    double x0, x1;
    Stack stack;
    const TableCell* cell;
    std::size_t column;  // its first column
};

// A row laid out, before it becomes a slice.
struct RowBox {
    std::vector<CellBox> cells;
    double height = 0;
};

void add_light_rules(std::vector<PageItem>& items, const RowRules& rules, double left, double right, double height,
                     const Color& color) {
    if (rules.top > 0) items.push_back(Rule{left, 0, right, 0, rules.top, color});
    if (rules.bottom > 0) items.push_back(Rule{left, height, right, height, rules.bottom, color});
}

// Frame of a row `height` high from `left` to `right`: top, bottom, and a
// rule at the left edge of each cell and at the right edge.
void add_row_borders(std::vector<PageItem>& items, const std::vector<double>& cell_lefts, double left, double right,
                     double height, double width, const Color& color) {
    items.push_back(Rule{left, 0, right, 0, width, color});
    items.push_back(Rule{left, height, right, height, width, color});
    for (double x0 : cell_lefts) items.push_back(Rule{x0, 0, x0, height, width, color});
    items.push_back(Rule{right, 0, right, height, width, color});
}

Rectangle cell_background(double x0, double x1, double height, const Color& color) {
    Rectangle bg;
    bg.x = x0;
    bg.y = 0;
    bg.width = x1 - x0;
    bg.height = height;
    bg.fill = true;
    bg.fill_color = color;
    return bg;
}

// A row taller than a page's body: pagination takes it piece by piece.
Slice split_row_slice(std::vector<CellBox>& cells, const Table& t, const RowRules& rules, double left, double right,
                      double height) {
    auto split = std::make_shared<SplitRow>();
    split->left = left;
    split->right = right;
    split->padding = t.padding;
    split->border_width = t.rules == TableRules::Grid ? t.border_width : 0;
    split->top_rule = rules.top;
    split->bottom_rule = rules.bottom;
    split->border_color = to_color(t.border_color);
    for (CellBox& cb : cells) {
        SplitRow::Cell c;
        c.x0 = cb.x0;
        c.x1 = cb.x1;
        c.stack = std::move(cb.stack);
        c.has_background = cb.cell->has_background;
        c.background = to_color(cb.cell->background);
        split->cells.push_back(std::move(c));
    }
    Slice::Content row;
    row.height = height;
    std::vector<BlockAnchor> anchors;
    for (const SplitRow::Cell& c : split->cells)
        for (const BlockAnchor& a : c.stack.anchors) anchors.emplace_back(a.first, 0.0);
    row.split = std::move(split);
    Slice s{std::move(row)};
    s.anchors = std::move(anchors);
    return s;
}

// A row that fits on a page: backgrounds, cells aligned vertically, borders;
// the anchors of the blocks in its cells go to `anchors`.
Slice::Content row_content(std::vector<CellBox>& cells, const Table& t, const RowRules& rules, double left, double right,
                           double height, std::vector<BlockAnchor>& anchors) {
    Slice::Content s;
    s.height = height;
    for (const CellBox& cb : cells)
        if (cb.cell->has_background) s.items.push_back(cell_background(cb.x0, cb.x1, height, to_color(cb.cell->background)));
    for (CellBox& cb : cells) {
        const double free = height - 2 * t.padding - cb.stack.height;
        const double dy = t.padding + (cb.cell->valign == VerticalAlign::Middle ? free / 2
                                       : cb.cell->valign == VerticalAlign::Bottom ? free : 0);
        if (&cb == &cells.front() && cb.stack.first_baseline > 0) s.first_baseline = dy + cb.stack.first_baseline;
        for (const BlockAnchor& a : cb.stack.anchors) anchors.emplace_back(a.first, a.second + dy);
        for (PageItem& item : cb.stack.items) {
            shift_item(item, dy);
            s.items.push_back(std::move(item));
        }
    }
    if (t.rules == TableRules::Light) {
        add_light_rules(s.items, rules, left, right, height, to_color(t.border_color));
    } else if (t.border_width > 0) {
        std::vector<double> lefts;
        for (const CellBox& cb : cells) lefts.push_back(cb.x0);
        add_row_borders(s.items, lefts, left, right, height, t.border_width, to_color(t.border_color));
    }
    return s;
}

// Where a cell's number stands: its decimal comma (or, for an integer, the
// end of its digits, where a comma would be) and the right end of its text.
struct NumberPlace {
    double left = 0, anchor = 0, right = 0;
};

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// The place of the last number of a one-line cell; text without digits is
// placed as an integer ending where the text ends (« — » under the units).
// Nothing for an empty cell or one of several lines (it stays flush right).
std::optional<NumberPlace> number_place(const std::vector<PageItem>& items) {
    struct Char { char32_t c; double x0, x1; };
    std::vector<const GlyphRun*> runs;
    for (const PageItem& item : items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) runs.push_back(run);
    if (runs.empty()) return std::nullopt;
    for (const GlyphRun* run : runs)  // one line: a superscript's raised baseline stays within the line
        if (std::abs(run->y - runs.front()->y) > runs.front()->size * 0.8) return std::nullopt;
    std::stable_sort(runs.begin(), runs.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->x < b->x; });
    std::vector<Char> chars;
    NumberPlace place;
    bool any = false;
    for (const GlyphRun* run : runs)
        for (const PlacedGlyph& g : run->glyphs) {
            const char32_t c = g.text.empty() ? U' ' : g.text.front();
            chars.push_back({c, run->x + g.x, run->x + g.x + g.advance});
            if (c == U' ' || c == U'\u00A0' || c == U'\u202F') continue;
            place.left = any ? std::min(place.left, chars.back().x0) : chars.back().x0;
            place.right = any ? std::max(place.right, chars.back().x1) : chars.back().x1;
            any = true;
        }
    if (!any) return std::nullopt;
    std::size_t last = chars.size();
    for (std::size_t i = chars.size(); i-- > 0;)
        if (is_digit(chars[i].c)) { last = i; break; }
    if (last == chars.size()) {
        place.anchor = place.right;
        return place;
    }
    place.anchor = chars[last].x1;
    // Back over the number (digits, group spaces, one comma) to its decimal comma.
    bool comma = false;
    for (std::size_t i = last; i-- > 0;) {
        const char32_t c = chars[i].c;
        const bool after_digit = i > 0 && is_digit(chars[i - 1].c);
        if (is_digit(c) || ((c == U'\u202F' || c == U'\u00A0') && after_digit)) continue;
        if (c != U',' || comma || !after_digit) break;
        place.anchor = chars[i].x0;
        comma = true;
    }
    return place;
}

// Numbers of the columns marked colonnes-nombres aligned on their decimal
// comma: the longest part after the comma ends at the column's right
// padding, so the column stays flush right; never past the left padding.
void align_numbers(std::vector<RowBox>& rows, const std::vector<double>& edges, double padding) {
    std::map<std::size_t, double> after;  // column -> longest part right of the comma
    std::vector<std::pair<CellBox*, NumberPlace>> placed;
    for (RowBox& row : rows)
        for (CellBox& cb : row.cells) {
            if (!cb.cell->decimal) continue;
            const std::optional<NumberPlace> place = number_place(cb.stack.items);
            if (!place) continue;
            after[cb.column] = std::max(after[cb.column], place->right - place->anchor);
            placed.emplace_back(&cb, *place);
        }
    for (auto& [cb, place] : placed) {
        const double anchor = edges[cb->column + 1] - padding - after[cb->column];
        const double dx = std::max(anchor - place.anchor, edges[cb->column] + padding - place.left);
        for (PageItem& item : cb->stack.items) shift_item_x(item, dx);
    }
}

// The rows as slices: header rows remembered to repeat on the pages the
// table breaks onto, a row taller than a page cut between its lines.
void table_slices(const Table& t, std::vector<RowBox>& rows, double left, double right, double page_body,
                  std::vector<std::vector<Slice::Content>>& headers, std::vector<Slice>& out) {
    const int table_id = static_cast<int>(headers.size());
    headers.emplace_back();
    bool has_header = false;
    std::size_t last_body = t.rows.size();
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (!t.rows[r].header) last_body = r;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableRow& row = t.rows[r];
        RowBox& box = rows[r];
        const RowRules rules = light_rules(t, r);
        if (box.height > page_body && !row.header) {
            // Taller than a page: cut between lines rather than overflow the page.
            Slice s = split_row_slice(box.cells, t, rules, left, right, box.height);
            if (has_header) s.content()->repeat_header = table_id;
            out.push_back(std::move(s));
            continue;
        }
        std::vector<BlockAnchor> anchors;
        Slice::Content content = row_content(box.cells, t, rules, left, right, box.height, anchors);
        if (row.header) {
            has_header = true;
            content.keep_with_next = true;
            headers[static_cast<std::size_t>(table_id)].push_back(as_artifact(content));
        } else if (has_header && r != last_body) {
            content.repeat_header = table_id;
        }
        Slice s{std::move(content)};
        s.anchors = std::move(anchors);
        out.push_back(std::move(s));
    }
}

}  // namespace

Slice::Content SplitRow::take(double available, bool forced) {
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
        if (!forced) return Slice::Content{};
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
    Slice::Content part;
    part.height = content + 2 * padding;
    for (const Cell& c : cells)
        if (c.has_background) part.items.push_back(cell_background(c.x0, c.x1, part.height, c.background));
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
        std::vector<double> lefts;
        for (const Cell& c : cells) lefts.push_back(c.x0);
        add_row_borders(part.items, lefts, left, right, part.height, border_width, border_color);
    }
    // A light table: its top rule over the first piece, its bottom rule under the last.
    RowRules rules{top_rule, done() ? bottom_rule : 0.0};
    add_light_rules(part.items, rules, left, right, part.height, border_color);
    top_rule = 0;
    return part;
}

void Layouter::content(const Table& t, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    const double table_width = std::min(width, resolve_extent(t.width, width));
    const std::vector<double> widths = column_widths(t.columns, table_width);
    std::vector<double> edges(1, x);
    for (double w : widths) edges.push_back(edges.back() + w);

    // Every cell laid out first (in document order, for the structure tree),
    // so that a column's numbers can be aligned before the rows become slices.
    std::vector<RowBox> rows;
    StructureId section = kUntagged;  // THead or TBody
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableRow& row = t.rows[r];
        if (r == 0 || row.header != t.rows[r - 1].header) {
            close_element(section);
            section = open_element(StructureNode{row.header ? "THead" : "TBody"});
        }
        const StructureId tr = open_element(StructureNode{"TR"});
        RowBox box;
        std::size_t column = 0;
        for (const TableCell& cell : row.cells) {
            const std::size_t first = std::min(column, edges.size() - 1);
            const std::size_t end = std::min(edges.size() - 1, column + static_cast<std::size_t>(cell.span));
            const double x0 = edges[first], x1 = edges[end];
            column = end;
            StructureNode node{row.header ? "TH" : "TD"};
            node.column_scope = row.header;
            node.column_span = cell.span;
            const StructureId element = open_element(std::move(node));
            CellBox cb{x0, x1, stack(cell.content, x0 + t.padding, std::max(1.0, x1 - x0 - 2 * t.padding), fields), &cell,
                       first};
            close_element(element);
            tag_untagged(cb.stack.items, element, false);
            box.height = std::max(box.height, cb.stack.height + 2 * t.padding);
            box.cells.push_back(std::move(cb));
        }
        close_element(tr);
        rows.push_back(std::move(box));
    }
    close_element(section);
    align_numbers(rows, edges, t.padding);
    const double page_body = doc_.page.height - doc_.page.margin_top - doc_.page.margin_bottom;
    table_slices(t, rows, x, edges.back(), page_body, table_headers_, out);
}

}  // namespace lettrine::layout_detail
