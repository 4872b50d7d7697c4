// The text form of the document tree (one node per line, two spaces per level).
#include <cstdio>

#include "markup/document.hpp"

namespace lettrine {

namespace {

// Points with at most two decimals, no trailing zeros: "56.69", "11", "0.5".
std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string color(const Rgb& c) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", c.r, c.g, c.b);
    return buffer;
}

std::string extent(const Extent& e) {
    switch (e.kind) {
    case Extent::Kind::Auto: return "auto";
    case Extent::Kind::Points: return num(e.value) + "pt";
    case Extent::Kind::Percent: return num(e.value) + "%";
    case Extent::Kind::Relative: return num(e.value) + "*";
    }
    return "";
}

const char* align(TextAlign a) {
    switch (a) {
    case TextAlign::Left: return "left";
    case TextAlign::Right: return "right";
    case TextAlign::Center: return "center";
    case TextAlign::Justify: return "justify";
    }
    return "";
}

const char* align(BoxAlign a) {
    switch (a) {
    case BoxAlign::Left: return "left";
    case BoxAlign::Center: return "center";
    case BoxAlign::Right: return "right";
    }
    return "";
}

std::string style(const InlineStyle& s) {
    std::string out = s.family + " " + num(s.size);
    if (s.bold) out += " bold";
    if (s.italic) out += " italic";
    if (s.underline) out += " underline";
    if (s.superscript) out += " superscript";
    if (!(s.color == Rgb{})) out += " " + color(s.color);
    out += " " + s.lang;
    if (!s.link.empty()) out += " link=" + s.link;
    if (!s.hyphenate) out += " no-hyphenation";
    if (!s.french_spacing) out += " no-french-spacing";
    return out;
}

class Dumper {
public:
    std::string out;

    void line(int depth, const std::string& text) {
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
        out += text;
        out += '\n';
    }

    void blocks(const std::vector<Block>& list, int depth) {
        for (const Block& b : list) block(b, depth);
    }

