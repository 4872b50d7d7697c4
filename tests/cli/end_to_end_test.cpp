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


const std::set<std::string> kDefaultOutputs = {
    "budget-2016.pdf",
    "budget-2016.xlsx",
    "lettres/lettre-de-mission-2016-services-aux-personnes.pdf",
    "lettres/lettre-de-mission-2016-circuits-courts.pdf",
    "lettres/lettre-de-mission-2016-habitat.pdf",
    "lettres/lettre-de-mission-2016-dechets-ressources.pdf",
};

}  // namespace

TEST(EndToEnd, DefaultBatchWritesFourLettersAndTheBudget) {
    const fs::path out = temp_dir("default");
    const RunResult r = run(lettrine_exe() + " decembre --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(out), kDefaultOutputs);

    for (const auto& name : kDefaultOutputs) {
        if (fs::path(name).extension() != ".pdf") continue;
        const fs::path pdf = out / name;
        EXPECT_EQ(run("qpdf --check " + pdf.string() + " >/dev/null").code, 0) << name;
        const int pages = pdf_page_count(pdf);
        EXPECT_GE(pages, 1) << name;
        EXPECT_LE(pages, 5) << name;  // a letter: four pages at most at its 60-75 character measure, then its Annexe 1
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
    ASSERT_EQ(run(lettrine_exe() + " --quiet --jobs 1 --sortie " + first.string()).code, 0);
    const RunResult later = run("faketime '2031-07-14 08:30:00' " + lettrine_exe() + " --quiet --jobs 2 --sortie " +
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
    const RunResult r = run(lettrine_exe() + " --secteur habitat --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(out), (std::set<std::string>{"lettres/lettre-de-mission-2016-habitat.pdf"}));
    const RunResult unknown = run(lettrine_exe() + " --secteur logement --sortie " + out.string());
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
    const RunResult r = run(lettrine_exe() + " --donnees " + (dir / "programme.xml").string() + " --sortie " + out.string());
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find("programme.xml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("« dix mille » n’est pas un montant"), std::string::npos) << r.err;
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
    const RunResult r = run(lettrine_exe() + " lettres --modeles " + (dir / "modeles").string() + " --sortie " + out.string());
    EXPECT_EQ(r.code, 4) << r.err;
    EXPECT_NE(r.err.find("lettre-de-mission.xml.mustache:"), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(dir);
}

TEST(EndToEnd, CheckWritesNothingAndSaysAllIsWell) {
    const fs::path out = temp_dir("check");
    const RunResult r = run(lettrine_exe() + " verifier --sortie " + out.string());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("Données et modèles valides."), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(out);
}

TEST(EndToEnd, UsageErrorGivesExitCode2) {
    const RunResult r = run(lettrine_exe() + " --inconnue");
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
    const RunResult r = run(lettrine_exe() + " verifier --donnees " + workbook.string());
    EXPECT_EQ(r.code, 3) << r.err;
    for (const char* where : {"feuille « Secteurs », cellule J4 : « dix mille » n’est pas un montant",
                              "feuille « Secteurs », cellule K3", "feuille « Secteurs », cellule G2",
                              "feuille « Secteurs », cellule C5", "feuille « Partenaires », cellule A2"})
        EXPECT_NE(r.err.find(std::string("programme.xlsx, ") + where), std::string::npos) << where << "\n" << r.err;
    EXPECT_NE(r.err.find("5 problèmes trouvés ; aucun fichier écrit."), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(EndToEnd, MailMergeGivesOnePdfPerRecordOrOneBook) {
    const fs::path out = temp_dir("merge");
    const std::string common = lettrine_exe() + " fusion --modele samples/fusion/invitation.xml.mustache"
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
    EXPECT_EQ(pdf_page_count(book), 3);
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
    const RunResult r = run(lettrine_exe() + " fusion --modele " + (dir / "fiche.xml.mustache").string() +
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
    const RunResult r = run(lettrine_exe() + " convertir --donnees input/programme-2016.xml --sortie " +
                            (dir / "programme.xlsx").string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(slurp(dir / "programme.xlsx") == slurp(fs::path(LETTRINE_SOURCE_DIR) / "input/programme-2016.xlsx"));
    fs::remove_all(dir);
}

// issue 13, item 14: --secteur is checked the same way by every command; an
// unknown or inapplicable sector is an error with the list and a suggestion,
// never « 0 fichier écrit » and exit 0.
TEST(EndToEnd, SecteurIsCheckedTheSameInEveryCommand) {
    const fs::path out = temp_dir("secteur");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"lettres --secteur numerique",
         "le secteur « numerique » est conventionné directement par Nantes Métropole : pas de lettre de mission "
         "(secteurs possibles : services-aux-personnes, circuits-courts, habitat, dechets-ressources)"},
        {"decembre --secteur habitats", "secteur inconnu « habitats » : vouliez-vous dire « habitat » ? (secteurs du programme : "},
        {"envoyer --secteur numerique", "pas de lettre de mission, pas de courriel"},
        {"atelier --secteur Habitat", "secteur inconnu « Habitat » : vouliez-vous dire « habitat » ?"},
        {"formulaire --secteur habitta", "secteur inconnu « habitta » : vouliez-vous dire « habitat » ?"},
        {"budget --secteur habitat", "budget : --secteur ne s’emploie pas"},
    };
    for (const auto& c : cases) {
        const RunResult r = run(lettrine_exe() + " " + c.first + " --sortie " + out.string());
        EXPECT_EQ(r.code, 2) << c.first << "\n" << r.err;
        EXPECT_NE(r.err.find(c.second), std::string::npos) << c.first << "\n" << r.err;
    }
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(out);
}

// issue 13, item 14: the closing line names what was written.
TEST(EndToEnd, SuccessLineNamesWhatWasWritten) {
    const fs::path out = temp_dir("summary");
    const RunResult r = run(lettrine_exe() + " decembre --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("4 lettres dans " + (out / "lettres").string() + "/, budget dans " +
                         (out / "budget-2016.xlsx").string() + " et " + (out / "budget-2016.pdf").string() + "\n"),
              std::string::npos)
        << r.err;
    const RunResult one = run(lettrine_exe() + " lettres --secteur habitat --sortie " + out.string());
    EXPECT_NE(one.err.find("1 lettre dans " + (out / "lettres").string() + "/\n"), std::string::npos) << one.err;
    fs::remove_all(out);
}

// issue 13, item 7: a workbook edited by hand is not overwritten without a
// word; with --remplacer, the previous one is kept as <name>.bak.
TEST(EndToEnd, ConvertKeepsAnExistingWorkbookUnlessAskedToReplaceIt) {
    const fs::path dir = temp_dir("convert-keep");
    const fs::path workbook = dir / "programme.xlsx";
    std::ofstream(workbook.string()) << "budget tapé à la main : 17 000";
    const std::string convert =
        lettrine_exe() + " convertir --donnees input/programme-2016.xml --sortie " + workbook.string();
    const RunResult refused = run(convert);
    EXPECT_EQ(refused.code, 2) << refused.err;
    EXPECT_NE(refused.err.find("convertir : « " + workbook.string() + " » existe déjà et n’est pas remplacé"),
              std::string::npos)
        << refused.err;
    EXPECT_EQ(slurp(workbook), "budget tapé à la main : 17 000");
    EXPECT_FALSE(fs::exists(workbook.string() + ".bak"));

    const RunResult replaced = run(convert + " --remplacer");
    ASSERT_EQ(replaced.code, 0) << replaced.err;
    EXPECT_EQ(slurp(workbook.string() + ".bak"), "budget tapé à la main : 17 000");
    EXPECT_TRUE(slurp(workbook) == slurp(fs::path(LETTRINE_SOURCE_DIR) / "input/programme-2016.xlsx"));
    EXPECT_NE(replaced.err.find("ancien classeur gardé sous " + workbook.string() + ".bak"), std::string::npos)
        << replaced.err;
    fs::remove_all(dir);
}

// issue 13, item 11: the mail merge never prints blanks.
TEST(EndToEnd, MailMergeRefusesFieldsTheDataDoesNotHave) {
    const fs::path dir = temp_dir("merge-fields");
    std::ofstream((dir / "donnees.xml").string())
        << "<destinataires>\n"
           "  <destinataire><nom>Camille</nom><civilite>Madame</civilite><tel>02 40 00 00 00</tel></destinataire>\n"
           "  <destinataire><nom>Dominique</nom><civilite>Monsieur</civilite></destinataire>\n"
           "</destinataires>\n";
    std::ofstream((dir / "accent.xml.mustache").string())
        << "<document titre=\"x\"><p>{{civilité}} {{nom}}</p></document>";
    std::ofstream((dir / "tel.xml.mustache").string()) << "<document titre=\"x\"><p>{{civilite}} {{nom}} {{tel}}</p></document>";
    const std::string data = " --donnees " + (dir / "donnees.xml").string() + " --chaque destinataire";
    const fs::path out = dir / "sortie";

    const RunResult none = run(lettrine_exe() + " fusion --modele " + (dir / "accent.xml.mustache").string() + data +
                               " --sortie " + out.string());
    EXPECT_EQ(none.code, 4) << none.err;
    EXPECT_NE(none.err.find("accent.xml.mustache:1:24 : le champ « civilité » n’existe pas dans les données (vouliez-vous "
                            "dire « civilite » ?) ; champs des données : nom, civilite, tel"),
              std::string::npos)
        << none.err;
    EXPECT_TRUE(files_under(out).empty());

    const std::string tel = lettrine_exe() + " fusion --modele " + (dir / "tel.xml.mustache").string() + data;
    const RunResult some = run(tel + " --sortie " + out.string());
    EXPECT_EQ(some.code, 0) << some.err;
    EXPECT_NE(some.err.find("avertissement"), std::string::npos) << some.err;
    EXPECT_NE(some.err.find("le champ « tel » n’existe pas dans les données, pour l’élément 2 (sur 2)"), std::string::npos)
        << some.err;
    const RunResult strict = run(tel + " --strict --sortie " + (dir / "strict").string());
    EXPECT_EQ(strict.code, 4) << strict.err;
    EXPECT_TRUE(files_under(dir / "strict").empty());

    const RunResult name = run(tel + " --nom nmo --sortie " + (dir / "nom").string());
    EXPECT_EQ(name.code, 2) << name.err;
    EXPECT_NE(name.err.find("--nom « nmo » : aucun élément n’a ce champ : vouliez-vous dire « nom » ? (champs des données : "
                            "nom, civilite, tel)"),
              std::string::npos)
        << name.err;

    const RunResult root = run(lettrine_exe() + " fusion --modele " + (dir / "tel.xml.mustache").string() + " --donnees " +
                               (dir / "donnees.xml").string() + " --chaque destinataires --sortie " + (dir / "racine").string());
    EXPECT_EQ(root.code, 3) << root.err;
    EXPECT_NE(root.err.find("désigne l’élément racine <destinataires>"), std::string::npos) << root.err;
    fs::remove_all(dir);
}

// issue 13, item 11: a bare file name is a file of the current folder.
TEST(EndToEnd, MailMergeIntoABareFileName) {
    const fs::path dir = temp_dir("merge-bare");
    const fs::path source(LETTRINE_SOURCE_DIR);
    const RunResult r = run("cd " + dir.string() + " && " + lettrine_exe() + " fusion --modele " +
                            (source / "samples/fusion/invitation.xml.mustache").string() + " --donnees " +
                            (source / "samples/fusion/destinataires.xml").string() +
                            " --chaque destinataire --un-fichier --sortie lettre.pdf");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(files_under(dir), (std::set<std::string>{"lettre.pdf"}));
    fs::remove_all(dir);
}

// issue 13, item 13: `verifier` checks what `atelier` and `rapport` would
// refuse when given their inputs, and never says « valides » for them.
TEST(EndToEnd, CheckAlsoChecksTheAssemblyAndTheBilans) {
    const fs::path dir = temp_dir("check-later");
    const fs::path source(LETTRINE_SOURCE_DIR);
    std::string ag = slurp(source / "input/ag-2016.xml");
    const std::string workshop = "<atelier secteur=\"numerique\"";
    const auto at = ag.find(workshop);
    ASSERT_NE(at, std::string::npos);
    ag.replace(at, workshop.size(), "<atelier secteur=\"jardin\"");
    std::ofstream((dir / "ag.xml").string()) << ag;
    const RunResult assembly = run(lettrine_exe() + " verifier --donnees-ag " + (dir / "ag.xml").string());
    EXPECT_EQ(assembly.code, 3) << assembly.err;
    EXPECT_NE(assembly.err.find("ag.xml:90:"), std::string::npos) << assembly.err;
    EXPECT_NE(assembly.err.find("secteur inconnu « jardin »"), std::string::npos) << assembly.err;
    EXPECT_EQ(assembly.err.find("valides"), std::string::npos) << assembly.err;

    fs::create_directories(dir / "bilans");
    fs::copy_file(source / "input/bilans/bilan-2016-habitat.xlsx", dir / "bilans/bilan-2016-habitat.xlsx");
    fs::copy_file(source / "input/bilans/bilan-2016-habitat.xlsx", dir / "bilans/habitat-copie.xlsx");
    const RunResult notes = run(lettrine_exe() + " verifier --notes " + (dir / "bilans").string());
    EXPECT_EQ(notes.code, 3) << notes.err;
    EXPECT_NE(notes.err.find("habitat-copie.xlsx"), std::string::npos) << notes.err;

    const RunResult fine = run(lettrine_exe() + " verifier --donnees-ag input/ag-2016.xml --notes input/bilans");
    EXPECT_EQ(fine.code, 0) << fine.err;
    fs::remove_all(dir);
}
