#include "web/format_choice.hpp"

#include <algorithm>

#include "web/access.hpp"
#include "web/december.hpp"
#include "web/server_kit.hpp"
#include "web/upload.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// What the result pages say of an editable format, and how it is served.
struct EditableKind {
    const char* name;      // as OutputFormat::name
    const char* software;  // the editor the link names
    const char* type;      // its MIME type
};

constexpr EditableKind kEditables[] = {
    {"odt", "LibreOffice", "application/vnd.oasis.opendocument.text"},
    {"docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
};

const EditableKind* editable_kind(const std::string& name) {
    for (const EditableKind& kind : kEditables)
        if (name == kind.name) return &kind;
    return nullptr;
}

// The values of a form field sent several times (one per ticked box).
std::vector<std::string> field_values(const httplib::Request& req, const std::string& name) {
    std::vector<std::string> values;
    if (req.is_multipart_form_data()) {
        const auto range = req.files.equal_range(name);
        for (auto it = range.first; it != range.second; ++it) values.push_back(it->second.content);
    } else {
        const auto range = req.params.equal_range(name);
        for (auto it = range.first; it != range.second; ++it) values.push_back(it->second);
    }
    return values;
}

// "odt-docx" from the chosen formats, "pdf" when only the PDF.
std::string cookie_text(const std::vector<const OutputFormat*>& formats) {
    std::string text;
    for (const OutputFormat* f : formats)
        if (f->name != "pdf") text += (text.empty() ? "" : "-") + f->name;
    return text.empty() ? "pdf" : text;
}

}  // namespace

FormatChoice chosen_formats(const httplib::Request& req) {
    FormatChoice choice;
    std::vector<std::string> asked{"pdf"};
    for (const std::string& value : field_values(req, kFormatsField)) {
        if (value.empty()) continue;
        if (!find_output_format(value)) {
            // Shown as sent, but only its first printable ASCII characters
            // (a format's name is one): no broken UTF-8 on the page.
            std::string shown;
            for (const char c : value)
                if (c >= 0x20 && c < 0x7f && shown.size() < 20) shown += c;
            choice.refusal = "format inconnu : « " + shown + " ». Lettrine prépare toujours le PDF, et sur demande "
                             "l’ODT (LibreOffice) et le DOCX (Word) : cochez-les dans « Formats ».";
            return choice;
        }
        asked.push_back(value);
    }
    for (const OutputFormat& format : output_formats())
        if (std::find(asked.begin(), asked.end(), format.name) != asked.end()) choice.formats.push_back(&format);
    return choice;
}

std::optional<DecemberSettings> settings_with_formats(ServerKit& kit, const httplib::Request& req,
                                                      httplib::Response& res, const std::string& kind) {
    const FormatChoice choice = chosen_formats(req);
    if (!choice.refusal.empty()) {
        const auto page = kit.refusal_pages.find(kind);
        if (page != kit.refusal_pages.end()) kit.html(res, 422, page->second(req, res, refused_with(choice.refusal).view));
        return std::nullopt;
    }
    // Under TLS (here or in a proxy in front), never sent in clear text.
    const bool tls = kit.options.browser_uses_https(req.get_header_value("X-Forwarded-Proto"));
    res.set_header("Set-Cookie", std::string(kFormatsCookie) + "=" + cookie_text(choice.formats) +
                                     "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : ""));
    DecemberSettings settings = kit.december;
    settings.formats = choice.formats;
    return settings;
}

void add_format_fields(const httplib::Request& req, DataValue& data) {
    const std::string remembered = "-" + cookie_value(req, kFormatsCookie) + "-";
    for (const EditableKind& kind : kEditables)
        data.set(std::string("format_") + kind.name,
                 DataValue::boolean(remembered.find(std::string("-") + kind.name + "-") != std::string::npos));
}

void add_editable_links(DataValue& card, const fs::path& output, const std::string& relative_pdf,
                        const std::vector<const OutputFormat*>& formats, const std::string& what,
                        std::vector<std::string>& served) {
    DataValue links = DataValue::list();
    const fs::path pdf(relative_pdf);
    for (const OutputFormat* format : formats) {
        const EditableKind* kind = editable_kind(format->name);
        if (!kind) continue;
        const std::string relative = fs::path(pdf).replace_extension(format->extension).generic_string();
        boost::system::error_code error;
        const auto size = fs::file_size(output / relative, error);
        if (error) continue;  // not made
        DataValue link = DataValue::map();
        link.set("fichier", DataValue::text(relative));
        link.set("logiciel", DataValue::text(kind->software));
        link.set("extension", DataValue::text(format->name));
        link.set("taille", DataValue::text(size_text(static_cast<std::size_t>(size))));
        link.set("objet", DataValue::text(what));
        links.push_back(link);
        served.push_back(relative);
    }
    card.set("avec_modifiables", DataValue::boolean(!links.items().empty()));
    card.set("modifiables", links);
}

std::string download_type(const std::string& extension) {
    if (extension == ".zip") return "application/zip";
    if (extension == ".xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    for (const EditableKind& kind : kEditables)
        if (extension == std::string(".") + kind.name) return kind.type;
    return "application/octet-stream";
}

}  // namespace lettrine::web
