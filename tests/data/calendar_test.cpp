#include <gtest/gtest.h>

#include "data/calendar.hpp"

using namespace lettrine;

TEST(Calendar, ParsesIsoFrenchAndWordDates) {
    const Date expected{2015, 12, 1};
    EXPECT_EQ(parse_date("2015-12-01"), expected);
    EXPECT_EQ(parse_date("01/12/2015"), expected);
    EXPECT_EQ(parse_date("1/12/2015"), expected);
    EXPECT_EQ(parse_date("1er décembre 2015"), expected);
    EXPECT_EQ(parse_date(" 1 Décembre 2015 "), expected);
    EXPECT_EQ(parse_date("29/02/2016"), (Date{2016, 2, 29}));
}

// Issue 13, item 12: « 1/12/15 » is accepted, a two-digit year being 20xx,
// and known as such so that the readers can say so.
TEST(Calendar, TwoDigitYearsAreOfThisCentury) {
    EXPECT_EQ(parse_date("1/12/15"), (Date{2015, 12, 1}));
    EXPECT_EQ(parse_date("01/12/15"), (Date{2015, 12, 1}));
    EXPECT_EQ(parse_date("29/02/16"), (Date{2016, 2, 29}));
    EXPECT_FALSE(parse_date("29/02/15").has_value());
    EXPECT_TRUE(written_with_two_digit_year(" 1/12/15 "));
    EXPECT_FALSE(written_with_two_digit_year("1/12/2015"));
    EXPECT_FALSE(written_with_two_digit_year("1er décembre 2015"));
    EXPECT_FALSE(written_with_two_digit_year("31/02/15"));
}

TEST(Calendar, RefusesImpossibleOrAmbiguousDates) {
    for (const char* text : {"31/02/2015", "29/02/2015", "2015-13-01", "12/2015", "01/12/015", "1/12/2", "2e décembre 2015",
                             "1er brumaire 2015", "demain", "", "2015-12-1"})
        EXPECT_FALSE(parse_date(text).has_value()) << text;
}

TEST(Calendar, Excel1900SerialsKeepTheLeapYearBug) {
    EXPECT_EQ(date_from_excel_serial(1), (Date{1900, 1, 1}));
    EXPECT_EQ(date_from_excel_serial(59), (Date{1900, 2, 28}));
    EXPECT_FALSE(date_from_excel_serial(60).has_value());  // the fictitious 29 February 1900
    EXPECT_EQ(date_from_excel_serial(61), (Date{1900, 3, 1}));
    EXPECT_EQ(date_from_excel_serial(42339), (Date{2015, 12, 1}));
    EXPECT_EQ(date_from_excel_serial(42339.75), (Date{2015, 12, 1}));
    EXPECT_FALSE(date_from_excel_serial(0).has_value());
    EXPECT_FALSE(date_from_excel_serial(-5).has_value());
    EXPECT_EQ(excel_serial_from_date({2015, 12, 1}), 42339);
    EXPECT_EQ(excel_serial_from_date({1900, 2, 28}), 59);
}

TEST(Calendar, Excel1904Serials) {
    EXPECT_EQ(date_from_excel_serial(0, true), (Date{1904, 1, 1}));
    EXPECT_EQ(date_from_excel_serial(40877, true), (Date{2015, 12, 1}));  // 1462 days fewer than 1900
}

TEST(Calendar, Formats) {
    EXPECT_EQ(iso_date({2015, 12, 1}), "2015-12-01");
    EXPECT_EQ(french_numeric_date({2015, 12, 1}), "01/12/2015");
}
