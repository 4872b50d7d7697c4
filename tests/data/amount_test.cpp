#include <gtest/gtest.h>

#include "data/amount.hpp"

using namespace lettrine;

namespace {
struct AmountCase { const char* text; int64_t cents; };
}  // namespace

TEST(ParseAmount, AcceptsHowFrenchUsersTypeAmounts) {
    const AmountCase cases[] = {
        {"15000", 1500000},
        {"15 000", 1500000},
        {"15\u00A0000", 1500000},
        {"15\u202F000", 1500000},
        {"15 000 €", 1500000},
        {"15\u00A0000\u00A0€", 1500000},
        {"15 000,00 €", 1500000},
        {"15000.50", 1500050},
        {"15 k€", 1500000},
        {"15K€", 1500000},
        {"15\u00A0k€", 1500000},
        {"1,5 k€", 150000},
        {"  10 000 EUR ", 1000000},
        {"1 234 567,89 €", 123456789},
        {"0", 0},
        {"12,5", 1250},
        // Issue 13, item 12: how the workbooks' users also write them.
        {"12 500 euros", 1250000},
        {"12\u00A0500\u00A0euros", 1250000},
        {"12 500 Euros", 1250000},
        {"1 euro", 100},
        {"12 500 €", 1250000},
        {"12 500,50", 1250050},
    };
    for (const auto& c : cases) {
        const auto amount = parse_amount(c.text);
        ASSERT_TRUE(amount.has_value()) << c.text;
        EXPECT_EQ(amount->cents, c.cents) << c.text;
    }
}

TEST(ParseAmount, RefusesDoubtfulAmounts) {
    for (const char* text : {"dix mille", "15,000,00", "15.000", "-15000", "- 15 000 €", "", " ", "€", "k€", "15 00",
                             "1 5000", "15000,", "15,123", "15 000 € HT", "15$", "1e5", "99999999999999",
                             "12 500 dollars", "12.500", "12 500 euros euros", "euros", "12 500eurosx"}) {
        EXPECT_FALSE(parse_amount(text).has_value()) << text;
    }
}

TEST(ParseAmount, NumericCells) {
    EXPECT_EQ(amount_from_number(15000)->cents, 1500000);
    EXPECT_EQ(amount_from_number(15000.5)->cents, 1500050);
    EXPECT_EQ(amount_from_number(0.1 + 0.2)->cents, 30);
    EXPECT_FALSE(amount_from_number(-1).has_value());
}

TEST(ParseDays, IntegersWithOptionalUnit) {
    EXPECT_EQ(parse_days("20"), 20);
    EXPECT_EQ(parse_days(" 30 j"), 30);
    EXPECT_EQ(parse_days("45 jours"), 45);
    EXPECT_EQ(parse_days("1 jour"), 1);
    EXPECT_FALSE(parse_days("vingt").has_value());
    EXPECT_FALSE(parse_days("20,5").has_value());
    EXPECT_FALSE(parse_days("-3").has_value());
    EXPECT_EQ(integer_from_number(30), 30);
    EXPECT_FALSE(integer_from_number(30.5).has_value());
    EXPECT_EQ(parse_integer("2016"), 2016);
    EXPECT_FALSE(parse_integer("2016a").has_value());
}
