#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

const std::string kLorem =
    "Les Ecossolies animent le réseau des acteurs de l’économie sociale et solidaire de Nantes Métropole. "
    "Chaque structure référente coordonne sa filière, réunit le comité de pilotage, prépare l’atelier de "
    "l’assemblée générale et rédige une note de bilan annuelle qui éclaire le renouvellement de la mission. ";

std::string repeat(const std::string& text, int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out += text;
    return out;
}

double run_end(const GlyphRun& r) { return r.x + r.glyphs.back().x + r.glyphs.back().advance; }

}  // namespace

TEST(Layout, JustifiedLinesFillTheMeasureExactly) {
    // A4, 20 mm margins: the measure is 170 mm.
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\"><p align=\"justifie\">" + repeat(kLorem, 3) + "</p></document>");
    ASSERT_EQ(doc.pages.size(), 1u);
    const auto rs = runs(doc.pages[0]);
    ASSERT_GT(rs.size(), 5u);
    const double left = mm(20), right = mm(190);
    for (std::size_t k = 0; k < rs.size(); ++k) {
        EXPECT_NEAR(rs[k]->x, left, 1e-9);
        EXPECT_LE(optical_end(*rs[k]), right + 1e-6);  // a period, a comma, a hyphen hang past it
        EXPECT_NE(rs[k]->glyphs.back().text, U" ");
        if (k + 1 < rs.size()) {
            EXPECT_NEAR(optical_end(*rs[k]), right, 1e-6) << "line " << k;
        }
    }
    EXPECT_LT(run_end(*rs.back()), right - 10);  // the last line stays ragged
}

TEST(Layout, LeftAlignedLinesNeverExceedTheMeasure) {
    const LaidOutDocument doc = lay_out("<document marges=\"30mm\"><p>" + repeat(kLorem, 4) + "</p></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_GT(rs.size(), 8u);
    std::string joined;
    for (const GlyphRun* r : rs) {
        EXPECT_NEAR(r->x, mm(30), 1e-9);
        EXPECT_LE(run_end(*r), mm(180) + 1e-6);
        const std::string text = run_text(*r);
        // kLorem has no hyphen: a line ending with one was hyphenated.
        if (text.back() == '-') joined += text.substr(0, text.size() - 1);
        else joined += text + " ";
    }
    EXPECT_EQ(joined, repeat(kLorem, 4));  // nothing lost, spaces only at breaks
}

TEST(Layout, NeverBreaksAtNoBreakSpaces) {
    const std::string amount = "15\u00A0000,00\u202F€";
    const LaidOutDocument doc =
        lay_out("<document marges=\"20mm\"><bloc largeur=\"30mm\"><p>" + repeat(amount + " ", 12) + "</p></bloc></document>");
    const auto lines = line_texts(doc.pages.at(0));
    ASSERT_GT(lines.size(), 3u);
    for (const std::string& line : lines) EXPECT_TRUE(line == amount || line == amount + " " + amount) << line;
}

TEST(Layout, BreaksAfterHyphensAndInsideOverlongWords) {
    // cesure="non": the long word is only cut as a last resort, without a hyphen.
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\" cesure=\"non\"><bloc largeur=\"22mm\"><p>Saint-Herblain Rezé "
        "anticonstitutionnellementanticonstitutionnellement</p></bloc></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_GE(rs.size(), 3u);
    EXPECT_EQ(run_text(*rs[0]), "Saint-");
    for (const GlyphRun* r : rs) EXPECT_LE(run_end(*r), mm(42) + 1e-6) << run_text(*r);
    std::string joined;
    for (const GlyphRun* r : rs)
        if (!joined.empty() || run_text(*r).rfind("anti", 0) == 0) joined += run_text(*r);
    EXPECT_EQ(joined, "anticonstitutionnellementanticonstitutionnellement");
}

TEST(Layout, LongWordIsHyphenatedBeforeBeingCut) {
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\"><bloc largeur=\"22mm\"><p>anticonstitutionnellement</p></bloc></document>");
    const auto lines = line_texts(doc.pages.at(0));
    // hyph-fr: an-ti-cons-ti-tu-tion-nel-le-ment; 22 mm holds 13 letters of 11 pt Liberation Serif.
    EXPECT_EQ(lines, (std::vector<std::string>{"anticonstitu-", "tionnellement"}));
    for (const GlyphRun* r : runs(doc.pages.at(0))) EXPECT_LE(run_end(*r), mm(42) + 1e-6) << run_text(*r);
}

