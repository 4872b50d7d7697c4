#include <gtest/gtest.h>

#include <thread>

#include "template/template.hpp"
#include "test_data.hpp"

using namespace lettrine;
using namespace lettrine::test;

namespace {
std::string render(const std::string& text, const DataValue& data) {
    return Template::parse(text, "t.mustache").render(data);
}
}  // namespace

TEST(Render, VariablesNestedMapsAndDottedNames) {
    const DataValue data = map({{"annee", text("2016")},
                                {"secteur", map({{"nom", text("Habitat")},
                                                 {"intervenant", map({{"nom", text("Camille Exemple")}})}})}});
    EXPECT_EQ(render("{{annee}} {{secteur.nom}} / {{ secteur.intervenant.nom }}", data),
              "2016 Habitat / Camille Exemple");
    EXPECT_EQ(render("{{#secteur}}{{nom}} ({{annee}}){{/secteur}}", data), "Habitat (2016)");
    EXPECT_EQ(render("[{{absent}}][{{secteur.absent}}]", data), "[][]");
}

TEST(Render, ListsOfMapsAndTexts) {
    const DataValue data = map({{"partenaires", list({map({{"nom", text("GAB")}}), map({{"nom", text("Napce")}})})},
                                {"adresse", list({text("8 rue Saint-Domingue"), text("44200 Nantes")})},
                                {"vide", DataValue::list()}});
    EXPECT_EQ(render("{{#partenaires}}<e>{{nom}}</e>{{/partenaires}}", data), "<e>GAB</e><e>Napce</e>");
    EXPECT_EQ(render("{{#adresse}}{{.}};{{/adresse}}", data), "8 rue Saint-Domingue;44200 Nantes;");
    EXPECT_EQ(render("{{#vide}}x{{/vide}}{{^vide}}aucun{{/vide}}", data), "aucun");
}

TEST(Render, InnerNamesShadowOuterOnesAndOuterOnesStayVisible) {
    const DataValue data = map({{"nom", text("Les Ecossolies")},
                                {"annee", text("2016")},
                                {"secteurs", list({map({{"nom", text("Habitat")}}), map({{"nom", text("Numérique")}})})}});
    EXPECT_EQ(render("{{#secteurs}}{{nom}} {{annee}}, {{/secteurs}}{{nom}}", data),
              "Habitat 2016, Numérique 2016, Les Ecossolies");
}

TEST(Render, DottedNamesDoNotFallBackOnceTheFirstNameIsFound) {
    // Mustache specification: « b » is found in the item, so « b.c » is looked up there only.
    const DataValue data = map({{"b", map({{"c", text("outer")}})},
                                {"items", list({map({{"b", map({{"d", text("x")}})}})})}});
    EXPECT_EQ(render("{{#items}}[{{b.c}}]{{/items}}", data), "[]");
}

TEST(Render, SectionsSkipEmptyNoAndFalseTexts) {
    for (const char* falsy : {"", "   ", "non", "Non", "NON", "faux", "false", " non "}) {
        const DataValue data = map({{"v", text(falsy)}});
        EXPECT_EQ(render("{{#v}}oui{{/v}}{{^v}}non{{/v}}", data), "non") << "« " << falsy << " »";
    }
    for (const char* truthy : {"oui", "0", "x", "nonobstant"}) {
        const DataValue data = map({{"v", text(truthy)}});
        EXPECT_EQ(render("{{#v}}[{{.}}]{{/v}}{{^v}}absent{{/v}}", data), std::string("[") + truthy + "]");
    }
    EXPECT_EQ(render("{{#absent}}x{{/absent}}{{^absent}}absent{{/absent}}", map({})), "absent");
    EXPECT_EQ(render("{{#n}}x{{/n}}{{^n}}nul{{/n}}", map({{"n", DataValue()}})), "nul");
    EXPECT_EQ(render("{{#b}}vrai{{/b}}", map({{"b", DataValue::boolean(true)}})), "vrai");
    EXPECT_EQ(render("{{#b}}vrai{{/b}}", map({{"b", DataValue::boolean(false)}})), "");
    // As a value, « non » is printed like any text.
    EXPECT_EQ(render("{{v}}", map({{"v", text("non")}})), "non");
}

TEST(Render, ValuesAreXmlEscapedTripleMustacheIsRaw) {
    const DataValue data = map({{"v", text("<b>Tom & « Jerry »</b> \"l'été\"")}, {"c", text("a\x01\x0B" "b\tc")}});
    EXPECT_EQ(render("{{v}}", data), "&lt;b&gt;Tom &amp; « Jerry »&lt;/b&gt; &quot;l&apos;été&quot;");
    EXPECT_EQ(render("{{{v}}}|{{&v}}", data), "<b>Tom & « Jerry »</b> \"l'été\"|<b>Tom & « Jerry »</b> \"l'été\"");
    EXPECT_EQ(render("{{c}}", data), "ab\tc");  // XML 1.0 forbids these control characters
}

