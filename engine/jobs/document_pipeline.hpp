#pragma once
// One document, through every stage: template -> markup -> layout -> PDF.
// Each stage is called through its public function only; this file is the
// pipeline's table of contents.
#include <memory>
#include <string>

#include <boost/filesystem.hpp>

#include "data/value.hpp"
#include "font/font.hpp"
#include "layout/images.hpp"
#include "layout/pages.hpp"
#include "template/template.hpp"

namespace lettrine {

struct PipelineContext {
    std::shared_ptr<const FontSet> fonts = FontSet::default_set();
    boost::filesystem::path resource_dir;  // where relative image paths are resolved
    // One cache per batch: a logo used by every document is read once.
    std::shared_ptr<ImageCache> images = std::make_shared<ImageCache>();
};

// Renders the template over the data, parses the markup, lays it out.
LaidOutDocument compose_document(const Template& document_template, const DataValue& data,
                                 const PipelineContext& context, const std::string& description);

// compose_document + the PDF writer: the finished file's bytes.
std::string render_pdf(const Template& document_template, const DataValue& data,
                       const PipelineContext& context, const std::string& description);

// Appends `next`'s pages (and bookmarks) to `book`: one PDF for many records.
void append_document(LaidOutDocument& book, LaidOutDocument next);

}  // namespace lettrine
