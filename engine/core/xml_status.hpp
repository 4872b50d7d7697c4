#pragma once
// pugixml's parse statuses in French: one wording for every stage that
// reads XML (the data readers, the templates' skeleton check, the markup).
// Header-only: core links no XML library, and each stage that includes this
// already parses with pugixml.
#include <pugixml.hpp>

namespace lettrine {

inline const char* french_xml_status(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_out_of_memory: return "mémoire insuffisante pour lire le document";
        case pugi::status_unrecognized_tag: return "balise mal formée";
        case pugi::status_bad_pi: return "instruction de traitement mal formée";
        case pugi::status_bad_comment: return "commentaire mal formé";
        case pugi::status_bad_cdata: return "section CDATA mal formée";
        case pugi::status_bad_doctype: return "déclaration DOCTYPE mal formée";
        case pugi::status_bad_pcdata: return "texte mal formé";
        case pugi::status_bad_start_element: return "balise ouvrante mal formée";
        case pugi::status_bad_attribute: return "attribut mal formé (valeur sans guillemets ou caractère interdit)";
        case pugi::status_bad_end_element: return "balise fermante mal formée";
        case pugi::status_end_element_mismatch: return "balise fermante qui ne correspond pas à la balise ouverte";
        case pugi::status_append_invalid_root: return "contenu invalide à la racine";
        case pugi::status_no_document_element: return "document vide : aucun élément racine";
        default: return "XML mal formé";
    }
}

}  // namespace lettrine
