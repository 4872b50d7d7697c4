#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "markup/markup_parser.hpp"

using namespace lettrine;

namespace {

// Every message of the error thrown while parsing `xml`, one per line.
std::string errors_of(const std::string& xml) {
    try {
        parse_markup(xml, "lettre.xml");
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        std::string text;
        for (const Diagnostic& d : e.diagnostics().items()) text += d.describe() + "\n";
        return text;
    }
    return "(aucune erreur)";
}

}  // namespace

TEST(MarkupParser, DumpsASmallDocument) {
    const Document doc = parse_markup(
        "<document titre=\"Lettre\" date=\"2016-01-15\" marges=\"20mm 10mm\" taille=\"10\" interligne=\"1.5\">\n"
        "  <pied><p align=\"centre\">Page <numero-page/> / <nombre-pages/></p></pied>\n"
        "  <titre niveau=\"2\">Article 1</titre>\n"
        "  <p align=\"justifie\">  Bonjour\n   <b>cher <i>ami</i></b>,<br/>  à&nbsp;bientôt  </p>\n"
        "  <liste type=\"numeros\"><element>un</element><element><p>deux</p></element></liste>\n"
        "  <espace hauteur=\"10mm\"/>\n"
        "</document>",
        "lettre.xml");
    EXPECT_EQ(dump(doc),
              "document \"lettre.xml\"\n"
              "info title=\"Lettre\" author=\"\" subject=\"\" keywords=\"\" lang=fr-FR date=2016-01-15\n"
              "page 595.28x841.89 margins=56.69 28.35 56.69 28.35\n"
              "style [serif 10 fr-FR] line=15\n"
              "footer pages=all distance=28.35\n"
              "  paragraph center line=15 [serif 10 fr-FR] space=0/7.5 lang=fr-FR\n"
              "    text \"Page \" [serif 10 fr-FR]\n"
              "    page-number [serif 10 fr-FR]\n"
              "    text \" / \" [serif 10 fr-FR]\n"
              "    page-count [serif 10 fr-FR]\n"
              "body\n"
              "  heading 2 left line=18.75 [serif 12.5 bold fr-FR] space=18.75/9.38 lang=fr-FR\n"
              "    text \"Article 1\" [serif 12.5 bold fr-FR]\n"
              "  paragraph justify line=15 [serif 10 fr-FR] space=0/7.5 lang=fr-FR\n"
              "    text \"Bonjour \" [serif 10 fr-FR]\n"
              "    text \"cher \" [serif 10 bold fr-FR]\n"
              "    text \"ami\" [serif 10 bold italic fr-FR]\n"
              "    text \",\" [serif 10 fr-FR]\n"
              "    break\n"
              "    text \"à\u00A0bientôt\" [serif 10 fr-FR]\n"
              "  numbered-list start=1 indent=17.01 lang=fr-FR\n"
              "    item\n"
              "      paragraph left line=15 [serif 10 fr-FR] space=0/7.5 lang=fr-FR\n"
              "        text \"un\" [serif 10 fr-FR]\n"
              "    item\n"
              "      paragraph left line=15 [serif 10 fr-FR] space=0/7.5 lang=fr-FR\n"
              "        text \"deux\" [serif 10 fr-FR]\n"
              "  space height=28.35 lang=fr-FR\n");
}

TEST(MarkupParser, ReportsEveryProblemWithItsPosition) {
    EXPECT_EQ(errors_of("<document>\n"
                        "  <p>Un <gras>mot</gras></p>\n"
                        "  <bloc largeur=\"abc\" couleur=\"#12345G\"><p>x</p></bloc>\n"
                        "  <p align=\"milieu\" foo=\"1\">y</p>\n"
                        "  <tableau colonnes=\"* *\"><ligne><cellule>a</cellule></ligne></tableau>\n"
                        "  <liste><p>z</p></liste>\n"
                        "  <p><numero-page/></p>\n"
                        "</document>"),
              "lettre.xml:2:9 : l’élément <gras> est inconnu (éléments permis ici : <b>, <i>, <u>, <exposant>, "
              "<texte>, <lien>, <br>, <numero-page>, <nombre-pages>, <renvoi-page>)\n"
              "lettre.xml:3:9 : la largeur « abc » de l’attribut largeur n’est pas valide (exemples : « 80mm », « 50% »)\n"
              "lettre.xml:3:23 : la couleur « #12345G » n’est pas valide (exemple : « #1F4E79 »)\n"
              "lettre.xml:4:6 : la valeur « milieu » de l’attribut align n’est pas permise (valeurs permises : "
              "« gauche », « droite », « centre », « justifie »)\n"
              "lettre.xml:4:21 : l’attribut « foo » est inconnu sur <p> (attributs permis : espace-avant, espace-apres, "
              "id, align, police, taille, couleur, interligne, retrait, lang, cesure, typographie)\n"
              "lettre.xml:5:27 : cette ligne couvre 1 colonne alors que le tableau en a 2\n"
              "lettre.xml:6:10 : l’élément <p> n’est pas permis dans <liste> (éléments permis ici : <element>)\n"
              "lettre.xml:7:6 : <numero-page> n’est permis que dans <entete> ou <pied>\n");
}

