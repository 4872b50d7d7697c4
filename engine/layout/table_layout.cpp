// Tables: one slice per row (header rows remembered to be repeated on the
// pages a table breaks onto), a row taller than a page cut between lines.
#include <algorithm>

#include "layout/detail/layouter.hpp"

namespace lettrine::layout_detail {

namespace {

// A laid-out cell of the row being built.
struct CellBox {
    double x0, x1;
    Stack stack;
    const TableCell* cell;
};

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
Slice split_row_slice(std::vector<CellBox>& cells, const Table& t, double left, double right, double height) {
    auto split = std::make_shared<SplitRow>();
    split->left = left;
    split->right = right;
    split->padding = t.padding;
    split->border_width = t.border_width;
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
Slice::Content row_content(std::vector<CellBox>& cells, const Table& t, double left, double right, double height,
                           std::vector<BlockAnchor>& anchors) {
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
    if (t.border_width > 0) {
        std::vector<double> lefts;
        for (const CellBox& cb : cells) lefts.push_back(cb.x0);
        add_row_borders(s.items, lefts, left, right, height, t.border_width, to_color(t.border_color));
    }
    return s;
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
    return part;
}

void Layouter::content(const Table& t, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    const double table_width = std::min(width, resolve_extent(t.width, width));
    const std::vector<double> widths = column_widths(t.columns, table_width);
    std::vector<double> edges(1, x);
    for (double w : widths) edges.push_back(edges.back() + w);
    const int table_id = static_cast<int>(table_headers_.size());
    table_headers_.emplace_back();
    bool has_header = false;
    std::size_t last_body = t.rows.size();
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (!t.rows[r].header) last_body = r;
    const double page_body = doc_.page.height - doc_.page.margin_top - doc_.page.margin_bottom;

    StructureId section = kUntagged;  // THead or TBody
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableRow& row = t.rows[r];
        if (r == 0 || row.header != t.rows[r - 1].header) {
            close_element(section);
            section = open_element(StructureNode{row.header ? "THead" : "TBody"});
        }
        const StructureId tr = open_element(StructureNode{"TR"});
        std::vector<CellBox> cells;
        std::size_t column = 0;
        double height = 0;
        for (const TableCell& cell : row.cells) {
            const std::size_t end = std::min(edges.size() - 1, column + static_cast<std::size_t>(cell.span));
            const double x0 = edges[std::min(column, edges.size() - 1)], x1 = edges[end];
            column = end;
            StructureNode node{row.header ? "TH" : "TD"};
            node.column_scope = row.header;
            node.column_span = cell.span;
            const StructureId element = open_element(std::move(node));
            CellBox cb{x0, x1, stack(cell.content, x0 + t.padding, std::max(1.0, x1 - x0 - 2 * t.padding), fields), &cell};
            close_element(element);
            tag_untagged(cb.stack.items, element, false);
            height = std::max(height, cb.stack.height + 2 * t.padding);
            cells.push_back(std::move(cb));
        }
        close_element(tr);
        if (height > page_body && !row.header) {
            // Taller than a page: cut between lines rather than overflow the page.
            Slice s = split_row_slice(cells, t, x, edges.back(), height);
            if (has_header) s.content()->repeat_header = table_id;
            out.push_back(std::move(s));
            continue;
        }
        std::vector<BlockAnchor> anchors;
        Slice::Content content = row_content(cells, t, x, edges.back(), height, anchors);
        if (row.header) {
            has_header = true;
            content.keep_with_next = true;
            table_headers_[static_cast<std::size_t>(table_id)].push_back(as_artifact(content));
        } else if (has_header && r != last_body) {
            content.repeat_header = table_id;
        }
        Slice s{std::move(content)};
        s.anchors = std::move(anchors);
        out.push_back(std::move(s));
    }
    close_element(section);
}

}  // namespace lettrine::layout_detail
