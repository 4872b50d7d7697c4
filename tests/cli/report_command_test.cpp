// `lettrine rapport`: arguments, and the real executable on the default
// programme with the example bilans of input/bilans/ (the report itself is
// tested in tests/report/).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/command_line.hpp"
#include "cli_support.hpp"
#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace cli_test;

namespace {

fs::path fresh(const std::string& name) { return fresh_dir("lettrine-rapport-cli-", name); }

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

TEST(ReportArguments, RapportNotesAndDuplex) {
    const Invocation plain = parse_arguments({"rapport"});
    EXPECT_EQ(plain.command->names.front(), "rapport");
    EXPECT_EQ(plain.value("--notes"), "input/bilans");
    EXPECT_EQ(plain.value("--donnees"), "input/programme-2016.xlsx");
    EXPECT_FALSE(plain.flag("--recto-verso"));
    const Invocation given = parse_arguments({"rapport", "--notes", "notes", "--recto-verso", "--sortie", "o"});
    EXPECT_EQ(given.value("--notes"), "notes");
    EXPECT_TRUE(given.flag("--recto-verso"));
    EXPECT_EQ(given.value("--sortie"), "o");
    EXPECT_NE(usage_message({"lettres", "--notes", "n"}).find("--notes ne s’emploie qu’avec les commandes verifier, atelier et rapport"),
              std::string::npos);
    EXPECT_TRUE(parse_arguments({"atelier", "--notes", "n"}).has("--notes"));
    EXPECT_NE(usage_message({"atelier", "--notes", "n", "--badges"}).find("--notes et --badges s’excluent"),
              std::string::npos);
    EXPECT_NE(usage_message({"lettres", "--recto-verso"})
                  .find("--recto-verso ne s’emploie qu’avec les commandes atelier et rapport"),
              std::string::npos);
    EXPECT_NE(usage_message({"rapport", "--secteur", "habitat"})
                  .find("rapport : --secteur ne s’emploie pas, le rapport réunit tous les secteurs du programme"),
              std::string::npos);
    EXPECT_NE(help_text().find("rapport     rapport d’activité (PDF)"), std::string::npos);
}

TEST(ReportCommand, DefaultNotesMissingOneAndAStrayPdf) {
    const fs::path dir = fresh("defaut");
    // The default folder: every contracted sector has its bilan, so no warning.
    const RunResult ok = run(std::string(LETTRINE_EXE) + " rapport --donnees input/programme-2016.xml --sortie '" +
                               (dir / "a").string() + "'");
    ASSERT_EQ(ok.code, 0) << ok.err;
    EXPECT_EQ(ok.err.find("avertissement"), std::string::npos) << ok.err;
    EXPECT_TRUE(fs::exists(dir / "a" / "rapport-activite-2016.pdf"));

    // One bilan left out: a warning on stderr, the report still written.
    const fs::path notes = dir / "notes";
    fs::create_directories(notes);
    for (const char* name : {"bilan-2016-circuits-courts.xlsx", "bilan-2016-habitat.xlsx",
                             "bilan-2016-services-aux-personnes.xlsx"})
        fs::copy_file(fs::path("input/bilans") / name, notes / name);
    const RunResult warned = run(std::string(LETTRINE_EXE) + " rapport --recto-verso --notes '" + notes.string() +
                                   "' --sortie '" + (dir / "b").string() + "'");
    ASSERT_EQ(warned.code, 0) << warned.err;
    EXPECT_NE(warned.err.find(notes.string() + " : avertissement : aucune note pour le secteur « Déchets et ressources »"),
              std::string::npos)
        << warned.err;
    EXPECT_TRUE(fs::exists(dir / "b" / "rapport-activite-2016.pdf"));

    // A PDF that is not one: an error naming it, exit code 3, nothing written.
    std::ofstream(notes / "note-dechets-ressources.pdf") << "Ceci n'est pas un PDF.\n";
    const RunResult refused = run(std::string(LETTRINE_EXE) + " rapport --notes '" + notes.string() + "' --sortie '" +
                                    (dir / "c").string() + "'");
    EXPECT_EQ(refused.code, 3);
    EXPECT_NE(refused.err.find((notes / "note-dechets-ressources.pdf").string() + " : ce fichier n’est pas un PDF"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("Échec : aucun fichier écrit."), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "c"));
    fs::remove_all(dir);
}

// `lettrine atelier --notes`: the key figures of each sector's bilan in its
// workshop pack; without --notes, none.
TEST(WorkshopNotes, KeyFiguresOfTheBilansInThePacks) {
    const fs::path dir = fresh("atelier");
    const std::string base = std::string(LETTRINE_EXE) + " atelier --donnees input/programme-2016.xml --secteur habitat";
    const RunResult with = run(base + " --notes input/bilans --sortie '" + (dir / "avec").string() + "'");
    ASSERT_EQ(with.code, 0) << with.err;
    const RunResult without = run(base + " --sortie '" + (dir / "sans").string() + "'");
    ASSERT_EQ(without.code, 0) << without.err;
    const auto text = [&](const std::string& variant) {
        const fs::path pdf = dir / variant / "ag-2016" / "dossier-atelier-habitat.pdf";
        EXPECT_TRUE(fs::exists(pdf)) << pdf;
        const fs::path txt = dir / (variant + ".txt");
        run("pdftotext -layout '" + pdf.string() + "' '" + txt.string() + "'");
        return slurp(txt);
    };
    const std::string with_text = text("avec");
    EXPECT_NE(with_text.find("Chiffres clés du bilan 2016"), std::string::npos) << with_text;
    // The habitat example bilan: 41 days done of 40 planned.
    EXPECT_NE(with_text.find("Jours réalisés (sur 40 prévus)"), std::string::npos) << with_text;
    EXPECT_NE(with_text.find("Taux de réalisation (jours réalisés / prévus)"), std::string::npos) << with_text;
    EXPECT_NE(with_text.find("41"), std::string::npos);
    EXPECT_EQ(text("sans").find("Chiffres clés"), std::string::npos);

    // A bilan that is not valid stops the packs, naming it; nothing written.
    const fs::path notes = dir / "notes";
    fs::create_directories(notes);
    std::ofstream(notes / "bilan-2016-habitat.xml") << "<bilan>\n";
    const RunResult refused = run(base + " --notes '" + notes.string() + "' --sortie '" + (dir / "refus").string() + "'");
    EXPECT_EQ(refused.code, 3) << refused.err;
    EXPECT_NE(refused.err.find("bilan-2016-habitat.xml"), std::string::npos) << refused.err;
    EXPECT_FALSE(fs::exists(dir / "refus"));
    fs::remove_all(dir);
}