TEST(Layout, TableHeaderRepeatsOnEachPage) {
    std::string rows;
    for (int k = 1; k <= 60; ++k)
        rows += "<ligne><cellule>Ligne " + std::to_string(k) + "</cellule><cellule>15&#160;000 €</cellule></ligne>";
    const LaidOutDocument doc = lay_out(
        "<document><p>Avant le tableau.</p><tableau colonnes=\"2* 1*\">"
        "<ligne entete=\"oui\" fond=\"#E6E6E6\"><cellule>Secteur</cellule><cellule>Montant</cellule></ligne>" +
        rows + "</tableau></document>");
    ASSERT_EQ(doc.pages.size(), 2u);
    const auto page2 = runs(doc.pages[1]);
    ASSERT_GE(page2.size(), 3u);
    EXPECT_EQ(run_text(*page2[0]), "Secteur");
    EXPECT_EQ(run_text(*page2[1]), "Montant");
    // The shaded header is drawn on page 2 too, at the top of the text area.
    const auto* shade = std::get_if<Rectangle>(&doc.pages[1].items.at(0));
    ASSERT_NE(shade, nullptr);
    EXPECT_NEAR(shade->y, mm(20), 1e-9);
    // Rows are never split or lost: 60 "Ligne" cells over both pages.
    int count = 0;
    for (const auto& page : doc.pages)
        for (const GlyphRun* r : runs(page)) count += run_text(*r).rfind("Ligne ", 0) == 0;
    EXPECT_EQ(count, 60);
    const auto page1 = runs(doc.pages[0]);
    EXPECT_EQ(run_text(*page2[2]).substr(0, 6), "Ligne ");
    EXPECT_NE(run_text(*page2[2]), run_text(*page1[page1.size() - 2]));
}

TEST(Layout, FooterShowsPageNumberAndCount) {
    const LaidOutDocument doc = lay_out(
        "<document><pied><p align=\"centre\">Page <numero-page/> / <nombre-pages/></p></pied>"
        "<entete pages=\"suivantes\"><p>Suite</p></entete>"
        "<p>Un</p><saut-page/><p>Deux</p><saut-page/><p>Trois</p></document>");
    ASSERT_EQ(doc.pages.size(), 3u);
    for (int n = 1; n <= 3; ++n) {
        const auto rs = runs(doc.pages[static_cast<std::size_t>(n - 1)]);
        const GlyphRun* footer = rs.back();
        EXPECT_EQ(run_text(*footer), "Page " + std::to_string(n) + " / 3");
        EXPECT_GT(footer->y, 841.89 - mm(20));  // in the bottom margin
        EXPECT_LT(footer->y, 841.89 - mm(10));
    }
    EXPECT_EQ(runs(doc.pages[0]).size(), 2u);  // no header on the first page
    EXPECT_EQ(run_text(*runs(doc.pages[1])[1]), "Suite");
}

TEST(Layout, KeepTogetherBlockMovesWhole) {
    // 230 mm of space leaves about 27 mm: room for a few lines, not for the whole block.
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\" taille=\"11\"><espace hauteur=\"230mm\"/><p>Avant.</p>"
        "<insecable><p>Fait à Nantes, le 15 janvier 2016.</p>"
        "<colonnes><colonne><p>Pour Les Ecossolies</p><espace hauteur=\"20mm\"/></colonne>"
        "<colonne><p>Pour Habitat et Partage</p></colonne></colonnes></insecable></document>");
    ASSERT_EQ(doc.pages.size(), 2u);
    const auto page1 = line_texts(doc.pages[0]);
    ASSERT_EQ(page1.size(), 1u);
    EXPECT_EQ(page1[0], "Avant.");
    const auto page2 = runs(doc.pages[1]);
    ASSERT_EQ(page2.size(), 3u);
    EXPECT_EQ(run_text(*page2[0]), "Fait à Nantes, le 15\u00A0janvier 2016.");  // French spacing binds "15 janvier"
    EXPECT_NEAR(page2[1]->y, page2[2]->y, 1e-9);  // the two signature columns side by side
    EXPECT_LT(page2[1]->x, page2[2]->x);
}

