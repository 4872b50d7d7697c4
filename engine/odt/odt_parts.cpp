// styles.xml, meta.xml and the manifest (detail/odt_parts.hpp).
#include <sstream>

#include "odt/detail/odt_parts.hpp"

namespace lettrine::odt_detail {

namespace {

const char* const kNamespaces[][2] = {
    {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
    {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
};

pugi::xml_node named_style(pugi::xml_node styles, const std::string& name, const std::string& display,
                           const char* family, const std::string& parent = {}) {
    pugi::xml_node s = styles.append_child("style:style");
    s.append_attribute("style:name") = name.c_str();
    s.append_attribute("style:display-name") = display.c_str();
    s.append_attribute("style:family") = family;
    if (!parent.empty()) s.append_attribute("style:parent-style-name") = parent.c_str();
    return s;
}

void add_properties(pugi::xml_node node, const char* element, const Attributes& attributes) {
    pugi::xml_node props = node.append_child(element);
    for (const auto& [name, value] : attributes) props.append_attribute(name.c_str()) = value.c_str();
}

// The default style (the document's font and language), Standard, the
// three headings with their outline levels, the contents entries, frames.
void add_named_styles(pugi::xml_node root, const Document& doc) {
    pugi::xml_node styles = root.append_child("office:styles");
    pugi::xml_node def = styles.append_child("style:default-style");
    def.append_attribute("style:family") = "paragraph";
    InlineStyle base = doc.base_style;
    base.lang = doc.info.lang;
    add_properties(def, "style:paragraph-properties",
                   {{"fo:orphans", "2"}, {"fo:widows", "2"}, {"style:writing-mode", "lr-tb"}});
    add_properties(def, "style:text-properties", text_properties(base));
    pugi::xml_node standard = named_style(styles, "Standard", "Standard", "paragraph");
    standard.append_attribute("style:class") = "text";
    add_properties(standard, "style:paragraph-properties", {{"fo:line-height", points(doc.line_height)}});
    pugi::xml_node heading = named_style(styles, "Heading", "Heading", "paragraph", "Standard");
    heading.append_attribute("style:class") = "text";
    add_properties(heading, "style:paragraph-properties", {{"fo:keep-with-next", "always"}});
    for (int level = 1; level <= 3; ++level) {
        const std::string n = std::to_string(level);
        pugi::xml_node h = named_style(styles, "Heading_20_" + n, "Heading " + n, "paragraph", "Heading");
        h.append_attribute("style:default-outline-level") = level;
        h.append_attribute("style:class") = "text";
        add_properties(h, "style:paragraph-properties", {{"fo:keep-with-next", "always"}});
        add_properties(h, "style:text-properties", {{"fo:font-weight", "bold"}});
        pugi::xml_node c = named_style(styles, "Contents_20_" + n, "Contents " + n, "paragraph", "Standard");
        c.append_attribute("style:class") = "index";
        // The page number at the text area's right edge, after dotted leaders
        // (tab positions count from the paragraph's left margin).
        const double indent = 12.0 * (level - 1);
        const double measure = doc.page.width - doc.page.margin_left - doc.page.margin_right;
        pugi::xml_node props = c.append_child("style:paragraph-properties");
        props.append_attribute("fo:margin-left") = points(indent).c_str();
        pugi::xml_node stop = props.append_child("style:tab-stops").append_child("style:tab-stop");
        stop.append_attribute("style:position") = points(measure - indent).c_str();
        stop.append_attribute("style:type") = "right";
        stop.append_attribute("style:leader-style") = "dotted";
        stop.append_attribute("style:leader-text") = ".";
        // Chapters in bold, as the PDF's contents has them.
        if (level == 1) add_properties(c, "style:text-properties", {{"fo:font-weight", "bold"}});
    }
    named_style(styles, "Graphics", "Graphics", "graphic");
    // Links look as the markup makes them, as in the PDF (no blue underline).
    named_style(styles, "Lien", "Lien", "text");
    named_style(styles, "Frame", "Frame", "graphic");
    // Headings are not numbered; the outline style ties each level to its heading style.
    pugi::xml_node outline = styles.append_child("text:outline-style");
    outline.append_attribute("style:name") = "Outline";
    for (int level = 1; level <= 10; ++level) {
        pugi::xml_node l = outline.append_child("text:outline-level-style");
        l.append_attribute("text:level") = level;
        l.append_attribute("style:num-format") = "";
    }
}

const PageFurniture* choose(const std::vector<PageFurniture>& list, bool first) {
    const PageFurniture* all = nullptr;
    for (const PageFurniture& f : list) {
        if (f.pages == PageSelection::First && first) return &f;
        if (f.pages == PageSelection::Following && !first) return &f;
        if (f.pages == PageSelection::All) all = &f;
    }
    return all;
}

// The height of a header's or footer's paragraphs: their lines at their line
// height, and their spaces (an estimate: no line is wider than the measure).
double furniture_height(const PageFurniture& f) {
    double height = 0;
    for (const Block& b : f.content) {
        const auto* p = std::get_if<Paragraph>(&b.content);
        if (!p) continue;
        int lines = 1;
        for (const Inline& in : p->inlines)
            if (in.kind == InlineKind::LineBreak) ++lines;
        height += b.space_before + b.space_after + lines * (p->line_height > 0 ? p->line_height : p->style.size * 1.2);
    }
    return height;
}

// One page layout per master page: a header or footer moves the page's
// margin to its own distance and takes the rest as its height, so that the
// body starts where the PDF's does.
void add_page_layout(pugi::xml_node automatic, const std::string& name, const Document& doc,
                     const PageFurniture* header, const PageFurniture* footer, bool odd_only = false) {
    const PageSetup& p = doc.page;
    pugi::xml_node layout = automatic.append_child("style:page-layout");
    layout.append_attribute("style:name") = name.c_str();
    if (odd_only) layout.append_attribute("style:page-usage") = "right";
    add_properties(layout, "style:page-layout-properties",
                   {{"fo:page-width", points(p.width)}, {"fo:page-height", points(p.height)},
                    {"style:print-orientation", p.width > p.height ? "landscape" : "portrait"},
                    {"fo:margin-top", points(header ? header->distance : p.margin_top)},
                    {"fo:margin-bottom", points(footer ? footer->distance : p.margin_bottom)},
                    {"fo:margin-left", points(p.margin_left)}, {"fo:margin-right", points(p.margin_right)}});
    const double area_top = header ? p.margin_top - header->distance : 0;
    if (header)
        add_properties(layout.append_child("style:header-style"), "style:header-footer-properties",
                       {{"fo:min-height", points(std::max(1.0, area_top))}, {"fo:margin-bottom", "0pt"},
                        {"style:dynamic-spacing", "false"}});
    else
        layout.append_child("style:header-style");
    // The PDF sets a footer's bottom at its distance: the footer is as tall as
    // its lines, and the space above it separates it from the body.
    if (footer) {
        const double area = p.margin_bottom - footer->distance, height = std::min(area, furniture_height(*footer));
        add_properties(layout.append_child("style:footer-style"), "style:header-footer-properties",
                       {{"fo:min-height", points(std::max(1.0, height))},
                        {"fo:margin-top", points(std::max(0.0, area - height))}, {"style:dynamic-spacing", "false"}});
    } else {
        layout.append_child("style:footer-style");
    }
}

void add_master(pugi::xml_node masters, const std::string& name, const std::string& layout, const std::string& next,
                const PageFurniture* header, const PageFurniture* footer, BodyWriter& writer, const Document& doc) {
    pugi::xml_node master = masters.append_child("style:master-page");
    master.append_attribute("style:name") = name.c_str();
    master.append_attribute("style:page-layout-name") = layout.c_str();
    if (!next.empty()) master.append_attribute("style:next-style-name") = next.c_str();
    const Measure measure{0, 0, doc.page.width - doc.page.margin_left - doc.page.margin_right};
    if (header) writer.blocks(header->content, master.append_child("style:header"), measure);
    if (footer) writer.blocks(footer->content, master.append_child("style:footer"), measure);
}

}  // namespace

// Declared in styles.xml and again in content.xml: LibreOffice resolves a
// content automatic style's style:font-name only against content.xml's own
// declarations (without them, sans-serif text showed in serif).
void add_font_faces(pugi::xml_node root) {
    pugi::xml_node decls = root.append_child("office:font-face-decls");
    for (const char* family : {"serif", "sans", "mono"}) {
        pugi::xml_node face = decls.append_child("style:font-face");
        const std::string name = editable_font_name(family);
        face.append_attribute("style:name") = name.c_str();
        face.append_attribute("svg:font-family") = ("'" + name + "'").c_str();
        face.append_attribute("style:font-family-generic") = std::string(family) == "sans" ? "swiss"
                                                             : std::string(family) == "mono" ? "modern" : "roman";
        face.append_attribute("style:font-pitch") = std::string(family) == "mono" ? "fixed" : "variable";
    }
}

pugi::xml_node document_root(pugi::xml_document& xml, const char* name) {
    pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = xml.append_child(name);
    for (const auto& ns : kNamespaces) root.append_attribute(ns[0]) = ns[1];
    root.append_attribute("office:version") = "1.2";
    return root;
}

std::string serialise(const pugi::xml_document& xml) {
    std::ostringstream out;
    xml.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

namespace {

// Whether `blocks` (and the boxes among them) hold <sans-entete-pied/> or <saut-page page="impaire"/>.
bool sets_pages_apart(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
        if (std::holds_alternative<NoFurniture>(b.content)) return true;
        if (const auto* page_break = std::get_if<PageBreak>(&b.content); page_break && page_break->odd) return true;
        if (const auto* box = std::get_if<Box>(&b.content); box && sets_pages_apart(box->content)) return true;
    }
    return false;
}

}  // namespace

MasterPages master_pages(const Document& document) {
    MasterPages m;
    m.set_apart = sets_pages_apart(document.body);
    for (const auto* list : {&document.headers, &document.footers})
        for (const PageFurniture& f : *list)
            if (f.pages != PageSelection::All) m.first_page = true;
    return m;
}

std::string styles_xml(const Document& doc, const FontSet& fonts, Pictures& pictures, Diagnostics& diagnostics) {
    pugi::xml_document xml;
    pugi::xml_node root = document_root(xml, "office:document-styles");
    add_font_faces(root);
    add_named_styles(root, doc);
    pugi::xml_node automatic = root.append_child("office:automatic-styles");
    pugi::xml_node masters = root.append_child("office:master-styles");
    StyleRegistry styles("M");
    BodyWriter writer(doc, fonts, styles, pictures, diagnostics);
    const auto with_content = [](const PageFurniture* f) { return f && !f->content.empty() ? f : nullptr; };
    const PageFurniture* header = with_content(choose(doc.headers, false));
    const PageFurniture* footer = with_content(choose(doc.footers, false));
    add_page_layout(automatic, "pm1", doc, header, footer);
    add_master(masters, "Standard", "pm1", "", header, footer, writer, doc);
    if (master_pages(doc).first_page) {
        const PageFurniture* first_header = with_content(choose(doc.headers, true));
        const PageFurniture* first_footer = with_content(choose(doc.footers, true));
        add_page_layout(automatic, "pm2", doc, first_header, first_footer);
        add_master(masters, "Premiere", "pm2", "Standard", first_header, first_footer, writer, doc);
    }
    if (master_pages(doc).set_apart) {
        add_page_layout(automatic, "pm3", doc, nullptr, nullptr);
        add_master(masters, kMasterBare, "pm3", "Standard", nullptr, nullptr, writer, doc);
        add_page_layout(automatic, "pm4", doc, header, footer, true);
        add_master(masters, kMasterOdd, "pm4", "Standard", header, footer, writer, doc);
        add_page_layout(automatic, "pm5", doc, nullptr, nullptr, true);
        add_master(masters, kMasterBareOdd, "pm5", "Standard", nullptr, nullptr, writer, doc);
    }
    styles.write(automatic);
    return serialise(xml);
}

std::string meta_xml(const Document& doc) {
    pugi::xml_document xml;
    pugi::xml_node root = document_root(xml, "office:document-meta");
    pugi::xml_node meta = root.append_child("office:meta");
    meta.append_child("meta:generator").text() = "Lettrine";
    const auto add = [&](const char* name, const std::string& value) {
        if (!value.empty()) meta.append_child(name).text() = value.c_str();
    };
    add("dc:title", doc.info.title);
    add("dc:subject", doc.info.subject);
    add("meta:initial-creator", doc.info.author);
    add("dc:creator", doc.info.author);
    add("dc:language", doc.info.lang);
    if (!doc.info.date.empty()) {
        add("meta:creation-date", doc.info.date + "T00:00:00");
        add("dc:date", doc.info.date + "T00:00:00");
    }
    std::string keywords = doc.info.keywords;
    for (std::size_t start = 0; start < keywords.size();) {
        std::size_t comma = keywords.find(',', start);
        if (comma == std::string::npos) comma = keywords.size();
        std::string word = keywords.substr(start, comma - start);
        while (!word.empty() && word.front() == ' ') word.erase(0, 1);
        while (!word.empty() && word.back() == ' ') word.pop_back();
        add("meta:keyword", word);
        start = comma + 1;
    }
    return serialise(xml);
}

std::string manifest_xml(const std::vector<Pictures::Picture>& pictures) {
    pugi::xml_document xml;
    pugi::xml_node declaration = xml.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = xml.append_child("manifest:manifest");
    root.append_attribute("xmlns:manifest") = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    root.append_attribute("manifest:version") = "1.2";
    const auto entry = [&](const std::string& path, const std::string& type) {
        pugi::xml_node e = root.append_child("manifest:file-entry");
        e.append_attribute("manifest:full-path") = path.c_str();
        if (path == "/") e.append_attribute("manifest:version") = "1.2";
        e.append_attribute("manifest:media-type") = type.c_str();
    };
    entry("/", "application/vnd.oasis.opendocument.text");
    entry("content.xml", "text/xml");
    entry("styles.xml", "text/xml");
    entry("meta.xml", "text/xml");
    for (const Pictures::Picture& p : pictures) entry(p.href, p.media_type);
    return serialise(xml);
}

}  // namespace lettrine::odt_detail
