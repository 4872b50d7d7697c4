// styles.xml (document defaults, Normal, Heading 1–3 with their outline
// levels, Hyperlink) and numbering.xml (one definition per list).
#include "docx/detail/docx_writer_state.hpp"

namespace lettrine::docx_detail {

namespace {

constexpr const char* kMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

void fonts(pugi::xml_node rpr, const std::string& family) {
    const std::string font = editable_font_name(family);
    child(rpr, "w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:eastAsia", font}, {"w:cs", font}});
}

// The run look of a heading level, as its first heading in the document has it.
void heading_run(pugi::xml_node rpr, const InlineStyle& style, const Document& document) {
    if (style.family != document.base_style.family) fonts(rpr, style.family);
    if (style.bold) { rpr.append_child("w:b"); rpr.append_child("w:bCs"); }
    if (style.italic) { rpr.append_child("w:i"); rpr.append_child("w:iCs"); }
    child(rpr, "w:color", {{"w:val", hex(style.color)}});
    child(rpr, "w:sz", {{"w:val", number(half_points(style.size))}});
    child(rpr, "w:szCs", {{"w:val", number(half_points(style.size))}});
}

pugi::xml_node style(pugi::xml_node styles, const char* type, const std::string& id, const std::string& name,
                     bool is_default = false) {
    pugi::xml_node s = child(styles, "w:style", {{"w:type", type}});
    if (is_default) s.append_attribute("w:default") = "1";
    s.append_attribute("w:styleId") = id.c_str();
    child(s, "w:name", {{"w:val", name}});
    return s;
}

void document_defaults(pugi::xml_node styles, const Document& document) {
    pugi::xml_node defaults = styles.append_child("w:docDefaults");
    pugi::xml_node rpr = defaults.append_child("w:rPrDefault").append_child("w:rPr");
    fonts(rpr, document.base_style.family);
    child(rpr, "w:sz", {{"w:val", number(half_points(document.base_style.size))}});
    child(rpr, "w:szCs", {{"w:val", number(half_points(document.base_style.size))}});
    // The spell checker's language, for every run that does not say otherwise.
    child(rpr, "w:lang", {{"w:val", document.info.lang}, {"w:eastAsia", document.info.lang},
                          {"w:bidi", document.info.lang}});
    pugi::xml_node ppr = defaults.append_child("w:pPrDefault").append_child("w:pPr");
    child(ppr, "w:spacing", {{"w:after", "0"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
}

}  // namespace

std::string styles_xml(const WriterState& state) {
    const Document& document = state.document();
    pugi::xml_document xml;
    pugi::xml_node styles = child(xml, "w:styles", {{"xmlns:w", kMain}});
    document_defaults(styles, document);
    pugi::xml_node normal = style(styles, "paragraph", "Normal", "Normal", true);
    normal.append_child("w:qFormat");
    child(normal.append_child("w:pPr"), "w:spacing",
          {{"w:line", number(twips(document.line_height))}, {"w:lineRule", "atLeast"}});
    for (int level = 1; level <= 3; ++level) {
        const std::string id = "Heading" + std::to_string(level);
        pugi::xml_node heading = style(styles, "paragraph", id, "heading " + std::to_string(level));
        child(heading, "w:basedOn", {{"w:val", "Normal"}});
        child(heading, "w:next", {{"w:val", "Normal"}});
        child(heading, "w:uiPriority", {{"w:val", "9"}});
        heading.append_child("w:qFormat");
        pugi::xml_node ppr = heading.append_child("w:pPr");
        ppr.append_child("w:keepNext");
        ppr.append_child("w:keepLines");
        child(ppr, "w:outlineLvl", {{"w:val", number(level - 1)}});
        const auto found = state.heading_styles().find(level);
        if (found != state.heading_styles().end())
            heading_run(heading.append_child("w:rPr"), found->second, document);
        else
            heading.append_child("w:rPr").append_child("w:b");
    }
    // Contents lines: the page number at the right edge, after a dotted leader.
    const double measure = document.page.width - document.page.margin_left - document.page.margin_right;
    for (int level = 1; level <= 3; ++level) {
        pugi::xml_node toc = style(styles, "paragraph", "TOC" + std::to_string(level), "toc " + std::to_string(level));
        child(toc, "w:basedOn", {{"w:val", "Normal"}});
        child(toc, "w:next", {{"w:val", "Normal"}});
        child(toc, "w:uiPriority", {{"w:val", "39"}});
        pugi::xml_node tabs = toc.append_child("w:pPr").append_child("w:tabs");
        child(tabs, "w:tab", {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", number(twips(measure))}});
    }
    pugi::xml_node link = style(styles, "character", "Hyperlink", "Hyperlink");
    child(link, "w:uiPriority", {{"w:val", "99"}});
    pugi::xml_node table = style(styles, "table", "TableNormal", "Normal Table", true);
    child(table, "w:uiPriority", {{"w:val", "99"}});
    table.append_child("w:semiHidden");
    pugi::xml_node tpr = table.append_child("w:tblPr");
    child(tpr, "w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
    pugi::xml_node margins = tpr.append_child("w:tblCellMar");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
        child(margins, side, {{"w:w", "0"}, {"w:type", "dxa"}});
    return xml_text(xml);
}

namespace {

// One w:lvl: the list's own level at its depth, the same look deeper or
// shallower (for an item the user indents or outdents in Word).
void level(pugi::xml_node abstract, int ilvl, const ListDefinition& list, const Document& document) {
    const ListLevel& def = list.level;
    pugi::xml_node lvl = child(abstract, "w:lvl", {{"w:ilvl", number(ilvl)}});
    child(lvl, "w:start", {{"w:val", number(def.numbered ? def.start : 1)}});
    child(lvl, "w:numFmt", {{"w:val", def.numbered ? "decimal" : "bullet"}});
    child(lvl, "w:lvlText", {{"w:val", def.numbered ? "%" + number(ilvl + 1) + "." : def.bullet}});
    // Right-aligned at the gap before the text, as the layout draws markers.
    child(lvl, "w:lvlJc", {{"w:val", "right"}});
    const double left = std::max(def.marker_gap + 6, def.text_left + 18.0 * (ilvl - list.depth));
    child(child(lvl, "w:pPr"), "w:ind", {{"w:left", number(twips(left))}, {"w:hanging", number(twips(def.marker_gap))}});
    pugi::xml_node holder = lvl.append_child("w:r");
    run_properties(holder, def.marker_style, document);
    if (pugi::xml_node rpr = holder.child("w:rPr")) lvl.append_move(rpr);
    lvl.remove_child(holder);
}

}  // namespace

std::string numbering_xml(const WriterState& state) {
    pugi::xml_document xml;
    pugi::xml_node numbering = child(xml, "w:numbering", {{"xmlns:w", kMain}});
    const std::vector<ListDefinition>& lists = state.lists();
    for (std::size_t k = 0; k < lists.size(); ++k) {
        pugi::xml_node abstract = child(numbering, "w:abstractNum", {{"w:abstractNumId", number(static_cast<long>(k))}});
        child(abstract, "w:multiLevelType", {{"w:val", "multilevel"}});
        for (int ilvl = 0; ilvl < 9; ++ilvl) level(abstract, ilvl, lists[k], state.document());
    }
    for (std::size_t k = 0; k < lists.size(); ++k) {
        pugi::xml_node num = child(numbering, "w:num", {{"w:numId", number(static_cast<long>(k + 1))}});
        child(num, "w:abstractNumId", {{"w:val", number(static_cast<long>(k))}});
    }
    return xml_text(xml);
}

}  // namespace lettrine::docx_detail
