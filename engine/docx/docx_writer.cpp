// The DOCX package: its parts, their relationships and content types, the
// section (page size, margins, headers and footers), the metadata.
#include "docx/docx_writer.hpp"

#include "docx/detail/docx_writer_state.hpp"
#include "package/zip_package.hpp"

namespace lettrine {

namespace {

using namespace docx_detail;
using package::PackageEntry;

constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kTypeBase = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

// One header or footer part.
struct StoryPart {
    std::string kind;       // "header" / "footer"
    std::string file;       // "header1.xml"
    std::string xml;
    std::string relations;  // empty: no relationships
};

// The header (or footer) shown on the first page and on the following ones,
// from <entete pages="premiere|suivantes|toutes">.
struct FurnitureChoice {
    const PageFurniture* first = nullptr;
    const PageFurniture* following = nullptr;
    bool has_first_page_own = false;
};

FurnitureChoice choose(const std::vector<PageFurniture>& furniture) {
    FurnitureChoice choice;
    const PageFurniture* all = nullptr;
    for (const PageFurniture& f : furniture) {
        if (f.pages == PageSelection::All) all = &f;
        if (f.pages == PageSelection::First) { choice.first = &f; choice.has_first_page_own = true; }
        if (f.pages == PageSelection::Following) choice.following = &f;
    }
    if (!choice.first) choice.first = all;
    if (!choice.following) choice.following = all;
    return choice;
}

StoryPart story_part(WriterState& state, const std::string& kind, int index, const PageFurniture* furniture,
                     double width) {
    StoryPart part{kind, kind + std::to_string(index) + ".xml", {}, {}};
    Relations relations;
    pugi::xml_document xml;
    pugi::xml_node root = xml.append_child(kind == "header" ? "w:hdr" : "w:ftr");
    declare_namespaces(root);
    StoryWriter writer(state, relations, root);
    if (furniture) writer.blocks(furniture->content, Frame{0, width, width});
    writer.close_story();
    part.xml = xml_text(xml);
    const std::string rels = relations.xml();
    if (rels.find("<Relationship ") != std::string::npos) part.relations = rels;
    return part;
}

std::string content_types(const std::vector<StoryPart>& stories, const WriterState& state) {
    pugi::xml_document xml;
    pugi::xml_node types =
        child(xml, "Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
    child(types, "Default", {{"Extension", "rels"}, {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
    child(types, "Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
    bool png = false, jpeg = false, svg = false;
    for (const Media& m : state.media()) (m.svg ? svg : m.info.format == ImageFormat::Png ? png : jpeg) = true;
    if (png) child(types, "Default", {{"Extension", "png"}, {"ContentType", "image/png"}});
    if (jpeg) child(types, "Default", {{"Extension", "jpeg"}, {"ContentType", "image/jpeg"}});
    if (svg) child(types, "Default", {{"Extension", "svg"}, {"ContentType", "image/svg+xml"}});
    const auto override_type = [&](const std::string& part, const std::string& type) {
        child(types, "Override", {{"PartName", part}, {"ContentType", type}});
    };
    override_type("/word/document.xml", std::string(kTypeBase) + "document.main+xml");
    override_type("/word/styles.xml", std::string(kTypeBase) + "styles+xml");
    override_type("/word/numbering.xml", std::string(kTypeBase) + "numbering+xml");
    override_type("/word/settings.xml", std::string(kTypeBase) + "settings+xml");
    override_type("/word/fontTable.xml", std::string(kTypeBase) + "fontTable+xml");
    for (const StoryPart& s : stories) override_type("/word/" + s.file, std::string(kTypeBase) + s.kind + "+xml");
    override_type("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    override_type("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return xml_text(xml);
}

std::string package_relations() {
    pugi::xml_document xml;
    pugi::xml_node root = child(xml, "Relationships", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/relationships"}});
    child(root, "Relationship", {{"Id", "rId1"}, {"Type", std::string(kRelBase) + "officeDocument"}, {"Target", "word/document.xml"}});
    child(root, "Relationship", {{"Id", "rId2"}, {"Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"}, {"Target", "docProps/core.xml"}});
    child(root, "Relationship", {{"Id", "rId3"}, {"Type", std::string(kRelBase) + "extended-properties"}, {"Target", "docProps/app.xml"}});
    return xml_text(xml);
}

std::string core_properties(const DocumentInfo& info) {
    pugi::xml_document xml;
    pugi::xml_node core = child(xml, "cp:coreProperties",
        {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
         {"xmlns:dc", "http://purl.org/dc/elements/1.1/"}, {"xmlns:dcterms", "http://purl.org/dc/terms/"},
         {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
    const auto text = [&](const char* name, const std::string& value) {
        if (!value.empty()) core.append_child(name).text() = value.c_str();
    };
    text("dc:title", info.title);
    text("dc:subject", info.subject);
    text("dc:creator", info.author);
    text("cp:keywords", info.keywords);
    text("dc:language", info.lang);
    if (!info.date.empty())  // the document's date, never the clock: the same bytes every run
        child(core, "dcterms:created", {{"xsi:type", "dcterms:W3CDTF"}}).text() = (info.date + "T00:00:00Z").c_str();
    return xml_text(xml);
}

std::string app_properties() {
    pugi::xml_document xml;
    pugi::xml_node app = child(xml, "Properties",
        {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}});
    app.append_child("Application").text() = "Lettrine";
    return xml_text(xml);
}

std::string settings(const Document& document) {
    pugi::xml_document xml;
    pugi::xml_node s = child(xml, "w:settings", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}});
    child(s, "w:zoom", {{"w:percent", "100"}});
    child(s, "w:defaultTabStop", {{"w:val", "709"}});
    child(s, "w:autoHyphenation", {{"w:val", "true"}});  // French text is hyphenated, as in the PDF
    child(s, "w:characterSpacingControl", {{"w:val", "doNotCompress"}});
    pugi::xml_node compat = s.append_child("w:compat");
    compat.append_child("w:doNotExpandShiftReturn");  // a justified line ending in <br/> is not stretched
    child(compat, "w:compatSetting",
          {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"}, {"w:val", "15"}});
    child(s, "w:themeFontLang", {{"w:val", document.info.lang}});
    child(s, "w:decimalSymbol", {{"w:val", ","}});
    child(s, "w:listSeparator", {{"w:val", ";"}});
    return xml_text(xml);
}

// The three families, each with the metric-compatible font Word substitutes
// where Liberation is not installed (Windows), so that lines break alike.
std::string font_table() {
    pugi::xml_document xml;
    pugi::xml_node fonts = child(xml, "w:fonts", {{"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}});
    const struct { const char* family; const char* alternative; const char* kind; const char* pitch; } table[] = {
        {"serif", "Times New Roman", "roman", "variable"},
        {"sans", "Arial", "swiss", "variable"},
        {"mono", "Courier New", "modern", "fixed"},
    };
    for (const auto& f : table) {
        pugi::xml_node font = child(fonts, "w:font", {{"w:name", editable_font_name(f.family)}});
        child(font, "w:altName", {{"w:val", f.alternative}});
        child(font, "w:family", {{"w:val", f.kind}});
        child(font, "w:pitch", {{"w:val", f.pitch}});
    }
    return xml_text(xml);
}

// A header or footer reference of a section: {"header", "first", "rId7"}.
struct Reference {
    std::string kind, type, id;
};

// w:sectPr: header and footer references, start (odd page), page size,
// margins, title page (its first page's own references).
void section(pugi::xml_node parent, const Document& document, const std::vector<Reference>& references,
             const char* start, bool title_page) {
    pugi::xml_node sect = parent.append_child("w:sectPr");
    for (const std::string kind : {"header", "footer"})
        for (const Reference& r : references)
            if (r.kind == kind)
                child(sect, ("w:" + kind + "Reference").c_str(), {{"w:type", r.type}, {"r:id", r.id}});
    if (start) child(sect, "w:type", {{"w:val", start}});
    const PageSetup& page = document.page;
    child(sect, "w:pgSz", {{"w:w", number(twips(page.width))}, {"w:h", number(twips(page.height))}});
    double header = document.headers.empty() ? page.margin_top / 2 : document.headers.front().distance;
    double footer = document.footers.empty() ? page.margin_bottom / 2 : document.footers.front().distance;
    child(sect, "w:pgMar", {{"w:top", number(twips(page.margin_top))}, {"w:right", number(twips(page.margin_right))},
                            {"w:bottom", number(twips(page.margin_bottom))}, {"w:left", number(twips(page.margin_left))},
                            {"w:header", number(twips(header))}, {"w:footer", number(twips(footer))},
                            {"w:gutter", "0"}});
    child(sect, "w:cols", {{"w:space", "708"}});
    if (title_page) sect.append_child("w:titlePg");
}

}  // namespace

namespace docx_detail {

void declare_namespaces(pugi::xml_node root) {
    root.append_attribute("xmlns:w") = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    root.append_attribute("xmlns:r") = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    root.append_attribute("xmlns:wp") = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    root.append_attribute("xmlns:a") = "http://schemas.openxmlformats.org/drawingml/2006/main";
    root.append_attribute("xmlns:pic") = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    root.append_attribute("xmlns:wps") = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
    root.append_attribute("xmlns:mc") = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    root.append_attribute("mc:Ignorable") = "wps";
}

}  // namespace docx_detail

std::string docx_bytes(const Document& document, const EditableInputs& inputs) {
    WriterState state(document, inputs);
    const PageSetup& page = document.page;
    const double measure = page.width - page.margin_left - page.margin_right;
    Relations relations;
    relations.add(std::string(kRelBase) + "styles", "styles.xml");
    relations.add(std::string(kRelBase) + "numbering", "numbering.xml");
    relations.add(std::string(kRelBase) + "settings", "settings.xml");
    relations.add(std::string(kRelBase) + "fontTable", "fontTable.xml");

    pugi::xml_document main;
    pugi::xml_node root = main.append_child("w:document");
    declare_namespaces(root);
    pugi::xml_node body = root.append_child("w:body");
    StoryWriter writer(state, relations, body);
    writer.track_sections();
    writer.blocks(document.body, Frame{0, measure, measure});
    writer.close_story();

    // header1/footer1 for the following pages (default), header2/footer2 for the first page.
    const FurnitureChoice headers = choose(document.headers), footers = choose(document.footers);
    const bool title_page = headers.has_first_page_own || footers.has_first_page_own;
    std::vector<StoryPart> stories;
    std::vector<std::string> ids;
    const auto add = [&](const std::string& kind, int index, const PageFurniture* furniture) {
        stories.push_back(story_part(state, kind, index, furniture, measure));
        ids.push_back(relations.add(std::string(kRelBase) + kind, stories.back().file));
    };
    bool bare = false;  // a page without header nor footer: empty parts for it
    for (const StoryWriter::Section& s : writer.sections()) bare = bare || s.bare_first_page;
    std::vector<Reference> following, first, empty;
    const auto refer = [&](std::vector<Reference>& to, const std::string& type) {
        to.push_back({stories.back().kind, type, ids.back()});
    };
    if (headers.following || title_page || bare) { add("header", 1, headers.following); refer(following, "default"); }
    if (title_page) { add("header", 2, headers.first); refer(first, "first"); }
    if (bare) { add("header", 3, nullptr); refer(empty, "first"); }
    if (footers.following || title_page || bare) { add("footer", 1, footers.following); refer(following, "default"); }
    if (title_page) { add("footer", 2, footers.first); refer(first, "first"); }
    if (bare) { add("footer", 3, nullptr); refer(empty, "first"); }
    // Each section names its parts (Word would carry the previous section's
    // over); the document's first-page header is the first section's only.
    const std::vector<StoryWriter::Section>& sections = writer.sections();
    for (std::size_t k = 0; k < sections.size(); ++k) {
        const StoryWriter::Section& s = sections[k];
        std::vector<Reference> references = following;
        const bool own_first = s.bare_first_page || (k == 0 && title_page);
        for (const Reference& r : s.bare_first_page ? empty : k == 0 && title_page ? first : std::vector<Reference>{})
            references.push_back(r);
        const char* start = s.odd_start ? "oddPage" : k > 0 ? "nextPage" : nullptr;
        pugi::xml_node end = s.end;
        pugi::xml_node where = end ? end.child("w:pPr") : body;
        if (end && !where) where = end.prepend_child("w:pPr");
        section(where, document, references, start, own_first);
    }

    if (state.problems().has_errors()) throw LettrineError(ErrorKind::Template, state.problems());

    std::vector<PackageEntry> entries;
    entries.push_back({"[Content_Types].xml", content_types(stories, state)});
    entries.push_back({"_rels/.rels", package_relations()});
    entries.push_back({"docProps/core.xml", core_properties(document.info)});
    entries.push_back({"docProps/app.xml", app_properties()});
    entries.push_back({"word/document.xml", xml_text(main)});
    entries.push_back({"word/styles.xml", styles_xml(state)});
    entries.push_back({"word/numbering.xml", numbering_xml(state)});
    entries.push_back({"word/settings.xml", settings(document)});
    entries.push_back({"word/fontTable.xml", font_table()});
    for (const StoryPart& s : stories) entries.push_back({"word/" + s.file, s.xml});
    entries.push_back({"word/_rels/document.xml.rels", relations.xml()});
    for (const StoryPart& s : stories)
        if (!s.relations.empty()) entries.push_back({"word/_rels/" + s.file + ".rels", s.relations});
    // Every part is stored: zip_package deflates at level 9, which costs a
    // letter 2.5 ms of processor time for its 35 kB of XML, five times the
    // rest of the writer and more than the PDF's layout and writer together;
    // stored, a letter's DOCX is 87 kB instead of 37 kB (its PDF: 77 kB).
    for (PackageEntry& e : entries) e.compress = false;
    for (const Media& m : state.media()) entries.push_back({"word/media/" + m.name, *m.bytes, false});
    return package::zip_package(entries, document.source_name + ".docx");
}

}  // namespace lettrine
