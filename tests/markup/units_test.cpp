#include <gtest/gtest.h>

#include "markup/units.hpp"

using namespace lettrine;

TEST(Units, Lengths) {
    EXPECT_NEAR(*parse_length("25.4mm"), 72.0, 1e-9);
    EXPECT_NEAR(*parse_length("2,54cm"), 72.0, 1e-9);
    EXPECT_NEAR(*parse_length("0.5pt"), 0.5, 1e-12);
    EXPECT_FALSE(parse_length("12"));
    EXPECT_FALSE(parse_length("abc"));
    EXPECT_FALSE(parse_length("-3mm"));
    EXPECT_FALSE(parse_length("3 mm"));
}

TEST(Units, Extents) {
    EXPECT_EQ(parse_extent("2*", true)->kind, Extent::Kind::Relative);
    EXPECT_EQ(parse_extent("*", true)->value, 1);
    EXPECT_FALSE(parse_extent("2*", false));
    EXPECT_EQ(parse_extent("20%", false)->value, 20);
    EXPECT_FALSE(parse_extent("120%", false));
}

TEST(Units, ColorsDatesLanguages) {
    EXPECT_EQ(*parse_color("#1F4e79"), (Rgb{0x1F, 0x4E, 0x79}));
    EXPECT_FALSE(parse_color("1F4E79"));
    EXPECT_TRUE(is_iso_date("2016-02-29"));
    EXPECT_FALSE(is_iso_date("2015-02-29"));
    EXPECT_FALSE(is_iso_date("15/01/2016"));
    EXPECT_TRUE(is_language_tag("fr-FR"));
    EXPECT_FALSE(is_language_tag("f"));
    EXPECT_FALSE(is_language_tag("fr--FR"));
}
