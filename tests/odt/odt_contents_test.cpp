// The ODT's table of contents shows the page numbers it is given (the PDF's,
// EditableInputs::contents_pages), each after its heading's title; its
// <renvoi-page> the number of its target. Read back from content.xml.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "markup/markup_parser.hpp"
#include "odt/odt_writer.hpp"
#include "support/contents_markup.hpp"
#include "support/process.hpp"

using namespace lettrine;
using namespace lettrine::test_support;

namespace {

// The index body's lines: « title|number » (the text before and after the tab).
std::vector<std::string> contents_lines(const EditableInputs& inputs) {
    const std::string content = zip_entry(write_odt(parse_markup(kContentsMarkup, "sommaire.xml"), inputs), "content.xml");
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(content.c_str()));
    std::vector<std::string> lines;
    for (const pugi::xpath_node& p : xml.select_nodes("//text:table-of-content/text:index-body/text:p")) {
        std::string line;
        for (pugi::xml_node n : p.node().children())
            line += std::string(n.name()) == "text:tab" ? std::string("|") : std::string(n.value());
        lines.push_back(line);
    }
    return lines;
}

std::string reference_shown(const EditableInputs& inputs) {
    const std::string content = zip_entry(write_odt(parse_markup(kContentsMarkup, "sommaire.xml"), inputs), "content.xml");
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(content.c_str()));
    return xml.select_node("//text:bookmark-ref[@text:ref-name='annexe']").node().text().get();
}

}  // namespace

TEST(OdtContents, EntriesShowThePagesGiven) {
    EditableInputs inputs;
    inputs.contents_pages = {2, 3, 4, 4, 5};
    inputs.target_pages = {{"annexe", 5}};
    EXPECT_EQ(contents_lines(inputs),
              (std::vector<std::string>{"Habitat|2", "Bilan de l’année|3", "Dans un bloc|4", "Annexe|5"}));
    EXPECT_EQ(reference_shown(inputs), "5");
}

// The <signet> is an index mark in the next paragraph, which the contents
// uses: LibreOffice's update (Outils › Mettre à jour) keeps its entry.
TEST(OdtContents, BookmarksAreIndexMarksTheUpdateKeeps) {
    const std::string content =
        zip_entry(write_odt(parse_markup(kContentsMarkup, "sommaire.xml"), EditableInputs{}), "content.xml");
    pugi::xml_document xml;
    ASSERT_TRUE(xml.load_string(content.c_str()));
    const pugi::xml_node mark = xml.select_node("//text:h[text:toc-mark]").node();
    EXPECT_EQ(std::string(mark.child("text:toc-mark").attribute("text:string-value").value()), "Habitat");
    EXPECT_EQ(mark.child("text:toc-mark").attribute("text:outline-level").as_int(), 1);
    EXPECT_EQ(std::string(mark.child_value()), "Bilan de l’année");  // the heading it stands before
    EXPECT_EQ(std::string(xml.select_node("//text:table-of-content-source").node().attribute("text:use-index-marks").value()),
              "true");
}

TEST(OdtContents, UnknownPagesShowAQuestionMark) {
    EXPECT_EQ(contents_lines(EditableInputs{}),
              (std::vector<std::string>{"Habitat|?", "Bilan de l’année|?", "Dans un bloc|?", "Annexe|?"}));
    EXPECT_EQ(reference_shown(EditableInputs{}), "?");
}
