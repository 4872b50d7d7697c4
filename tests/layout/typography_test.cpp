// Typography of the layout (docs/TYPOGRAPHIE.md): French hyphenation and
// its rules, kerning, fallback fonts, hyphens and page ends, table rows
// taller than a page. Real fonts, real patterns (hyphen-fr).
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "layout/hyphenation.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

double run_end(const GlyphRun& r) { return r.x + r.glyphs.back().x + r.glyphs.back().advance; }

bool ends_with_hyphen(const std::string& line) { return !line.empty() && line.back() == '-'; }

// All lines of all pages.
std::vector<std::string> all_lines(const LaidOutDocument& doc) {
    std::vector<std::string> out;
    for (const auto& page : doc.pages)
        for (const std::string& line : line_texts(page)) out.push_back(line);
    return out;
}

const std::string kLongWords =
    "Les structures référentes accompagnent le développement des expérimentations territoriales, "
    "l’accompagnement des porteurs de projets émergents et l’internationalisation des coopérations "
    "intercommunales\u202F; elles consolident les démarches d’industrialisation responsables, "
    "l’approvisionnement alimentaire relocalisé et la professionnalisation des intervenants.";

}  // namespace

TEST(Hyphenation, FrenchPatternsWithTwoLettersBeforeAndThreeAfter) {
    const auto french = Hyphenator::french();
    ASSERT_NE(french, nullptr);
    EXPECT_EQ(french->points(U"développement"), (std::vector<uint32_t>{2, 4, 7, 9}));  // dé-ve-lop-pe-ment
    EXPECT_EQ(french->points(U"euros"), (std::vector<uint32_t>{2}));                   // eu-ros
    EXPECT_EQ(french->points(U"structurante"), (std::vector<uint32_t>{5, 7}));         // struc-tu-rante, not -te
    EXPECT_TRUE(french->points(U"mille").empty());                                     // mil-le: 2 after
    EXPECT_EQ(Hyphenator::french(), french) << "loaded once per process";
}

TEST(Hyphenation, AHyphenatedWordIsSplitAtAPatternPoint) {
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\"><bloc largeur=\"40mm\"><p align=\"justifie\">" +
                                        kLongWords + "</p></bloc></document>");
    const auto lines = all_lines(doc);
    std::size_t hyphenated = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        if (!ends_with_hyphen(lines[k])) continue;
        ++hyphenated;
        // The word's two parts, rejoined, form a word of the text split at one of its points.
        const std::string head = lines[k].substr(lines[k].rfind(' ') + 1);
        const std::string tail = lines[k + 1].substr(0, lines[k + 1].find(' '));
        std::string word = head.substr(0, head.size() - 1) + tail;
        while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
        // Set text has typographic apostrophes (’, three bytes in UTF-8).
        const std::size_t apostrophe = word.find("\u2019");
        const std::size_t after = apostrophe == std::string::npos ? 0 : apostrophe + 3;
        const std::string bare = word.substr(after);
        const std::string first = head.substr(after);
        EXPECT_NE(kLongWords.find(word), std::string::npos) << word;
        const std::u32string w = utf8_to_u32(bare);
        const auto points = Hyphenator::french()->points(w);
        const uint32_t at = static_cast<uint32_t>(utf8_to_u32(first).size() - 1);
        EXPECT_NE(std::find(points.begin(), points.end(), at), points.end()) << lines[k] << " / " << lines[k + 1];
    }
    EXPECT_GE(hyphenated, 2u);
    for (const GlyphRun* r : runs(doc.pages[0])) EXPECT_LE(optical_end(*r), mm(60) + 1e-6) << run_text(*r);
}

TEST(Hyphenation, NeverThreeInARowNorAWordsEndAloneOnTheLastLine) {
    for (const char* width : {"30mm", "34mm", "38mm", "45mm"}) {
        const LaidOutDocument doc = lay_out("<document marges=\"20mm\"><bloc largeur=\"" + std::string(width) +
                                            "\"><p align=\"justifie\">" + kLongWords + " " + kLongWords +
                                            "</p></bloc></document>");
        const auto lines = all_lines(doc);
        ASSERT_GE(lines.size(), 3u);
        int streak = 0;
        for (const std::string& line : lines) {
            streak = ends_with_hyphen(line) ? streak + 1 : 0;
            EXPECT_LE(streak, 2) << width << ": " << line;
        }
        if (ends_with_hyphen(lines[lines.size() - 2]))
            EXPECT_NE(lines.back().find(' '), std::string::npos) << width << ": a word's end alone on the last line";
    }
}

