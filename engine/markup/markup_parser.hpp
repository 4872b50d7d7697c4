#pragma once
// The markup reader: XML text (what the templates produce) to the document
// tree. Reads no file: images are resolved later by the layout stage.
#include <string>

#include "markup/document.hpp"

namespace lettrine {

// Parses the markup described in docs/BALISAGE.md. `source_name` names the
// text in messages ("lettre-habitat.xml"). Throws LettrineError(Template)
// carrying every problem found (malformed XML stops at the first one), each
// positioned "source_name:line:column" with a French message.
Document parse_markup(const std::string& xml, const std::string& source_name);

}  // namespace lettrine
