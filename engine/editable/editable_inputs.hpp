#pragma once
// What the editable writers (engine/odt, engine/docx) read besides the
// document tree: the same for both, filled once by the pipeline
// (engine/pipeline/output_formats.cpp) from a PipelineContext.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/resources.hpp"
#include "font/font.hpp"
#include "layout/images.hpp"
#include "layout/pages.hpp"

namespace lettrine {

struct EditableInputs {
    // Where <image src> files are found, and the only folders they may come
    // from (core/resources.hpp). When null, a resolver for the template
    // folder `image_directory`.
    std::shared_ptr<const ResourceResolver> resources;
    std::string image_directory = ".";
    // Shared across documents so that each image file is read once.
    std::shared_ptr<ImageCache> images = std::make_shared<ImageCache>();
    // The PDF's fonts: their widths place the decimal tab stops of the
    // columns of numbers (editable/table_numbers.hpp).
    std::shared_ptr<const FontSet> fonts = FontSet::default_set();
    // The page numbers (1-based) of Lettrine's own layout of the same tree,
    // the PDF's (take_page_numbers): each contents line shows its heading's
    // and each <renvoi-page> its target's, as the results an office suite
    // keeps in its fields until they are updated. Empty, or 0 for a
    // heading: not known, « ? » shown.
    std::vector<int> contents_pages;          // listed_headings(document)'s, in order
    std::map<std::string, int> target_pages;  // by id="…"
};

// The page numbers of `pages`, the layout of the document to be written,
// into `inputs` (contents_pages, target_pages).
void take_page_numbers(EditableInputs& inputs, const LaidOutDocument& pages);

// `inputs.resources`, or a resolver for `inputs.image_directory` when null.
std::shared_ptr<const ResourceResolver> image_resolver(const EditableInputs& inputs);

// The font an editor is told to use for a markup family, the one the PDF
// embeds: "serif" → "Liberation Serif", "sans", "mono".
std::string editable_font_name(const std::string& family);

}  // namespace lettrine
