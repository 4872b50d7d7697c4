#include "odt/odt_writer.hpp"

#include "odt/detail/odt_parts.hpp"
#include "package/zip_package.hpp"

namespace lettrine {

namespace {

using namespace odt_detail;

std::string content_xml(const Document& doc, const EditableInputs& inputs, Pictures& pictures,
                        Diagnostics& diagnostics) {
    pugi::xml_document xml;
    pugi::xml_node root = document_root(xml, "office:document-content");
    add_font_faces(root);
    pugi::xml_node automatic = root.append_child("office:automatic-styles");
    pugi::xml_node text = root.append_child("office:body").append_child("office:text");
    StyleRegistry styles("");
    BodyWriter writer(doc, *inputs.fonts, styles, pictures, diagnostics);
    writer.frames_into(text);
    writer.show_page_numbers(inputs);
    if (master_pages(doc).first_page) writer.start_with_master("Premiere");
    const Measure measure{0, 0, doc.page.width - doc.page.margin_left - doc.page.margin_right};
    writer.blocks(doc.body, text, measure);
    // A document without any paragraph still opens (and keeps its master page).
    if (!text.find_child([](pugi::xml_node n) { return std::string(n.name()) != "draw:frame"; })) {
        Block empty;
        empty.content = Paragraph{};
        writer.blocks({empty}, text, measure);
    }
    styles.write(automatic);
    return serialise(xml);
}

}  // namespace

std::string write_odt(const Document& document, const EditableInputs& inputs) {
    Diagnostics diagnostics;
    Pictures pictures(inputs);
    // The body first: its pictures are numbered in reading order.
    const std::string content = content_xml(document, inputs, pictures, diagnostics);
    const std::string styles = styles_xml(document, *inputs.fonts, pictures, diagnostics);
    if (diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, diagnostics);
    std::vector<package::PackageEntry> entries{
        {"mimetype", "application/vnd.oasis.opendocument.text", false},
        {"content.xml", content},
        {"styles.xml", styles},
        {"meta.xml", meta_xml(document)},
    };
    for (const Pictures::Picture& p : pictures.all())
        entries.push_back({p.href, *p.bytes, p.media_type == "image/svg+xml"});
    entries.push_back({"META-INF/manifest.xml", manifest_xml(pictures.all())});
    return package::zip_package(entries, document.source_name);
}

}  // namespace lettrine
