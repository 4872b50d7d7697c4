// Issue 13, item 9: a project folder made by `lettrine init`, the default
// programme found in it (the most recent input/programme-<année>.*, not a
// fixed 2016), messages that say which folder they looked in, and custom
// template folders that lack a template Lettrine needs.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

struct Scratch {
    fs::path dir = fresh_dir("lettrine-projet-", ::testing::UnitTest::GetInstance()->current_test_info()->name());
    ~Scratch() { fs::remove_all(dir); }
    // `lettrine ARGS` run from `cwd`.
    RunResult in(const fs::path& cwd, const std::string& args) const {
        return run("cd '" + cwd.string() + "' && " + lettrine_exe() + " " + args);
    }
};

const fs::path kSource = LETTRINE_SOURCE_DIR;

}  // namespace

TEST(Project, InitMakesAProjectWhoseProgrammeIsTheDefault) {
    Scratch s;
    const RunResult init = s.in(s.dir, "init asso --annee 2017");
    ASSERT_EQ(init.code, 0) << init.err;
    const fs::path p = s.dir / "asso";
    EXPECT_TRUE(fs::is_regular_file(p / "input/programme-2017.xlsx"));
    EXPECT_NE(init.err.find("à partir de l’exemple installé"), std::string::npos) << init.err;
    for (const char* t : {"lettre-de-mission.xml.mustache", "budget.xml.mustache", "emargement.xml.mustache"})
        EXPECT_TRUE(fs::is_regular_file(p / "templates" / t)) << t;
    EXPECT_TRUE(fs::is_directory(p / "output"));
    EXPECT_NE(slurp(p / "LISEZMOI.txt").find("lettrine decembre"), std::string::npos);

    // In the project, the 2017 programme is the default; from elsewhere, --projet.
    const RunResult letters = s.in(p, "lettres --quiet");
    ASSERT_EQ(letters.code, 0) << letters.err;
    EXPECT_TRUE(fs::exists(p / "output/lettres/lettre-de-mission-2017-habitat.pdf"));
    const RunResult budget = s.in(s.dir, "budget --quiet --projet asso");
    ASSERT_EQ(budget.code, 0) << budget.err;
    EXPECT_TRUE(fs::exists(p / "output/budget-2017.xlsx"));
    EXPECT_FALSE(fs::exists(s.dir / "output"));

    // The next year starts from this one; nothing already there is replaced.
    std::ofstream((p / "templates/lettre-de-mission.xml.mustache").string(), std::ios::app) << "<!-- perso -->";
    const std::string custom = slurp(p / "templates/lettre-de-mission.xml.mustache");
    const RunResult next = s.in(s.dir, "init asso --annee 2018");
    ASSERT_EQ(next.code, 0) << next.err;
    EXPECT_NE(next.err.find("à partir de asso/input/programme-2017.xlsx"), std::string::npos) << next.err;
    EXPECT_NE(next.err.find("modèles déjà tous présents"), std::string::npos) << next.err;
    EXPECT_EQ(slurp(p / "templates/lettre-de-mission.xml.mustache"), custom);
    const RunResult check = s.in(p, "verifier");
    EXPECT_EQ(check.code, 0) << check.err;
    ASSERT_EQ(s.in(p, "budget --quiet").code, 0);
    EXPECT_TRUE(fs::exists(p / "output/budget-2018.xlsx")) << "the most recent year is the default";
}

TEST(Project, NoProgrammeSaysWhichFolderItLookedIn) {
    Scratch s;
    const RunResult r = s.in(s.dir, "verifier");
    EXPECT_EQ(r.code, 5) << r.err;
    EXPECT_NE(r.err.find((s.dir / "input").string() + "/ : aucun fichier programme-<année>.xlsx"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("lettrine init DOSSIER --annee 2017"), std::string::npos) << r.err;
    const RunResult missing = s.in(s.dir, "verifier --donnees absent.xlsx");
    EXPECT_NE(missing.err.find("absent.xlsx : fichier introuvable (cherché dans le dossier " + s.dir.string() + "/)"),
              std::string::npos)
        << missing.err;
}

TEST(Project, ACustomTemplateFolderWithoutTheBudgetTemplateSaysHowToGetIt) {
    Scratch s;
    fs::create_directories(s.dir / "perso");
    fs::copy_file(kSource / "templates/lettre-de-mission.xml.mustache", s.dir / "perso/lettre-de-mission.xml.mustache");
    const RunResult r = s.in(kSource, "budget --modeles " + (s.dir / "perso").string() + " --sortie " +
                                          (s.dir / "sortie").string());
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("le dossier de modèles « " + (s.dir / "perso").string() +
                         " » n’a pas le modèle « budget.xml.mustache » dont « lettrine budget » a besoin"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("lettrine init DOSSIER"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("templates/budget.xml.mustache dans ce dossier"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(s.dir / "sortie"));
}
