// Table of contents, page references, bookmarks, reserved pages, page
// breaks to odd pages, pages without header and footer: tree and messages.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "markup/markup_parser.hpp"

using namespace lettrine;

namespace {

std::string errors_of(const std::string& xml) {
    try {
        parse_markup(xml, "rapport.xml");
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        std::string text;
        for (const Diagnostic& d : e.diagnostics().items()) text += d.describe() + "\n";
        return text;
    }
    return "(aucune erreur)";
}

std::string body_of(const std::string& xml) {
    const std::string text = dump(parse_markup(xml, "rapport.xml"));
    return text.substr(text.find("body\n") + 5);
}

}  // namespace

TEST(StructureMarkup, ReadsTheNewElements) {
    EXPECT_EQ(body_of("<document>"
                      "<sans-entete-pied/>"
                      "<table-matieres niveaux=\"1\" retrait=\"4mm\" taille=\"10\"/>"
                      "<saut-page page=\"impaire\"/>"
                      "<titre id=\"intro\" sommaire=\"non\">Introduction</titre>"
                      "<p id=\"p-1\">Voir page <renvoi-page cible=\"habitat\"/>.</p>"
                      "<signet titre=\"Habitat : la note\" niveau=\"2\" sommaire=\"non\"/>"
                      "<pages-reservees id=\"habitat\" nombre=\"3\"/>"
                      "<saut-page/>"
                      "</document>"),
              "  no-header-footer lang=fr-FR\n"
              "  contents levels=1 indent=11.34 line=12 [serif 10 fr-FR] lang=fr-FR\n"
              "  page-break odd lang=fr-FR\n"
              "  heading 1 not-in-contents left line=19.8 [serif 16.5 bold fr-FR] space=19.8/9.9 lang=fr-FR id=intro\n"
              "    text \"Introduction\" [serif 16.5 bold fr-FR]\n"
              "  paragraph left line=13.2 [serif 11 fr-FR] space=0/6.6 lang=fr-FR id=p-1\n"
              "    text \"Voir page \" [serif 11 fr-FR]\n"
              "    page-reference habitat [serif 11 fr-FR]\n"
              "    text \".\" [serif 11 fr-FR]\n"
              "  bookmark 2 \"Habitat\u00A0: la note\" lang=fr-FR\n"
              "  reserved-pages id=habitat count=3 lang=fr-FR id=habitat\n"
              "  page-break lang=fr-FR\n");
}

TEST(StructureMarkup, DefaultsOfContentsAndBookmarks) {
    EXPECT_EQ(body_of("<document><table-matieres/><signet titre=\"Chapitre\"/></document>"),
              "  contents levels=2 indent=14.17 line=13.2 [serif 11 fr-FR] lang=fr-FR\n"
              "  bookmark 1 \"Chapitre\" in-contents lang=fr-FR\n");
}

TEST(StructureMarkup, ReportsEveryProblemWithItsPosition) {
    EXPECT_EQ(errors_of("<document>\n"
                        "<titre id=\"intro\">A</titre>\n"
                        "<p id=\"intro\">B <renvoi-page cible=\"nulle-part\"/> <renvoi-page/></p>\n"
                        "<p id=\"été\">C</p>\n"
                        "<signet niveau=\"4\"/>\n"
                        "<bloc><signet titre=\"x\"/><pages-reservees id=\"a\" nombre=\"1\"/><sans-entete-pied/></bloc>\n"
                        "<pages-reservees nombre=\"0\"/>\n"
                        "<pages-reservees id=\"b\"/>\n"
                        "<saut-page page=\"paire\"/>\n"
                        "<table-matieres niveaux=\"5\">x</table-matieres>\n"
                        "</document>"),
              "rapport.xml:3:4 : l’identifiant « intro » est déjà celui d’un autre bloc (rapport.xml:2:8)\n"
              "rapport.xml:3:51 : l’attribut cible est obligatoire sur <renvoi-page>\n"
              "rapport.xml:4:4 : l’identifiant « été » n’est pas valide (lettres sans accent, chiffres, « - », « _ », « . » ; exemple : « habitat-2016 »)\n"
              "rapport.xml:5:1 : l’attribut titre est obligatoire sur <signet>\n"
              "rapport.xml:5:9 : la valeur « 4 » de l’attribut niveau doit être un entier de 1 à 3\n"
              "rapport.xml:6:7 : <signet> n’est permis que directement dans <document>\n"
              "rapport.xml:6:26 : <pages-reservees> n’est permis que directement dans <document>\n"
              "rapport.xml:6:62 : <sans-entete-pied> n’est permis que directement dans <document>\n"
              "rapport.xml:7:1 : l’attribut id est obligatoire sur <pages-reservees>\n"
              "rapport.xml:7:18 : la valeur « 0 » de l’attribut nombre doit être un entier de 1 à 2000\n"
              "rapport.xml:8:1 : l’attribut nombre est obligatoire sur <pages-reservees>\n"
              "rapport.xml:9:12 : la valeur « paire » de l’attribut page n’est pas permise (valeurs permises : « suivante », « impaire »)\n"
              "rapport.xml:10:17 : la valeur « 5 » de l’attribut niveaux doit être un entier de 1 à 3\n"
              "rapport.xml:10:29 : <table-matieres> doit être vide\n"
              "rapport.xml:3:17 : <renvoi-page> renvoie à « nulle-part », qui n’est l’id d’aucun bloc du document\n");
}
