// Tables, columns (a borderless table), images, contents and charts to
// WordprocessingML.
#include <cmath>

#include "docx/detail/docx_writer_state.hpp"
#include "editable/chart_png.hpp"
#include "editable/chart_svg.hpp"
#include "editable/table_numbers.hpp"
#include "markup/geometry.hpp"

namespace lettrine::docx_detail {

namespace {


const char* vertical(VerticalAlign align) {
    switch (align) {
    case VerticalAlign::Middle: return "center";
    case VerticalAlign::Bottom: return "bottom";
    default: return "top";
    }
}

// w:tblPr: fixed layout, width, indent, borders (none when `border` is 0), cell margins.
void table_properties(pugi::xml_node table, double width, double left, double border, const Rgb& color,
                      double padding) {
    pugi::xml_node pr = table.append_child("w:tblPr");
    child(pr, "w:tblW", {{"w:w", number(twips(width))}, {"w:type", "dxa"}});
    child(pr, "w:tblInd", {{"w:w", number(twips(left))}, {"w:type", "dxa"}});
    pugi::xml_node borders = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
        if (border > 0)
            child(borders, side, {{"w:val", "single"}, {"w:sz", number(eighths(border))}, {"w:space", "0"},
                                  {"w:color", hex(color)}});
        else
            child(borders, side, {{"w:val", "nil"}});
    }
    child(pr, "w:tblLayout", {{"w:type", "fixed"}});
    pugi::xml_node margins = pr.append_child("w:tblCellMar");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
        child(margins, side, {{"w:w", number(twips(padding))}, {"w:type", "dxa"}});
    child(pr, "w:tblLook", {{"w:val", "0000"}, {"w:firstRow", "0"}, {"w:lastRow", "0"}, {"w:firstColumn", "0"},
                            {"w:lastColumn", "0"}, {"w:noHBand", "1"}, {"w:noVBand", "1"}});
}

void grid(pugi::xml_node table, const std::vector<double>& widths) {
    pugi::xml_node g = table.append_child("w:tblGrid");
    for (double w : widths) child(g, "w:gridCol", {{"w:w", number(twips(w))}});
}

// The rules of a light table's cell (filets="leger"): a row's booktabs
// rules above and below (light_rules), no side ones; the table has none.
struct CellRules {
    RowRules rules;
    Rgb color;
};

void cell_borders(pugi::xml_node pr, const CellRules& c) {
    pugi::xml_node borders = pr.append_child("w:tcBorders");
    const auto side = [&](const char* name, double width) {
        if (width > 0)
            child(borders, name, {{"w:val", "single"}, {"w:sz", number(eighths(width))}, {"w:space", "0"},
                                  {"w:color", hex(c.color)}});
        else
            child(borders, name, {{"w:val", "nil"}});
    };
    side("w:top", c.rules.top);
    side("w:left", 0);
    side("w:bottom", c.rules.bottom);
    side("w:right", 0);
}

// w:tcPr: width, span, (borders), (margins), shading, vertical alignment, in CT_TcPr's order.
pugi::xml_node cell_properties(pugi::xml_node cell, double width, int span, const TableCell* shading,
                               VerticalAlign valign, const CellRules* rules = nullptr) {
    pugi::xml_node pr = cell.append_child("w:tcPr");
    child(pr, "w:tcW", {{"w:w", number(twips(width))}, {"w:type", "dxa"}});
    if (span > 1) child(pr, "w:gridSpan", {{"w:val", number(span)}});
    if (rules) cell_borders(pr, *rules);
    if (shading && shading->has_background)
        child(pr, "w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", hex(shading->background)}});
    child(pr, "w:vAlign", {{"w:val", vertical(valign)}});
    return pr;
}

// A cell's content starts at its top padding and ends at its bottom one, as
// in the layout: no space before its first paragraph nor after its last.
void trim_cell(pugi::xml_node cell) {
    const auto zero = [](pugi::xml_node paragraph, const char* side) {
        if (pugi::xml_attribute a = paragraph.child("w:pPr").child("w:spacing").attribute(side)) a = "0";
    };
    zero(cell.child("w:p"), "w:before");
    if (std::string(cell.last_child().name()) == "w:p") zero(cell.last_child(), "w:after");
}

}  // namespace

// Two tables in a row are one table to Word and Writer: a hairline
// paragraph keeps them apart.
void StoryWriter::separate_from_table() {
    if (std::string(story_.last_child().name()) != "w:tbl") return;
    ParagraphProps props;
    props.line = 1;
    props.line_exact = true;
    InlineStyle tiny = state_.document().base_style;
    tiny.size = 1;
    props.mark = tiny;
    open_paragraph(nullptr, props);
}

