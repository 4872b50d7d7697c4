#pragma once
// One document, through every stage: template -> markup -> layout -> PDF.
// Each stage is called through its public function only; this file is the
// pipeline's table of contents.
#include <memory>
#include <mutex>
#include <string>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/resources.hpp"
#include "data/value.hpp"
#include "font/font.hpp"
#include "layout/images.hpp"
#include "layout/pages.hpp"
#include "markup/document.hpp"
#include "template/template.hpp"

namespace lettrine {

// Warnings gathered from documents composed in parallel, in a stable order
// (by position, then message) whatever the threads' timing.
class WarningLog {
public:
    void add(const std::vector<Diagnostic>& warnings);
    Diagnostics take();

private:
    std::mutex mutex_;
    std::vector<Diagnostic> items_;
};

struct PipelineContext {
    std::shared_ptr<const FontSet> fonts = FontSet::default_set();
    boost::filesystem::path resource_dir;  // the template's folder, when `resources` is null
    // Where images named by templates and data are found, and the only
    // folders they may come from (core/resources.hpp).
    std::shared_ptr<const ResourceResolver> resources;
    // One cache per batch: a logo used by every document is read once.
    std::shared_ptr<ImageCache> images = std::make_shared<ImageCache>();
    // false (--pdfa non): the PDFs claim no PDF/A-2 (no XMP identification,
    // no output intent).
    bool archival = true;
    // The documents' warnings (an <image> without alt), collected from the
    // batch's threads; the job hands them on in JobResult::warnings.
    std::shared_ptr<WarningLog> warnings = std::make_shared<WarningLog>();
};

// The context of a run reading `data_file` through `template_file`: its
// resources resolved in the documented order (core/resources.hpp).
PipelineContext context_for_run(const boost::filesystem::path& data_file, const boost::filesystem::path& template_file);

// Renders the template over the data and parses the markup: the document
// tree every writer reads (the layout for the PDF, the editable formats).
Document compose_markup(const Template& document_template, const DataValue& data, const std::string& description);

// Lays a composed tree out; `data` names the cells layout problems come from.
LaidOutDocument layout_markup(const Document& document, const DataValue& data, const PipelineContext& context);

// Renders the template over the data, parses the markup, lays it out.
LaidOutDocument compose_document(const Template& document_template, const DataValue& data,
                                 const PipelineContext& context, const std::string& description);

// compose_document + the PDF writer: the finished file's bytes.
std::string render_pdf(const Template& document_template, const DataValue& data,
                       const PipelineContext& context, const std::string& description);


}  // namespace lettrine