TEST(Hyphenation, NeverInsideAddressesNumbersCapitalsOrWhenSwitchedOff) {
    for (const std::string text :
         {std::string("<p>contact.accompagnement@ecossolies.fr</p>"), std::string("<p>https://www.ecossolies.fr/accompagnement</p>"),
          std::string("<p>123456789012345678</p>"), std::string("<p>ACCOMPAGNEMENT</p>"), std::string("<p>Accompagnement</p>"),
          std::string("<p cesure=\"non\">accompagnement</p>"), std::string("<p lang=\"en\">accompagnement</p>"),
          std::string("<p><lien href=\"https://ecossolies.fr\">accompagnement</lien></p>")}) {
        const LaidOutDocument doc = lay_out("<document marges=\"20mm\"><bloc largeur=\"18mm\">" + text + "</bloc></document>");
        const auto lines = all_lines(doc);
        EXPECT_GE(lines.size(), 2u) << text << ": cut as a last resort";
        for (const std::string& line : lines) EXPECT_FALSE(ends_with_hyphen(line)) << text << ": " << line;
    }
}

TEST(Hyphenation, SoftHyphenIsHonouredAndOtherwiseInvisible) {
    // The soft hyphen replaces the patterns of its word (ac-com-pa-gne-ment).
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\"><bloc largeur=\"24mm\"><p>un accom\u00ADpagnement et "
                                        "un accom\u00ADpagnement puis la fin</p></bloc></document>");
    const auto lines = all_lines(doc);
    std::size_t hyphenated = 0;
    for (const std::string& line : lines) {
        EXPECT_EQ(line.find("\u00AD"), std::string::npos) << "a soft hyphen is never drawn";
        if (ends_with_hyphen(line)) {
            ++hyphenated;
            EXPECT_EQ(line.substr(line.size() - 6), "accom-") << line;
        }
    }
    EXPECT_GE(hyphenated, 1u);
    const LaidOutDocument unbroken = lay_out("<document><p>un accom\u00ADpagnement</p></document>");
    EXPECT_EQ(line_texts(unbroken.pages.at(0)), std::vector<std::string>{"un accompagnement"});
}

TEST(Hyphenation, AHyphenatedLineNeverEndsAPage) {
    // The same paragraph alone, then pushed down so that a page would end just after its first hyphenated line.
    const std::string para = "<p align=\"justifie\">" + kLongWords + " " + kLongWords + "</p>";
    const LaidOutDocument alone = lay_out("<document marges=\"20mm\" interligne=\"12pt\"><bloc largeur=\"60mm\">" + para +
                                          "</bloc></document>");
    const auto lines = all_lines(alone);
    std::size_t h = 0;
    // A hyphenated line after a plain one, away from the paragraph's ends (orphans and widows).
    while (h < lines.size() &&
           !(h >= 2 && h + 3 < lines.size() && ends_with_hyphen(lines[h]) && !ends_with_hyphen(lines[h - 1])))
        ++h;
    ASSERT_LT(h, lines.size()) << "the paragraph has a hyphenated line away from its ends";
    const double line_mm = 12 * 25.4 / 72;
    const double space = 257 - (static_cast<double>(h) + 1.5) * line_mm;  // room for lines 0..h, and half a line
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\" interligne=\"12pt\"><espace hauteur=\"" +
                                        std::to_string(space) + "mm\"/><bloc largeur=\"60mm\">" + para + "</bloc></document>");
    ASSERT_EQ(doc.pages.size(), 2u);
    const auto first = line_texts(doc.pages[0]);
    EXPECT_EQ(first.size(), h) << "the hyphenated line went over with the rest of its word";
    EXPECT_FALSE(ends_with_hyphen(first.back()));
    EXPECT_EQ(line_texts(doc.pages[1]).front(), lines[h]);
}