void StoryWriter::table(const Table& t, const Block& b, const Frame& frame) {
    flush_page_break();
    separate_from_table();
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    if (!pending_bookmarks_.empty() || b.space_before > 0) {  // a table has no space before of its own
        ParagraphProps props = base_props(b, frame, true);
        props.before = std::max(0.0, b.space_before - 1);
        props.line = 1;
        props.line_exact = true;
        open_paragraph(nullptr, props);
    }
    const double width = std::min(frame.width, resolve_extent(t.width, frame.width));
    const std::vector<double> widths = column_widths(t.columns, width);
    const bool light = t.rules == TableRules::Light;
    pugi::xml_node table = story_.append_child("w:tbl");
    table_properties(table, width, frame.left, light ? 0 : t.border_width, t.border_color, t.padding);
    grid(table, widths);
    std::vector<double> inner_widths;
    for (double w : widths) inner_widths.push_back(std::max(1.0, w - 2 * t.padding));
    const std::vector<double> comma_stops = decimal_tab_stops(t, inner_widths, state_.fonts());
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const TableRow& row = t.rows[r];
        const CellRules rules{light_rules(t, r), t.border_color};
        pugi::xml_node tr = table.append_child("w:tr");
        if (row.header) tr.append_child("w:trPr").append_child("w:tblHeader");
        std::size_t column = 0;
        for (const TableCell& cell : row.cells) {
            double cell_width = 0;
            for (int k = 0; k < cell.span && column + k < widths.size(); ++k) cell_width += widths[column + k];
            Frame inner{0, std::max(1.0, cell_width - 2 * t.padding), std::max(1.0, cell_width - 2 * t.padding)};
            if (const Paragraph* number = decimal_paragraph(cell);
                number && column < comma_stops.size() && comma_stops[column] > 0)
                inner.number_tab = number_tab_stop(*number, comma_stops[column], state_.fonts());
            column += static_cast<std::size_t>(std::max(1, cell.span));
            pugi::xml_node tc = tr.append_child("w:tc");
            cell_properties(tc, cell_width, cell.span, &cell, cell.valign, light ? &rules : nullptr);
            StoryWriter content(state_, relations_, tc);
            content.blocks(cell.content, inner);
            content.close_story();
            trim_cell(tc);
        }
    }
    if (b.space_after > 0) {
        ParagraphProps props = base_props(b, frame, false);
        props.before = 0;
        props.after = std::max(0.0, b.space_after - 1);
        props.line = 1;
        props.line_exact = true;
        open_paragraph(nullptr, props);
    }
}

// Columns side by side: a borderless one-row table that never splits; the
// gap is shared as cell margins so that each column's text has its width.
void StoryWriter::columns(const Columns& c, const Block& b, const Frame& frame) {
    flush_page_break();
    separate_from_table();
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    if (!pending_bookmarks_.empty() || !pending_anchors_.empty()) open_paragraph(nullptr, {});
    const std::size_t n = c.columns.size();
    std::vector<Extent> extents;
    for (const Column& column : c.columns) extents.push_back(column.width);
    const double gaps = c.gap * static_cast<double>(n > 0 ? n - 1 : 0);
    const std::vector<double> text = column_widths(extents, std::max(0.0, frame.width - gaps));
    std::vector<double> widths = text;
    for (std::size_t k = 0; k < n; ++k) widths[k] += (k > 0 ? c.gap / 2 : 0) + (k + 1 < n ? c.gap / 2 : 0);
    double total = 0;
    for (double w : widths) total += w;
    pugi::xml_node table = story_.append_child("w:tbl");
    table_properties(table, total, frame.left, 0, Rgb{}, 0);
    grid(table, widths);
    pugi::xml_node tr = table.append_child("w:tr");
    tr.append_child("w:trPr").append_child("w:cantSplit");
    for (std::size_t k = 0; k < n; ++k) {
        pugi::xml_node tc = tr.append_child("w:tc");
        pugi::xml_node pr = cell_properties(tc, widths[k], 1, nullptr, c.valign);
        pugi::xml_node margins = pr.insert_child_before("w:tcMar", pr.child("w:vAlign"));
        child(margins, "w:left", {{"w:w", number(twips(k > 0 ? c.gap / 2 : 0))}, {"w:type", "dxa"}});
        child(margins, "w:right", {{"w:w", number(twips(k + 1 < n ? c.gap / 2 : 0))}, {"w:type", "dxa"}});
        Frame inner{0, text[k], text[k]};
        inner.keep_together = true;  // never split, as the layout
        StoryWriter content(state_, relations_, tc);
        content.blocks(c.columns[k].content, inner);
        content.close_story();
    }
}

