// `lettrine formulaire` and `lettrine note`: arguments, and the real
// executable on the default programme and the example bilans (input/bilans/).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/command_line.hpp"
#include "cli_support.hpp"
#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace cli_test;

namespace {

std::string exe() { return std::string(LETTRINE_EXE); }

fs::path fresh(const std::string& name) { return fresh_dir("lettrine-bilan-cli-", name); }

int pages(const fs::path& pdf) {
    const RunResult info = run("pdfinfo " + pdf.string());
    const auto at = info.out.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
}

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

TEST(BilanArguments, FormulaireAndNote) {
    const Invocation forms = parse_arguments({"formulaire", "--secteur", "numerique", "--sortie", "o"});
    EXPECT_EQ(forms.command->names.front(), "formulaire");
    EXPECT_EQ(forms.values("--secteur"), std::vector<std::string>{"numerique"});
    EXPECT_EQ(forms.value("--donnees"), "input/programme-2016.xlsx");
    const Invocation note = parse_arguments({"note", "--donnees", "bilan.xml"});
    EXPECT_EQ(note.command->names.front(), "note");
    EXPECT_EQ(note.value("--donnees"), "bilan.xml");
    EXPECT_NE(usage_message({"note"}).find("note : l’option --donnees est obligatoire (le bilan rempli : .xlsx, .ods ou .xml)"),
              std::string::npos);
    EXPECT_NE(usage_message({"note", "--donnees", "b.xlsx", "--secteur", "habitat"})
                  .find("note : --secteur ne s’emploie pas, le bilan désigne lui-même son secteur"),
              std::string::npos);
    EXPECT_NE(help_text().find("formulaire  classeurs de bilan"), std::string::npos);
    EXPECT_NE(help_text().find("note        note de bilan annuelle"), std::string::npos);
}

TEST(BilanCommands, FormulaireWritesOneFormPerContractedSectorTheSameBytesTwice) {
    const fs::path a = fresh("forms-a"), b = fresh("forms-b");
    const RunResult first = run(exe() + " formulaire --sortie " + a.string());
    ASSERT_EQ(first.code, 0) << first.err;
    const std::set<std::string> expected{"formulaires/bilan-2016-services-aux-personnes.xlsx",
                                         "formulaires/bilan-2016-circuits-courts.xlsx",
                                         "formulaires/bilan-2016-habitat.xlsx",
                                         "formulaires/bilan-2016-dechets-ressources.xlsx"};
    EXPECT_EQ(files_under(a), expected);
    ASSERT_EQ(run(exe() + " formulaire --donnees input/programme-2016.xml --sortie " + b.string()).code, 0);
    for (const auto& name : expected) EXPECT_EQ(slurp(a / name), slurp(b / name)) << name;  // XLSX or XML programme: same form

    const fs::path c = fresh("forms-c");
    const RunResult unknown = run(exe() + " formulaire --secteur jardinage --sortie " + c.string());
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("secteur inconnu « jardinage »"), std::string::npos) << unknown.err;
    EXPECT_TRUE(files_under(c).empty());
    fs::remove_all(c);
    fs::remove_all(a);
    fs::remove_all(b);
}

TEST(BilanCommands, NoteForEveryExampleBilan) {
    const fs::path out = fresh("notes");
    for (const char* name : {"bilan-2016-services-aux-personnes.xlsx", "bilan-2016-circuits-courts.xlsx",
                             "bilan-2016-habitat.xlsx", "bilan-2016-dechets-ressources.xml"}) {
        const RunResult r = run(exe() + " note --donnees input/bilans/" + name + " --sortie " + out.string());
        EXPECT_EQ(r.code, 0) << name << "\n" << r.err;
        EXPECT_EQ(r.err.find("avertissement"), std::string::npos) << r.err;
    }
    for (const char* id : {"services-aux-personnes", "circuits-courts", "habitat", "dechets-ressources"}) {
        const fs::path pdf = out / "notes" / (std::string("note-bilan-2016-") + id + ".pdf");
        ASSERT_TRUE(fs::exists(pdf)) << pdf;
        EXPECT_GE(pages(pdf), 2) << id;
        EXPECT_LE(pages(pdf), 6) << id;
        EXPECT_EQ(run("qpdf --check " + pdf.string() + " >/dev/null").code, 0) << id;
    }
    const std::string text = run("pdftotext " + (out / "notes/note-bilan-2016-habitat.pdf").string() + " -").out;
    EXPECT_NE(text.find("Note de bilan annuelle 2016"), std::string::npos);
    EXPECT_NE(text.find("Secteur « Habitat »"), std::string::npos) << text;
    EXPECT_NE(text.find("action 2017"), std::string::npos);

    // Same bytes on a second run.
    const fs::path again = fresh("notes-again");
    ASSERT_EQ(run(exe() + " note --donnees input/bilans/bilan-2016-habitat.xlsx --sortie " + again.string()).code, 0);
    EXPECT_EQ(slurp(out / "notes/note-bilan-2016-habitat.pdf"), slurp(again / "notes/note-bilan-2016-habitat.pdf"));
    fs::remove_all(out);
    fs::remove_all(again);
}

TEST(BilanCommands, AnInvalidBilanIsReportedWholeAndNothingIsWritten) {
    const fs::path dir = fresh("invalid");
    std::string xml = slurp("input/bilans/bilan-2016-dechets-ressources.xml");
    xml.replace(xml.find("stade=\"création\""), 17, "stade=\"lancement\"");
    xml.replace(xml.find("<perspectives>"), 14, "<perspectives>...");
    const fs::path bilan = dir / "bilan-2016-dechets-ressources.xml";
    std::ofstream(bilan.string(), std::ios::binary) << xml;
    const RunResult r = run(exe() + " note --donnees " + bilan.string() + " --sortie " + (dir / "sortie").string());
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("bilan-2016-dechets-ressources.xml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("valeur inconnue « lancement » pour le champ « Stade »"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("des points de suspension ne doivent pas rester dans le texte"), std::string::npos);
    EXPECT_NE(r.err.find("Échec : aucun fichier écrit."), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "sortie"));
    fs::remove_all(dir);
}

// issue 13, item 14: a folder given to `note` is refused for what it is.
TEST(NoteCommand, AFolderIsNotABilan) {
    const RunResult r = run(exe() + " note --donnees input/bilans/");
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("note : --donnees attend un fichier, le bilan rempli (.xlsx, .ods ou .xml), pas le dossier "
                         "« input/bilans/ » ; pour toutes les notes d’un dossier : lettrine rapport --notes input/bilans/"),
              std::string::npos)
        << r.err;
}
