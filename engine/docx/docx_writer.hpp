#pragma once
// The DOCX writer: the document tree (engine/markup) to an Office Open XML
// WordprocessingML package (ECMA-376), for the last-minute wording change in
// Word or LibreOffice Writer. Reads the same Document as the layout stage,
// never the laid-out pages: Word and Writer lay the text out themselves.
#include <memory>
#include <string>

#include "core/resources.hpp"
#include "layout/images.hpp"
#include "markup/document.hpp"

namespace lettrine {

// What the writer reads besides the tree: the image files named by
// <image src>, found as the layout stage finds them (same fields as
// LayoutOptions, so a PipelineContext fills both).
struct DocxInputs {
    // Where <image src> files are found, and the only folders they may come
    // from. When null, a resolver for the template folder `image_directory`.
    std::shared_ptr<const ResourceResolver> resources;
    std::string image_directory = ".";
    // Shared across documents so that each image file is read once; created
    // per call when null.
    std::shared_ptr<ImageCache> images;
};

// The .docx file's bytes: the same bytes for the same tree and images.
// Fonts are named (Liberation Serif, Sans, Mono), not embedded. Throws
// LettrineError(Template) listing every image that cannot be used, each at
// its <image> element, and LettrineError(Io) if the package cannot be built.
std::string docx_bytes(const Document& document, const DocxInputs& inputs);

}  // namespace lettrine