TEST(MarkupParser, ReportsMalformedXml) {
    EXPECT_EQ(errors_of("<document>\n  <p>a</b>\n</document>"),
              "lettre.xml:2:9 : XML mal formé : balise fermante qui ne correspond pas à la balise ouverte\n");
    EXPECT_EQ(errors_of("<lettre/>"), "lettre.xml:1:1 : l’élément racine doit être <document>, pas <lettre>\n");
}

TEST(MarkupParser, RejectsMisplacedContent) {
    EXPECT_EQ(errors_of("<document>du texte<bloc><position x=\"1mm\" y=\"1mm\" largeur=\"1mm\"/></bloc>"
                        "<espace/><document/></document>"),
              "lettre.xml:1:11 : du texte ne peut pas figurer directement dans <document>\n"
              "lettre.xml:1:25 : <position> n’est permis que directement dans <document>\n"
              "lettre.xml:1:73 : l’attribut hauteur est obligatoire sur <espace>\n"
              "lettre.xml:1:82 : l’élément <document> n’est pas permis dans <document> (éléments permis ici : "
              "<entete>, <pied>, <p>, <titre>, <liste>, <tableau>, <image>, <bloc>, <insecable>, <position>, "
              "<colonnes>, <saut-page>, <espace>, <filet>, <graphique>, <table-matieres>, <signet>, <pages-reservees>, "
              "<sans-entete-pied>, <emplacement>)\n");
}

