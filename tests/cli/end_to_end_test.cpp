// The `lettrine` executable run for real, as a user would, on the default
// data and on broken copies of it; outputs read back with poppler, qpdf,
// pdfminer and our own comparisons.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

fs::path temp_dir(const std::string& name) { return fresh_dir("lettrine-e2e-", name); }

std::string lettrine() { return std::string(LETTRINE_EXE); }

const std::set<std::string> kDefaultOutputs = {
    "budget-2016.pdf",
    "budget-2016.xlsx",
    "lettres/lettre-de-mission-2016-services-aux-personnes.pdf",
    "lettres/lettre-de-mission-2016-circuits-courts.pdf",
    "lettres/lettre-de-mission-2016-habitat.pdf",
    "lettres/lettre-de-mission-2016-dechets-ressources.pdf",
};

int page_count(const fs::path& pdf) {
    const RunResult info = run("pdfinfo " + pdf.string());
    const auto at = info.out.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.out.substr(at + 6));
}

}  // namespace

TEST(EndToEnd, DefaultBatchWritesFourLettersAndTheBudget) {
    const fs::path out = temp_dir("default");
    const RunResult r = run(lettrine() + " decembre --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(out), kDefaultOutputs);

    for (const auto& name : kDefaultOutputs) {
        if (fs::path(name).extension() != ".pdf") continue;
        const fs::path pdf = out / name;
        EXPECT_EQ(run("qpdf --check " + pdf.string() + " >/dev/null").code, 0) << name;
        const int pages = page_count(pdf);
        EXPECT_GE(pages, 1) << name;
        EXPECT_LE(pages, 4) << name;  // a letter: three pages at most, then its Annexe 1
        const RunResult fonts = run("pdffonts " + pdf.string());
        EXPECT_EQ(fonts.out.find(" no "), std::string::npos) << "every font embedded:\n" << fonts.out;
    }

    const RunResult text = run("pdftotext -layout " + (out / "lettres/lettre-de-mission-2016-habitat.pdf").string() + " -");
    EXPECT_NE(text.out.find("Habitat"), std::string::npos);
    EXPECT_NE(text.out.find("15 000 €"), std::string::npos);
    EXPECT_NE(text.out.find("quinze mille euros"), std::string::npos);
    EXPECT_NE(text.out.find("1er décembre 2015"), std::string::npos);
    EXPECT_NE(text.out.find("Les Ecossolies"), std::string::npos);
    EXPECT_EQ(text.out.find("Ecosolies"), std::string::npos) << "the seed's misspelling never printed";
    EXPECT_EQ(text.out.find(" ?"), std::string::npos) << "no bare question mark from tentative items";
    EXPECT_EQ(text.out.find("..."), std::string::npos);

    // pdfminer keeps the no-break spaces poppler turns into plain spaces.
    const RunResult exact = run("/usr/bin/pdf2txt " + (out / "lettres/lettre-de-mission-2016-habitat.pdf").string());
    EXPECT_NE(exact.out.find("15\u202F000\u00A0€"), std::string::npos);
    EXPECT_NE(exact.out.find("«\u202FHabitat\u202F»"), std::string::npos);
    fs::remove_all(out);
}

TEST(EndToEnd, SameInputGivesIdenticalBytesWhateverTheClockAndThreads) {
    const fs::path first = temp_dir("det1"), second = temp_dir("det2");
    ASSERT_EQ(run(lettrine() + " --quiet --jobs 1 --sortie " + first.string()).code, 0);
    const RunResult later = run("faketime '2031-07-14 08:30:00' " + lettrine() + " --quiet --jobs 2 --sortie " +
                                second.string());
    ASSERT_EQ(later.code, 0) << later.err;
    ASSERT_EQ(files_under(first), kDefaultOutputs);
    ASSERT_EQ(files_under(second), kDefaultOutputs);
    for (const auto& name : kDefaultOutputs)
        EXPECT_TRUE(slurp(first / name) == slurp(second / name)) << name << " differs between runs";
    fs::remove_all(first);
    fs::remove_all(second);
}

TEST(EndToEnd, OneSectorOnlyRewritesThatLetter) {
    const fs::path out = temp_dir("one");
    const RunResult r = run(lettrine() + " --secteur habitat --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(out), (std::set<std::string>{"lettres/lettre-de-mission-2016-habitat.pdf"}));
    const RunResult unknown = run(lettrine() + " --secteur logement --sortie " + out.string());
    EXPECT_EQ(unknown.code, 2);
    EXPECT_NE(unknown.err.find("secteur inconnu « logement »"), std::string::npos) << unknown.err;
    fs::remove_all(out);
}

TEST(EndToEnd, InvalidDataGivesExitCode3AndWritesNothing) {
    const fs::path dir = temp_dir("invalid");
    std::string xml = slurp(fs::path(LETTRINE_SOURCE_DIR) / "input/programme-2016.xml");
    const std::string habitat_budget = "budget=\"15 000 €\"";
    const auto at = xml.find(habitat_budget);
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, habitat_budget.size(), "budget=\"dix mille\"");
    std::ofstream(dir / "programme.xml") << xml;
    fs::copy_file(fs::path(LETTRINE_SOURCE_DIR) / "input/logo-ecossolies.png", dir / "logo-ecossolies.png");
    const fs::path out = dir / "sortie";
    const RunResult r = run(lettrine() + " --donnees " + (dir / "programme.xml").string() + " --sortie " + out.string());
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("programme.xml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("« dix mille » n'est pas un montant"), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(dir);
}

TEST(EndToEnd, TemplateErrorGivesExitCode4WithItsPosition) {
    const fs::path dir = temp_dir("template");
    fs::create_directories(dir / "modeles");
    std::string text = slurp(fs::path(LETTRINE_SOURCE_DIR) / "templates/lettre-de-mission.xml.mustache");
    const auto at = text.find("{{/mission1}}");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 13, "{{/mission2}}");
    std::ofstream(dir / "modeles/lettre-de-mission.xml.mustache") << text;
    const fs::path out = dir / "sortie";
    const RunResult r = run(lettrine() + " lettres --modeles " + (dir / "modeles").string() + " --sortie " + out.string());
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("lettre-de-mission.xml.mustache:"), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(dir);
}

TEST(EndToEnd, CheckWritesNothingAndSaysAllIsWell) {
    const fs::path out = temp_dir("check");
    const RunResult r = run(lettrine() + " verifier --sortie " + out.string());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("Données et modèles valides."), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(out);
}

TEST(EndToEnd, UsageErrorGivesExitCode2) {
    const RunResult r = run(lettrine() + " --inconnue");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("option inconnue"), std::string::npos);
}