TEST(Render, StandaloneSectionAndCommentLinesLeaveNoBlankLine) {
    const DataValue data = map({{"l", list({text("a"), text("b")})}});
    EXPECT_EQ(render("<liste>\n  {{! un commentaire }}\n  {{#l}}\n  <e>{{.}}</e>\n  {{/l}}\n</liste>\n", data),
              "<liste>\n  <e>a</e>\n  <e>b</e>\n</liste>\n");
    EXPECT_EQ(render("a {{! inline }}b", data), "a b");
}

TEST(Render, TextAroundTagsIsKeptVerbatim) {
    EXPECT_EQ(render("{ } }} {x} « é » \r\n{{v}}}", map({{"v", text("1")}})), "{ } }} {x} « é » \r\n1}");
}

TEST(Render, SameTemplateFromManyThreads) {
    const Template t = Template::parse("{{#items}}{{#en_euros}}{{m}}{{/en_euros}};{{/items}}", "t.mustache");
    DataValue items = DataValue::list();
    std::string expected;
    for (int i = 0; i < 50; ++i) {
        items.push_back(map({{"m", text(std::to_string(i * 1000))}}));
        expected += Template::parse("{{#en_euros}}" + std::to_string(i * 1000) + "{{/en_euros}};", "x").render(map({}));
    }
    const DataValue data = map({{"items", items}});
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k)
        threads.emplace_back([&, k] {
            for (int n = 0; n < 25; ++n) results[k] = t.render(data);
        });
    for (auto& th : threads) th.join();
    for (const auto& r : results) EXPECT_EQ(r, expected);
}

TEST(Render, NamesListsEveryUseWithItsPosition) {
    const Template t = Template::parse("{{a}}\n  {{#b}}{{{c}}}{{/b}}{{^d}}{{&e}}{{/d}}{{#en_euros}}1{{/en_euros}}{{a}}",
                                       "t.mustache");
    const auto names = t.names();
    ASSERT_EQ(names.size(), 7u);
    EXPECT_EQ(names[0].name, "a");
    EXPECT_EQ(names[0].position.describe(), "t.mustache:1:1");
    EXPECT_EQ(names[1].name, "b");
    EXPECT_EQ(names[1].kind, TagKind::Section);
    EXPECT_EQ(names[1].position.describe(), "t.mustache:2:3");
    EXPECT_EQ(names[2].kind, TagKind::RawVariable);
    EXPECT_EQ(names[3].kind, TagKind::InvertedSection);
    EXPECT_EQ(names[4].name, "e");
    EXPECT_EQ(names[4].kind, TagKind::RawVariable);
    EXPECT_EQ(names[5].kind, TagKind::Helper);
    EXPECT_EQ(names[6].position.describe(), "t.mustache:2:67");
    EXPECT_EQ(t.source_name(), "t.mustache");
}

TEST(Render, TheProjectLetterTemplateParses) {
    const Template t = Template::load(LETTRINE_SOURCE_DIR "/templates/lettre-de-mission.xml.mustache");
    EXPECT_EQ(t.source_name(), "lettre-de-mission.xml.mustache");
    bool uses_sector_name = false;
    for (const auto& n : t.names()) uses_sector_name = uses_sector_name || n.name == "secteur.nom";
    EXPECT_TRUE(uses_sector_name);
}

TEST(Render, InsideATextSectionDottedNamesStillReachTheRoot) {
    // The letter template's pattern: « {{#x.qualite}}, {{x.qualite}}{{/x.qualite}} ».
    const DataValue data = map({{"x", map({{"nom", text("Camille")}, {"qualite", text("Directrice")}})},
                                {"y", map({{"nom", text("Dominique")}, {"qualite", text("")}})}});
    EXPECT_EQ(render("{{x.nom}}{{#x.qualite}}, {{x.qualite}}{{/x.qualite}} / "
                     "{{y.nom}}{{#y.qualite}}, {{y.qualite}}{{/y.qualite}}",
                     data),
              "Camille, Directrice / Dominique");
}

TEST(Render, NamesFromPartialsCarryThePartialFile) {
    const PartialLoader loader = [](const std::string&) -> std::optional<PartialText> {
        return PartialText{"{\n {{b}}", "p.mustache"};
    };
    const Template t = Template::parse("{{a}}{{> p}}", "t.mustache", loader);
    const auto names = t.names();
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[1].name, "b");
    EXPECT_EQ(names[1].position.describe(), "p.mustache:2:2");
}
