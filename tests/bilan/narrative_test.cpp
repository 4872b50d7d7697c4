// Free texts: blank lines separate paragraphs, "- " lines are bullets.
#include <gtest/gtest.h>

#include "bilan/bilan.hpp"

using namespace lettrine;

namespace {

std::string dump(const Narrative& n) {
    std::string out;
    for (const auto& b : n.blocks) {
        out += b.kind == NarrativeBlock::Kind::Paragraph ? "P:" : "L:";
        for (const auto& item : b.items) out += "[" + item + "]";
        out += "\n";
    }
    return out;
}

}  // namespace

TEST(Narrative, ParagraphsAndBullets) {
    EXPECT_EQ(dump(parse_narrative("Premier paragraphe\nsur deux lignes.\n\nSecond.\n- un\n- deux\nsuite de deux\n\n- trois")),
              "P:[Premier paragraphe sur deux lignes.]\nP:[Second.]\nL:[un][deux suite de deux]\nL:[trois]\n");
}

TEST(Narrative, IndentationAndCarriageReturnsDoNotMatter) {
    EXPECT_EQ(dump(parse_narrative("\n    Texte indenté\n      - puce\n   \n")), "P:[Texte indenté]\nL:[puce]\n");
}

TEST(Narrative, EmptyTextAndLoneDashes) {
    EXPECT_TRUE(parse_narrative("").empty());
    EXPECT_TRUE(parse_narrative("  \n\n -  \n").empty());
    // A hyphen without a space is not a bullet.
    EXPECT_EQ(dump(parse_narrative("-5 % de dépenses")), "P:[-5 % de dépenses]\n");
}
