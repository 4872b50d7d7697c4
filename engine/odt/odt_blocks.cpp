// Tables, columns, pictures, charts, positioned frames and the contents
// table as OpenDocument content (detail/odt_body.hpp).
//
// Column widths are absolute only: LibreOffice 7.4 misreads a table's
// widths when style:rel-column-width is also given (each column 1.25 times
// the next, the last taking the rest).
#include <algorithm>
#include <cmath>

#include "editable/chart_png.hpp"
#include "editable/chart_svg.hpp"
#include "editable/table_numbers.hpp"
#include "markup/document_walk.hpp"
#include "odt/detail/odt_body.hpp"

namespace lettrine::odt_detail {

namespace {

// The layout's natural size of an image without a given size: CSS pixels.

const char* vertical(VerticalAlign v) {
    switch (v) {
    case VerticalAlign::Middle: return "middle";
    case VerticalAlign::Bottom: return "bottom";
    default: return "top";
    }
}

const char* text_alignment(BoxAlign a) {
    switch (a) {
    case BoxAlign::Right: return "end";
    case BoxAlign::Center: return "center";
    default: return "start";
    }
}

std::string extension_of(const std::string& media_type) {
    if (media_type == "image/jpeg") return ".jpg";
    if (media_type == "image/svg+xml") return ".svg";
    return ".png";
}

}  // namespace

const Pictures::Picture* Pictures::load(const std::string& src, const SourcePosition& where, Diagnostics& diagnostics) {
    std::string problem;
    std::shared_ptr<const LoadedImage> loaded;
    const ResourceResolver::Resolved resolved = resources_->resolve(src);
    problem = resolved.problem;
    if (!resolved.path.empty()) loaded = images_->load(resolved.path.string(), problem);
    if (!loaded) {
        diagnostics.error(where, "l’image « " + src + " » ne peut pas être utilisée : " + problem);
        return nullptr;
    }
    const auto found = by_path_.find(loaded->path);
    if (found != by_path_.end()) return &pictures_[found->second];
    Picture p;
    p.media_type = loaded->info.format == ImageFormat::Jpeg ? "image/jpeg" : "image/png";
    p.href = "Pictures/" + std::to_string(pictures_.size() + 1) + extension_of(p.media_type);
    p.bytes = loaded->bytes;
    p.width = loaded->info.size.width * 72.0 / kPixelsPerInch;
    p.height = loaded->info.size.height * 72.0 / kPixelsPerInch;
    by_path_.emplace(loaded->path, pictures_.size());
    pictures_.push_back(p);
    return &pictures_.back();
}

const Pictures::Picture* Pictures::add_drawn(std::string bytes, const std::string& media_type, double width,
                                             double height) {
    Picture p;
    p.media_type = media_type;
    p.href = "Pictures/" + std::to_string(pictures_.size() + 1) + extension_of(media_type);
    p.bytes = std::make_shared<const std::string>(std::move(bytes));
    p.width = width;
    p.height = height;
    pictures_.push_back(p);
    return &pictures_.back();
}

std::string BodyWriter::table_style(double width, const Block& b, const Measure& m, const Flags& f) {
    AutoStyle style;
    style.family = "table";
    style.master_page = take_master();
    Attributes props{{"style:width", points(width)}, {"table:align", "left"},
                     {"fo:margin-left", points(m.left)},
                     {"fo:margin-top", points(b.space_before + pending_space_)},
                     {"fo:margin-bottom", points(b.space_after)}};
    pending_space_ = 0;
    if (page_break_) props.emplace_back("fo:break-before", "page");
    page_break_ = false;
    if (f.keep_with_next) props.emplace_back("fo:keep-with-next", "always");
    style.properties.emplace_back("style:table-properties", props);
    return styles_.name(style);
}

void BodyWriter::table(const Table& t, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    if (f.in_list) return;  // ODF lists hold no tables; the markup puts none there
    const double width = std::min(m.width, resolve_extent(t.width, m.width));
    const std::vector<double> widths = column_widths(t.columns, width);
    pugi::xml_node node = parent.append_child("table:table");
    node.append_attribute("table:name") = ("Tableau" + std::to_string(++tables_made_)).c_str();
    node.append_attribute("table:style-name") = table_style(width, b, m, f).c_str();
    for (double w : widths) {
        AutoStyle column;
        column.family = "table-column";
        column.properties.push_back({"style:table-column-properties",
                                     {{"style:column-width", points(w)}}});
        node.append_child("table:table-column").append_attribute("table:style-name") = styles_.name(column).c_str();
    }
    std::vector<double> inner_widths;
    for (double w : widths) inner_widths.push_back(std::max(0.0, w - 2 * t.padding - t.border_width));
    const std::vector<double> comma_tabs = decimal_tab_stops(t, inner_widths, fonts_);
    pugi::xml_node header;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (t.rows[r].header && !header) header = node.append_child("table:table-header-rows");
        row(t, r, widths, comma_tabs, t.rows[r].header ? header : node);
    }
}

