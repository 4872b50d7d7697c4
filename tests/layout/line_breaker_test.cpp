#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "layout/line_breaker.hpp"
#include "line_items.hpp"

using namespace lettrine;
using namespace lettrine::testing;

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

namespace {

LineItem hyphen(double w) {
    LineItem i;
    i.kind = LineItem::Kind::Penalty;
    i.flagged = true;
    i.penalty = 50;
    i.width = w;
    return i;
}

std::vector<std::pair<std::size_t, std::size_t>> spans(const std::vector<BrokenLine>& lines) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const BrokenLine& l : lines) out.emplace_back(l.begin, l.end);
    return out;
}

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

}  // namespace

// Greedy packs three words with shrunk spaces, then leaves "72" alone on an
// underfull line; total fit takes two loose-but-even lines instead:
//   greedy : [40 40 8] r = -0.8 | [72] (nothing to stretch) | [45]
//   total  : [40 40] r = +1.0   | [8 72] r = +1.0           | [45]
TEST(KnuthPlassLineBreaker, BalancesLinesWhereGreedyLeavesAnUnderfullOne) {
    std::vector<LineItem> items;
    for (double w : {40.0, 40.0, 8.0, 72.0, 45.0}) {
        if (!items.empty()) items.push_back(glue(10, 10, 5));
        items.push_back(box(w));
    }
    items.push_back(end());
    const auto optimal = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(spans(optimal), (Spans{{0, 3}, {4, 7}, {8, 9}}));
    ASSERT_EQ(optimal.size(), 3u);
    EXPECT_DOUBLE_EQ(optimal[0].ratio, 1.0);
    EXPECT_DOUBLE_EQ(optimal[1].ratio, 1.0);
    EXPECT_DOUBLE_EQ(optimal[1].natural, 90);
    EXPECT_TRUE(optimal[2].ends_paragraph_or_forced);
    EXPECT_DOUBLE_EQ(optimal[2].ratio, 0);  // the last line is filled with white
    EXPECT_EQ(spans(GreedyLineBreaker().break_lines(items, {100, 100})), (Spans{{0, 5}, {6, 7}, {8, 9}}));
}

// Each word is "45-55" with a hyphenation point; a line "45 45-" is exactly
// full, so every line would end with a hyphen if nothing forbade it.
std::vector<LineItem> hyphen_ladder(int words) {
    std::vector<LineItem> items;
    items.push_back(box(45));
    for (int k = 0; k < words; ++k) {
        items.push_back(glue(10, 10, 3));
        items.push_back(box(40));
        items.push_back(hyphen(5));
        items.push_back(box(45));
    }
    items.push_back(end());
    return items;
}

int longest_hyphen_streak(const std::vector<BrokenLine>& lines) {
    int streak = 0, longest = 0;
    for (const BrokenLine& l : lines) {
        streak = l.hyphenated ? streak + 1 : 0;
        longest = std::max(longest, streak);
    }
    return longest;
}

TEST(KnuthPlassLineBreaker, NeverThreeHyphenatedLinesInARow) {
    const auto items = hyphen_ladder(8);
    KnuthPlassParameters loose;
    loose.max_consecutive_hyphens = 3;  // more than the breaker tracks: no limit
    loose.flagged_demerits = 0;
    loose.final_hyphen_demerits = 0;
    loose.short_last_line_demerits = 0;
    EXPECT_GE(longest_hyphen_streak(KnuthPlassLineBreaker(loose).break_lines(items, {100, 100})), 3)
        << "the ladder does invite long streaks";
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_LE(longest_hyphen_streak(lines), 2);
    EXPECT_LE(longest_hyphen_streak(GreedyLineBreaker().break_lines(items, {100, 100})), 2);
    // Every box is set exactly once, in order.
    std::size_t next = 0;
    for (const BrokenLine& l : lines) {
        EXPECT_GE(l.begin, next);
        for (std::size_t k = next; k < l.begin; ++k) EXPECT_NE(items[k].kind, LineItem::Kind::Box);
        next = l.end;
    }
    EXPECT_EQ(next, items.size() - 1);
}

TEST(KnuthPlassLineBreaker, AHyphenBeforeTheLastLineIsACostNotABan) {
    // "20 20 25-" then "20 30": the hyphen leaves a whole word on the last
    // line; without it the first line would be "20 20" stretched to r = 1.67.
    const std::vector<LineItem> items{box(20), glue(10, 30, 1), box(20), glue(10, 30, 1), box(25), hyphen(5),
                                      box(20), glue(10, 30, 1), box(30), end()};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(spans(lines), (Spans{{0, 5}, {6, 9}}));
    EXPECT_TRUE(lines[0].hyphenated);
    // The cost is TeX's \finalhyphendemerits: where loose lines are allowed
    // at all, a dearer one gives the loose line back.
    KnuthPlassParameters dear;
    dear.final_hyphen_demerits = 1e6;
    dear.stretch_limit = 2;
    EXPECT_EQ(spans(KnuthPlassLineBreaker(dear).break_lines(items, {100, 100})), (Spans{{0, 3}, {4, 9}}));
}

