#include <gtest/gtest.h>

#include "core/suggestion.hpp"

using namespace lettrine;

TEST(EditDistance, CountsCharactersAndSwaps) {
    EXPECT_EQ(edit_distance("lettre", "lettres"), 1u);
    EXPECT_EQ(edit_distance("civilité", "civilite"), 1u) << "one character, two bytes";
    EXPECT_EQ(edit_distance("habiatt", "habitat"), 1u);
    EXPECT_EQ(edit_distance("abcd", "bacd"), 1u);
    EXPECT_EQ(edit_distance("ca", "abc"), 3u) << "optimal string alignment: no edit of a swapped pair";
    EXPECT_EQ(edit_distance("lettrse", "lettres"), 1u) << "a swap of two neighbours costs one";
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("budget", "budget"), 0u);
}

TEST(ClosestName, CaseFirstThenTheNearestWithinALimit) {
    const std::vector<std::string> commands = {"decembre", "lettres", "budget", "rapport"};
    EXPECT_EQ(closest_name("lettre", commands), std::optional<std::string>("lettres"));
    EXPECT_EQ(closest_name("BUDGET", commands), std::optional<std::string>("budget"));
    EXPECT_EQ(closest_name("Décembre", {"décembre", "decembre"}), std::optional<std::string>("décembre"));
    EXPECT_EQ(closest_name("imprimer", commands), std::nullopt);
    EXPECT_EQ(closest_name("budget", commands), std::nullopt) << "a known name needs no suggestion";
    EXPECT_EQ(closest_name("ab", {"xy"}), std::nullopt) << "two edits on two letters is another word";
}

TEST(DidYouMean, EndsAFrenchMessage) {
    EXPECT_EQ(did_you_mean("lettre", {"lettres"}), " : vouliez-vous dire « lettres » ?");
    EXPECT_EQ(did_you_mean("zzz", {"lettres"}), "");
}