namespace {

// A cell's borders: every side in a grid, the row's booktabs rules in a
// light table (light_rules: above the first row, under the header, under
// the last row), none when the table has no border width.
Attributes cell_borders(const Table& t, std::size_t row) {
    const auto line = [&](double width) { return width > 0 ? points(width) + " solid " + colour(t.border_color) : "none"; };
    if (t.rules == TableRules::Grid) return {{"fo:border", line(t.border_width)}};
    const RowRules rules = light_rules(t, row);
    return {{"fo:border-top", line(rules.top)}, {"fo:border-bottom", line(rules.bottom)},
            {"fo:border-left", "none"}, {"fo:border-right", "none"}};
}

}  // namespace

// A cell's or a column's blocks: the first one's space before and the last
// one's space after vanish at its edges, as in the layout (and the DOCX).
void BodyWriter::edge_blocks(const std::vector<Block>& blocks, pugi::xml_node parent, const Measure& m,
                             const Flags& f) {
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        if (k > 0 && k + 1 < blocks.size()) {
            block(blocks[k], parent, m, f);
            continue;
        }
        Block edge = blocks[k];
        if (k == 0) edge.space_before = 0;
        if (k + 1 == blocks.size()) edge.space_after = 0;
        block(edge, parent, m, f);
    }
}

void BodyWriter::row(const Table& t, std::size_t index, const std::vector<double>& widths,
                     const std::vector<double>& comma_tabs, pugi::xml_node parent) {
    const TableRow& r = t.rows[index];
    pugi::xml_node node = parent.append_child("table:table-row");
    std::size_t column = 0;
    for (const TableCell& c : r.cells) {
        const int span = std::max(1, c.span);
        double width = 0;
        for (int k = 0; k < span && column + k < widths.size(); ++k) width += widths[column + k];
        AutoStyle cell;
        cell.family = "table-cell";
        Attributes props{{"style:vertical-align", vertical(c.valign)}, {"fo:padding", points(t.padding)}};
        for (auto& border : cell_borders(t, index)) props.push_back(std::move(border));
        if (c.has_background) props.emplace_back("fo:background-color", colour(c.background));
        cell.properties.emplace_back("style:table-cell-properties", props);
        pugi::xml_node cn = node.append_child("table:table-cell");
        cn.append_attribute("table:style-name") = styles_.name(cell).c_str();
        cn.append_attribute("office:value-type") = "string";
        if (span > 1) cn.append_attribute("table:number-columns-spanned") = span;
        Measure inner{0, 0, std::max(0.0, width - 2 * t.padding - t.border_width)};
        Flags flags;
        if (const Paragraph* number = decimal_paragraph(c); number && column < comma_tabs.size() && comma_tabs[column] > 0)
            flags.number_tab = number_tab_stop(*number, comma_tabs[column], fonts_);
        if (c.content.empty()) empty_paragraph(cn, 0, Block{}, inner, Flags{});
        edge_blocks(c.content, cn, inner, flags);
        for (int k = 1; k < span; ++k) node.append_child("table:covered-table-cell");
        column += static_cast<std::size_t>(span);
    }
}

// Columns side by side: a borderless table, a narrow empty column for each gap.
void BodyWriter::columns(const Columns& c, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    if (f.in_list || c.columns.empty()) return;
    const std::size_t n = c.columns.size();
    const double available = std::max(0.0, m.width - c.gap * static_cast<double>(n - 1));
    std::vector<Extent> extents;
    for (const Column& col : c.columns) extents.push_back(col.width);
    const std::vector<double> widths = column_widths(extents, available);
    pugi::xml_node node = parent.append_child("table:table");
    node.append_attribute("table:name") = ("Colonnes" + std::to_string(++tables_made_)).c_str();
    node.append_attribute("table:style-name") = table_style(m.width, b, m, f).c_str();
    const auto add_column = [&](double w) {
        AutoStyle column;
        column.family = "table-column";
        column.properties.push_back({"style:table-column-properties",
                                     {{"style:column-width", points(w)}}});
        node.append_child("table:table-column").append_attribute("table:style-name") = styles_.name(column).c_str();
    };
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0 && c.gap > 0) add_column(c.gap);
        add_column(widths[k]);
    }
    AutoStyle cell;
    cell.family = "table-cell";
    cell.properties.push_back({"style:table-cell-properties",
                               {{"style:vertical-align", vertical(c.valign)}, {"fo:padding", "0pt"}, {"fo:border", "none"}}});
    const std::string cell_style = styles_.name(cell);
    pugi::xml_node row = node.append_child("table:table-row");
    Flags inner_flags;
    inner_flags.keep_together = f.keep_together;
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0 && c.gap > 0) {
            pugi::xml_node gap = row.append_child("table:table-cell");
            gap.append_attribute("table:style-name") = cell_style.c_str();
            empty_paragraph(gap, 0, Block{}, Measure{0, 0, c.gap}, Flags{});
        }
        pugi::xml_node cn = row.append_child("table:table-cell");
        cn.append_attribute("table:style-name") = cell_style.c_str();
        cn.append_attribute("office:value-type") = "string";
        if (c.columns[k].content.empty()) empty_paragraph(cn, 0, Block{}, Measure{0, 0, widths[k]}, Flags{});
        edge_blocks(c.columns[k].content, cn, Measure{0, 0, widths[k]}, inner_flags);
    }
}

