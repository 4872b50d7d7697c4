#pragma once
// The DOCX writer: the document tree (engine/markup) to an Office Open XML
// WordprocessingML package (ECMA-376), for the last-minute wording change in
// Word or LibreOffice Writer. Reads the same Document as the layout stage,
// never the laid-out pages: Word and Writer lay the text out themselves.
#include <string>

#include "editable/editable_inputs.hpp"
#include "markup/document.hpp"

namespace lettrine {

// The .docx file's bytes: the same bytes for the same tree and images.
// Fonts are named (Liberation Serif, Sans, Mono), not embedded. Throws
// LettrineError(Template) listing every image that cannot be used, each at
// its <image> element, and LettrineError(Io) if the package cannot be built.
std::string docx_bytes(const Document& document, const EditableInputs& inputs);

}  // namespace lettrine
