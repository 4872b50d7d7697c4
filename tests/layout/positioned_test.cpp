// <position> blocks and the flow: the flow keeps clear of them, a block
// taller than its hauteur-max, outside the page or over another is an error
// naming the block and the data cell it is made of; <colonnes valign="bas">
// puts signature lines on one baseline.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

const GlyphRun* run_starting(const LaidOutPage& page, const std::string& text) {
    for (const GlyphRun* r : runs(page))
        if (run_text(*r).rfind(text, 0) == 0) return r;
    return nullptr;
}

// The recipient block of a letter: `lines` lines at 100 mm from the left,
// 48 mm from the top, and the flow's date line on the right at 85 mm.
std::string letter_top(int lines, const std::string& position_attributes = "") {
    std::string address = "Structure référente";
    for (int k = 1; k < lines; ++k) address += "<br/>Ligne " + std::to_string(k);
    return "<document marges=\"25mm 22mm\"><position ancre=\"haut-gauche\" x=\"105mm\" y=\"48mm\" largeur=\"83mm\"" +
           position_attributes + "><p>" + address +
           "</p></position><espace hauteur=\"60mm\"/><bloc largeur=\"83mm\" align=\"droite\"><p>Nantes, le 1er "
           "décembre 2015</p></bloc><p>Réf. : LM-2016-HABITAT</p></document>";
}

std::string messages(const LettrineError& e) {
    std::string all;
    for (const Diagnostic& d : e.diagnostics().items()) all += d.describe() + "\n";
    return all;
}

}  // namespace

TEST(PositionedBlock, FlowStartsBelowABlockInItsWay) {
    const LaidOutDocument doc = lay_out(letter_top(10));
    const LaidOutPage& page = doc.pages.at(0);
    const GlyphRun* last = run_starting(page, "Ligne 9");
    const GlyphRun* date = run_starting(page, "Nantes, le");
    ASSERT_TRUE(last && date);
    const double line = 1.2 * 11;
    // Ten lines reach past 85 mm, where the date would stand without the block.
    EXPECT_GT(mm(48) + 10 * line, mm(85));
    EXPECT_GE(date->y - line, last->y) << "the date line starts below the address's last line";
    const GlyphRun* ref = run_starting(page, "Réf.");
    ASSERT_TRUE(ref);
    EXPECT_NEAR(ref->y - date->y, 1.5 * line, 1e-6) << "what follows follows the date (and its espace-avant)";

    // marge: the flow keeps that far from the block.
    const LaidOutDocument apart = lay_out(letter_top(10, " marge=\"5mm\""));
    const GlyphRun* moved = run_starting(apart.pages.at(0), "Nantes, le");
    ASSERT_TRUE(moved);
    EXPECT_NEAR(moved->y - date->y, mm(5), 1e-6);
}

TEST(PositionedBlock, FlowBesideABlockIsNotMoved) {
    // A short address leaves the date where the template puts it.
    const LaidOutDocument doc = lay_out(letter_top(3));
    const GlyphRun* date = run_starting(doc.pages.at(0), "Nantes, le");
    ASSERT_TRUE(date);
    EXPECT_LT(date->y, mm(85) + 1.2 * 11);
    EXPECT_GT(date->y, mm(85));
}

TEST(PositionedBlock, TallerThanItsMaximumIsAnErrorAtItsDataCell) {
    LayoutOptions options;
    options.data_position = [](const std::string& path) {
        return path == "secteur.adresse" ? SourcePosition::at_cell("programme.xlsx", "Secteurs", "D4") : SourcePosition{};
    };
    const std::string attributes = " hauteur-max=\"45mm\" nom=\"destinataire\" donnees=\"secteur.inconnu secteur.adresse\"";
    EXPECT_NO_THROW(lay_out(letter_top(9, attributes), options));  // 9 lines of 13.2 pt: 41.9 mm
    try {
        lay_out(letter_top(11, attributes), options);
        FAIL() << "eleven lines do not fit a 45 mm window";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(messages(e),
                  "programme.xlsx, feuille « Secteurs », cellule D4 : le bloc positionné « destinataire » (test.xml:1:30) "
                  "mesure 51,2 mm de haut pour 45 mm au plus (hauteur-max) : 11 lignes, dont 9 tiennent : "
                  "raccourcissez cette donnée\n");
    }
}

TEST(PositionedBlock, WithoutDataTheBlockItselfIsNamed) {
    try {
        lay_out(letter_top(11, " hauteur-max=\"45mm\""));
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        EXPECT_EQ(messages(e), "test.xml:1:30 : le bloc positionné mesure 51,2 mm de haut pour 45 mm "
                               "au plus (hauteur-max) : 11 lignes, dont 9 tiennent\n");
    }
}

TEST(PositionedBlock, OverlapAndOutsideThePageAreErrors) {
    try {
        lay_out("<document><p>Corps</p>"
                "<position x=\"20mm\" y=\"20mm\" largeur=\"100mm\" nom=\"a\"><p>A</p></position>"
                "<position x=\"60mm\" y=\"22mm\" largeur=\"40mm\" nom=\"b\"><p>B</p></position>"
                "<position x=\"180mm\" y=\"100mm\" largeur=\"40mm\" nom=\"c\"><p>C</p></position></document>");
        FAIL();
    } catch (const LettrineError& e) {
        const std::string all = messages(e);
        EXPECT_NE(all.find("le bloc positionné « a » chevauche le texte qui le précède dans le modèle"),
                  std::string::npos)
            << all;
        EXPECT_NE(all.find("le bloc positionné « b » chevauche le bloc positionné « a » (test.xml:1:23)"),
                  std::string::npos)
            << all;
        EXPECT_NE(all.find("test.xml:1:164 : le bloc positionné « c » sort de la page"), std::string::npos) << all;
        EXPECT_EQ(e.diagnostics().error_count(), 3u) << all;  // b is right of « Corps »
    }
}

TEST(Columns, BottomAlignedSignaturesShareTheirBaselineAndLine) {
    const std::string column_a = "<colonne><p><b>Pour Les Ecossolies</b><br/>Claire Exemple</p><espace hauteur=\"20mm\"/>"
                                 "<filet/></colonne>";
    const std::string column_b = "<colonne><p><b>Pour l'Association régionale pour le développement de l'habitat "
                                 "coopératif et solidaire des Pays de la Loire</b><br/>Alex Exemple</p>"
                                 "<espace hauteur=\"20mm\"/><filet/></colonne>";
    for (const std::string valign : {"", " valign=\"bas\""}) {
        const LaidOutDocument doc =
            lay_out("<document><colonnes espace=\"12mm\"" + valign + ">" + column_a + column_b + "</colonnes></document>");
        const LaidOutPage& page = doc.pages.at(0);
        const GlyphRun* claire = run_starting(page, "Claire");
        const GlyphRun* alex = run_starting(page, "Alex");
        ASSERT_TRUE(claire && alex);
        std::vector<double> rules;
        for (const PageItem& item : page.items)
            if (const auto* r = std::get_if<Rule>(&item)) rules.push_back(r->y1);
        ASSERT_EQ(rules.size(), 2u);
        if (valign.empty()) {
            EXPECT_LT(claire->y, alex->y) << "top aligned: the longer name ends lower";
            continue;
        }
        EXPECT_DOUBLE_EQ(claire->y, alex->y);
        EXPECT_DOUBLE_EQ(rules[0], rules[1]);
    }
}
