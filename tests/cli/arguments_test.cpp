#include <gtest/gtest.h>

#include "cli/command_line.hpp"
#include "core/diagnostic.hpp"

using namespace lettrine;

namespace {
std::string usage_message(const std::vector<std::string>& args) {
    try {
        parse_arguments(args);
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        return e.what();
    }
    return "";
}
}  // namespace

TEST(Arguments, DefaultsToDecemberOnDefaultData) {
    const Invocation a = parse_arguments({});
    EXPECT_EQ(a.command->names.front(), "decembre");
    EXPECT_EQ(a.value("--donnees"), "input/programme-2016.xlsx");
    EXPECT_EQ(a.value("--sortie"), "output");
    EXPECT_EQ(a.value("--modeles"), "templates");
}

TEST(Arguments, ParsesOptions) {
    const Invocation a = parse_arguments({"lettres", "--donnees", "x.xml", "--sortie=o", "--secteur", "habitat",
                                         "--secteur", "numerique", "--jobs", "2", "--verbose"});
    EXPECT_EQ(a.command->names.front(), "lettres");
    EXPECT_EQ(a.value("--donnees"), "x.xml");
    EXPECT_EQ(a.value("--sortie"), "o");
    EXPECT_EQ(a.values("--secteur"), (std::vector<std::string>{"habitat", "numerique"}));
    EXPECT_EQ(a.jobs(), 2);
    EXPECT_EQ(a.verbosity(), Verbosity::Verbose);
}

TEST(Arguments, ReportsMistakesInFrench) {
    EXPECT_NE(usage_message({"imprimer"}).find("commande inconnue « imprimer »"), std::string::npos);
    EXPECT_NE(usage_message({"--vite"}).find("option inconnue « --vite »"), std::string::npos);
    EXPECT_NE(usage_message({"--jobs", "deux"}).find("--jobs attend un nombre entier"), std::string::npos);
    EXPECT_NE(usage_message({"--donnees"}).find("l'option --donnees attend une valeur"), std::string::npos);
    EXPECT_NE(usage_message({"fusion", "--donnees", "d.xml"}).find("--modele est obligatoire"), std::string::npos);
}

TEST(Arguments, HelpIsFrench) {
    EXPECT_EQ(parse_arguments({"--aide"}).command->names.front(), "aide");
    EXPECT_NE(help_text().find("Codes de sortie"), std::string::npos);
}