TEST(KnuthPlassLineBreaker, AWordsEndAloneOnTheLastLineCosts) {
    // "20 20 25-" fills the first line and leaves "20", a word's end, alone;
    // "20 20" at r = 0.83 keeps the word whole.
    const std::vector<LineItem> items{box(20), glue(10, 60, 1), box(20), glue(10, 60, 1), box(25), hyphen(5),
                                      box(20), end()};
    KnuthPlassParameters free;
    free.final_hyphen_demerits = 0;
    free.short_last_line_demerits = 0;
    EXPECT_EQ(spans(KnuthPlassLineBreaker(free).break_lines(items, {100, 100})), (Spans{{0, 5}, {6, 7}}));
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(spans(lines), (Spans{{0, 3}, {4, 7}}));
    EXPECT_FALSE(lines[0].hyphenated);
    const auto greedy = GreedyLineBreaker().break_lines(items, {100, 100});
    EXPECT_FALSE(greedy[0].hyphenated);
}

TEST(KnuthPlassLineBreaker, ALastLineShorterThanTheMinimumCosts) {
    // "30 30 25" shrunk (r = -0.83) leaves "5" alone; "30 30" at r = 1 does not.
    const std::vector<LineItem> items{box(30), glue(10, 30, 3), box(30), glue(10, 30, 3), box(25),
                                      glue(10, 30, 3), box(5), end()};
    LineMeasure measure{100, 100};
    EXPECT_EQ(spans(KnuthPlassLineBreaker().break_lines(items, measure)), (Spans{{0, 5}, {6, 7}}));
    measure.short_last_line = 15;
    EXPECT_EQ(spans(KnuthPlassLineBreaker().break_lines(items, measure)), (Spans{{0, 3}, {4, 7}}));
}

TEST(KnuthPlassLineBreaker, RaggedLinesKeepNaturalSpaces) {
    std::vector<LineItem> items;
    for (int k = 0; k < 12; ++k) {
        if (k) items.push_back(glue(6, 3, 2));
        items.push_back(box(k % 3 == 0 ? 50 : 20));
    }
    items.push_back(end());
    LineMeasure ragged{120, 120, 30};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, ragged);
    ASSERT_GE(lines.size(), 3u);
    for (const BrokenLine& l : lines) {
        EXPECT_EQ(l.ratio, 0) << "spaces are never stretched nor shrunk in ragged text";
        EXPECT_LE(l.natural, 120 + 1e-9);
    }
}

TEST(KnuthPlassLineBreaker, OverfullOnlyWhenUnavoidableAndForcedBreaksKept) {
    // A box wider than the measure between ordinary words, and an empty line from <br/><br/>.
    const std::vector<LineItem> items{box(30), glue(10, 5, 3), box(150), glue(10, 5, 3), box(30), end(), end(),
                                      box(20), end()};
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(spans(lines), (Spans{{0, 1}, {2, 3}, {4, 5}, {6, 6}, {7, 8}}));
    EXPECT_GT(lines[1].natural, 100);
    EXPECT_TRUE(lines[2].ends_paragraph_or_forced);
    EXPECT_TRUE(lines[3].ends_paragraph_or_forced);
}

TEST(KnuthPlassLineBreaker, LongParagraphIsBrokenWithoutOverfullLines) {
    // 5000 words of varied widths: every line within the measure, shrink at most -1.
    std::vector<LineItem> items;
    uint32_t seed = 12345;
    for (int k = 0; k < 5000; ++k) {
        seed = seed * 1103515245u + 12345u;
        if (k) items.push_back(glue(4, 2, 1.3));
        items.push_back(box(8 + (seed >> 16) % 40));
    }
    items.push_back(end());
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {300, 300});
    ASSERT_GT(lines.size(), 500u);
    for (const BrokenLine& l : lines) {
        EXPECT_GE(l.ratio, -1);
        if (!l.ends_paragraph_or_forced) {
            EXPECT_LE(l.ratio, 2.0);
        }
    }
    EXPECT_EQ(lines.back().end, items.size() - 1);
}

