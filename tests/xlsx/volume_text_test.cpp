#include <gtest/gtest.h>

#include "programme_2016.hpp"
#include "xlsx/sheet_writer.hpp"
#include "data/volume_text.hpp"

using namespace lettrine;

namespace {
const std::string nbsp = "\u00A0";
const Sector& sector(const Programme& p, const std::string& id) {
    for (const auto& s : p.sectors)
        if (s.id == id) return s;
    throw std::runtime_error("no sector " + id);
}
}  // namespace

TEST(FormatEuros, GroupsThousandsWithNoBreakSpaces) {
    EXPECT_EQ(format_euros(Money{1000000}), "10" + nbsp + "000" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{123456789}), "1" + nbsp + "234" + nbsp + "567,89" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{99900}), "999" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{100000}), "1" + nbsp + "000" + nbsp + "€");
}

TEST(FormatEuros, ShowsCentsOnlyWhenPresent) {
    EXPECT_EQ(format_euros(Money{5}), "0,05" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{1050}), "10,50" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{0}), "0" + nbsp + "€");
}

TEST(FormatEuros, NegativeAmountsUseTheMinusSign) {
    EXPECT_EQ(format_euros(Money{-50000}), "−500" + nbsp + "€");
    EXPECT_EQ(format_euros(Money{INT64_MIN}).substr(0, 3 + 2), "−92");  // no overflow
}

TEST(FormatDayRange, RangeSingleBoundAndSingular) {
    EXPECT_EQ(format_day_range(20, 30), "20" + nbsp + "à" + nbsp + "30" + nbsp + "jours");
    EXPECT_EQ(format_day_range(30, 30), "30" + nbsp + "jours");
    EXPECT_EQ(format_day_range(std::nullopt, 45), "45" + nbsp + "jours");
    EXPECT_EQ(format_day_range(12, std::nullopt), "12" + nbsp + "jours");
    EXPECT_EQ(format_day_range(1, std::nullopt), "1" + nbsp + "jour");
    EXPECT_EQ(format_day_range(std::nullopt, std::nullopt), "");
}

TEST(DescribeAnnualVolume, SectorsOf2016) {
    const Programme p = xlsx_test::programme_2016();
    EXPECT_EQ(describe_annual_volume(sector(p, "habitat"), p),
              "15" + nbsp + "000" + nbsp + "€ (30" + nbsp + "à" + nbsp + "45" + nbsp + "jours)");
    EXPECT_EQ(describe_annual_volume(sector(p, "numerique-et-ess"), p),
              "Conventionné directement par Nantes Métropole");
}

TEST(DescribeAnnualVolume, WhicheverPartIsKnown) {
    const Programme p = xlsx_test::programme_2016();
    Sector s = sector(p, "habitat");
    s.days_min.reset();
    s.days_max.reset();
    EXPECT_EQ(describe_annual_volume(s, p), "15" + nbsp + "000" + nbsp + "€");
    s = sector(p, "habitat");
    s.budget.reset();
    EXPECT_EQ(describe_annual_volume(s, p), "30" + nbsp + "à" + nbsp + "45" + nbsp + "jours");
}

TEST(EstimateWrappedLines, GreedyWordWrap) {
    // Width 11 leaves 10 characters per line.
    EXPECT_EQ(estimate_wrapped_lines("", 11, false), 1);
    EXPECT_EQ(estimate_wrapped_lines("abcd efghi", 11, false), 1);
    EXPECT_EQ(estimate_wrapped_lines("abcd efghij", 11, false), 2);
    EXPECT_EQ(estimate_wrapped_lines("a\nb\n\nc", 11, false), 4);
    EXPECT_EQ(estimate_wrapped_lines(std::string(25, 'x'), 11, false), 3);
    EXPECT_EQ(estimate_wrapped_lines("ab " + std::string(25, 'x'), 11, false), 4);
    // Accented letters count once (code points, not bytes).
    EXPECT_EQ(estimate_wrapped_lines("éééééééééé", 11, false), 1);
    // No-break spaces keep « 10 000 € » in one word.
    EXPECT_EQ(estimate_wrapped_lines("abcdefg 10" + nbsp + "000" + nbsp + "€", 11, false), 2);
    // Bold is counted wider.
    EXPECT_EQ(estimate_wrapped_lines("abcd efghi", 11, true), 2);
}
