#include <gtest/gtest.h>

#include "template/template.hpp"
#include "test_data.hpp"

using namespace lettrine;
using namespace lettrine::test;
using Messages = std::vector<std::string>;

namespace {
std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * n);
    for (int i = 0; i < n; ++i) out += s;
    return out;
}
}  // namespace

TEST(ParseErrors, UnclosedSection) {
    EXPECT_EQ(parse_errors("<p>\n  {{#secteurs}}{{nom}}\n</p>"),
              Messages{"t.mustache:2:3 : la section « secteurs » n’est pas fermée : « {{/secteurs}} » manquant"});
}

TEST(ParseErrors, MismatchedEndIsOneMessage) {
    EXPECT_EQ(parse_errors("{{#secteurs}}\n{{nom}}{{/secteur}}"),
              Messages{"t.mustache:2:8 : « {{/secteur}} » ne ferme pas la section « secteurs » ouverte ligne 1, "
                       "colonne 1 : les noms diffèrent"});
}

TEST(ParseErrors, EndClosingAnOuterSectionReportsTheInnerOne) {
    EXPECT_EQ(parse_errors("{{#a}}{{#b}}x{{/a}}"),
              Messages{"t.mustache:1:7 : la section « b » n’est pas fermée : « {{/b}} » manquant avant « {{/a}} » "
                       "(ligne 1, colonne 14)"});
}

TEST(ParseErrors, EndWithoutSection) {
    EXPECT_EQ(parse_errors("a\n\n   {{/a}}"), Messages{"t.mustache:3:4 : « {{/a}} » ferme une section qui n’est pas ouverte"});
}

TEST(ParseErrors, UnclosedTags) {
    EXPECT_EQ(parse_errors("Bonjour {{nom"), Messages{"t.mustache:1:9 : balise non fermée : « }} » manquant"});
    EXPECT_EQ(parse_errors("é {{{nom}}"), Messages{"t.mustache:1:3 : balise non fermée : « }}} » manquant"});
    // A tag left open before the next one: both found, the second still checked.
    EXPECT_EQ(parse_errors("{{nom} et {{#x}}"),
              (Messages{"t.mustache:1:1 : balise non fermée : « }} » manquant",
                        "t.mustache:1:11 : la section « x » n’est pas fermée : « {{/x}} » manquant"}));
}

TEST(ParseErrors, BadTagContents) {
    EXPECT_EQ(parse_errors("{{}}"), Messages{"t.mustache:1:1 : balise vide « {{}} » : il manque un nom de champ"});
    EXPECT_EQ(parse_errors("{{#}}{{/}}"),
              (Messages{"t.mustache:1:1 : nom manquant dans la balise « {{#}} »",
                        "t.mustache:1:6 : nom manquant dans la balise « {{/}} »"}));
    EXPECT_EQ(parse_errors("{{=<% %>=}}"),
              Messages{"t.mustache:1:1 : le changement de délimiteurs « {{=<% %>=}} » n’est pas pris en charge : "
                       "gardez « {{ » et « }} »"});
    EXPECT_EQ(parse_errors("{{secteur..nom}}"),
              Messages{"t.mustache:1:1 : nom invalide « secteur..nom » dans la balise « {{secteur..nom}} » : un nom "
                       "ne contient ni accolade ni caractère de contrôle, et un point sépare deux noms"});
    EXPECT_EQ(parse_errors("{{> ../secret}}"),
              Messages{"t.mustache:1:1 : nom de modèle partiel invalide « ../secret » : il désigne un fichier du "
                       "même dossier, sans « / » ni « : »"});
}

TEST(ParseErrors, AllProblemsAtOnceInDocumentOrder) {
    const Messages m = parse_errors("{{#a}}\n{{/b}}\n{{}}\n{{/c}}\n{{#d}}");
    EXPECT_EQ(m, (Messages{"t.mustache:2:1 : « {{/b}} » ne ferme pas la section « a » ouverte ligne 1, colonne 1 : "
                           "les noms diffèrent",
                           "t.mustache:3:1 : balise vide « {{}} » : il manque un nom de champ",
                           "t.mustache:4:1 : « {{/c}} » ferme une section qui n’est pas ouverte",
                           "t.mustache:5:1 : la section « d » n’est pas fermée : « {{/d}} » manquant"}));
}

TEST(ParseErrors, ColumnsCountCharactersAndLinesSurviveCrLf) {
    EXPECT_EQ(parse_errors("ligne\r\n« é » {{#a}}"),
              Messages{"t.mustache:2:7 : la section « a » n’est pas fermée : « {{/a}} » manquant"});
}

TEST(ParseErrors, InvalidUtf8IsPositioned) {
    EXPECT_EQ(parse_errors("ok\nab\xE9t\xE9"),
              Messages{"t.mustache:2:3 : le modèle n’est pas un texte UTF-8 valide (octet 0xE9) : enregistrez-le en UTF-8"});
}

TEST(ParseErrors, NestingDepthLimit) {
    // 64 levels are fine, 65 are not; the message points at the 65th opening.
    EXPECT_NO_THROW(Template::parse(repeat("{{#a}}", 64) + repeat("{{/a}}", 64), "t.mustache"));
    EXPECT_EQ(parse_errors(repeat("{{#a}}", 65) + repeat("{{/a}}", 65)),
              Messages{"t.mustache:1:385 : trop de sections imbriquées : la limite est de 64 niveaux"});
}

TEST(ParseErrors, TwentyThousandNestedSectionsAreRefusedWithoutCrashing) {
    // kainjow alone would need hundreds of megabytes of stack here.
    const Messages m = parse_errors(repeat("{{#a}}", 20000) + repeat("{{/a}}", 20000));
    EXPECT_EQ(m, Messages{"t.mustache:1:385 : trop de sections imbriquées : la limite est de 64 niveaux"});
}

TEST(ParseErrors, HundredThousandNestedSectionsAreRefusedBySize) {
    const std::string text = repeat("{{#a}}", 100000) + repeat("{{/a}}", 100000);
    EXPECT_EQ(parse_errors(text),
              Messages{"t.mustache : le modèle est trop volumineux : 1200000 octets, la limite est de 1048576 octets (1 Mio)"});
}

TEST(ParseErrors, UnbalancedFloodIsCappedNotEndless) {
    const Messages m = parse_errors(repeat("{{/a}}", 5000));
    ASSERT_EQ(m.size(), 101u);
    EXPECT_EQ(m.back(), "t.mustache : trop d’erreurs dans ce modèle : les suivantes ne sont pas signalées");
}
