#pragma once
// A small positioned XML tree read with pugixml: each element, attribute and
// text knows its file:line:column, so the programme's XML twin and the mail
// merge data can point at the exact place of a problem.
#include <string>
#include <vector>

#include "core/position.hpp"

namespace lettrine {

struct XmlAttribute {
    std::string name;
    std::string value;
    SourcePosition position;  // of the value's first character
};

struct XmlElement {
    std::string name;
    std::vector<XmlAttribute> attributes;  // in document order
    std::vector<XmlElement> children;      // child elements, in document order
    std::string text;                      // the element's own text (text and CDATA children, concatenated, raw)
    SourcePosition position;               // of the '<' that opens the element
    SourcePosition text_position;          // of the first own text, or `position` when none

    const XmlAttribute* attribute(const std::string& name) const;
    const XmlElement* child(const std::string& name) const;  // first child element so named
};

// Parses UTF-8 XML bytes. Throws LettrineError(Data) positioned at
// file:line:column, with a French message, when the text is not well-formed
// XML, not UTF-8, or nested deeper than 256 levels.
XmlElement read_xml(const std::string& bytes, const std::string& file_name);

// French description of a pugixml parse status (pugi::xml_parse_status as int),
// shared with the XLSX reader.
std::string french_xml_parse_error(int status);

}  // namespace lettrine