pugi::xml_node BodyWriter::frame_paragraph(pugi::xml_node parent, BoxAlign align, const Block& b, const Measure& m,
                                           const Flags& f) {
    AutoStyle style = block_paragraph_style(b, m, f);
    Attributes& props = style.properties.front().second;
    props.emplace_back("fo:text-align", text_alignment(align));
    props.emplace_back("fo:text-indent", "0pt");
    props.emplace_back("fo:line-height", "100%");  // Standard's fixed line height would crop the picture
    pugi::xml_node p = parent.append_child("text:p");
    p.append_attribute("text:style-name") = styles_.name(style).c_str();
    bookmark(b, p);
    return p;
}

void BodyWriter::picture_frame(pugi::xml_node paragraph, const Pictures::Picture& picture, double width, double height,
                               const std::optional<std::string>& alt, const Pictures::Picture* fallback) {
    AutoStyle graphic;
    graphic.family = "graphic";
    graphic.parent = "Graphics";
    graphic.properties.push_back({"style:graphic-properties",
                                  {{"style:vertical-pos", "top"}, {"style:vertical-rel", "baseline"},
                                   {"fo:padding", "0pt"}, {"fo:border", "none"}}});
    pugi::xml_node frame = paragraph.append_child("draw:frame");
    frame.append_attribute("draw:style-name") = styles_.name(graphic).c_str();
    frame.append_attribute("draw:name") = ("Image" + std::to_string(++frames_made_)).c_str();
    frame.append_attribute("text:anchor-type") = "as-char";
    frame.append_attribute("svg:width") = points(width).c_str();
    frame.append_attribute("svg:height") = points(height).c_str();
    frame.append_attribute("draw:z-index") = 0;
    for (const Pictures::Picture* shown : {&picture, fallback}) {
        if (!shown) continue;
        pugi::xml_node img = frame.append_child("draw:image");
        img.append_attribute("xlink:href") = shown->href.c_str();
        img.append_attribute("xlink:type") = "simple";
        img.append_attribute("xlink:show") = "embed";
        img.append_attribute("xlink:actuate") = "onLoad";
    }
    if (alt && !alt->empty()) {
        frame.append_child("svg:title").text() = alt->c_str();
        frame.append_child("svg:desc").text() = alt->c_str();
    }
}

void BodyWriter::image(const Image& img, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    const Pictures::Picture* picture = pictures_.load(img.src, b.position, diagnostics_);
    if (!picture) return;
    double w = img.width, h = img.height;
    if (w > 0 && h <= 0) h = w * picture->height / picture->width;
    else if (h > 0 && w <= 0) w = h * picture->width / picture->height;
    else if (w <= 0 && h <= 0) {
        w = picture->width;
        h = picture->height;
        if (w > m.width) { h *= m.width / w; w = m.width; }
    }
    pugi::xml_node p = frame_paragraph(parent, img.align, b, m, f);
    picture_frame(p, *picture, w, h, img.alt);
}

void BodyWriter::chart(const Chart& c, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    const double w = std::min(m.width, resolve_extent(c.width, m.width));
    const ChartSvg svg = chart_svg(c, w);
    pictures_.add_drawn(svg.svg, "image/svg+xml", svg.width, svg.height);
    pictures_.add_drawn(svg_to_png(svg.svg, svg.width, svg.height), "image/png", svg.width, svg.height);
    const std::vector<Pictures::Picture>& all = pictures_.all();  // the SVG, then its PNG fallback
    pugi::xml_node p = frame_paragraph(parent, c.align, b, m, f);
    const std::string alt = c.title.empty() ? "Graphique" : "Graphique : " + c.title;
    picture_frame(p, all[all.size() - 2], svg.width, svg.height, alt, &all.back());
}

