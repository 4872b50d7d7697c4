#include "template/xml_skeleton.hpp"

#include <pugixml.hpp>

#include "template/scan.hpp"

namespace lettrine {

namespace {

std::string french_reason(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_unrecognized_tag: return "balise mal formée";
        case pugi::status_bad_pi: return "instruction de traitement mal formée";
        case pugi::status_bad_comment: return "commentaire mal formé";
        case pugi::status_bad_cdata: return "section CDATA mal formée";
        case pugi::status_bad_doctype: return "déclaration de type de document mal formée";
        case pugi::status_bad_pcdata: return "texte mal formé";
        case pugi::status_bad_start_element: return "balise ouvrante mal formée";
        case pugi::status_bad_attribute: return "attribut mal formé (guillemets manquants ?)";
        case pugi::status_bad_end_element: return "balise fermante mal formée";
        case pugi::status_end_element_mismatch: return "balise fermante sans balise ouvrante correspondante";
        case pugi::status_append_invalid_root: return "contenu invalide à la racine";
        case pugi::status_no_document_element: return "aucun élément racine";
        default: return "XML mal formé";
    }
}

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
