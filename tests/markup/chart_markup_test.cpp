// <graphique>: its tree and every positioned message.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "markup/markup_parser.hpp"
#include "markup/units.hpp"

using namespace lettrine;

namespace {

std::string errors_of(const std::string& xml) {
    try {
        parse_markup(xml, "note.xml");
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        std::string text;
        for (const Diagnostic& d : e.diagnostics().items()) text += d.describe() + "\n";
        return text;
    }
    return "(aucune erreur)";
}

std::string body_of(const std::string& xml) {
    const std::string text = dump(parse_markup(xml, "note.xml"));
    return text.substr(text.find("body\n") + 5);
}

}  // namespace

TEST(ChartMarkup, ReadsSeriesCategoriesAndFrenchValues) {
    EXPECT_EQ(body_of("<document><graphique titre=\"Jours : missions\" unite=\"jours\" hauteur=\"7cm\" police=\"sans\">\n"
                      "  <serie nom=\"Prévus\" couleur=\"#A9C4E0\"/>\n"
                      "  <serie nom=\"Réalisés\"/>\n"
                      "  <categorie nom=\"Animer  la filière\"><valeur>12</valeur><valeur> 10,5 </valeur></categorie>\n"
                      "  <categorie nom=\"Accompagner\"><valeur>1 250.25</valeur><valeur/></categorie>\n"
                      "</graphique></document>"),
              "  chart horizontal title=\"Jours\u00A0: missions\" unit=\"jours\" width=auto left height=198.43 [sans 11 fr-FR] space=6.6/13.2 lang=fr-FR\n"
              "    series \"Prévus\" #A9C4E0\n"
              "    series \"Réalisés\" #A9C4E0\n"
              "    category \"Animer la filière\" 12 10.5\n"
              "    category \"Accompagner\" 1250.25 -\n");
}

TEST(ChartMarkup, VerticalAndWidth) {
    EXPECT_EQ(body_of("<document><graphique sens=\"vertical\" largeur=\"80%\" align=\"centre\"><serie nom=\"A\"/>"
                      "<categorie nom=\"x\"><valeur>0</valeur></categorie></graphique></document>"),
              "  chart vertical title=\"\" unit=\"\" width=80% center height=0 [serif 11 fr-FR] space=6.6/13.2 lang=fr-FR\n"
              "    series \"A\" #1F4E79\n"
              "    category \"x\" 0\n");
}

TEST(ChartMarkup, ReportsEveryProblemWithItsPosition) {
    EXPECT_EQ(errors_of("<document>\n"
                        "<graphique sens=\"oblique\">\n"
                        "  <serie couleur=\"bleu\"/>\n"
                        "  <serie nom=\"B\">texte</serie>\n"
                        "  <categorie nom=\"Un\"><valeur>douze</valeur><valeur>-3</valeur></categorie>\n"
                        "  <categorie nom=\"Deux\"><valeur>1</valeur></categorie>\n"
                        "  <categorie><valeur>1</valeur><valeur>2</valeur><note/></categorie>\n"
                        "  <barre/>\n"
                        "</graphique>\n"
                        "<graphique/>\n"
                        "</document>"),
              "note.xml:2:12 : la valeur « oblique » de l’attribut sens n’est pas permise (valeurs permises : « horizontal », « vertical »)\n"
              "note.xml:3:3 : l’attribut nom est obligatoire sur <serie>\n"
              "note.xml:3:10 : la couleur « bleu » n’est pas valide (exemple : « #1F4E79 »)\n"
              "note.xml:4:18 : <serie> doit être vide\n"
              "note.xml:5:23 : la valeur « douze » n’est pas un nombre (exemples : « 12 », « 10,5 »)\n"
              "note.xml:5:45 : la valeur « -3 » est négative : un graphique en barres ne montre que des valeurs positives ou nulles\n"
              "note.xml:7:3 : l’attribut nom est obligatoire sur <categorie>\n"
              "note.xml:7:50 : l’élément <note> est inconnu (éléments permis ici : <valeur>)\n"
              "note.xml:8:3 : l’élément <barre> est inconnu (éléments permis ici : <serie>, <categorie>)\n"
              "note.xml:6:3 : la catégorie « Deux » a 1 valeur alors que le graphique a 2 séries (une <valeur> par <serie>, <valeur/> pour une valeur absente)\n"
              "note.xml:10:1 : <graphique> doit contenir au moins une <serie>\n"
              "note.xml:10:1 : <graphique> doit contenir au moins une <categorie>\n");
}

TEST(ChartMarkup, DecimalNumbersBothWays) {
    EXPECT_EQ(parse_markup_number("10,5"), 10.5);
    EXPECT_EQ(parse_markup_number("10.5"), 10.5);
    EXPECT_EQ(parse_markup_number("1\u202F250"), 1250);
    EXPECT_EQ(parse_markup_number("-2"), -2);
    EXPECT_FALSE(parse_markup_number("1,2,3"));
    EXPECT_FALSE(parse_markup_number(",5"));
    EXPECT_FALSE(parse_markup_number("12 jours"));
    EXPECT_EQ(format_decimal_fr(10.5), "10,5");
    EXPECT_EQ(format_decimal_fr(12), "12");
    EXPECT_EQ(format_decimal_fr(0.25), "0,25");
    EXPECT_EQ(format_decimal_fr(1250), "1\u202F250");
    EXPECT_EQ(format_decimal_fr(1234567.891), "1\u202F234\u202F567,89");
    EXPECT_EQ(format_decimal_fr(2.999), "3");
}
