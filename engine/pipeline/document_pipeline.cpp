#include "pipeline/document_pipeline.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"

namespace lettrine {

PipelineContext context_for_run(const boost::filesystem::path& data_file, const boost::filesystem::path& template_file) {
    PipelineContext context;
    context.resource_dir = boost::filesystem::absolute(template_file).parent_path();
    context.resources = std::make_shared<const ResourceResolver>(data_file, template_file);
    return context;
}

Document compose_markup(const Template& document_template, const DataValue& data, const std::string& description) {
    const std::string markup = document_template.render(data);
    // Markup positions point into the rendered text; the name says which template and record.
    const std::string source = document_template.source_name() +
                               (description.empty() ? "" : " (rendu pour " + description + ")");
    return parse_markup(markup, source);
}

LaidOutDocument layout_markup(const Document& document, const DataValue& data, const PipelineContext& context) {
    LayoutOptions options;
    options.image_directory = context.resource_dir.string();
    options.images = context.images;
    options.resources = context.resources;
    options.data_position = [&data](const std::string& path) {
        const DataValue* value = data.find_path(path);
        return value ? value->position() : SourcePosition{};
    };
    LaidOutDocument laid_out = layout_document(document, *context.fonts, options);
    laid_out.metadata.archival = context.archival;
    context.warnings->add(laid_out.warnings);
    return laid_out;
}

void WarningLog::add(const std::vector<Diagnostic>& warnings) {
    if (warnings.empty()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    items_.insert(items_.end(), warnings.begin(), warnings.end());
}

Diagnostics WarningLog::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const std::string da = a.describe(), db = b.describe();
        return da < db;
    });
    Diagnostics out;
    for (Diagnostic& d : items_) out.add(std::move(d));
    items_.clear();
    return out;
}

LaidOutDocument compose_document(const Template& document_template, const DataValue& data,
                                 const PipelineContext& context, const std::string& description) {
    return layout_markup(compose_markup(document_template, data, description), data, context);
}

std::string render_pdf(const Template& document_template, const DataValue& data,
                       const PipelineContext& context, const std::string& description) {
    return write_pdf(compose_document(document_template, data, context, description));
}

}  // namespace lettrine
