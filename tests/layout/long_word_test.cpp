// Issue 16: a cell without spaces is no word. Breaking a word wider than the
// line between every two characters gave the total-fit breaker one
// breakpoint per character: 1 Mo of such text took 4.7 s and 360 Mo, 10 Mo
// several Go. A word of more than 1,000 characters is now cut greedily into
// pieces as wide as the line (bench/long_word.sh and docs/ROBUSTESSE.md for
// the figures); shorter words keep their character breaks (the sample
// outputs, byte-identical, hold such words in narrow table columns).
#include <gtest/gtest.h>

#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

std::vector<std::string> all_lines(const LaidOutDocument& doc) {
    std::vector<std::string> out;
    for (const auto& page : doc.pages)
        for (const std::string& line : line_texts(page)) out.push_back(line);
    return out;
}

double line_width(const LaidOutPage& page, double y) {
    double left = 1e9, right = -1e9;
    for (const GlyphRun* r : runs(page)) {
        if (r->y != y || r->glyphs.empty()) continue;
        left = std::min(left, r->x + r->glyphs.front().x);
        right = std::max(right, r->x + r->glyphs.back().x + r->glyphs.back().advance);
    }
    return right - left;
}

}  // namespace

TEST(LongWord, AHugeRunWithoutSpacesIsCutIntoFullLinesOfItsOwn) {
    std::string word;
    for (int i = 0; i < 200000; ++i) word += static_cast<char>('a' + (i * 7 + i / 13) % 26);
    const LaidOutDocument doc =
        lay_out("<document marges=\"20mm\"><p align=\"justifie\">Organisation : " + word + " fin.</p></document>");
    const std::vector<std::string> lines = all_lines(doc);
    ASSERT_GT(lines.size(), 100u);
    // The piece does not start on the line of « Organisation : » (it is as wide as a line).
    EXPECT_EQ(lines.front(), "Organisation\u00A0:");
    // Every character is printed, in order, nothing added (no hyphen).
    std::string joined;
    for (std::size_t k = 1; k < lines.size(); ++k) joined += lines[k];
    EXPECT_EQ(joined, word + " fin.");
    // No line sticks out of the measure (170 mm); the pieces fill it.
    const double measure = mm(170);
    for (const auto& page : doc.pages)
        for (const GlyphRun* r : runs(page)) EXPECT_LE(line_width(page, r->y), measure + 0.01);
    const LaidOutPage& first = doc.pages.front();
    const std::vector<const GlyphRun*> first_runs = runs(first);
    EXPECT_GT(line_width(first, first_runs.at(1)->y), measure - 10);
}