void StoryWriter::image(const Image& img, const Block& b, const Frame& frame, bool keep_next) {
    const std::optional<Media> media = state_.image(img, b.position);
    if (!media) return;
    const PointSize size = image_size(img, {media->info.size.width, media->info.size.height}, frame.width);
    const double w = size.width, h = size.height;
    ParagraphProps props = base_props(b, frame, keep_next);
    props.jc = img.align == BoxAlign::Right ? "right" : img.align == BoxAlign::Center ? "center" : "left";
    pugi::xml_node paragraph = open_paragraph(&b, props);
    const std::string id = relations_.add(rel::kImage, "media/" + media->name);
    inline_picture(paragraph, *media, id, state_.next_drawing_id(), w, h, img.alt.value_or(""));
}

// A TOC field (Word: F9; Writer: « Mettre à jour l'index ») whose entries
// are already written: each title links to its heading's _Toc bookmark and
// shows its page through a PAGEREF field whose result is the PDF's page
// number (Writer converting the file keeps that result; updating the
// field recomputes it from the office suite's own pages).
void StoryWriter::contents(const ContentsTable& toc, const Block& b, const Frame& frame) {
    const Document& document = state_.document();
    std::vector<const ContentsEntry*> entries;
    for (const ContentsEntry& e : state_.contents())
        if (e.level <= toc.levels) entries.push_back(&e);
    const std::string instruction = " TOC \\o \"1-" + std::to_string(toc.levels) + "\" \\h \\z \\u ";
    for (std::size_t k = 0; k < std::max<std::size_t>(entries.size(), 1); ++k) {
        ParagraphProps props = base_props(b, frame, false);
        if (k > 0) props.before = 0;
        if (k + 1 < entries.size()) props.after = 0;
        props.line = toc.line_height;
        const int level = entries.empty() ? 1 : entries[k]->level;
        props.style = "TOC" + std::to_string(level);
        props.left = frame.left + toc.indent * (level - 1);
        // The number at the contents' own right edge (a narrower <bloc>'s),
        // not the style's (the text area's): tabs count from the margin.
        props.right_tab = frame.left + frame.width;
        props.tab_leader = "dot";
        pugi::xml_node paragraph = open_paragraph(k == 0 ? &b : nullptr, props);
        if (k == 0) {
            child(paragraph.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "begin"}});
            child(paragraph.append_child("w:r"), "w:instrText", {{"xml:space", "preserve"}}).text() = instruction.c_str();
            child(paragraph.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "separate"}});
        }
        if (!entries.empty()) {
            InlineStyle style = toc.style;
            style.bold = level == 1;
            pugi::xml_node link = child(paragraph, "w:hyperlink", {{"w:anchor", entries[k]->bookmark}, {"w:history", "1"}});
            text_run(link, entries[k]->title, style, document);
            pugi::xml_node tab = link.append_child("w:r");
            run_properties(tab, style, document);
            tab.append_child("w:tab");
            field(link, "PAGEREF " + entries[k]->bookmark + " \\h", entries[k]->page, style, document);
        }
        if (k + 1 >= entries.size()) child(paragraph.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "end"}});
    }
}

// A chart as a picture: the SVG of editable/chart_svg.hpp, shown by Word
// 2016 and later (and LibreOffice), over its PNG rasterised by librsvg for
// older readers (editable/chart_png.hpp).
void StoryWriter::chart(const Chart& c, const Block& b, const Frame& frame) {
    const ChartSvg svg = chart_svg(c, frame.width);
    const auto [vector, raster] = state_.drawing(svg.svg, svg_to_png(svg.svg, svg.width, svg.height));
    ParagraphProps props = base_props(b, frame, false);
    props.jc = c.align == BoxAlign::Right ? "right" : c.align == BoxAlign::Center ? "center" : "left";
    pugi::xml_node paragraph = open_paragraph(&b, props);
    const std::string png = relations_.add(rel::kImage, "media/" + raster.name);
    const std::string svg_id = relations_.add(rel::kImage, "media/" + vector.name);
    const std::string alt = c.title.empty() ? "Graphique" : "Graphique : " + c.title;
    inline_picture(paragraph, raster, png, state_.next_drawing_id(), svg.width, svg.height, alt, svg_id);
}

}  // namespace lettrine::docx_detail
