// Blocks to slices: each kind of block has its content() overload, chosen by
// std::visit on the block's content.
#include <algorithm>
#include <type_traits>

#include "layout/chart.hpp"
#include "layout/detail/layouter.hpp"

namespace lettrine::layout_detail {

namespace {

// Blocks that are one slice of their own: no espace-avant/apres, and what
// points at them is carried by the slice itself.
template <typename T>
constexpr bool standalone_block = std::is_same_v<T, PageBreak> || std::is_same_v<T, OutlineMarker> ||
                                  std::is_same_v<T, NoFurniture> || std::is_same_v<T, ReservedPages> ||
                                  std::is_same_v<T, Positioned> || std::is_same_v<T, Placeholder>;

// A block that can be pointed at: its anchor is the top of its first piece
// (a zero-height marker where it has none).
void anchor_block(const Block& b, std::size_t start, std::vector<Slice>& out) {
    const auto* heading = std::get_if<Paragraph>(&b.content);
    if (b.id.empty() && !(heading && heading->level > 0)) return;
    std::size_t k = start;
    while (k < out.size() && !out[k].is<Slice::Content>()) ++k;
    if (k < out.size()) {
        out[k].anchors.emplace(out[k].anchors.begin(), &b, 0);
        return;
    }
    Slice s{Slice::Marker{}};
    s.anchors.emplace_back(&b, 0);
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(start), std::move(s));
}

}  // namespace

double Slice::height() const {
    if (const Content* c = content()) return c->height;
    if (const Gap* g = std::get_if<Gap>(&piece)) return g->height;
    return 0;
}

void Layouter::space(double height, std::vector<Slice>& out, bool margin) {
    if (height <= 0) return;
    out.emplace_back(Slice::Gap{height, margin});
}

void Layouter::flow(const std::vector<Block>& blocks, double x, double width, std::vector<Slice>& out,
                    const FieldValues* fields) {
    for (const Block& b : blocks) block(b, x, width, out, fields);
}

void Layouter::block(const Block& b, double x, double width, std::vector<Slice>& out, const FieldValues* fields) {
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (standalone_block<T>) {
                content(c, b, x, width, out, fields);
            } else {
                space(b.space_before, out);
                const std::size_t start = out.size();
                const StructureId element = open_block_element(b);
                content(c, b, x, width, out, fields);
                close_block_element(b, element, out, start);
                anchor_block(b, start, out);
                space(b.space_after, out);
            }
        },
        b.content);
}

void Layouter::content(const PageBreak& page_break, const Block&, double, double, std::vector<Slice>& out,
                       const FieldValues*) {
    out.emplace_back(Slice::Break{page_break.odd});
}

void Layouter::content(const OutlineMarker& marker, const Block& b, double, double, std::vector<Slice>& out,
                       const FieldValues*) {
    Slice s{Slice::Marker{}};
    s.outline.push_back(OutlineEntry{marker.title, marker.level, 0, 0});
    s.anchors.emplace_back(&b, 0);
    out.push_back(std::move(s));
}

void Layouter::content(const NoFurniture&, const Block&, double, double, std::vector<Slice>& out, const FieldValues*) {
    Slice s{Slice::Marker{}};
    s.no_furniture = true;
    out.push_back(std::move(s));
}

void Layouter::content(const ReservedPages& reserved, const Block& b, double, double, std::vector<Slice>& out,
                       const FieldValues*) {
    Slice s{Slice::Reserve{&reserved}};
    s.anchors.emplace_back(&b, 0);
    out.push_back(std::move(s));
}

// A placeholder still there: the program that composed the document forgot to fill it.
void Layouter::content(const Placeholder& placeholder, const Block& b, double, double, std::vector<Slice>&,
                       const FieldValues*) {
    diagnostics_.error(b.position, "<emplacement nom=\"" + placeholder.name + "\"> n’a pas été rempli");
}

void Layouter::content(const Paragraph& p, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    std::vector<SetLine> lines = setter_.set(p, x, width, fields);
    tag_links(lines);
    tag_languages(lines);
    const std::size_t n = lines.size();
    for (std::size_t k = 0; k < n; ++k) {
        Slice::Content line;
        line.height = lines[k].height;
        line.first_baseline = lines[k].baseline;
        line.items = std::move(lines[k].items);
        // Orphans and widows: the first two and the last two lines stay together;
        // a hyphenated line is never the last of a page (the break moves up a line).
        line.keep_with_next = k + 1 < n && (k == 0 || k + 2 >= n || lines[k].hyphenated);
        if (p.level > 0 && k + 1 == n) line.keep_with_next = true;  // a heading stays with what follows
        Slice s{std::move(line)};
        if (p.level > 0 && k == 0 && p.bookmark) s.outline.push_back(OutlineEntry{plain_text(p), p.level, 0, 0});
        out.push_back(std::move(s));
    }
}

