#pragma once
// A template that renders XML markup (`*.xml.mustache`) must be well-formed
// XML once its Mustache tags are set aside. Checking that on the template
// itself puts the message where the user typed the mistake
// (« lettre.xml.mustache:41:3 »), instead of at a line of the rendered text.
#include <string>

#include "core/diagnostic.hpp"

namespace lettrine {

// Blanks every {{…}} tag (same byte length, newlines kept, so positions stay
// true) and parses the rest with pugixml. Returns the first XML error, in
// French, positioned `source_name:line:column`; empty when well-formed.
// Limits: markup inserted by {{{raw}}} values or partials is not seen, and a
// tag opened in one section and closed in another (both present once
// blanked) is accepted — the rendered text is still checked later.
Diagnostics check_xml_skeleton(const std::string& text, const std::string& source_name);

}  // namespace lettrine
