#include "odt/detail/odt_styles.hpp"

#include <cmath>
#include <cstdio>

namespace lettrine::odt_detail {

namespace {

std::string serialise(const AutoStyle& s) {
    std::string key = s.family + '|' + s.parent + '|' + s.master_page;
    for (const auto& [element, attributes] : s.properties) {
        key += '|' + element;
        for (const auto& [name, value] : attributes) key += ' ' + name + '=' + value;
    }
    if (s.right_tab > 0) key += "|right-tab " + points(s.right_tab);
    return key;
}

const char* family_prefix(const std::string& family) {
    if (family == "paragraph") return "P";
    if (family == "text") return "T";
    if (family == "table") return "Tab";
    if (family == "table-column") return "Col";
    if (family == "table-row") return "Row";
    if (family == "table-cell") return "Cell";
    return "Fr";
}

void write_list(pugi::xml_node parent, const std::string& name, const std::vector<ListLevel>& levels) {
    pugi::xml_node list = parent.append_child("text:list-style");
    list.append_attribute("style:name") = name.c_str();
    double margin = 0;
    // ODF has ten levels; deeper levels repeat the last one given.
    for (int level = 1; level <= 10; ++level) {
        const ListLevel& l = levels[std::min<std::size_t>(static_cast<std::size_t>(level), levels.size()) - 1];
        margin += l.indent;
        pugi::xml_node ls = list.append_child(l.numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
        ls.append_attribute("text:level") = level;
        if (!l.marker_style.empty()) ls.append_attribute("text:style-name") = l.marker_style.c_str();
        if (l.numbered) {
            ls.append_attribute("style:num-suffix") = ".";
            ls.append_attribute("style:num-format") = "1";
            if (l.start != 1) ls.append_attribute("text:start-value") = l.start;
        } else {
            ls.append_attribute("text:bullet-char") = l.bullet.c_str();
        }
        pugi::xml_node props = ls.append_child("style:list-level-properties");
        props.append_attribute("text:list-level-position-and-space-mode") = "label-alignment";
        pugi::xml_node align = props.append_child("style:list-level-label-alignment");
        align.append_attribute("text:label-followed-by") = "listtab";
        align.append_attribute("text:list-tab-stop-position") = points(margin).c_str();
        align.append_attribute("fo:text-indent") = points(-std::min(l.indent, l.label)).c_str();
        align.append_attribute("fo:margin-left") = points(margin).c_str();
    }
}

}  // namespace

std::string StyleRegistry::name(const AutoStyle& style) {
    const std::string key = serialise(style);
    const auto found = names_.find(key);
    if (found != names_.end()) return found->second;
    const std::string name = prefix_ + family_prefix(style.family) + std::to_string(++counts_[style.family]);
    names_.emplace(key, name);
    styles_.emplace_back(name, style);
    return name;
}

std::string StyleRegistry::list_name(const std::vector<ListLevel>& levels) {
    std::string key = "list";
    for (const ListLevel& l : levels)
        key += '|' + std::to_string(l.numbered) + l.bullet + ' ' + std::to_string(l.start) + ' ' + points(l.indent) + ' ' + points(l.label) +
               ' ' + l.marker_style;
    const auto found = names_.find(key);
    if (found != names_.end()) return found->second;
    const std::string name = prefix_ + "L" + std::to_string(++counts_["list"]);
    names_.emplace(key, name);
    lists_.emplace_back(name, levels);
    return name;
}

void StyleRegistry::write(pugi::xml_node automatic_styles) const {
    for (const auto& [name, s] : styles_) {
        pugi::xml_node node = automatic_styles.append_child("style:style");
        node.append_attribute("style:name") = name.c_str();
        node.append_attribute("style:family") = s.family.c_str();
        if (!s.parent.empty()) node.append_attribute("style:parent-style-name") = s.parent.c_str();
        if (!s.master_page.empty()) node.append_attribute("style:master-page-name") = s.master_page.c_str();
        for (const auto& [element, attributes] : s.properties) {
            pugi::xml_node props = node.append_child(element.c_str());
            for (const auto& [attribute, value] : attributes) props.append_attribute(attribute.c_str()) = value.c_str();
            if (s.right_tab > 0 && element == "style:paragraph-properties") {
                pugi::xml_node stop = props.append_child("style:tab-stops").append_child("style:tab-stop");
                stop.append_attribute("style:position") = points(s.right_tab).c_str();
                stop.append_attribute("style:type") = "right";
            }
        }
    }
    for (const auto& [name, levels] : lists_) write_list(automatic_styles, name, levels);
}

std::string points(double value) {
    if (std::fabs(value) < 0.0005) return "0pt";
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);
    std::string s = text;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s + "pt";
}

std::string colour(const Rgb& rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", rgb.r, rgb.g, rgb.b);
    return text;
}

Attributes text_properties(const InlineStyle& style) {
    const std::string lang = style.lang.substr(0, style.lang.find('-'));
    const std::size_t dash = style.lang.find('-');
    const std::string country = dash == std::string::npos ? "none" : style.lang.substr(dash + 1);
    return {
        {"style:font-name", editable_font_name(style.family)},
        {"fo:font-size", points(style.size)},
        {"fo:font-weight", style.bold ? "bold" : "normal"},
        {"fo:font-style", style.italic ? "italic" : "normal"},
        {"style:text-underline-style", style.underline ? "solid" : "none"},
        {"style:text-position", style.superscript ? "super 58%" : "0% 100%"},
        {"fo:color", colour(style.color)},
        {"fo:language", lang.empty() ? "none" : lang},
        {"fo:country", country},
        {"fo:hyphenate", style.hyphenate ? "true" : "false"},
    };
}

Attributes text_difference(const InlineStyle& style, const InlineStyle& base) {
    const Attributes mine = text_properties(style), theirs = text_properties(base);
    Attributes difference;
    for (std::size_t i = 0; i < mine.size(); ++i)
        if (mine[i].second != theirs[i].second) difference.push_back(mine[i]);
    return difference;
}

}  // namespace lettrine::odt_detail
