// Margin protrusion (issue 11, item 3: « optional margin protrusion for
// hyphens, commas and periods »): the breaker fills the measure plus the
// hang of a justified line's edge glyphs, the setter lets them hang, and
// alignement-optique="non" or typographie="non" turns it off.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/line_breaker.hpp"
#include "layout/protrusion.hpp"
#include "layout_test_support.hpp"
#include "line_items.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

// A page 130 mm wide, 20 mm margins: justified lines end at 110 mm.
const double kRight = mm(110);
const char* kPage = "<document largeur=\"130mm\" hauteur=\"297mm\" marges=\"20mm\" taille=\"11\"{options}>";
const char* kText =
    "<p align=\"justifie\"{p}>Au cours de l’été 2015, les acteurs du secteur, réunis en ateliers, ont proposé des "
    "pistes, des projets, des coopérations et des idées. La feuille de route a permis d’accompagner les grands "
    "secteurs d’activité, retenus pour leur potentiel de développement, de création d’emplois et d’innovation "
    "sociale. La démarche a mobilisé trois cents participants, cent contributions, cinq réunions thématiques, "
    "des rencontres avec les politiques publiques de la métropole, et deux ateliers de restitution.</p>";

std::string document(const std::string& document_options, const std::string& p_options = "") {
    std::string xml = kPage;
    xml.replace(xml.find("{options}"), 9, document_options);
    std::string text = kText;
    text.replace(text.find("{p}"), 3, p_options);
    return xml + text + "</document>";
}

struct Edge {
    char32_t last = 0;     // the line's last glyph
    double advance = 0;    // its advance, points
    double size = 0;       // its run's size
    double right = 0;      // where its advance ends
    double left = 0;       // where the line's first glyph starts
};

// The edges of each line of the page, top to bottom.
std::vector<Edge> edges(const LaidOutPage& page) {
    std::vector<Edge> out;
    double last_y = -1;
    for (const GlyphRun* r : runs(page)) {
        if (r->glyphs.empty()) continue;
        if (out.empty() || r->y != last_y) {
            out.emplace_back();
            out.back().left = r->x + r->glyphs.front().x;
        }
        last_y = r->y;
        const PlacedGlyph& g = r->glyphs.back();
        out.back().last = g.text.empty() ? 0 : g.text.back();
        out.back().advance = g.advance;
        out.back().size = r->size;
        out.back().right = r->x + g.x + g.advance;
    }
    return out;
}

// The text of a page without spaces and without the hyphens the breaker added.
std::u32string letters(const LaidOutPage& page) {
    std::u32string out;
    for (const GlyphRun* r : runs(page))
        for (std::size_t k = 0; k < r->glyphs.size(); ++k) {
            if (r->break_hyphen && k + 1 == r->glyphs.size()) continue;
            for (char32_t c : r->glyphs[k].text)
                if (c != U' ' && c != 0xA0 && c != 0x202F) out += c;
        }
    return out;
}

}  // namespace

TEST(Protrusion, TheBreakerFillsTheMeasurePlusTheHang) {
    // « 45 43, » on 100: 98 wide, its space stretching 5. Flush, r = 0.4;
    // the comma hanging 2, the spaces fill 102: r = 0.8.
    std::vector<LineItem> items{box(45), glue(10), box(43), hanging(glue(10), 2), box(30), end()};
    auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NEAR(lines[0].ratio, 0.8, 1e-9);
    EXPECT_DOUBLE_EQ(lines[0].hang_right, 2);
    EXPECT_DOUBLE_EQ(lines[0].hang_left, 0);
    EXPECT_DOUBLE_EQ(lines[1].hang_right, 0);  // the last line is not justified: nothing hangs
    // A line that would shrink shrinks less: « 45 46, » is 101 wide.
    items[2].width = 46;
    lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_NEAR(lines[0].ratio, 0.2, 1e-9);
    // Without the hang, as before.
    items[2].width = 43;
    items[3].protrusion = 0;
    lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_NEAR(lines[0].ratio, 0.4, 1e-9);
    EXPECT_DOUBLE_EQ(lines[0].hang_right, 0);
}

TEST(Protrusion, AnOpeningGuillemetHangsIntoTheLeftMargin) {
    // The second line starts with a box whose first glyph hangs 3.
    const std::vector<LineItem> items{box(45), glue(10), box(43), glue(10), hanging(box(40), 3), glue(10), box(48), end()};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_DOUBLE_EQ(lines[1].hang_left, 3);
    EXPECT_DOUBLE_EQ(lines[0].hang_left, 0);
}

TEST(Protrusion, RaggedTextHangsNothing) {
    const std::vector<LineItem> items{hanging(box(45), 3), glue(10), box(43), hanging(glue(10), 2), box(30), end()};
    for (const BrokenLine& line : KnuthPlassLineBreaker().break_lines(items, {100, 100, 30})) {
        EXPECT_EQ(line.hang_left, 0);
        EXPECT_EQ(line.hang_right, 0);
    }
}

