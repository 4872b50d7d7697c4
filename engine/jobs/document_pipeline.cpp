#include "jobs/document_pipeline.hpp"

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

Programme with_resolved_logo(Programme programme, const ResourceResolver& resources, Diagnostics& problems) {
    if (programme.logo.empty()) return programme;
    const ResourceResolver::Resolved logo = resources.resolve(programme.logo);
    if (logo.path.empty()) {
        SourcePosition where = programme.logo_position;
        if (where.empty()) where = SourcePosition::in_file(boost::filesystem::path(programme.source_file).filename().string());
        problems.error(where, "le logo « " + programme.logo + " » ne peut pas être utilisé : " + logo.problem);
        programme.logo.clear();
    } else {
        programme.logo = logo.path.string();
    }
    return programme;
}

Programme with_resolved_logo(Programme programme, const ResourceResolver& resources) {
    Diagnostics problems;
    programme = with_resolved_logo(std::move(programme), resources, problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    return programme;
}

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
    options.resources = context.resources;
    return layout_document(document, *context.fonts, options);
}

std::string render_pdf(const Template& document_template, const DataValue& data,
                       const PipelineContext& context, const std::string& description) {
    return write_pdf(compose_document(document_template, data, context, description));
}

void append_document(LaidOutDocument& book, LaidOutDocument next) { append_laid_out(book, std::move(next)); }

}  // namespace lettrine
