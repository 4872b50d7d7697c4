// The DOCX's table of contents keeps Word's field structure (a TOC field of
// hyperlinks to _Toc bookmarks, each with a PAGEREF field) and shows as the
// fields' results the page numbers it is given (the PDF's,
// EditableInputs::contents_pages); a <renvoi-page> its target's number.
// Read back from word/document.xml.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "docx/docx_writer.hpp"
#include "markup/markup_parser.hpp"
#include "support/contents_markup.hpp"
#include "support/process.hpp"

using namespace lettrine;
using namespace lettrine::test_support;

namespace {

pugi::xml_document document_xml(const EditableInputs& inputs) {
    pugi::xml_document xml;
    const std::string bytes = docx_bytes(parse_markup(kContentsMarkup, "sommaire.xml"), inputs);
    EXPECT_TRUE(xml.load_string(zip_entry(bytes, "word/document.xml").c_str()));
    return xml;
}

std::string texts(pugi::xml_node node) {
    std::string text;
    for (const pugi::xpath_node& t : node.select_nodes(".//w:t")) text += t.node().text().get();
    return text;
}

// The contents' lines: « title|number », the number being the result of a
// PAGEREF field to the line's own bookmark, which a heading carries.
std::vector<std::string> contents_lines(const EditableInputs& inputs) {
    const pugi::xml_document xml = document_xml(inputs);
    std::vector<std::string> lines;
    for (const pugi::xpath_node& link : xml.select_nodes("//w:hyperlink[@w:anchor]")) {
        const std::string bookmark = link.node().attribute("w:anchor").value();
        const pugi::xml_node field = link.node().child("w:fldSimple");
        EXPECT_EQ(std::string(field.attribute("w:instr").value()), " PAGEREF " + bookmark + " \\h ");
        EXPECT_TRUE(xml.select_node(("//w:bookmarkStart[@w:name='" + bookmark + "']").c_str())) << bookmark;
        std::string title;
        for (pugi::xml_node run : link.node().children("w:r")) title += texts(run);
        lines.push_back(title + "|" + texts(field));
    }
    // One TOC field around them all, for Word's F9 and LibreOffice's update.
    EXPECT_EQ(xml.select_nodes("//w:instrText[contains(., 'TOC \\o \"1-2\"')]").size(), 1u);
    return lines;
}

std::string reference_shown(const EditableInputs& inputs) {
    const pugi::xml_document xml = document_xml(inputs);
    return texts(xml.select_node("//w:fldSimple[contains(@w:instr, 'PAGEREF L_annexe')]").node());
}

}  // namespace

TEST(DocxContents, EntriesShowThePagesGivenAsFieldResults) {
    EditableInputs inputs;
    inputs.contents_pages = {2, 3, 4, 4, 5};
    inputs.target_pages = {{"annexe", 5}};
    EXPECT_EQ(contents_lines(inputs),
              (std::vector<std::string>{"Habitat|2", "Bilan de l’année|3", "Dans un bloc|4", "Annexe|5"}));
    EXPECT_EQ(reference_shown(inputs), "5");
}

TEST(DocxContents, UnknownPagesShowAQuestionMark) {
    EXPECT_EQ(contents_lines(EditableInputs{}),
              (std::vector<std::string>{"Habitat|?", "Bilan de l’année|?", "Dans un bloc|?", "Annexe|?"}));
    EXPECT_EQ(reference_shown(EditableInputs{}), "?");
}
