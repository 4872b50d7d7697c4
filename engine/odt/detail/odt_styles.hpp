#pragma once
// Automatic styles of an OpenDocument part, shared by equal properties: a
// style is named after its family and the order of its first use (P1, T2,
// Tab1…), so the same document always gives the same names.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "editable/editable_inputs.hpp"
#include "markup/document.hpp"

namespace lettrine::odt_detail {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// One <style:style> (or <text:list-style>) before it is named.
struct AutoStyle {
    std::string family;       // "paragraph", "text", "table", "table-column", "table-row", "table-cell", "graphic"
    std::string parent;       // style:parent-style-name; may be empty
    std::string master_page;  // paragraph and table styles: style:master-page-name
    // Property elements in order: {"style:paragraph-properties", {{"fo:text-align", "justify"}}}.
    std::vector<std::pair<std::string, Attributes>> properties;
    // Paragraph styles: a right tab stop, in points from the paragraph's
    // start (0: none), written inside style:paragraph-properties.
    double right_tab = 0;
};

// A list style: one level style per nesting depth.
struct ListLevel {
    bool numbered = false;
    std::string bullet = "\u2013";
    int start = 1;
    double indent = 0;             // points from the list's left edge to the text
    double label = 0;              // points from the label's start to the text (the PDF's marker and gap)
    std::string marker_style;      // text style of the bullet or number; may be empty
};

class StyleRegistry {
public:
    // `prefix` keeps the names of styles.xml apart from content.xml's ("M": MP1).
    explicit StyleRegistry(std::string prefix) : prefix_(std::move(prefix)) {}
    // The name of the style with these properties, made on first use.
    std::string name(const AutoStyle& style);
    std::string list_name(const std::vector<ListLevel>& levels);
    // Writes every style made, in order of first use, under `automatic_styles`.
    void write(pugi::xml_node automatic_styles) const;

private:
    std::string prefix_;
    std::map<std::string, std::string> names_;  // serialised properties → name
    std::map<std::string, int> counts_;         // family → styles made
    std::vector<std::pair<std::string, AutoStyle>> styles_;
    std::vector<std::pair<std::string, std::vector<ListLevel>>> lists_;
};

// ---- Values as ODF writes them ------------------------------------------------

std::string points(double value);       // "12.5pt"
std::string colour(const Rgb& rgb);     // "#1f4e79"
// Every text property of `style` (font, size, weight, posture, underline,
// position, colour, language), normal values included, for diffing.
Attributes text_properties(const InlineStyle& style);
// The entries of `style` whose value differs in `base`.
Attributes text_difference(const InlineStyle& style, const InlineStyle& base);

}  // namespace lettrine::odt_detail
