#pragma once
// The XML parts of an .odt package other than the body: styles.xml (fonts,
// named styles, page layouts, master pages with headers and footers),
// meta.xml, META-INF/manifest.xml.
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "markup/document.hpp"
#include "odt/detail/odt_body.hpp"

namespace lettrine::odt_detail {

// The Liberation faces every part names (office:font-face-decls).
void add_font_faces(pugi::xml_node root);
// The root element of an office document part with every namespace this writer uses.
pugi::xml_node document_root(pugi::xml_document& xml, const char* name);
std::string serialise(const pugi::xml_document& xml);

// The master pages: "Standard" for every page, and "Premiere" for the
// first page when a header or footer is for the first or following pages only.
struct MasterPages {
    bool first_page = false;  // "Premiere" exists; the body's first block names it
    bool set_apart = false;   // kMasterBare, kMasterOdd, kMasterBareOdd exist (odt_body.hpp)
};
MasterPages master_pages(const Document& document);

std::string styles_xml(const Document& document, const FontSet& fonts, Pictures& pictures, Diagnostics& diagnostics);
std::string meta_xml(const Document& document);
std::string manifest_xml(const std::vector<Pictures::Picture>& pictures);

}  // namespace lettrine::odt_detail
