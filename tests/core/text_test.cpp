#include <gtest/gtest.h>

#include "core/text.hpp"

using namespace lettrine;

TEST(Text, SlugTransliteratesAndSanitizes) {
    EXPECT_EQ(slugify("Déchets et ressources"), "dechets-et-ressources");
    EXPECT_EQ(slugify("  Œuvre / «  Ça » ../../etc "), "oeuvre-ca-etc");
    EXPECT_EQ(slugify("???"), "sans-nom");
    EXPECT_EQ(slugify("CON"), "con-x");
    EXPECT_EQ(slugify(std::string(300, 'a')).size(), 64u);
}

TEST(Text, Utf8RoundTrip) {
    const std::string s = "« Écossolies » 15\u202F000\u00A0€ œ";
    EXPECT_EQ(u32_to_utf8(utf8_to_u32(s)), s);
    EXPECT_TRUE(is_valid_utf8(s));
    EXPECT_FALSE(is_valid_utf8("\xC3("));
}

TEST(Text, UpperKeepsAccents) { EXPECT_EQ(to_upper("économie à café"), "ÉCONOMIE À CAFÉ"); }

TEST(Text, CollapseWhitespaceKeepsNoBreakSpaces) {
    EXPECT_EQ(collapse_whitespace("  a \n\t b\u00A0: c  "), "a b\u00A0: c");
}
