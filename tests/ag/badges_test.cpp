// Name badges: the fitting rules (shrink, then two lines, never cut) and
// the sheets (ten per A4 page, centred, crop marks, exact text).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>
#include <variant>

#include "ag/badges.hpp"
#include "ag_fixtures.hpp"
#include "pdf/pdf_writer.hpp"

using namespace lettrine;
using namespace ag_fixtures;

namespace {

const Font& bold() { return *FontSet::default_set()->get("sans", {true, false}); }
constexpr double kWidth = badge::kWidth - 2 * badge::kSidePadding;

std::string joined(const FittedText& t) {
    std::string out;
    for (const auto& l : t.lines) out += (out.empty() ? "" : " ") + l;
    return out;
}

std::string registrant(const std::string& last, const std::string& first) {
    return "    <inscrit nom=\"" + last + "\" prenom=\"" + first + "\" organisation=\"SCIC Modèle\" atelier=\"habitat\"/>\n";
}

}  // namespace

TEST(Badges, OrdinaryNameAtFourteenPointsOrMore) {
    const FittedText t = fit_badge_name(bold(), "Léa", "Martin", kWidth);
    EXPECT_EQ(t.lines, (std::vector<std::string>{"Léa Martin"}));
    EXPECT_EQ(t.size, badge::kNameLargest);
    EXPECT_GE(t.size, 14);
}

TEST(Badges, LongNameIsShrunkNotCut) {
    const std::string first = "Marie-Héloïse", last = "Delacroix-Échantillon";
    ASSERT_GT(text_width(bold(), first + " " + last, badge::kNameLargest), kWidth);
    const FittedText t = fit_badge_name(bold(), first, last, kWidth);
    ASSERT_EQ(t.lines.size(), 1u);
    EXPECT_EQ(t.lines[0], first + " " + last);
    EXPECT_LT(t.size, badge::kNameLargest);
    EXPECT_GE(t.size, badge::kNameSmallest);
    EXPECT_LE(text_width(bold(), t.lines[0], t.size), kWidth);
    // A size of the scale, the largest that fits: the next one up would not.
    const auto* size = std::find(std::begin(badge::kScale), std::end(badge::kScale), t.size);
    ASSERT_NE(size, std::end(badge::kScale));
    ASSERT_NE(size, std::begin(badge::kScale));
    EXPECT_GT(text_width(bold(), t.lines[0], *(size - 1)), kWidth);
}

TEST(Badges, EveryTextOfTheSheetsTakesASizeOfTheScale) {
    std::string people = registrant("Martin", "Léa") + registrant("Delacroix-Échantillon", "Marie-Héloïse");
    people += registrant("Delacroix-Échantillon de La Maquette-Fictive", "Marie-Héloïse Anne-Sophie Clémentine");
    const GeneralAssembly ag = read_xml_assembly(assembly_xml(people));
    const LaidOutDocument doc = badge_sheets(ag, programme(), *FontSet::default_set());
    std::set<double> sizes;
    for (const auto& item : doc.pages.at(0).items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) sizes.insert(run->size);
    EXPECT_GE(sizes.size(), 3u);
    for (double size : sizes)
        EXPECT_NE(std::find(std::begin(badge::kScale), std::end(badge::kScale), size), std::end(badge::kScale)) << size;
}

TEST(Badges, NameTooLongAtNinePointsGoesOnTwoLines) {
    const std::string first = "Marie-Héloïse Anne-Sophie Clémentine", last = "Delacroix-Échantillon de La Maquette-Fictive";
    ASSERT_GT(text_width(bold(), first + " " + last, badge::kNameSmallest), kWidth);
    const FittedText t = fit_badge_name(bold(), first, last, kWidth);
    EXPECT_EQ(t.lines, (std::vector<std::string>{first, last}));
    EXPECT_GE(t.size, badge::kNameSmallest);
    for (const auto& l : t.lines) EXPECT_LE(text_width(bold(), l, t.size), kWidth);
}

TEST(Badges, EvenLongerNameIsWrappedAtNinePointsAndKeptWhole) {
    const std::string first = "Anne-Charlotte Marie-Bénédicte Joséphine Héloïse Clémentine";
    const std::string last = "de La Tour d’Auvergne-Delacroix-Échantillon de La Maquette";
    const FittedText t = fit_badge_name(bold(), first, last, kWidth);
    EXPECT_EQ(t.size, badge::kNameSmallest);
    EXPECT_GT(t.lines.size(), 2u);
    EXPECT_EQ(joined(t), first + " " + last);
    for (const auto& l : t.lines) EXPECT_LE(text_width(bold(), l, t.size), kWidth);
}