TEST(Layout, OrphansAndWidowsKeepTwoLines) {
    // A4 with 20 mm margins: 257 mm of text area; a 6-line paragraph of 12 pt lines.
    const std::string para = "<p>" + repeat(kLorem, 2) + "</p>";
    auto lines_per_page = [&](double space_mm) {
        const LaidOutDocument doc = lay_out("<document marges=\"20mm\" interligne=\"12pt\" cesure=\"non\"><espace hauteur=\"" +
                                            std::to_string(space_mm) + "mm\"/>" + para + "</document>");
        std::vector<std::size_t> counts;
        for (const auto& page : doc.pages) counts.push_back(runs(page).size());
        return counts;
    };
    const double line_mm = 12 * 25.4 / 72;
    // Sanity: alone, the paragraph has 6 lines.
    ASSERT_EQ(lines_per_page(0), std::vector<std::size_t>{6});
    // Room for 1.5 lines: an orphan would be left, so the paragraph moves whole.
    EXPECT_EQ(lines_per_page(257 - 1.5 * line_mm), (std::vector<std::size_t>{0, 6}));
    // Room for 5.5 lines: a widow would be left, so two lines go over.
    EXPECT_EQ(lines_per_page(257 - 5.5 * line_mm), (std::vector<std::size_t>{4, 2}));
    // Room for 3.5 lines: an ordinary split.
    EXPECT_EQ(lines_per_page(257 - 3.5 * line_mm), (std::vector<std::size_t>{3, 3}));
}

TEST(Layout, HeadingStaysWithTheNextBlock) {
    const double line_mm = 12 * 25.4 / 72;
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\" interligne=\"12pt\"><espace hauteur=\"" +
                                        std::to_string(257 - 2.5 * line_mm) + "mm\"/><titre>Article 1</titre><p>" +
                                        repeat(kLorem, 2) + "</p></document>");
    ASSERT_EQ(doc.pages.size(), 2u);
    EXPECT_TRUE(runs(doc.pages[0]).empty());
    EXPECT_EQ(run_text(*runs(doc.pages[1]).at(0)), "Article 1");
    ASSERT_EQ(doc.outline.size(), 1u);
    EXPECT_EQ(doc.outline[0].title, "Article 1");
    EXPECT_EQ(doc.outline[0].page, 1u);
    EXPECT_NEAR(doc.outline[0].y, mm(20), 1e-9);  // spaces vanish at the top of a page
}