TEST(Protrusion, AHangIsNotWorthALooseLine) {
    // « 45 41, » is 96 wide: r = 0.8 flush; hanging 2 would need r = 1.2,
    // past the stretch limit: the comma hangs only 1, at r = 1.
    const std::vector<LineItem> items{box(45), glue(10), box(41), hanging(glue(10), 2), box(30), end()};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NEAR(lines[0].ratio, 1, 1e-9);
    EXPECT_NEAR(lines[0].hang_right, 1, 1e-9);
}

TEST(Protrusion, FactorsAreFractionsOfTheGlyphAtMostHalfAnEm) {
    EXPECT_DOUBLE_EQ(protrusion_factors(U',').right, 0.7);
    EXPECT_DOUBLE_EQ(protrusion_factors(U'.').right, 0.7);
    EXPECT_DOUBLE_EQ(protrusion_factors(U'-').right, 0.5);
    EXPECT_DOUBLE_EQ(protrusion_factors(U'a').right, 0);
    EXPECT_DOUBLE_EQ(protrusion_factors(U'\u00AB').left, 0.4);
    EXPECT_DOUBLE_EQ(protrusion_points(0.7, 3, 11), 2.1);
    EXPECT_DOUBLE_EQ(protrusion_points(1, 20, 10), 5);  // capped at 0.5 em
}

TEST(Protrusion, CommasPeriodsAndHyphensHangPastTheMeasure) {
    const LaidOutDocument doc = lay_out(document(""));
    const std::vector<Edge> lines = edges(doc.pages.at(0));
    ASSERT_GE(lines.size(), 5u);
    int hanging = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {  // the last line is not justified
        const Edge& e = lines[k];
        const double hang = protrusion_points(protrusion_factors(e.last).right, e.advance, e.size);
        EXPECT_NEAR(e.right, kRight + hang, 1e-6) << "ligne " << k + 1;
        EXPECT_NEAR(e.left, mm(20), 1e-6) << "ligne " << k + 1;
        if (hang > 0) ++hanging;
    }
    std::string texts;
    for (const std::string& t : line_texts(doc.pages.at(0))) texts += t + "\n";
    EXPECT_GE(hanging, 2) << texts;  // the text is written to end lines with commas and hyphens
}

TEST(Protrusion, AlignementOptiqueNonAndTypographieNonSetLinesFlush) {
    for (const auto& [document_options, p_options] :
         {std::pair<std::string, std::string>{" alignement-optique=\"non\"", ""}, {"", " typographie=\"non\""}}) {
        const LaidOutDocument doc = lay_out(document(document_options, p_options));
        const std::vector<Edge> lines = edges(doc.pages.at(0));
        ASSERT_GE(lines.size(), 5u);
        for (std::size_t k = 0; k + 1 < lines.size(); ++k)
            EXPECT_NEAR(lines[k].right, kRight, 1e-6) << document_options << p_options << " ligne " << k + 1;
    }
}

TEST(Protrusion, TheTextIsTheSameWithOrWithout) {
    const LaidOutDocument hung = lay_out(document(""));
    const LaidOutDocument flush = lay_out(document(" alignement-optique=\"non\""));
    EXPECT_EQ(letters(hung.pages.at(0)), letters(flush.pages.at(0)));
}

TEST(Protrusion, AnOpeningGuillemetAtALineStartHangsLeft) {
    // Narrow enough that some line starts with « (the fine after it stays in the measure).
    const LaidOutDocument doc = lay_out(
        "<document largeur=\"100mm\" hauteur=\"297mm\" marges=\"20mm\" taille=\"11\"><p align=\"justifie\">"
        "Les membres ont voté « oui » puis « non » puis encore « oui » et « non » et « peut-être » avant de se "
        "séparer « sans » conclure « rien » ni « personne » après « minuit » passé.</p></document>");
    int hanging = 0;
    for (const Edge& e : edges(doc.pages.at(0))) {
        if (e.left < mm(20) - 1e-6) {
            ++hanging;
            EXPECT_GT(e.left, mm(20) - 0.5 * 11);
        }
    }
    const auto texts = line_texts(doc.pages.at(0));
    int starting = 0;
    for (const std::string& t : texts) starting += t.rfind("\u00AB", 0) == 0 ? 1 : 0;
    EXPECT_EQ(hanging, starting);
    EXPECT_GE(starting, 1);
}

TEST(Protrusion, TheSwitchIsReadOnTheDocument) {
    EXPECT_TRUE(parse_markup(document(""), "test.xml").optical_margins);
    const Document off = parse_markup(document(" alignement-optique=\"non\""), "test.xml");
    EXPECT_FALSE(off.optical_margins);
    EXPECT_NE(dump(off).find("no-optical-margins"), std::string::npos);
    try {
        parse_markup(document(" alignement-optique=\"peut-être\""), "test.xml");
        FAIL() << "une valeur autre que oui ou non est acceptée";
    } catch (const LettrineError& e) {
        ASSERT_EQ(e.diagnostics().items().size(), 1u);
        const std::string message = e.diagnostics().items()[0].describe();
        EXPECT_NE(message.find("test.xml:1:"), std::string::npos) << message;
        EXPECT_NE(message.find("« peut-être »"), std::string::npos) << message;
        EXPECT_NE(message.find("alignement-optique"), std::string::npos) << message;
    }
}
