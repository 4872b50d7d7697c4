// The output folder's manifest by job (core/manifest.hpp): stale files are
// those the same job's previous run named, that this run did not write and
// that are still there; the other jobs' sections are kept untouched.
#include <gtest/gtest.h>

#include "core/manifest.hpp"

using namespace lettrine::publication;

namespace {

const auto kAllPresent = [](const std::string&) { return true; };

}  // namespace

TEST(Manifest, EachJobKeepsItsOwnSection) {
    std::string text = manifest_with("", "lettres", {"lettres/a.pdf", "lettres/b.pdf"});
    text = manifest_with(text, "budget", {"budget-2016.xlsx"});
    text = manifest_with(text, "lettres", {"lettres/a.pdf"});
    EXPECT_EQ(text, "lettrine-manifeste 2\njob\tlettres\nlettres/a.pdf\njob\tbudget\nbudget-2016.xlsx\n");
}

TEST(Manifest, StaleFilesAreThePreviousRunsOfTheSameJobOnly) {
    std::string text = manifest_with("", "lettres", {"lettres/a.pdf", "lettres/b.pdf"});
    text = manifest_with(text, "lettres --secteur c", {"lettres/c.pdf"});
    EXPECT_EQ(stale_in(text, "lettres", {"lettres/a.pdf"}, kAllPresent), std::vector<std::string>{"lettres/b.pdf"});
    EXPECT_TRUE(stale_in(text, "lettres --secteur c", {"lettres/c.pdf"}, kAllPresent).empty());
    EXPECT_TRUE(stale_in(text, "budget", {}, kAllPresent).empty());
    // A file already gone is not reported.
    EXPECT_TRUE(stale_in(text, "lettres", {"lettres/a.pdf"}, [](const std::string&) { return false; }).empty());
}

TEST(Manifest, TheUnnamedJobNeverHasStaleFiles) {
    const std::string v1 = "lettrine-manifeste 1\na.pdf\nlettres/b.pdf\n";
    EXPECT_TRUE(stale_in(v1, "", {}, kAllPresent).empty());
    // A version 1 manifest is the unnamed job's: kept beside a named job.
    EXPECT_EQ(manifest_with(v1, "lettres", {"x.pdf"}),
              "lettrine-manifeste 2\njob\t\na.pdf\nlettres/b.pdf\njob\tlettres\nx.pdf\n");
}

TEST(Manifest, NamesWithTabsAndNewlinesAreEscaped) {
    const std::string text = manifest_with("", "fusion --chaque a\tb", {"x\ny.pdf", "job\tz"});
    EXPECT_EQ(text, "lettrine-manifeste 2\njob\tfusion --chaque a\\tb\nx\\ny.pdf\njob\\tz\n");
    EXPECT_EQ(stale_in(text, "fusion --chaque a\tb", {}, kAllPresent), (std::vector<std::string>{"x\ny.pdf", "job\tz"}));
}
