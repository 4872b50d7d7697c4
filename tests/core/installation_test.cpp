// Where Lettrine finds its own files (core/installation.hpp). A program of
// the build tree (this test) uses the source tree and the helpers the build
// made; the installed layout, found from the program's own path, is checked
// on an unpacked Debian package by tests/paquet/paquet_test.py.
#include <gtest/gtest.h>

#include <cstdlib>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/installation.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

namespace {

TEST(Installation, AProgramOfTheBuildTreeUsesTheSourceTree) {
    EXPECT_EQ(installed_defaults_folder(), fs::path(LETTRINE_SOURCE_DIR));
    EXPECT_TRUE(fs::exists(installed_defaults_folder() / "templates" / "web"));
    EXPECT_EQ(running_program().filename().string(), "test_core");
}

TEST(Installation, AHelperIsFoundBesideTheProgramOrAtItsBuildPath) {
    const fs::path self = running_program();
    // Beside the running program comes first: the test binary itself stands in for a helper.
    EXPECT_EQ(find_helper_program({"test_core", "LETTRINE_ESSAI_AUXILIAIRE", nullptr, "programme d'essai"}), self);
    const std::string build_path = self.string();
    EXPECT_EQ(find_helper_program({"absent", "LETTRINE_ESSAI_AUXILIAIRE", build_path.c_str(), "programme d'essai"}),
              self);
}

TEST(Installation, AMissingHelperIsExplainedInFrench) {
    try {
        find_helper_program({"lettrine-absent", "LETTRINE_ESSAI_AUXILIAIRE", "/nulle/part", "programme d'essai"});
        FAIL() << "an absent helper was found";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Internal);
        const std::string message = e.what();
        EXPECT_NE(message.find("programme d'essai introuvable"), std::string::npos) << message;
        EXPECT_NE(message.find("lettrine-absent"), std::string::npos) << message;
        EXPECT_NE(message.find("LETTRINE_ESSAI_AUXILIAIRE"), std::string::npos) << message;
    }
    ::setenv("LETTRINE_ESSAI_AUXILIAIRE", "/nulle/part/auxiliaire", 1);
    try {
        find_helper_program({"test_core", "LETTRINE_ESSAI_AUXILIAIRE", nullptr, "programme d'essai"});
        FAIL() << "the variable was not obeyed";
    } catch (const LettrineError& e) {
        EXPECT_NE(std::string(e.what()).find("/nulle/part/auxiliaire : programme d'essai introuvable ou non exécutable"),
                  std::string::npos)
            << e.what();
    }
    ::unsetenv("LETTRINE_ESSAI_AUXILIAIRE");
}

}  // namespace
