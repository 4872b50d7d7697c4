#pragma once
// The OpenDocument Text writer (ISO/IEC 26300, ODF 1.2): a Document tree, as
// the markup parser gives it, becomes an editable .odt that says what the PDF
// says. It reads the tree, never the laid-out pages: page size and margins,
// headers and footers with their page fields, headings as Heading styles with
// outline levels, lists as list styles, tables, pictures, positioned blocks
// as frames anchored to the page. Same tree, same bytes.
#include <string>

#include "editable/editable_inputs.hpp"
#include "markup/document.hpp"

namespace lettrine {

// The .odt file's bytes. Throws LettrineError(Data) naming the <image>
// whose file cannot be used, every such image at once.
std::string write_odt(const Document& document, const EditableInputs& inputs);

}  // namespace lettrine
