// Tables set as a typographer would: numbers aligned on their decimal comma
// in the columns marked colonnes-nombres, and booktabs' light rules
// (filets="leger").
#include <gtest/gtest.h>

#include <cmath>

#include "layout_test_support.hpp"

namespace lettrine {
namespace {

using testing::lay_out;
using testing::mm;
using testing::run_text;
using testing::runs;

// The x where `c` (first occurrence) starts in the run whose text is `text`.
double x_of(const LaidOutPage& page, const std::string& text, char32_t c) {
    for (const GlyphRun* r : runs(page))
        if (run_text(*r) == text)
            for (const PlacedGlyph& g : r->glyphs)
                if (!g.text.empty() && g.text.front() == c) return r->x + g.x;
    ADD_FAILURE() << "« " << text << " » not found";
    return 0;
}

// The right end of the run whose text is `text`.
double end_of(const LaidOutPage& page, const std::string& text) {
    for (const GlyphRun* r : runs(page))
        if (run_text(*r) == text) return r->x + r->glyphs.back().x + r->glyphs.back().advance;
    ADD_FAILURE() << "« " << text << " » not found";
    return 0;
}

double start_of(const LaidOutPage& page, const std::string& text) {
    for (const GlyphRun* r : runs(page))
        if (run_text(*r) == text) return r->x;
    ADD_FAILURE() << "« " << text << " » not found";
    return 0;
}

const std::string kNumbers =
    "<document marges=\"20mm\"><tableau colonnes=\"* 30mm\" marge-cellule=\"2mm\" colonnes-nombres=\"2\">"
    "<ligne entete=\"oui\"><cellule>Mission</cellule><cellule>Écart</cellule></ligne>"
    "<ligne><cellule>Un</cellule><cellule>14</cellule></ligne>"
    "<ligne><cellule>Deux</cellule><cellule>15,5</cellule></ligne>"
    "<ligne><cellule>Trois</cellule><cellule>+1,25</cellule></ligne>"
    "<ligne><cellule>Quatre</cellule><cellule>—</cellule></ligne>"
    "</tableau></document>";

TEST(TableLayout, NumbersAlignOnTheDecimalComma) {
    const LaidOutDocument doc = lay_out(kNumbers);
    const LaidOutPage& page = doc.pages.at(0);
    // The comma of 15,5 and of +1,25 at the same x; 14 ends where a comma would be.
    const double comma = x_of(page, "15,5", U',');
    EXPECT_NEAR(x_of(page, "+1,25", U','), comma, 1e-6);
    EXPECT_NEAR(end_of(page, "14"), comma, 1e-6);
    // The longest decimals end at the column's right padding: flush right.
    const double inner_right = mm(210 - 20) - mm(2);
    EXPECT_NEAR(end_of(page, "+1,25"), inner_right, 1e-6);
    EXPECT_LT(end_of(page, "15,5"), inner_right - 1);
    // A dash without digits stands where the units are; the header is flush right.
    EXPECT_NEAR(end_of(page, "—"), comma, 1e-6);
    EXPECT_NEAR(end_of(page, "Écart"), inner_right, 1e-6);
}

TEST(TableLayout, WithoutTheMarkNumbersStayFlushRight) {
    std::string xml = kNumbers;
    xml.replace(xml.find(" colonnes-nombres=\"2\""), 21, "");
    const LaidOutDocument doc = lay_out(xml);
    const LaidOutPage& page = doc.pages.at(0);
    // Unmarked cells are left-aligned as before: the numbers start together.
    EXPECT_NEAR(start_of(page, "14"), start_of(page, "15,5"), 1e-6);
    EXPECT_NE(x_of(page, "15,5", U','), x_of(page, "+1,25", U','));
}

TEST(TableLayout, ANumberNeverLeavesItsCell) {
    // One value far wider on the left than the others leave room for: it
    // stays inside the cell (its comma cannot align) and the others align.
    const LaidOutDocument doc = lay_out(
        "<document marges=\"20mm\"><tableau colonnes=\"* 30mm\" marge-cellule=\"1mm\" colonnes-nombres=\"2\" typographie=\"non\">"
        "<ligne><cellule>a</cellule><cellule>1,123456789</cellule></ligne>"
        "<ligne><cellule>b</cellule><cellule>123456789012</cellule></ligne>"
        "<ligne><cellule>c</cellule><cellule>2,5</cellule></ligne></tableau></document>");
    const LaidOutPage& page = doc.pages.at(0);
    const double inner_left = mm(210 - 20 - 30) + mm(1);
    EXPECT_GE(start_of(page, "123456789012"), inner_left - 1e-6);
    EXPECT_NEAR(x_of(page, "2,5", U','), x_of(page, "1,123456789", U','), 1e-6);
}

std::vector<const Rule*> rules_of(const LaidOutPage& page) {
    std::vector<const Rule*> out;
    for (const PageItem& item : page.items)
        if (const auto* r = std::get_if<Rule>(&item)) out.push_back(r);
    return out;
}

const std::string kRows =
    "<ligne entete=\"oui\"><cellule>Secteur</cellule><cellule>Jours</cellule></ligne>"
    "<ligne><cellule>Habitat</cellule><cellule>30</cellule></ligne>"
    "<ligne><cellule>Déchets</cellule><cellule>45</cellule></ligne>"
    "<ligne><cellule>Total</cellule><cellule>75</cellule></ligne>";

TEST(TableLayout, LightRulesAreBooktabs) {
    const LaidOutDocument doc =
        lay_out("<document><tableau colonnes=\"* 30mm\" filets=\"leger\">" + kRows + "</tableau></document>");
    const std::vector<const Rule*> rules = rules_of(doc.pages.at(0));
    // Above the table, under the header, under the table: horizontal only.
    ASSERT_EQ(rules.size(), 3u);
    for (const Rule* r : rules) EXPECT_EQ(r->y1, r->y2);
    EXPECT_LT(rules[0]->y1, rules[1]->y1);
    EXPECT_LT(rules[1]->y1, rules[2]->y1);
    // Top and bottom rules heavier than the one under the header.
    EXPECT_NEAR(rules[0]->width, 0.8, 1e-9);
    EXPECT_NEAR(rules[1]->width, 0.5, 1e-9);
    EXPECT_NEAR(rules[2]->width, 0.8, 1e-9);
}

TEST(TableLayout, GridIsStillTheMarkupDefault) {
    const LaidOutDocument doc = lay_out("<document><tableau colonnes=\"* 30mm\">" + kRows + "</tableau></document>");
    const std::vector<const Rule*> rules = rules_of(doc.pages.at(0));
    EXPECT_EQ(rules.size(), 4u * 5u);  // per row: top, bottom, two cell edges, the right edge
}

TEST(TableLayout, ALightTableBrokenAcrossPagesRepeatsItsHeaderWithItsRules) {
    std::string rows;
    for (int i = 0; i < 80; ++i) rows += "<ligne><cellule>Ligne " + std::to_string(i) + "</cellule><cellule>1</cellule></ligne>";
    const LaidOutDocument doc = lay_out(
        "<document><tableau colonnes=\"* 30mm\" filets=\"leger\"><ligne entete=\"oui\"><cellule>Secteur</cellule>"
        "<cellule>Jours</cellule></ligne>" + rows + "</tableau></document>");
    ASSERT_GE(doc.pages.size(), 2u);
    // Page 2: the repeated header's two rules, and the bottom rule at the end.
    const std::vector<const Rule*> last = rules_of(doc.pages.back());
    ASSERT_EQ(last.size(), 3u);
    EXPECT_NEAR(last.back()->width, 0.8, 1e-9);
    // Page 1 ends without a bottom rule: the table goes on.
    EXPECT_EQ(rules_of(doc.pages.front()).size(), 2u);
}

}  // namespace
}  // namespace lettrine