TEST(EndToEnd, CheckListsFiveMistakesOfAnEditedWorkbook) {
    const fs::path dir = temp_dir("five");
    const fs::path workbook = dir / "programme.xlsx";
    // Edited by an outside tool, as a user would in a spreadsheet program.
    const std::string script =
        "import openpyxl, sys\n"
        "wb = openpyxl.load_workbook(sys.argv[1])\n"
        "s = wb['Secteurs']\n"
        "s['J4'] = 'dix mille'\n"          // Habitat's budget: not an amount
        "s['K3'] = 50\n"                   // jours min > jours max
        "s['G2'] = 'pas-une-adresse'\n"    // malformed email
        "s['C5'] = None\n"                 // required cell left empty
        "wb['Partenaires']['A2'] = 'logement'\n"  // unknown sector
        "wb.save(sys.argv[2])\n";
    std::ofstream(dir / "edit.py") << script;
    ASSERT_EQ(run("/usr/bin/python3 " + (dir / "edit.py").string() + " " + LETTRINE_SOURCE_DIR +
                  "/input/programme-2016.xlsx " + workbook.string())
                  .code,
              0);
    const RunResult r = run(lettrine() + " verifier --donnees " + workbook.string());
    EXPECT_EQ(r.code, 3) << r.err;
    for (const char* where : {"feuille « Secteurs », cellule J4 : « dix mille » n'est pas un montant",
                              "feuille « Secteurs », cellule K3", "feuille « Secteurs », cellule G2",
                              "feuille « Secteurs », cellule C5", "feuille « Partenaires », cellule A2"})
        EXPECT_NE(r.err.find(std::string("programme.xlsx, ") + where), std::string::npos) << where << "\n" << r.err;
    EXPECT_NE(r.err.find("5 problèmes trouvés ; aucun fichier écrit."), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(EndToEnd, MailMergeGivesOnePdfPerRecordOrOneBook) {
    const fs::path out = temp_dir("merge");
    const std::string common = lettrine() + " fusion --modele samples/fusion/invitation.xml.mustache"
                                            " --donnees samples/fusion/destinataires.xml --chaque destinataire";
    const RunResult each = run(common + " --nom nom --sortie " + (out / "une-par-personne").string());
    ASSERT_EQ(each.code, 0) << each.err;
    EXPECT_EQ(files_under(out / "une-par-personne"),
              (std::set<std::string>{"exemple.pdf", "modele.pdf", "fictive.pdf"}));
    const RunResult text = run("pdftotext " + (out / "une-par-personne/modele.pdf").string() + " -");
    EXPECT_NE(text.out.find("Dominique Modèle"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Coopérative Habitat Témoin"), std::string::npos);

    const fs::path book = out / "invitations.pdf";
    const RunResult one = run(common + " --un-fichier --sortie " + book.string());
    ASSERT_EQ(one.code, 0) << one.err;
    EXPECT_EQ(page_count(book), 3);
    EXPECT_EQ(run("qpdf --check " + book.string() + " >/dev/null").code, 0);
    const RunResult all = run("pdftotext " + book.string() + " -");
    EXPECT_LT(all.out.find("Camille Exemple"), all.out.find("Élise Fictive"));
    fs::remove_all(out);
}

TEST(EndToEnd, MailMergeFromASpreadsheetSheet) {
    const fs::path dir = temp_dir("merge-xlsx");
    // The programme's « Secteurs » sheet as a mailing list: one PDF per row.
    std::ofstream(dir / "fiche.xml.mustache")
        << "<document titre=\"{{Secteur}}\"><p>{{numero}}/{{total}} : <b>{{Secteur}}</b> — {{Intervenant}}</p></document>";
    const RunResult r = run(lettrine() + " fusion --modele " + (dir / "fiche.xml.mustache").string() +
                            " --donnees input/programme-2016.xlsx --chaque Secteurs --nom Identifiant --sortie " +
                            (dir / "fiches").string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(dir / "fiches").size(), 5u);
    const RunResult text = run("pdftotext " + (dir / "fiches/habitat.pdf").string() + " -");
    EXPECT_NE(text.out.find("3/5 : Habitat"), std::string::npos) << text.out;
    fs::remove_all(dir);
}

TEST(EndToEnd, ConvertRegeneratesTheDefaultWorkbookExactly) {
    const fs::path dir = temp_dir("convert");
    const RunResult r = run(lettrine() + " convertir --donnees input/programme-2016.xml --sortie " +
                            (dir / "programme.xlsx").string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(slurp(dir / "programme.xlsx") == slurp(fs::path(LETTRINE_SOURCE_DIR) / "input/programme-2016.xlsx"));
    fs::remove_all(dir);
}
