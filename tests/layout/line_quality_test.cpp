// Line quality of justified text (issue 11, item 3): no loose line and no
// word's end alone on a last line when letter spacing can avoid them; a
// no-break space never stretches. The layout cases are paragraphs of the
// 2016 mission letters that used to give a loose line (Habitat, r = 1.62)
// and a last line « tamment : » (Déchets et ressources), set as the letters
// set them: 11 pt, justified on 112 mm.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/line_breaker.hpp"
#include "layout_test_support.hpp"
#include "line_items.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

LineItem hyphen() {
    LineItem i;
    i.kind = LineItem::Kind::Penalty;
    i.flagged = true;
    i.penalty = 60;
    i.width = 4;
    return i;
}

const char* kLetter = "<document largeur=\"210mm\" hauteur=\"297mm\" marges=\"20mm\" taille=\"11\"><bloc largeur=\"112mm\">";

// Largest stretch of a word space (U+0020) on each line, as a ratio of its
// stretch limit (half its width): the checker's measure, from glyph positions.
std::vector<double> space_ratios(const LaidOutPage& page) {
    std::vector<double> out;
    double last_y = -1;
    for (const GlyphRun* r : runs(page)) {
        if (out.empty() || r->y != last_y) out.push_back(0);
        last_y = r->y;
        for (std::size_t k = 0; k + 1 < r->glyphs.size(); ++k) {
            const PlacedGlyph& g = r->glyphs[k];
            if (g.text != U" " || g.advance <= 0) continue;
            const double gap = r->glyphs[k + 1].x - g.x;
            out.back() = std::max(out.back(), (gap - g.advance) / (g.advance / 2));
        }
    }
    return out;
}

}  // namespace

TEST(LineQuality, LetterSpacingFillsALineWordSpacesCannot) {
    // "40 40" on 100: 90 wide, its space stretching 5 at most; the boxes'
    // letters take the last 5 of their 16.
    const std::vector<LineItem> items{letter_spaced(box(40), 8), glue(10), letter_spaced(box(40), 8), glue(10), box(50), end()};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 3u);
    EXPECT_DOUBLE_EQ(lines[0].ratio, 1);
    EXPECT_NEAR(lines[0].letter_ratio, 5.0 / 16, 1e-9);
    // Without letter room the line is loose (r = 2), as before.
    const std::vector<LineItem> bare{box(40), glue(10), box(40), glue(10), box(50), end()};
    const auto loose = KnuthPlassLineBreaker().break_lines(bare, {100, 100});
    EXPECT_NEAR(loose[0].ratio, 2, 1e-9);
    EXPECT_EQ(loose[0].letter_ratio, 0);
}

TEST(LineQuality, AWordsEndAloneGivesWayToLetterSpacing) {
    // "30 30 20-" fills the first line (shrunk) and leaves « 15 » alone;
    // « 30 30 » then « 20 15 » needs letter spacing on the first line.
    const std::vector<LineItem> items{letter_spaced(box(30), 15), glue(9), letter_spaced(box(30), 15), glue(9), letter_spaced(box(20), 4), hyphen(),
                                      letter_spaced(box(15), 4), end()};
    LineMeasure measure{100, 100, 0, 16};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, measure);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_FALSE(lines[0].hyphenated);
    EXPECT_GT(lines[0].letter_ratio, 0);
    EXPECT_LE(lines[0].letter_ratio, 1);
    // Ragged text never spaces its letters.
    measure.ragged_stretch = 30;
    for (const BrokenLine& line : KnuthPlassLineBreaker().break_lines(items, measure)) EXPECT_EQ(line.letter_ratio, 0);
}

TEST(LineQuality, HabitatLetterArticleOneHasNoLooseLine) {
    const LaidOutDocument doc = lay_out(std::string(kLetter) +
        "<p align=\"justifie\">La structure référente conduit, pour le secteur «\u202FHabitat\u202F», les trois "
        "missions génériques définies par l’appel à candidatures, avec les objectifs propres au secteur indiqués "
        "ci-dessous et récapitulés dans l’annexe 1\u00A0jointe à la présente lettre (page 5).</p></bloc></document>");
    const std::vector<double> ratios = space_ratios(doc.pages.at(0));
    ASSERT_EQ(ratios.size(), 4u);
    for (std::size_t k = 0; k + 1 < ratios.size(); ++k) EXPECT_LE(ratios[k], 1.0 + 1e-6) << "ligne " << k + 1;
}

TEST(LineQuality, DechetsLetterSectorLineEndsWithAWholeWord) {
    const LaidOutDocument doc = lay_out(std::string(kLetter) +
        "<p align=\"justifie\"><i>Pour le secteur :</i> Conduire des projets collectifs structurants, avec "
        "notamment :</p></bloc></document>");
    const std::vector<std::string> lines = line_texts(doc.pages.at(0));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1], "notamment\u00A0:");
    for (double r : space_ratios(doc.pages.at(0))) EXPECT_LE(r, 1.0 + 1e-6);
}

TEST(LineQuality, ANoBreakSpaceNeverStretches) {
    const LaidOutDocument doc = lay_out(std::string(kLetter) +
        "<p align=\"justifie\">Objet : les trente jours de la démarche de coopération des structures référentes "
        "du territoire métropolitain et leurs partenaires.</p></bloc></document>");
    bool seen = false;
    for (const GlyphRun* r : runs(doc.pages.at(0)))
        for (std::size_t k = 0; k + 1 < r->glyphs.size(); ++k)
            if (r->glyphs[k].text == U"\u00A0") {
                seen = true;
                EXPECT_LE(r->glyphs[k + 1].x - r->glyphs[k].x, r->glyphs[k].advance + 1e-6);
            }
    EXPECT_TRUE(seen);
}