void Layouter::content(const List& l, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    const double text_x = x + l.indent;
    const double text_width = std::max(1.0, width - l.indent);
    for (std::size_t k = 0; k < l.items.size(); ++k) {
        const ListItem& item = l.items[k];
        space(item.space_before, out);
        const std::size_t first = out.size();
        const StructureId element = open_element(StructureNode{"LI"});
        const StructureId label = open_element(StructureNode{"Lbl"});
        close_element(label);
        const StructureId body = open_element(StructureNode{"LBody"});
        flow(item.content, text_x, text_width, out, fields);
        close_element(body);
        close_element(element);
        std::size_t target = out.size();
        for (std::size_t s = first; s < out.size(); ++s)
            if (out[s].is<Slice::Content>()) { target = s; break; }
        if (target == out.size()) {  // an empty item still shows its marker
            Slice::Content empty;
            empty.height = l.marker_style.size * 1.2;
            out.emplace_back(std::move(empty));
        }
        Slice::Content& s = *out[target].content();
        const double baseline = s.first_baseline > 0 ? s.first_baseline : setter_.ascent(l.marker_style);
        const std::string marker = l.numbered ? std::to_string(l.start + static_cast<int>(k)) + "." : l.bullet;
        const double marker_width = setter_.text_width(marker, l.marker_style, item.position);
        const double marker_x = text_x - kMarkerGapEm * l.marker_style.size - marker_width;
        // Painted first, so that the bullet comes before the item's text when
        // the page is read back (copy-paste, screen readers, pdfminer).
        GlyphRun marker_run = setter_.single_run(marker, l.marker_style, marker_x, baseline, item.position);
        marker_run.tag = label;
        s.items.insert(s.items.begin(), std::move(marker_run));
        // The last two items stay together: a list never ends with one item
        // alone at the top of a page.
        if (k + 2 == l.items.size()) keep_last_with_next(first, out);
        space(item.space_after, out);
    }
}

// The last Content slice from `first` on keeps with the next one.
void Layouter::keep_last_with_next(std::size_t first, std::vector<Slice>& out) {
    for (std::size_t k = out.size(); k-- > first;)
        if (Slice::Content* c = out[k].content()) {
            c->keep_with_next = true;
            return;
        }
}

void Layouter::content(const Image& img, const Block& b, double x, double width, std::vector<Slice>& out,
                       const FieldValues*) {
    const ResourceResolver::Resolved resolved = resources_->resolve(img.src);
    std::string problem = resolved.problem;
    const auto loaded = resolved.path.empty() ? nullptr : images_->load(resolved.path.string(), problem);
    if (!loaded) {
        diagnostics_.error(b.position, "l’image « " + img.src + " » ne peut pas être utilisée : " + problem);
        return;
    }
    const PointSize size = image_size(img, {loaded->info.size.width, loaded->info.size.height}, width);
    const double w = size.width, h = size.height;
    const double ix = img.align == BoxAlign::Left ? x : img.align == BoxAlign::Right ? x + width - w : x + (width - w) / 2;
    Slice::Content s;
    s.height = h;
    s.items.push_back(PlacedImage{ix, 0, w, h, loaded->path, loaded->bytes});
    out.emplace_back(std::move(s));
}

void Layouter::content(const Box& box, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    const double w = std::min(width, resolve_extent(box.width, width));
    const double bx = box.align == BoxAlign::Left ? x : box.align == BoxAlign::Right ? x + width - w : x + (width - w) / 2;
    const std::size_t first = out.size();
    flow(box.content, bx, w, out, fields);
    if (!box.keep_together) return;
    std::size_t last_content = out.size();
    for (std::size_t k = out.size(); k-- > first;)
        if (out[k].is<Slice::Content>()) { last_content = k; break; }
    for (std::size_t k = first; k < last_content; ++k)
        if (Slice::Content* c = out[k].content()) c->keep_with_next = true;
}

