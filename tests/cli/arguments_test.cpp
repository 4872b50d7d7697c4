#include <gtest/gtest.h>

#include "cli/arguments.hpp"
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
    const Arguments a = parse_arguments({});
    EXPECT_EQ(a.command, Command::December);
    EXPECT_EQ(a.data, "input/programme-2016.xlsx");
    EXPECT_EQ(a.output, "output");
    EXPECT_EQ(a.templates, "templates");
}

TEST(Arguments, ParsesOptions) {
    const Arguments a = parse_arguments({"lettres", "--donnees", "x.xml", "--sortie=o", "--secteur", "habitat",
                                         "--secteur", "numerique", "--jobs", "2", "--verbose"});
    EXPECT_EQ(a.command, Command::Letters);
    EXPECT_EQ(a.data, "x.xml");
    EXPECT_EQ(a.output, "o");
    EXPECT_EQ(a.sectors, (std::vector<std::string>{"habitat", "numerique"}));
    EXPECT_EQ(a.jobs, 2);
    EXPECT_TRUE(a.verbose);
}

TEST(Arguments, ReportsMistakesInFrench) {
    EXPECT_NE(usage_message({"imprimer"}).find("commande inconnue « imprimer »"), std::string::npos);
    EXPECT_NE(usage_message({"--vite"}).find("option inconnue « --vite »"), std::string::npos);
    EXPECT_NE(usage_message({"--jobs", "deux"}).find("--jobs attend un nombre entier"), std::string::npos);
    EXPECT_NE(usage_message({"--donnees"}).find("l'option --donnees attend une valeur"), std::string::npos);
    EXPECT_NE(usage_message({"fusion", "--donnees", "d.xml"}).find("--modele est obligatoire"), std::string::npos);
}

TEST(Arguments, HelpIsFrench) {
    EXPECT_EQ(parse_arguments({"--aide"}).command, Command::Help);
    EXPECT_NE(help_text().find("Codes de sortie"), std::string::npos);
}

TEST(Arguments, SignerOnlyWithTheLetters) {
    const Arguments a = parse_arguments({"lettres", "--signer", "co.p12", "--mot-de-passe-fichier", "mdp"});
    EXPECT_EQ(a.sign_certificate, "co.p12");
    EXPECT_EQ(a.sign_password_file, "mdp");
    EXPECT_EQ(parse_arguments({"decembre", "--signer=co.p12"}).sign_certificate, "co.p12");
    EXPECT_NE(usage_message({"budget", "--signer", "co.p12"}).find("qu'avec les commandes decembre et lettres"),
              std::string::npos);
}