    void block(const Block& b, int depth) {
        std::string common;
        if (b.space_before != 0 || b.space_after != 0)
            common += " space=" + num(b.space_before) + "/" + num(b.space_after);
        common += " lang=" + b.lang;
        if (!b.id.empty()) common += " id=" + b.id;
        if (const auto* p = std::get_if<Paragraph>(&b.content)) {
            std::string head = p->level == 0 ? "paragraph" : "heading " + std::to_string(p->level);
            if (p->level > 0 && !p->bookmark) head += " no-bookmark";
            if (p->level > 0 && !p->in_contents) head += " not-in-contents";
            head += std::string(" ") + align(p->align) + " line=" + num(p->line_height);
            if (p->first_indent != 0) head += " indent=" + num(p->first_indent);
            line(depth, head + " [" + style(p->style) + "]" + common);
            for (const Inline& in : p->inlines) {
                switch (in.kind) {
                case InlineKind::Text: line(depth + 1, "text \"" + in.text + "\" [" + style(in.style) + "]"); break;
                case InlineKind::LineBreak: line(depth + 1, "break"); break;
                case InlineKind::PageNumber: line(depth + 1, "page-number [" + style(in.style) + "]"); break;
                case InlineKind::PageCount: line(depth + 1, "page-count [" + style(in.style) + "]"); break;
                case InlineKind::PageReference:
                    line(depth + 1, "page-reference " + in.text + " [" + style(in.style) + "]");
                    break;
                }
            }
        } else if (const auto* l = std::get_if<List>(&b.content)) {
            line(depth, std::string(l->numbered ? "numbered-list start=" + std::to_string(l->start)
                                                : "bullet-list bullet=\"" + l->bullet + "\"") +
                            " indent=" + num(l->indent) + common);
            for (const ListItem& item : l->items) {
                std::string head = "item";
                if (item.space_before != 0 || item.space_after != 0)
                    head += " space=" + num(item.space_before) + "/" + num(item.space_after);
                line(depth + 1, head);
                blocks(item.content, depth + 2);
            }
        } else if (const auto* t = std::get_if<Table>(&b.content)) {
            std::string cols;
            for (const Extent& e : t->columns) cols += (cols.empty() ? "" : " ") + extent(e);
            line(depth, "table columns=\"" + cols + "\" width=" + extent(t->width) + " border=" + num(t->border_width) +
                            " " + color(t->border_color) + " padding=" + num(t->padding) +
                            (t->rules == TableRules::Light ? " rules=light" : "") + common);
            for (const TableRow& row : t->rows) {
                line(depth + 1, row.header ? "row header" : "row");
                for (const TableCell& cell : row.cells) {
                    std::string head = "cell";
                    if (cell.span != 1) head += " span=" + std::to_string(cell.span);
                    if (cell.valign == VerticalAlign::Middle) head += " middle";
                    if (cell.valign == VerticalAlign::Bottom) head += " bottom";
                    if (cell.has_background) head += " background=" + color(cell.background);
                    if (cell.decimal) head += " decimal";
                    line(depth + 2, head);
                    blocks(cell.content, depth + 3);
                }
            }
        } else if (const auto* img = std::get_if<Image>(&b.content)) {
            line(depth, "image src=\"" + img->src + "\" width=" + num(img->width) + " height=" + num(img->height) + " " +
                            align(img->align) + (img->alt ? " alt=\"" + *img->alt + "\"" : "") + common);
        } else if (const auto* box = std::get_if<Box>(&b.content)) {
            line(depth, std::string("box width=") + extent(box->width) + " " + align(box->align) +
                            (box->keep_together ? " keep-together" : "") + common);
            blocks(box->content, depth + 1);
        } else if (const auto* pos = std::get_if<Positioned>(&b.content)) {
            static const char* anchors[] = {"top-left", "top-right", "bottom-left", "bottom-right"};
            line(depth, std::string("positioned ") + anchors[static_cast<int>(pos->anchor)] + " x=" + num(pos->x) +
                            " y=" + num(pos->y) + " width=" + num(pos->width) +
                            (pos->max_height > 0 ? " max-height=" + num(pos->max_height) : "") +
                            (pos->margin > 0 ? " margin=" + num(pos->margin) : "") +
                            (pos->name.empty() ? "" : " name=\"" + pos->name + "\"") + common);
            blocks(pos->content, depth + 1);
        } else if (const auto* cols = std::get_if<Columns>(&b.content)) {
            line(depth, "columns gap=" + num(cols->gap) + (cols->valign == VerticalAlign::Bottom ? " bottom" : "") + common);
            for (const Column& c : cols->columns) {
                line(depth + 1, "column width=" + extent(c.width));
                blocks(c.content, depth + 2);
            }
        } else if (const auto* chart = std::get_if<Chart>(&b.content)) {
            line(depth, std::string("chart ") + (chart->horizontal ? "horizontal" : "vertical") + " title=\"" +
                            chart->title + "\" unit=\"" + chart->unit + "\" width=" + extent(chart->width) +
                            " " + align(chart->align) + " height=" + num(chart->height) + " [" + style(chart->style) + "]" + common);
            for (const ChartSeries& series : chart->series)
                line(depth + 1, "series \"" + series.name + "\" " + color(series.color));
            for (const ChartCategory& category : chart->categories) {
                std::string values;
                for (const auto& v : category.values) values += " " + (v ? num(*v) : std::string("-"));
                line(depth + 1, "category \"" + category.name + "\"" + values);
            }
        } else if (const auto* toc = std::get_if<ContentsTable>(&b.content)) {
            line(depth, "contents levels=" + std::to_string(toc->levels) + " indent=" + num(toc->indent) + " line=" +
                            num(toc->line_height) + " [" + style(toc->style) + "]" + common);
        } else if (const auto* marker = std::get_if<OutlineMarker>(&b.content)) {
            line(depth, "bookmark " + std::to_string(marker->level) + " \"" + marker->title + "\"" +
                            (marker->in_contents ? " in-contents" : "") + common);
        } else if (const auto* reserved = std::get_if<ReservedPages>(&b.content)) {
            line(depth, "reserved-pages id=" + reserved->id + " count=" + std::to_string(reserved->count) + common);
        } else if (const auto* placeholder = std::get_if<Placeholder>(&b.content)) {
            line(depth, "placeholder " + placeholder->name + common);
        } else if (std::holds_alternative<NoFurniture>(b.content)) {
            line(depth, "no-header-footer" + common);
        } else if (const auto* brk = std::get_if<PageBreak>(&b.content)) {
            line(depth, std::string(brk->odd ? "page-break odd" : "page-break") + common);
        } else if (const auto* space = std::get_if<Space>(&b.content)) {
            line(depth, "space height=" + num(space->height) + common);
        } else if (const auto* rule = std::get_if<HorizontalRule>(&b.content)) {
            line(depth, "rule thickness=" + num(rule->thickness) + " " + color(rule->color) + common);
        }
    }

    void furniture(const char* what, const PageFurniture& f) {
        static const char* pages[] = {"all", "first", "following"};
        line(0, std::string(what) + " pages=" + pages[static_cast<int>(f.pages)] + " distance=" + num(f.distance));
        blocks(f.content, 1);
    }
};

}  // namespace

std::string dump(const Document& d) {
    Dumper dumper;
    dumper.line(0, "document \"" + d.source_name + "\"");
    const DocumentInfo& i = d.info;
    dumper.line(0, "info title=\"" + i.title + "\" author=\"" + i.author + "\" subject=\"" + i.subject +
                       "\" keywords=\"" + i.keywords + "\" lang=" + i.lang + " date=" + (i.date.empty() ? "-" : i.date));
    const PageSetup& p = d.page;
    dumper.line(0, "page " + num(p.width) + "x" + num(p.height) + " margins=" + num(p.margin_top) + " " +
                       num(p.margin_right) + " " + num(p.margin_bottom) + " " + num(p.margin_left));
    dumper.line(0, "style [" + style(d.base_style) + "] line=" + num(d.line_height) +
                       (d.optical_margins ? "" : " no-optical-margins"));
    for (const PageFurniture& f : d.headers) dumper.furniture("header", f);
    for (const PageFurniture& f : d.footers) dumper.furniture("footer", f);
    dumper.line(0, "body");
    dumper.blocks(d.body, 1);
    return dumper.out;
}

}  // namespace lettrine