TEST(Kerning, PairsAreTighterAndTextStillExtractsExactly) {
    const LaidOutDocument doc = lay_out("<document><p>AVATAR Wagon</p></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_EQ(rs.size(), 1u);
    EXPECT_EQ(run_text(*rs[0]), "AVATAR Wagon");
    const Font& font = *rs[0]->font;
    double unkerned = 0;
    for (const PlacedGlyph& g : rs[0]->glyphs) unkerned += font.advance(font.glyph_for(g.text[0])) * 11.0 / font.units_per_em();
    EXPECT_LT(run_end(*rs[0]) - rs[0]->x, unkerned - 1.0);
    // "AV": the V starts left of where A's own advance would put it.
    const PlacedGlyph& a = rs[0]->glyphs[0];
    const PlacedGlyph& v = rs[0]->glyphs[1];
    EXPECT_LT(v.x - a.x, font.advance(a.glyph) * 11.0 / font.units_per_em());
}

TEST(FontFallback, MissingCharacterDrawnFromDejaVuInItsOwnRun) {
    const LaidOutDocument doc = lay_out("<document><p>Ԕ et Ɐ</p></document>");
    const auto rs = runs(doc.pages.at(0));
    ASSERT_EQ(rs.size(), 3u);
    EXPECT_EQ(run_text(*rs[0]), "Ԕ");
    EXPECT_EQ(rs[0]->font->postscript_name(), "DejaVuSerif");
    EXPECT_EQ(run_text(*rs[1]), " et ");
    EXPECT_EQ(rs[1]->font->postscript_name(), "LiberationSerif");
    EXPECT_EQ(run_text(*rs[2]), "Ɐ");
    EXPECT_EQ(rs[2]->font, rs[0]->font);
    for (const GlyphRun* r : rs)
        for (const PlacedGlyph& g : r->glyphs) EXPECT_NE(g.glyph, 0u);
    EXPECT_NEAR(rs[1]->x, run_end(*rs[0]), 1e-9);
}

TEST(FontFallback, ComplexScriptsAndUnknownCharactersAreReportedNeverDropped) {
    try {
        lay_out("<document>\n<p>Nom : سلام</p>\n<p>Hébreu : שלום</p>\n<p>中</p></document>");
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        const auto& items = e.diagnostics().items();
        ASSERT_GE(items.size(), 3u);
        EXPECT_EQ(items[0].describe(),
                  "test.xml:2:4 : le caractère « س » (U+0633) est de l’écriture arabe, que Lettrine ne sait pas "
                  "composer (sens de lecture ou formes contextuelles) : le texte ne serait pas imprimé correctement");
        bool hebrew = false, cjk = false;
        for (const Diagnostic& d : items) {
            hebrew = hebrew || (d.describe().find("écriture hébraïque") != std::string::npos &&
                                d.position.describe() == "test.xml:3:4");
            cjk = cjk || d.describe() == "test.xml:4:4 : le caractère « 中 » (U+4E2D) n’existe pas dans la police "
                                         "Liberation Serif (LiberationSerif) ni dans ses polices de secours";
        }
        EXPECT_TRUE(hebrew) << "Hebrew is refused even though Liberation has its letters";
        EXPECT_TRUE(cjk);
    }
}

TEST(PageMaking, TableRowTallerThanAPageIsSplitBetweenLines) {
    std::string tall;
    for (int k = 1; k <= 120; ++k) tall += "Ligne " + std::to_string(k) + "<br/>";
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\" interligne=\"12pt\"><p>Avant.</p><tableau colonnes=\"1* 1*\">"
        "<ligne entete=\"oui\"><cellule>Secteur</cellule><cellule>Détail</cellule></ligne>"
        "<ligne><cellule>Habitat</cellule><cellule>" + tall + "</cellule></ligne></tableau><p>Après.</p></document>");
    ASSERT_GE(doc.pages.size(), 2u);
    int count = 0, expected = 1;
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const auto rs = runs(doc.pages[p]);
        for (const GlyphRun* r : rs) {
            EXPECT_LE(r->y, 841.89 - mm(20) + 1e-6) << "page " << p + 1 << ": " << run_text(*r);
            const std::string text = run_text(*r);
            if (text.rfind("Ligne ", 0) == 0) {
                EXPECT_EQ(text, "Ligne " + std::to_string(expected)) << "in order, none lost";
                ++expected;
                ++count;
            }
        }
        if (p > 0) EXPECT_EQ(run_text(*rs.at(0)), "Secteur") << "the header row repeats on page " << p + 1;
    }
    EXPECT_EQ(count, 120);
    // The first part fills page 1 after "Avant.": the row starts on page 1.
    bool first_on_page1 = false;
    for (const GlyphRun* r : runs(doc.pages[0])) first_on_page1 = first_on_page1 || run_text(*r) == "Ligne 1";
    EXPECT_TRUE(first_on_page1);
    EXPECT_EQ(line_texts(doc.pages.back()).back(), "Après.");
}

