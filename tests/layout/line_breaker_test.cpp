#include <gtest/gtest.h>

#include "layout/line_breaker.hpp"

using namespace lettrine;

namespace {

LineItem box(double w) { LineItem i; i.kind = LineItem::Kind::Box; i.width = w; return i; }
LineItem glue(double w) { LineItem i; i.kind = LineItem::Kind::Glue; i.width = w; i.stretch = w / 2; i.shrink = w / 3; return i; }
LineItem end() { LineItem i; i.kind = LineItem::Kind::Penalty; i.penalty = kForcedBreak; return i; }

}  // namespace

TEST(GreedyLineBreaker, FillsLinesAndJustifies) {
    // Words of 30 pt separated by 6 pt spaces, on 100 pt: three words per line (102 - 2 shrink fits? 30*3+6*2=102, shrink 4).
    std::vector<LineItem> items;
    for (int k = 0; k < 7; ++k) {
        if (k) items.push_back(glue(6));
        items.push_back(box(30));
    }
    items.push_back(end());
    const auto lines = GreedyLineBreaker().break_lines(items, {100, 100});
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].begin, 0u);
    EXPECT_EQ(lines[0].end, 5u);  // items[5] is the glue after the third word
    EXPECT_DOUBLE_EQ(lines[0].natural, 102);
    EXPECT_DOUBLE_EQ(lines[0].ratio, -0.5);  // 2 pt of shrink out of 4
    EXPECT_FALSE(lines[0].ends_paragraph_or_forced);
    EXPECT_EQ(lines[1].begin, 6u);
    EXPECT_TRUE(lines[2].ends_paragraph_or_forced);
    EXPECT_DOUBLE_EQ(lines[2].natural, 30);
    EXPECT_DOUBLE_EQ(lines[2].ratio, 0);
}

TEST(GreedyLineBreaker, NeverBreaksAtForbiddenPenaltyAndHonoursForcedBreaks) {
    std::vector<LineItem> items{box(10), end(), box(10)};
    LineItem forbid;
    forbid.kind = LineItem::Kind::Penalty;
    forbid.penalty = kForbiddenBreak;
    items.push_back(forbid);
    items.push_back(box(200));
    items.push_back(end());
    const auto lines = GreedyLineBreaker().break_lines(items, {50, 50});
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].end, 1u);
    EXPECT_EQ(lines[1].begin, 2u);
    EXPECT_EQ(lines[1].end, 5u);  // overfull but unbreakable
}
