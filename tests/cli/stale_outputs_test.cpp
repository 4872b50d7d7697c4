// Issue 13, item 8: after a sector is removed from the programme, the letter
// an earlier run wrote for it is reported as no longer produced, and removed
// with --nettoyer; a file the user put in the output folder is never touched,
// and a --secteur run never calls the other sectors' letters stale.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

const fs::path kSource = LETTRINE_SOURCE_DIR;

// The sample programme without the « habitat » sector (its element, its
// partners, its experiments).
std::string programme_without_habitat() {
    std::istringstream lines(slurp(kSource / "input/programme-2016.xml"));
    std::string out, line;
    bool inside = false;
    while (std::getline(lines, line)) {
        if (line.find("<secteur identifiant=\"habitat\"") != std::string::npos) inside = true;
        const bool skip = inside || line.find("secteur=\"habitat\"") != std::string::npos;
        if (inside && line.find("</secteur>") != std::string::npos) inside = false;
        if (!skip) out += line + "\n";
    }
    return out;
}

struct Project {
    fs::path dir = fresh_dir("lettrine-stale-", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::path full = dir / "programme.xml";
    fs::path reduced = dir / "programme-sans-habitat.xml";
    fs::path out = dir / "sortie";
    Project() {
        fs::copy_file(kSource / "input/programme-2016.xml", full);
        std::ofstream(reduced.string()) << programme_without_habitat();
        fs::copy_file(kSource / "input/logo-ecossolies.png", dir / "logo-ecossolies.png");
    }
    ~Project() { fs::remove_all(dir); }
    RunResult lettrine_run(const std::string& args) const { return run(lettrine_exe() + " " + args + " --sortie " + out.string()); }
};

const std::string kHabitat = "lettres/lettre-de-mission-2016-habitat.pdf";

}  // namespace

TEST(StaleOutputs, ARemovedSectorsLetterIsReportedThenRemovedWithNettoyer) {
    Project p;
    ASSERT_EQ(p.lettrine_run("lettres --donnees " + p.full.string()).code, 0);
    std::ofstream((p.out / "lettres" / "ma-note.txt").string()) << "à garder";
    const RunResult first = p.lettrine_run("lettres --donnees " + p.reduced.string());
    ASSERT_EQ(first.code, 0) << first.err;
    const std::string expected = "1 fichier d’une exécution précédente n’est plus produit : " + (p.out / kHabitat).string() +
                                 " ; --nettoyer le supprime";
    EXPECT_NE(first.err.find(expected), std::string::npos) << first.err;
    EXPECT_TRUE(fs::exists(p.out / kHabitat)) << "only reported without --nettoyer";
    // Reported again by the next run, until removed.
    const RunResult second = p.lettrine_run("lettres --donnees " + p.reduced.string());
    EXPECT_NE(second.err.find(expected), std::string::npos) << second.err;
    const RunResult cleaned = p.lettrine_run("lettres --nettoyer --donnees " + p.reduced.string());
    ASSERT_EQ(cleaned.code, 0) << cleaned.err;
    EXPECT_NE(cleaned.err.find("supprimé (--nettoyer)"), std::string::npos) << cleaned.err;
    EXPECT_FALSE(fs::exists(p.out / kHabitat));
    EXPECT_EQ(slurp(p.out / "lettres" / "ma-note.txt"), "à garder") << "a file no manifest names is never touched";
    EXPECT_EQ(files_under(p.out).size(), 4u);  // three letters and the user's note
    const RunResult quiet = p.lettrine_run("lettres --donnees " + p.reduced.string());
    EXPECT_EQ(quiet.err.find("n’est plus produit"), std::string::npos) << quiet.err;
}

TEST(StaleOutputs, ASecteurRunNeverCallsTheOtherLettersStale) {
    Project p;
    ASSERT_EQ(p.lettrine_run("lettres --donnees " + p.full.string()).code, 0);
    const RunResult one = p.lettrine_run("lettres --nettoyer --secteur circuits-courts --donnees " + p.full.string());
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(one.err.find("plus produit"), std::string::npos) << one.err;
    EXPECT_EQ(files_under(p.out).size(), 4u);
    // The full run after it still knows its own letters.
    const RunResult full = p.lettrine_run("lettres --donnees " + p.reduced.string());
    EXPECT_NE(full.err.find(kHabitat), std::string::npos) << full.err;
}

TEST(StaleOutputs, AnotherCommandsFilesAreNotItsStaleFiles) {
    Project p;
    ASSERT_EQ(p.lettrine_run("budget --donnees " + p.full.string()).code, 0);
    const RunResult letters = p.lettrine_run("lettres --nettoyer --donnees " + p.full.string());
    ASSERT_EQ(letters.code, 0) << letters.err;
    EXPECT_EQ(letters.err.find("plus produit"), std::string::npos) << letters.err;
    EXPECT_TRUE(fs::exists(p.out / "budget-2016.xlsx"));
    EXPECT_TRUE(fs::exists(p.out / "budget-2016.pdf"));
}