// The fine (U+202F) is 1/8 em of glue that never stretches, whatever the
// font draws for it; a no-break space is a word space that cannot break and
// never stretches either (issue 11): the line's other spaces take its share.
// The text still extracts as U+202F and U+00A0.
TEST(FineSpace, AnEighthOfAnEmNeverStretchedWhileWordSpacesJustify) {
    const std::string text =
        "Le secteur \u00AB\u202FHabitat\u202F\u00BB accompagne\u202F; les projets\u00A0: "
        "le secteur \u00AB\u202FHabitat\u202F\u00BB conduit, avec les structures, des actions "
        "nouvelles\u202F; le secteur \u00AB\u202FHabitat\u202F\u00BB et ses partenaires\u00A0: "
        "les acteurs, les collectivit\u00E9s et les bailleurs sociaux du territoire.";
    const LaidOutDocument doc = lay_out("<document><bloc largeur=\"62mm\"><p align=\"justifie\" cesure=\"non\">" +
                                        text + "</p></bloc></document>");
    int fines = 0, nbsps = 0, stretched_spaces = 0;
    for (const GlyphRun* r : runs(doc.pages.at(0))) {
        const Font& font = *r->font;
        double word_space = 0;  // this line's justified word space
        for (std::size_t k = 0; k + 1 < r->glyphs.size(); ++k)
            if (r->glyphs[k].text == U" ") word_space = r->glyphs[k + 1].x - r->glyphs[k].x;
        for (std::size_t k = 0; k + 1 < r->glyphs.size(); ++k) {
            const PlacedGlyph& g = r->glyphs[k];
            const double gap = r->glyphs[k + 1].x - g.x;
            if (g.text == U"\u202F") {
                ++fines;
                EXPECT_NEAR(gap, r->size / 8, 0.01);
            } else if (g.text == U"\u00A0") {
                ++nbsps;
                EXPECT_LE(gap, g.advance + 0.01);
                if (word_space > g.advance + 0.05) EXPECT_LT(gap, word_space);
            } else if (g.text == U" ") {
                stretched_spaces += gap > font.advance(g.glyph) * r->size / font.units_per_em() + 0.05;
            }
        }
    }
    EXPECT_GE(fines, 8);
    EXPECT_EQ(nbsps, 2);
    EXPECT_GT(stretched_spaces, 0) << "the lines are justified by their word spaces";
}

// A list never ends with its last item alone at the top of a page: the last
// two items go over together (AG pack, p. 24).
TEST(PageMaking, TheLastTwoItemsOfAListStayTogether) {
    const std::string list = "<liste><element>Premier point de la liste.</element><element>Deuxième point.</element>"
                             "<element>Avant-dernier point.</element><element>Dernier point.</element></liste>"
                             "<p>Après la liste.</p>";
    int pushed = 0;
    for (int tenth = 2200; tenth <= 2560; tenth += 5) {
        const LaidOutDocument doc = lay_out("<document marges=\"20mm\" interligne=\"12pt\"><espace hauteur=\"" +
                                            std::to_string(tenth / 10.0) + "mm\"/>" + list + "</document>");
        for (const LaidOutPage& page : doc.pages) {
            const auto lines = line_texts(page);
            bool last = false, before_last = false;
            for (const std::string& line : lines) {
                last = last || line.find("Dernier point.") != std::string::npos;
                before_last = before_last || line.find("Avant-dernier point.") != std::string::npos;
            }
            if (last) {
                EXPECT_TRUE(before_last) << tenth / 10.0 << " mm: the last item alone on its page";
                pushed += doc.pages.size() > 1 && &page == &doc.pages[1] && line_texts(page).size() <= 3;
            }
        }
    }
    EXPECT_GT(pushed, 0) << "some spaces do push the list's end to the next page";
}
