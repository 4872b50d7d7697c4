#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "data/xml_reader.hpp"

using namespace lettrine;

TEST(XmlReader, PositionsOfElementsAttributesAndText) {
    const std::string xml =
        "<?xml version=\"1.0\"?>\n"
        "<racine a=\"1\">\n"
        "  <enfant nom=\"é\" autre='x'>texte</enfant>\n"
        "  <vide/>\n"
        "</racine>\n";
    const XmlElement root = read_xml(xml, "d.xml");
    EXPECT_EQ(root.name, "racine");
    EXPECT_EQ(root.position.describe(), "d.xml:2:1");
    EXPECT_EQ(root.attribute("a")->position.describe(), "d.xml:2:12");
    ASSERT_EQ(root.children.size(), 2u);
    const XmlElement& child = root.children[0];
    EXPECT_EQ(child.position.describe(), "d.xml:3:3");
    EXPECT_EQ(child.attribute("nom")->value, "é");
    EXPECT_EQ(child.attribute("nom")->position.describe(), "d.xml:3:16");
    EXPECT_EQ(child.attribute("autre")->position.describe(), "d.xml:3:26");
    EXPECT_EQ(child.text, "texte");
    EXPECT_EQ(child.text_position.describe(), "d.xml:3:29");
    EXPECT_EQ(root.child("vide")->text_position.describe(), "d.xml:4:3");
    EXPECT_EQ(root.child("absent"), nullptr);
}

TEST(XmlReader, MalformedXmlIsPositionedInFrench) {
    try {
        read_xml("<a>\n  <b></c>\n</a>", "faux.xml");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(std::string(e.what()),
                  "faux.xml:2:8 : XML mal formé : balise fermante qui ne correspond pas à la balise ouverte");
    }
    try {
        read_xml("<a>\n\xE9t\xE9</a>", "latin1.xml");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), "latin1.xml:2:1 : le fichier n’est pas encodé en UTF-8");
    }
    EXPECT_THROW(read_xml("", "vide.xml"), LettrineError);
}

TEST(XmlReader, RefusesAbsurdNesting) {
    std::string xml;
    for (int i = 0; i < 300; ++i) xml += "<a>";
    for (int i = 0; i < 300; ++i) xml += "</a>";
    EXPECT_THROW(read_xml(xml, "profond.xml"), LettrineError);
}