TEST(Badges, TenPerPageInFrenchOrderWithCropMarks) {
    std::string people;
    for (int i = 0; i < 12; ++i) people += registrant("Personne" + std::to_string(10 + i), "Prénom");
    people += registrant("Écopole", "Nina") + registrant("eco", "Jules");
    const GeneralAssembly ag = read_xml_assembly(assembly_xml(people));
    const LaidOutDocument doc = badge_sheets(ag, programme(), *FontSet::default_set());
    ASSERT_EQ(doc.pages.size(), 2u);
    const auto first = page_lines(doc.pages[0]);
    EXPECT_NE(std::find(first.begin(), first.end(), "Jules eco"), first.end());
    EXPECT_LT(std::find(first.begin(), first.end(), "Jules eco"), std::find(first.begin(), first.end(), "Nina Écopole"));
    EXPECT_NE(std::find(first.begin(), first.end(), "Atelier «\u202FHabitat\u202F» · Salle habitat"), first.end());

    for (const auto& page : doc.pages) {
        std::size_t marks = 0;
        double left = 1e9, right = 0, top = 1e9, bottom = 0;
        for (const auto& item : page.items)
            if (const auto* r = std::get_if<Rule>(&item)) {
                ++marks;
                // Outside the badge grid.
                const double x0 = (page.width - 2 * badge::kWidth) / 2, y0 = (page.height - 5 * badge::kHeight) / 2;
                const bool outside = std::max(r->y1, r->y2) < y0 || std::min(r->y1, r->y2) > y0 + 5 * badge::kHeight ||
                                     std::max(r->x1, r->x2) < x0 || std::min(r->x1, r->x2) > x0 + 2 * badge::kWidth;
                EXPECT_TRUE(outside);
            } else if (const auto* rect = std::get_if<Rectangle>(&item)) {
                left = std::min(left, rect->x);
                right = std::max(right, rect->x + rect->width);
                top = std::min(top, rect->y);
                bottom = std::max(bottom, rect->y + rect->height);
            }
        EXPECT_EQ(marks, 2u * 3 + 2u * 6);  // one pair per cut line
        // The badges' content is centred on the page.
        EXPECT_NEAR(left, page.width - right, 0.01);
    }
    const auto second = page_lines(doc.pages[1]);
    EXPECT_EQ(std::count(second.begin(), second.end(), "SCIC Modèle"), 4);
}

TEST(Badges, TextExtractsExactly) {
    const GeneralAssembly ag = read_xml_assembly(
        assembly_xml(registrant("Delacroix-Échantillon", "Marie-Héloïse") + registrant("Œuvre", "Zoé")));
    const std::string pdf = write_pdf(badge_sheets(ag, programme(), *FontSet::default_set()));
    // The first badge only: pdftotext on its area (in points, at 72 dpi).
    const int x = static_cast<int>((595.276 - 2 * badge::kWidth) / 2), y = static_cast<int>((841.89 - 5 * badge::kHeight) / 2);
    const std::string first = pdf_text_of_bytes(pdf, "-r 72 -x " + std::to_string(x) + " -y " + std::to_string(y) + " -W " +
                                                std::to_string(static_cast<int>(badge::kWidth)) + " -H " +
                                                std::to_string(static_cast<int>(badge::kHeight)));
    EXPECT_NE(first.find("Marie-Héloïse Delacroix-Échantillon"), std::string::npos) << first;
    EXPECT_NE(first.find("SCIC Modèle"), std::string::npos);
    EXPECT_EQ(first.find("Zoé"), std::string::npos);
    EXPECT_NE(pdf_text_of_bytes(pdf).find("Zoé Œuvre"), std::string::npos);
}

TEST(Badges, MissingCharacterIsAPositionedError) {
    // An ideograph: no document font has it. (An emoji is no longer an
    // error: the data boundary replaces it with « □ » and warns, below.)
    const GeneralAssembly ag = read_xml_assembly(assembly_xml(registrant("Exemple", "Léa \u4E2D")));
    try {
        badge_sheets(ag, programme(), *FontSet::default_set());
        FAIL() << "expected an error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(described(e.diagnostics()),
                  (std::vector<std::string>{"ag-test.xml:27:5 : le caractère « \u4E2D » (U+4E2D) n’existe pas "
                                            "dans la police Liberation Sans : badge impossible"}));
    }
}

TEST(Badges, AnEmojiInANameIsPrintedAsTheMarker) {
    const GeneralAssembly ag = read_xml_assembly(assembly_xml(registrant("Exemple", "Léa \xF0\x9F\x98\x80")));
    const LaidOutDocument doc = badge_sheets(ag, programme(), *FontSet::default_set());
    const auto lines = page_lines(doc.pages.at(0));
    EXPECT_NE(std::find(lines.begin(), lines.end(), "Léa □ Exemple"), lines.end());
}