TEST(MarkupParser, ReadsPageSetupAndMetadata) {
    const Document doc = parse_markup(
        "<document format=\"A5\" orientation=\"paysage\" marges=\"10mm 20mm 30mm 40mm\" marge-haut=\"5mm\" "
        "auteur=\"Les Ecossolies\" mots-cles=\"ESS\" lang=\"fr\" police=\"sans\"><p lang=\"en\">Hi</p></document>",
        "a.xml");
    EXPECT_NEAR(doc.page.width, 210 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(doc.page.height, 148 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(doc.page.margin_top, 5 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(doc.page.margin_right, 20 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(doc.page.margin_bottom, 30 * 72 / 25.4, 1e-9);
    EXPECT_NEAR(doc.page.margin_left, 40 * 72 / 25.4, 1e-9);
    EXPECT_EQ(doc.info.author, "Les Ecossolies");
    EXPECT_EQ(doc.info.lang, "fr");
    const auto& p = std::get<Paragraph>(doc.body.at(0).content);
    EXPECT_EQ(p.style.family, "sans");
    EXPECT_EQ(p.inlines.at(0).style.lang, "en");
    EXPECT_EQ(doc.body.at(0).lang, "en");
    EXPECT_EQ(doc.body.at(0).position.describe(), "a.xml:1:155");
}

TEST(MarkupParser, KeepsNoBreakSpacesAndCollapsesOthers) {
    const Document doc = parse_markup("<document><p>15&#160;000\u202F€ \n\t et <i> plus </i> </p></document>", "a.xml");
    const auto& p = std::get<Paragraph>(doc.body.at(0).content);
    ASSERT_EQ(p.inlines.size(), 2u);
    EXPECT_EQ(p.inlines[0].text, "15\u00A0000\u202F€ et ");
    EXPECT_EQ(p.inlines[1].text, "plus");
}

TEST(MarkupParser, ReadsTablesAndPositions) {
    const Document doc = parse_markup(
        "<document><tableau colonnes=\"2* 25mm 20%\" bordure=\"non\">"
        "<ligne entete=\"oui\" fond=\"#E6E6E6\"><cellule fusion=\"2\">a</cellule><cellule fond=\"#FFFFFF\">b</cellule></ligne>"
        "</tableau><position ancre=\"bas-droite\" x=\"10mm\" y=\"20mm\" largeur=\"85mm\">Adresse</position></document>",
        "a.xml");
    const std::string text = dump(doc);
    EXPECT_NE(text.find("table columns=\"2* 70.87pt 20%\" width=auto border=0 #000000 padding=4.25 lang=fr-FR\n"
                        "    row header\n"
                        "      cell span=2 background=#E6E6E6\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("      cell background=#FFFFFF\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  positioned bottom-right x=28.35 y=56.69 width=240.94 lang=fr-FR\n"
                        "    paragraph left"),
              std::string::npos)
        << text;
}

TEST(MarkupParser, RejectsUnknownEntity) {
    EXPECT_EQ(errors_of("<document>\n<p>a&eacute;</p></document>"),
              "lettre.xml:2:4 : l’entité « &eacute; » est inconnue (utilisez &#160; pour une espace insécable, "
              "&#8239; pour une espace fine insécable)\n");
}

// colonnes-nombres marks the columns whose numbers align on the decimal
// comma: their body cells, flush right by default; filets="leger" asks for
// booktabs' rules.
TEST(MarkupParser, ReadsNumericColumnsAndLightRules) {
    const Document doc = parse_markup(
        "<document><tableau colonnes=\"* 20mm 20mm\" colonnes-nombres=\"2 3\" filets=\"leger\">"
        "<ligne entete=\"oui\"><cellule>Mission</cellule><cellule>Prévus</cellule><cellule>Écart</cellule></ligne>"
        "<ligne><cellule>Une</cellule><cellule>14</cellule><cellule>+1,5</cellule></ligne>"
        "<ligne><cellule fusion=\"2\">Total</cellule><cellule>2</cellule></ligne>"
        "</tableau></document>",
        "a.xml");
    const auto& t = std::get<Table>(doc.body.at(0).content);
    EXPECT_EQ(t.rules, TableRules::Light);
    EXPECT_EQ(t.numeric, (std::vector<bool>{false, true, true}));
    // Header cells are not aligned on a comma; a spanning cell is not either.
    EXPECT_FALSE(t.rows[0].cells[1].decimal);
    EXPECT_FALSE(t.rows[1].cells[0].decimal);
    EXPECT_TRUE(t.rows[1].cells[1].decimal);
    EXPECT_TRUE(t.rows[1].cells[2].decimal);
    EXPECT_FALSE(t.rows[2].cells[0].decimal);
    EXPECT_TRUE(t.rows[2].cells[1].decimal);
    // The cells of a numeric column are flush right, the header too.
    const auto& header = std::get<Paragraph>(t.rows[0].cells[1].content.at(0).content);
    EXPECT_EQ(header.align, TextAlign::Right);
    const auto& text = std::get<Paragraph>(t.rows[1].cells[0].content.at(0).content);
    EXPECT_EQ(text.align, TextAlign::Left);
}

TEST(MarkupParser, RejectsBadNumericColumnsAndRules) {
    EXPECT_EQ(errors_of("<document>\n<tableau colonnes=\"* *\" colonnes-nombres=\"2 3\" filets=\"fins\">"
                        "<ligne><cellule>a</cellule><cellule>1</cellule></ligne></tableau></document>"),
              "lettre.xml:2:25 : les colonnes « 2 3 » ne sont pas des numéros de colonnes de ce tableau (de 1 à 2, "
              "séparés par des espaces : « 3 4 5 »)\n"
              "lettre.xml:2:48 : la valeur « fins » de l’attribut filets n’est pas permise (valeurs permises : "
              "« grille », « leger »)\n");
}

// The Info dictionary and the XMP get the typography of the pages.
TEST(MarkupParser, MetadataGetsFrenchTypography) {
    const Document doc = parse_markup(
        "<document titre=\"Rapport d'activité 2016\" sujet=\"L'atelier de l'AG...\" "
        "auteur=\"L'Atelier\" lang=\"fr-FR\"><p>x</p></document>",
        "a.xml");
    EXPECT_EQ(doc.info.title, "Rapport d’activité 2016");
    EXPECT_EQ(doc.info.subject, "L’atelier de l’AG…");
    EXPECT_EQ(doc.info.author, "L’Atelier");
    const Document raw = parse_markup(
        "<document titre=\"l'été\" typographie=\"non\"><p>x</p></document>", "a.xml");
    EXPECT_EQ(raw.info.title, "l'été");
}