// A frame anchored to its page, where the PDF places the block; the text
// runs around it (as the PDF's flow starts below what is in its way).
void BodyWriter::positioned(const Positioned& pos, const Block& b, pugi::xml_node parent) {
    const bool right = pos.anchor == Anchor::TopRight || pos.anchor == Anchor::BottomRight;
    const bool bottom = pos.anchor == Anchor::BottomLeft || pos.anchor == Anchor::BottomRight;
    const double x = right ? doc_.page.width - pos.x - pos.width : pos.x;
    // A bottom anchor is exact only for a fixed height (hauteur-max).
    const double y = bottom ? doc_.page.height - pos.y - pos.max_height : pos.y;
    AutoStyle graphic;
    graphic.family = "graphic";
    graphic.parent = "Frame";
    graphic.properties.push_back(
        {"style:graphic-properties",
         {{"style:wrap", "parallel"}, {"style:number-wrapped-paragraphs", "no-limit"}, {"style:wrap-contour", "false"},
          {"fo:margin-left", points(pos.margin)}, {"fo:margin-right", points(pos.margin)},
          {"fo:margin-top", points(pos.margin)}, {"fo:margin-bottom", points(pos.margin)},
          {"style:vertical-pos", "from-top"}, {"style:vertical-rel", "page"},
          {"style:horizontal-pos", "from-left"}, {"style:horizontal-rel", "page"},
          {"fo:padding", "0pt"}, {"fo:border", "none"}, {"draw:fill", "none"}}});
    pugi::xml_node where = frames_ ? frames_ : parent;
    pugi::xml_node frame = where.append_child("draw:frame");
    frame.append_attribute("draw:style-name") = styles_.name(graphic).c_str();
    frame.append_attribute("draw:name") = (pos.name.empty() ? "Cadre" + std::to_string(++frames_made_)
                                                            : pos.name + " " + std::to_string(++frames_made_)).c_str();
    frame.append_attribute("text:anchor-type") = "page";
    frame.append_attribute("text:anchor-page-number") = page_;
    frame.append_attribute("svg:x") = points(x).c_str();
    frame.append_attribute("svg:y") = points(y).c_str();
    frame.append_attribute("svg:width") = points(pos.width).c_str();
    frame.append_attribute("draw:z-index") = frames_made_;
    // The frame grows with its content: the text keeps clear of what the
    // block holds, not of its hauteur-max (the layout checks that limit).
    frame.append_child("draw:text-box").append_attribute("fo:min-height") = "1pt";
    pugi::xml_node box = frame.child("draw:text-box");
    // The frame's own flow: its spaces, breaks and master page are its own.
    const std::string master = std::exchange(master_, std::string());
    const bool page_break = std::exchange(page_break_, false);
    const double space = std::exchange(pending_space_, 0.0);
    blocks(pos.content, box, Measure{0, 0, pos.width});
    pending_space_ = 0;
    master_ = master;
    page_break_ = page_break;
    pending_space_ = space;
}

// An updatable text:table-of-content (LibreOffice: Outils › Mettre à jour);
// its body lists the headings as the markup gives them, each with the PDF's
// page number after a dotted right tab (« ? » when not known), which
// LibreOffice shows until the index is updated.
void BodyWriter::contents(const ContentsTable& c, const Block&, pugi::xml_node parent, const Measure&) {
    pugi::xml_node toc = parent.append_child("text:table-of-content");
    toc.append_attribute("text:name") = "Table des matières";
    pugi::xml_node source = toc.append_child("text:table-of-content-source");
    source.append_attribute("text:outline-level") = c.levels;
    // The <signet> entries are index marks (text:toc-mark): an update keeps them.
    source.append_attribute("text:use-index-marks") = "true";
    for (int level = 1; level <= c.levels; ++level) {
        pugi::xml_node entry = source.append_child("text:table-of-content-entry-template");
        entry.append_attribute("text:outline-level") = level;
        entry.append_attribute("text:style-name") = ("Contents_20_" + std::to_string(level)).c_str();
        entry.append_child("text:index-entry-text");
        pugi::xml_node tab = entry.append_child("text:index-entry-tab-stop");
        tab.append_attribute("style:type") = "right";
        tab.append_attribute("style:leader-char") = ".";
        entry.append_child("text:index-entry-page-number");
    }
    pugi::xml_node body = toc.append_child("text:index-body");
    const std::vector<ListedHeading> headings = listed_headings(doc_);
    for (std::size_t n = 0; n < headings.size(); ++n) {
        if (headings[n].level > c.levels) continue;
        pugi::xml_node line = body.append_child("text:p");
        line.append_attribute("text:style-name") = ("Contents_20_" + std::to_string(headings[n].level)).c_str();
        text(headings[n].title, line);
        line.append_child("text:tab");
        const int page = numbers_ && n < numbers_->contents_pages.size() ? numbers_->contents_pages[n] : 0;
        line.append_child(pugi::node_pcdata).set_value(page > 0 ? std::to_string(page).c_str() : "?");
    }
}

}  // namespace lettrine::odt_detail