TEST(Layout, PositionedBlockAtItsAnchor) {
    const LaidOutDocument doc = lay_out(
        "<document><p>Corps</p><position ancre=\"haut-gauche\" x=\"100mm\" y=\"45mm\" largeur=\"85mm\">"
        "<p>Habitat et Partage<br/>12 rue de la Paix<br/>44000 Nantes</p></position>"
        "<position ancre=\"bas-droite\" x=\"10mm\" y=\"10mm\" largeur=\"50mm\"><p align=\"droite\">Réf. 2016-04</p></position>"
        "<p>Suite</p></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_EQ(rs.size(), 6u);
    EXPECT_EQ(run_text(*rs[0]), "Corps");
    EXPECT_EQ(run_text(*rs[1]), "Habitat et Partage");
    EXPECT_NEAR(rs[1]->x, mm(100), 1e-9);
    const double size = 11, line = 1.2 * size;
    const auto& font = *FontSet::default_set()->get("serif", {});
    const double ascent = font.ascender() * size / font.units_per_em();
    const double descent = -font.descender() * size / font.units_per_em();
    EXPECT_NEAR(rs[1]->y, mm(45) + (line - ascent - descent) / 2 + ascent, 1e-9);
    EXPECT_NEAR(rs[3]->y - rs[1]->y, 2 * line, 1e-9);
    EXPECT_NEAR(run_end(*rs[4]), mm(200), 1e-6);  // right edge 10 mm from the page's right edge
    EXPECT_LT(rs[4]->y, 841.89 - mm(10));
    EXPECT_EQ(run_text(*rs[5]), "Suite");
    EXPECT_NEAR(rs[5]->y - rs[0]->y, line + 0.5 * line, 1e-9);  // the positioned block takes no room
}

TEST(Layout, EveryGlyphInsideTheTextArea) {
    std::string body;
    for (int k = 0; k < 6; ++k)
        body += "<titre niveau=\"2\">Article " + std::to_string(k) + "</titre><p align=\"justifie\">" + kLorem +
                "<b>gras</b> <i>italique</i> <exposant>er</exposant></p>"
                "<liste><element>" + kLorem + "<liste type=\"numeros\"><element>" + kLorem + "</element></liste></element></liste>"
                "<tableau colonnes=\"30mm * 20%\"><ligne><cellule>a</cellule><cellule>" + kLorem +
                "</cellule><cellule align=\"droite\">15 000 €</cellule></ligne></tableau>";
    const LaidOutDocument doc = lay_out("<document marges=\"25mm 20mm\">" + body + "</document>");
    ASSERT_GE(doc.pages.size(), 2u);
    for (const auto& page : doc.pages)
        for (const GlyphRun* r : runs(page)) {
            const double ascent = r->font->ascender() * r->size / r->font->units_per_em();
            const double descent = -r->font->descender() * r->size / r->font->units_per_em();
            EXPECT_GE(r->x, mm(20) - 1e-6);
            EXPECT_LE(run_end(*r), mm(190) + 1e-6) << run_text(*r);
            EXPECT_GE(r->y - ascent, mm(25) - 1e-6) << run_text(*r);
            EXPECT_LE(r->y + descent, 841.89 - mm(25) + 1e-6) << run_text(*r);
        }
}

TEST(Layout, LinksUnderlinesAndMetadata) {
    const LaidOutDocument doc = lay_out(
        "<document titre=\"Lettre\" date=\"2016-01-15\" lang=\"fr-FR\"><p>Écrire à "
        "<lien href=\"mailto:contact@ecossolies.fr\">contact@ecossolies.fr</lien> <u>avant</u> mardi.</p></document>");
    EXPECT_EQ(doc.metadata.creation_date, "D:20160115000000Z");
    EXPECT_EQ(doc.metadata.title, "Lettre");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_EQ(rs.size(), 5u);
    EXPECT_EQ(run_text(*rs[1]), "contact@ecossolies.fr");
    EXPECT_TRUE(rs[3]->underline);
    EXPECT_EQ(run_text(*rs[3]), "avant");
    EXPECT_FALSE(rs[2]->underline);
    const LinkArea* link = nullptr;
    for (const PageItem& item : doc.pages[0].items)
        if (const auto* l = std::get_if<LinkArea>(&item)) link = l;
    ASSERT_NE(link, nullptr);
    EXPECT_EQ(link->uri, "mailto:contact@ecossolies.fr");
    EXPECT_NEAR(link->x, rs[1]->x, 1e-9);
    EXPECT_NEAR(link->width, run_end(*rs[1]) - rs[1]->x, 1e-9);
    EXPECT_LT(link->y, rs[1]->y);
    EXPECT_GT(link->y + link->height, rs[1]->y);
}

TEST(Layout, MissingGlyphsAreReportedWithTheirPositions) {
    try {
        lay_out("<document>\n<p>Bravo \U0001F642</p>\n<p>\u4E2D</p></document>");
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        ASSERT_EQ(e.diagnostics().items().size(), 2u);
        EXPECT_EQ(e.diagnostics().items()[0].describe(),
                  "test.xml:2:4 : le caractère « \U0001F642 » (U+1F642) n’existe pas dans la police Liberation Serif "
                  "(LiberationSerif) ni dans ses polices de secours");
        EXPECT_EQ(e.diagnostics().items()[1].position.describe(), "test.xml:3:4");
    }
}

TEST(Layout, NoBreakSpacesAreExtractedExactly) {
    const LaidOutDocument doc = lay_out("<document><p>«\u202FŒuvre\u202F» 15\u00A0000\u00A0€</p></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(run_text(*rs[0]), "«\u202FŒuvre\u202F» 15\u00A0000\u00A0€");
    for (const PlacedGlyph& g : rs[0]->glyphs) EXPECT_NE(g.glyph, 0u);
}
