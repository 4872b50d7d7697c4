#pragma once
// One XML part of a ZIP document (XLSX, ODS), parsed by pugixml after a cheap
// count of its tags, so a part of millions of tiny elements is refused before
// pugixml builds a tree of them. Internal to the data stage.
#include <cstddef>
#include <string>

#include <pugixml.hpp>

namespace lettrine {

// Throws LettrineError(Data) at `file` naming `part` when the part has more
// than max_tags tags or is not well-formed XML. pugixml's parser is not
// recursive: depth costs it nothing; code walking the tree must bound its own.
void parse_xml_part(const std::string& bytes, const std::string& part, const std::string& file, std::size_t max_tags,
                    unsigned int options, pugi::xml_document& document);

}  // namespace lettrine
