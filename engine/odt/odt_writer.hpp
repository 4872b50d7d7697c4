#pragma once
// The OpenDocument Text writer (ISO/IEC 26300, ODF 1.2): a Document tree, as
// the markup parser gives it, becomes an editable .odt that says what the PDF
// says. It reads the tree, never the laid-out pages: page size and margins,
// headers and footers with their page fields, headings as Heading styles with
// outline levels, lists as list styles, tables, pictures, positioned blocks
// as frames anchored to the page. Same tree, same bytes.
#include <memory>
#include <string>

#include "core/resources.hpp"
#include "layout/images.hpp"
#include "markup/document.hpp"

namespace lettrine {

// Where the pictures a document names are found (the same folders as the
// layout's: core/resources.hpp), and the batch's cache of their bytes.
struct EditableResources {
    std::shared_ptr<const ResourceResolver> resources;
    std::shared_ptr<ImageCache> images = std::make_shared<ImageCache>();
};

// The .odt file's bytes. Throws LettrineError(Data) naming the <image>
// whose file cannot be used, every such image at once.
std::string write_odt(const Document& document, const EditableResources& resources);

}  // namespace lettrine
