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
    EXPECT_NE(usage_message({"--donnees"}).find("l’option --donnees attend une valeur"), std::string::npos);
    EXPECT_NE(usage_message({"fusion", "--donnees", "d.xml"}).find("--modele est obligatoire"), std::string::npos);
}

TEST(Arguments, HelpIsFrench) {
    EXPECT_EQ(parse_arguments({"--aide"}).command->names.front(), "aide");
    EXPECT_NE(help_text().find("Codes de sortie"), std::string::npos);
}

// issue 13, item 12: a typo gets the name it was meant to be.
TEST(Arguments, SuggestsTheNameMeant) {
    EXPECT_EQ(usage_message({"lettre"}),
              "commande inconnue « lettre » : vouliez-vous dire « lettres » ?\n(« lettrine --aide » affiche l’aide)");
    EXPECT_EQ(usage_message({"BUDGET"}).rfind("commande inconnue « BUDGET » : vouliez-vous dire « budget » ?", 0), 0u);
    EXPECT_NE(usage_message({"imprimer"}).find("(commandes : decembre, lettres, budget"), std::string::npos)
        << "nothing close: the list";
    EXPECT_NE(usage_message({"lettres", "--sorti", "o"}).find("option inconnue « --sorti » : vouliez-vous dire « --sortie » ?"),
              std::string::npos);
    EXPECT_NE(usage_message({"lettres", "--secteurs=habitat"})
                  .find("option inconnue « --secteurs=habitat » : vouliez-vous dire « --secteur » ?"),
              std::string::npos);
}

TEST(Arguments, TheCommandComesFirst) {
    EXPECT_NE(usage_message({"--donnees", "x.xlsx", "lettres"})
                  .find("argument inattendu « lettres » : la commande vient en premier (lettrine lettres --donnees x.xlsx)"),
              std::string::npos);
    EXPECT_EQ(usage_message({"lettres", "budget"}).rfind("argument inattendu « budget »\n", 0), 0u);
}

// issue 13, item 14: an option a command does not take is an error, not ignored.
TEST(Arguments, BudgetRefusesSecteur) {
    EXPECT_NE(usage_message({"budget", "--secteur", "habitat"})
                  .find("budget : --secteur ne s’emploie pas, le tableau budgétaire réunit tous les secteurs"),
              std::string::npos);
    EXPECT_NE(usage_message({"fusion", "--secteur", "habitat"}).find("--secteur ne s’emploie qu’avec les commandes"),
              std::string::npos);
}

TEST(Arguments, SignerOnlyWithTheLetters) {
    const Invocation a = parse_arguments({"lettres", "--signer", "co.p12", "--mot-de-passe-fichier", "mdp"});
    EXPECT_EQ(a.value("--signer"), "co.p12");
    EXPECT_EQ(a.value("--mot-de-passe-fichier"), "mdp");
    EXPECT_EQ(parse_arguments({"decembre", "--signer=co.p12"}).value("--signer"), "co.p12");
    EXPECT_NE(usage_message({"budget", "--signer", "co.p12"}).find("--signer ne s’emploie qu’avec"), std::string::npos)
        << usage_message({"budget", "--signer", "co.p12"});
    EXPECT_NE(usage_message({"lettres", "--mot-de-passe-fichier", "mdp"}).find("qu’avec --signer"), std::string::npos);
}
