#include "jobs/document_pipeline.hpp"

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"

namespace lettrine {

LaidOutDocument compose_document(const Template& document_template, const DataValue& data,
                                 const PipelineContext& context, const std::string& description) {
    const std::string markup = document_template.render(data);
    // Markup positions point into the rendered text; the name says which template and record.
    const std::string source = document_template.source_name() +
                               (description.empty() ? "" : " (rendu pour " + description + ")");
    const Document document = parse_markup(markup, source);
    LayoutOptions options;
    options.image_directory = context.resource_dir.string();
    options.images = context.images;
    return layout_document(document, *context.fonts, options);
}

std::string render_pdf(const Template& document_template, const DataValue& data,
                       const PipelineContext& context, const std::string& description) {
    return write_pdf(compose_document(document_template, data, context, description));
}

void append_document(LaidOutDocument& book, LaidOutDocument next) {
    if (book.pages.empty() && book.metadata.title.empty()) book.metadata = next.metadata;
    const std::size_t offset = book.pages.size();
    for (auto& entry : next.outline) {
        entry.page += offset;
        book.outline.push_back(std::move(entry));
    }
    for (auto& page : next.pages) book.pages.push_back(std::move(page));
}

}  // namespace lettrine