void Layouter::content(const Columns& cols, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues* fields) {
    const std::size_t n = cols.columns.size();
    const double available = std::max(0.0, width - cols.gap * static_cast<double>(n ? n - 1 : 0));
    std::vector<Extent> extents;
    for (const Column& c : cols.columns) extents.push_back(c.width);
    const std::vector<double> widths = column_widths(extents, available);
    Slice::Content row;
    std::vector<Stack> stacks;
    double cx = x;
    for (std::size_t k = 0; k < n; ++k) {
        stacks.push_back(stack(cols.columns[k].content, cx, widths[k], fields));
        row.height = std::max(row.height, stacks.back().height);
        cx += widths[k] + cols.gap;
    }
    std::vector<BlockAnchor> anchors;
    for (std::size_t k = 0; k < n; ++k) {
        Stack& st = stacks[k];
        const double dy = cols.valign == VerticalAlign::Bottom ? row.height - st.height : 0;
        if (k == 0) row.first_baseline = st.first_baseline > 0 ? st.first_baseline + dy : 0;
        for (PageItem& item : st.items) {
            shift_item(item, dy);
            row.items.push_back(std::move(item));
        }
        for (const BlockAnchor& a : st.anchors) anchors.emplace_back(a.first, a.second + dy);
    }
    Slice s{std::move(row)};
    s.anchors = std::move(anchors);
    out.push_back(std::move(s));
}

void Layouter::content(const Chart& chart, const Block& b, double x, double width, std::vector<Slice>& out,
                       const FieldValues*) {
    // One unbreakable piece.
    ChartDrawing drawing = draw_chart(chart, x, width, setter_, b.position);
    Slice::Content s;
    s.height = drawing.height;
    s.first_baseline = drawing.first_baseline;
    s.items = std::move(drawing.items);
    out.emplace_back(std::move(s));
}

void Layouter::content(const Space& sp, const Block&, double, double, std::vector<Slice>& out, const FieldValues*) {
    space(sp.height, out, false);
}

void Layouter::content(const HorizontalRule& rule, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues*) {
    Slice::Content s;
    s.height = rule.thickness;
    s.items.push_back(Rule{x, rule.thickness / 2, x + width, rule.thickness / 2, rule.thickness, to_color(rule.color)});
    out.emplace_back(std::move(s));
}

Stack Layouter::stack(const std::vector<Block>& blocks, double x, double width, const FieldValues* fields) {
    std::vector<Slice> slices;
    flow(blocks, x, width, slices, fields);
    // Block margins at the edges of a stack collapse, as in a CSS box; <espace> stays.
    const auto collapsible = [](const Slice& s) {
        const auto* gap = std::get_if<Slice::Gap>(&s.piece);
        return gap && gap->margin;
    };
    std::size_t begin = 0, end = slices.size();
    while (begin < end && collapsible(slices[begin])) ++begin;
    while (end > begin && collapsible(slices[end - 1])) --end;
    Stack st;
    for (std::size_t k = begin; k < end; ++k) {
        Slice& s = slices[k];
        for (const BlockAnchor& a : s.anchors) st.anchors.emplace_back(a.first, a.second + st.height);
        if (Slice::Content* c = s.content()) {
            if (st.first_baseline == 0 && c->first_baseline > 0) st.first_baseline = st.height + c->first_baseline;
            for (PageItem& item : c->items) {
                shift_item(item, st.height);
                st.items.push_back(std::move(item));
            }
        }
        st.height += s.height();
        if (s.is<Slice::Content>()) st.cuts.push_back(st.height);
    }
    return st;
}

// Outline entries and anchors of <signet> (and the page setting of
// <sans-entete-pied>) belong to where the next piece of content lands: a
// <signet> followed by a page break points at the next page.
void Layouter::carry_markers(std::vector<Slice>& slices) {
    Slice pending{Slice::Marker{}};
    std::size_t pending_from = slices.size();
    std::vector<Slice> kept;
    kept.reserve(slices.size());
    for (std::size_t i = 0; i < slices.size(); ++i) {
        Slice& s = slices[i];
        if (s.is<Slice::Marker>()) {
            if (pending_from == slices.size()) pending_from = kept.size();
            for (OutlineEntry& o : s.outline) pending.outline.push_back(std::move(o));
            for (BlockAnchor& a : s.anchors) pending.anchors.push_back(a);
            pending.no_furniture = pending.no_furniture || s.no_furniture;
            continue;
        }
        if (pending_from != slices.size() && (s.is<Slice::Content>() || s.is<Slice::Reserve>())) {
            s.outline.insert(s.outline.begin(), pending.outline.begin(), pending.outline.end());
            s.anchors.insert(s.anchors.begin(), pending.anchors.begin(), pending.anchors.end());
            s.no_furniture = s.no_furniture || pending.no_furniture;
            pending = Slice{Slice::Marker{}};
            pending_from = slices.size();
        }
        kept.push_back(std::move(s));
    }
    if (pending_from != slices.size())  // nothing follows: they stay where they are
        kept.push_back(std::move(pending));
    slices = std::move(kept);
}

}  // namespace lettrine::layout_detail