namespace {

// Words (a pair: a word with a hyphenation point, `hyphen` wide when drawn)
// separated by the given glue, closed by the paragraph's end.
struct Word {
    double a = 0, b = -1;  // b >= 0: "a-b"
    Word(double width) : a(width) {}  // NOLINT: a plain word from its width
    Word(double first, double second) : a(first), b(second) {}
};
std::vector<LineItem> words(std::initializer_list<Word> list, LineItem space, double hyphen_width) {
    std::vector<LineItem> items;
    for (const Word& w : list) {
        if (!items.empty()) items.push_back(space);
        items.push_back(box(w.a));
        if (w.b >= 0) {
            items.push_back(hyphen(hyphen_width));
            items.push_back(box(w.b));
        }
    }
    items.push_back(end());
    return items;
}

std::vector<std::size_t> ends(const std::vector<BrokenLine>& lines) {
    std::vector<std::size_t> out;
    for (const BrokenLine& l : lines) out.push_back(l.end);
    return out;
}

double sum_of_ratios(const std::vector<BrokenLine>& lines) {
    double sum = 0;
    for (const BrokenLine& l : lines)
        if (!l.ends_paragraph_or_forced) sum += std::fabs(l.ratio);
    return sum;
}

KnuthPlassParameters tex_parameters() {
    KnuthPlassParameters tex;
    tex.badness_power = 3;
    tex.flagged_demerits = 10000;
    tex.fitness_demerits = 10000;
    return tex;
}

}  // namespace

// TeX's demerits grow as |r|^6 and take two lines at 0.47 and 0.60 (the
// sum of their |r| is 1.07) over a tight line at -0.67 followed by a
// perfect one (0.67 in all); demerits in |r|^4 take the latter:
//   TeX     : (10 + 100 x 0.467^3)^2 + (10 + 100 x 0.6^3)^2 = 406 + 999 = 1,405
//             (10 + 100 x 0.667^3)^2 + 10^2               = 1,568 + 100 = 1,668
//   Lettrine: (10 + 100 x 0.467^2)^2 + (10 + 100 x 0.6^2)^2 = 1,011 + 2,116 = 3,127
//             (10 + 100 x 0.667^2)^2 + 10^2               = 2,963 + 100 = 3,063
TEST(KnuthPlassLineBreaker, PrefersEvenerSpacingThanTeXsCubicBadness) {
    const auto items = words({7, 9, 10, 37, 5, 42, 27, 11, 18}, glue(10, 5, 3), 5);
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(ends(lines), (std::vector<std::size_t>{9, 15, 17}));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_NEAR(lines[0].ratio, -2.0 / 3, 1e-9);
    EXPECT_NEAR(lines[1].ratio, 0, 1e-9);
    const auto tex = KnuthPlassLineBreaker(tex_parameters()).break_lines(items, {100, 100});
    EXPECT_EQ(ends(tex), (std::vector<std::size_t>{7, 13, 17}));
    ASSERT_EQ(tex.size(), 3u);
    EXPECT_NEAR(tex[0].ratio, 7.0 / 15, 1e-9);
    EXPECT_NEAR(tex[1].ratio, 0.6, 1e-9);
    EXPECT_LT(sum_of_ratios(lines), sum_of_ratios(tex) - 0.3);
}

// A second hyphenated line in a row costs its hyphen's penalty, no more:
// here it turns a loose line (0.83) into fairly even ones. With TeX's
// \doublehyphendemerits the breaker keeps one hyphen and the loose line.
TEST(KnuthPlassLineBreaker, TakesASecondHyphenInARowWhenItEvensTheSpacing) {
    const auto items = words({{14, 13}, {6, 12}, {15, 10}, {7, 7}, 15, 11, {10, 6}, 13, {8, 12}, 29, 16, {14, 14},
                              {17, 11}, {6, 18}, 21},
                             glue(6, 3, 2), 3);
    const auto lines = KnuthPlassLineBreaker().break_lines(items, {100, 100});
    EXPECT_EQ(ends(lines), (std::vector<std::size_t>{13, 27, 37, 47}));
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_TRUE(lines[0].hyphenated);
    EXPECT_TRUE(lines[1].hyphenated);
    EXPECT_FALSE(lines[2].hyphenated);
    EXPECT_NEAR(lines[0].ratio, 2.0 / 9, 1e-9);
    EXPECT_NEAR(lines[1].ratio, -0.3, 1e-9);
    EXPECT_NEAR(lines[2].ratio, -0.5, 1e-9);
    KnuthPlassParameters discouraged;
    discouraged.flagged_demerits = 10000;
    const auto single = KnuthPlassLineBreaker(discouraged).break_lines(items, {100, 100});
    EXPECT_EQ(ends(single), (std::vector<std::size_t>{15, 27, 37, 47}));
    ASSERT_EQ(single.size(), 4u);
    EXPECT_FALSE(single[0].hyphenated);
    EXPECT_NEAR(single[1].ratio, 5.0 / 6, 1e-9);
    EXPECT_LT(sum_of_ratios(lines), sum_of_ratios(single) - 0.5);
}
