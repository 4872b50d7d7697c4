#include "pipeline/output_formats.hpp"

#include <algorithm>
#include <optional>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "docx/docx_writer.hpp"
#include "markup/document_walk.hpp"
#include "odt/odt_writer.hpp"
#include "pdf/pdf_writer.hpp"

namespace lettrine {

namespace {

std::string pdf_file(const Document& document, const DataValue& data, const PipelineContext& context,
                     const LaidOutDocument* pages) {
    return write_pdf(pages ? *pages : layout_markup(document, data, context));
}

// A layout made only for the editable files' page numbers: its warnings
// are about a PDF that is not written.
LaidOutDocument layout_for_numbers(const Document& document, const DataValue& data, const PipelineContext& context) {
    PipelineContext quiet = context;
    quiet.warnings = std::make_shared<WarningLog>();
    return layout_markup(document, data, quiet);
}

// The inputs of an editable writer, with the page numbers of `pages` or,
// when null and the document shows page numbers, of a layout made for them.
EditableInputs editable_inputs_for(const Document& document, const DataValue& data, const PipelineContext& context,
                                   const LaidOutDocument* pages) {
    EditableInputs inputs = editable_inputs(context);
    if (pages) {
        take_page_numbers(inputs, *pages);
    } else if (shows_page_numbers(document)) {
        take_page_numbers(inputs, layout_for_numbers(document, data, context));
    }
    return inputs;
}

std::string odt_file(const Document& document, const DataValue& data, const PipelineContext& context,
                     const LaidOutDocument* pages) {
    return write_odt(document, editable_inputs_for(document, data, context, pages));
}

std::string docx_file(const Document& document, const DataValue& data, const PipelineContext& context,
                      const LaidOutDocument* pages) {
    return docx_bytes(document, editable_inputs_for(document, data, context, pages));
}

}  // namespace

EditableInputs editable_inputs(const PipelineContext& context) {
    EditableInputs inputs;
    inputs.resources = context.resources;
    inputs.image_directory = context.resource_dir.string();
    if (context.images) inputs.images = context.images;
    if (context.fonts) inputs.fonts = context.fonts;
    return inputs;
}

const std::vector<OutputFormat>& output_formats() {
    static const std::vector<OutputFormat> formats{
        {"pdf", ".pdf", pdf_file},
        {"odt", ".odt", odt_file},
        {"docx", ".docx", docx_file},
    };
    return formats;
}

const OutputFormat* find_output_format(const std::string& name) {
    for (const OutputFormat& f : output_formats())
        if (f.name == name) return &f;
    return nullptr;
}

std::vector<const OutputFormat*> parse_output_formats(const std::string& list) {
    std::vector<const OutputFormat*> chosen;
    std::vector<std::string> unknown;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string name = list.substr(start, comma - start);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        while (!name.empty() && name.back() == ' ') name.pop_back();
        start = comma + 1;
        const OutputFormat* found = find_output_format(name);
        if (!found) unknown.push_back(name);
        else if (std::find(chosen.begin(), chosen.end(), found) == chosen.end()) chosen.push_back(found);
    }
    if (!unknown.empty()) {
        std::string names;
        for (const OutputFormat& f : output_formats()) names += (names.empty() ? "" : ", ") + f.name;
        std::string message;
        for (const std::string& u : unknown)
            message += (message.empty() ? "" : " ; ") + std::string("format inconnu ") + quoted(u);
        throw LettrineError(ErrorKind::Usage, SourcePosition{}, message + " : formats possibles " + names);
    }
    return chosen;
}

bool writes_pages(const OutputFormat& format) { return format.write == pdf_file; }

bool needs_layout(const Document& document, const std::vector<const OutputFormat*>& formats) {
    bool editable = false;
    for (const OutputFormat* f : formats) {
        if (writes_pages(*f)) return true;
        editable = true;
    }
    return editable && shows_page_numbers(document);
}

std::vector<std::string> write_formats(const Document& document, const DataValue& data,
                                       const PipelineContext& context,
                                       const std::vector<const OutputFormat*>& formats) {
    std::optional<LaidOutDocument> pages;
    if (needs_layout(document, formats)) {
        const bool pdf = std::any_of(formats.begin(), formats.end(), [](const OutputFormat* f) { return writes_pages(*f); });
        pages = pdf ? layout_markup(document, data, context) : layout_for_numbers(document, data, context);
    }
    std::vector<std::string> files;
    for (const OutputFormat* f : formats) files.push_back(f->write(document, data, context, pages ? &*pages : nullptr));
    return files;
}

std::vector<const OutputFormat*> pdf_only() { return {&output_formats().front()}; }

std::vector<boost::filesystem::path> output_paths(const boost::filesystem::path& pdf_path,
                                                  const std::vector<const OutputFormat*>& formats) {
    std::vector<boost::filesystem::path> paths;
    for (const OutputFormat* f : formats) {
        boost::filesystem::path p = pdf_path;
        paths.push_back(p.replace_extension(f->extension));
    }
    return paths;
}

std::vector<std::string> render_formats(const Template& document_template, const DataValue& data,
                                        const PipelineContext& context, const std::string& description,
                                        const std::vector<const OutputFormat*>& formats) {
    return write_formats(compose_markup(document_template, data, description), data, context, formats);
}

}  // namespace lettrine
