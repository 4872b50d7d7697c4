#include "core/xml_status.hpp"
#include "template/xml_skeleton.hpp"

#include <pugixml.hpp>

#include "template/scan.hpp"

namespace lettrine {

namespace {

std::string french_reason(pugi::xml_parse_status status) { return french_xml_status(status); }

}  // namespace

Diagnostics check_xml_skeleton(const std::string& text, const std::string& source_name) {
    Diagnostics problems;
    Diagnostics scan_problems;
    const auto scanned = template_detail::scan_template(text, source_name, scan_problems);
    if (scan_problems.has_errors()) return problems;  // reported by the template parser itself

    std::string skeleton = scanned.text;
    for (const auto& tag : scanned.tags)
        for (std::size_t i = tag.begin; i < tag.end && i < skeleton.size(); ++i)
            if (skeleton[i] != '\n') skeleton[i] = ' ';

    pugi::xml_document document;
    const pugi::xml_parse_result result = document.load_buffer(skeleton.data(), skeleton.size(), pugi::parse_default);
    if (!result) {
        const auto where = line_column_at(skeleton, static_cast<std::size_t>(result.offset));
        problems.error(SourcePosition::at_line(source_name, where.line, where.column),
                       "le balisage XML du modèle est incorrect : " + french_reason(result.status));
    }
    return problems;
}

}  // namespace lettrine
