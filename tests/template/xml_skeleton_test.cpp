#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <fstream>

#include "core/diagnostic.hpp"
#include "template/template.hpp"
#include "template/xml_skeleton.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

TEST(XmlSkeleton, WellFormedTemplateWithTagsInAttributesAndSections) {
    const std::string text =
        "<document titre=\"{{titre}}\">\n"
        "  {{#items}}<p>{{nom}} &amp; {{{brut}}}</p>{{/items}}\n"
        "  {{^items}}<p>rien</p>{{/items}}\n"
        "</document>\n";
    EXPECT_TRUE(check_xml_skeleton(text, "t.xml.mustache").empty());
}

TEST(XmlSkeleton, MismatchedElementIsReportedAtTheTemplatePosition) {
    const std::string text =
        "<document>\n"
        "  {{#items}}<p>{{nom}}</p>{{/items}}\n"
        "  <p>texte</b>\n"
        "</document>\n";
    const Diagnostics problems = check_xml_skeleton(text, "t.xml.mustache");
    ASSERT_EQ(problems.items().size(), 1u);
    EXPECT_EQ(problems.items()[0].describe(),
              "t.xml.mustache:3:13 : le balisage XML du modèle est incorrect : "
              "balise fermante qui ne correspond pas à la balise ouverte");
}

TEST(XmlSkeleton, LoadRefusesAMalformedMarkupTemplate) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-skeleton-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "lettre.xml.mustache") << "<document>\n<p attr=sans-guillemets>{{x}}</p>\n</document>\n";
    std::ofstream(dir / "texte.mustache") << "<p attr=sans-guillemets>{{x}}</p>";  // not markup: not checked
    try {
        Template::load(dir / "lettre.xml.mustache");
        FAIL() << "expected a template error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        EXPECT_NE(std::string(e.what()).find("lettre.xml.mustache:2:"), std::string::npos) << e.what();
    }
    EXPECT_NO_THROW(Template::load(dir / "texte.mustache"));
    fs::remove_all(dir);
}

TEST(XmlSkeleton, ProjectTemplatesAreWellFormed) {
    for (const char* file : {"templates/lettre-de-mission.xml.mustache", "samples/fusion/invitation.xml.mustache"})
        EXPECT_NO_THROW(Template::load(fs::path(LETTRINE_SOURCE_DIR) / file)) << file;
}
