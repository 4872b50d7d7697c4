#include "pipeline/output_formats.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "docx/docx_writer.hpp"
#include "odt/odt_writer.hpp"
#include "pdf/pdf_writer.hpp"

namespace lettrine {

namespace {

std::string pdf_file(const Document& document, const DataValue& data, const PipelineContext& context) {
    return write_pdf(layout_markup(document, data, context));
}

std::string odt_file(const Document& document, const DataValue&, const PipelineContext& context) {
    return write_odt(document, editable_inputs(context));
}

std::string docx_file(const Document& document, const DataValue&, const PipelineContext& context) {
    return docx_bytes(document, editable_inputs(context));
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
        const OutputFormat* found = nullptr;
        for (const OutputFormat& f : output_formats())
            if (f.name == name) found = &f;
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
    const Document document = compose_markup(document_template, data, description);
    std::vector<std::string> files;
    for (const OutputFormat* f : formats) files.push_back(f->write(document, data, context));
    return files;
}

}  // namespace lettrine
