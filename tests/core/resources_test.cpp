// Resources named by data or templates are found in one order and only inside
// the run's folders (issue 16): never /srv/prive/secret.png, ../../secret.png,
// /dev/zero or a FIFO.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>

#include "core/resources.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

namespace {

class Resources : public ::testing::Test {
protected:
    void SetUp() override {
        base = fs::canonical(fs::temp_directory_path()) / ("lettrine-resources-" + std::to_string(::getpid()));
        fs::remove_all(base);
        for (const char* folder : {"projet/templates", "projet/input", "projet/samples/fusion", "projet/samples/csv",
                                   "ailleurs/bureau", "prive"})
            fs::create_directories(base / folder);
        write("projet/input/logo.png");
        write("projet/templates/lettre.xml.mustache");
        write("projet/samples/fusion/invitation.xml.mustache");
        write("prive/secret.png");
        write("ailleurs/secret.png");
        write("ailleurs/bureau/programme.xlsx");
    }
    void TearDown() override { fs::remove_all(base); }
    void write(const std::string& relative) { std::ofstream((base / relative).string()) << "PNG"; }
    fs::path base;
};

}  // namespace

TEST_F(Resources, AWorkbookSavedAnywhereFindsTheProjectsLogo) {
    const ResourceResolver resolver(base / "ailleurs/bureau/programme.xlsx", base / "projet/templates/lettre.xml.mustache");
    EXPECT_EQ(resolver.resolve("logo.png").path, base / "projet/input/logo.png");
    EXPECT_EQ(resolver.resolve("../input/logo.png").path, base / "projet/input/logo.png");
    EXPECT_EQ(resolver.resolve((base / "projet/input/logo.png").string()).path, base / "projet/input/logo.png");
}

TEST_F(Resources, TheSamplesRelativePathsKeepWorking) {
    const ResourceResolver merge({}, base / "projet/samples/fusion/invitation.xml.mustache");
    EXPECT_EQ(merge.resolve("../../input/logo.png").path, base / "projet/input/logo.png");
    const ResourceResolver csv(base / "projet/samples/csv", base / "projet/templates/lettre.xml.mustache");
    EXPECT_EQ(csv.resolve("../../input/logo.png").path, base / "projet/input/logo.png");
}

TEST_F(Resources, NothingOutsideTheRunsFoldersIsRead) {
    const ResourceResolver resolver(base / "ailleurs/bureau/programme.xlsx", base / "projet/templates/lettre.xml.mustache");
    for (const std::string& name : {(base / "prive/secret.png").string(), std::string("../../prive/secret.png"),
                                    std::string("../secret.png"), std::string("/dev/zero"), std::string("/dev/urandom"),
                                    std::string("/etc/passwd")}) {
        const auto resolved = resolver.resolve(name);
        EXPECT_TRUE(resolved.path.empty()) << name;
        EXPECT_EQ(resolved.problem.rfind("ce fichier est hors des dossiers où Lettrine prend ses ressources (", 0), 0u)
            << name << " : " << resolved.problem;
    }
    // A link inside the project to a file outside is outside too.
    fs::create_symlink(base / "prive/secret.png", base / "projet/input/lien.png");
    EXPECT_TRUE(resolver.resolve("lien.png").path.empty());
}

TEST_F(Resources, AFifoOrAFolderIsRefusedWithoutBlocking) {
    ASSERT_EQ(::mkfifo((base / "projet/input/tube.png").c_str(), 0600), 0);
    const ResourceResolver resolver({}, base / "projet/templates/lettre.xml.mustache");
    EXPECT_EQ(resolver.resolve("tube.png").problem, "ce n’est pas un fichier ordinaire (périphérique ou tube) : refusé");
    EXPECT_EQ(resolver.resolve("../templates").problem, "c’est un dossier, pas un fichier");
    EXPECT_EQ(resolver.resolve("absent.png").problem.rfind("fichier introuvable (cherché dans : ", 0), 0u);
}
