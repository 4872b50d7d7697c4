// --format on the commands that came last to it (issue 14): the rapport and
// the AG's workshop packs and attendance sheets in ODT and DOCX beside their
// PDFs, under the same names, the same bytes twice, the summary naming the
// formats; the badges refuse an editable format, in French, with the reason.
// The files are read back by outside readers (odfpy, python-docx).
#include <fstream>
#include <iterator>
#include <string>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>

#include "support/process.hpp"

namespace fs = boost::filesystem;
using namespace lettrine::test_support;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / fs::unique_path("lettrine-editable-%%%%-%%%%");
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file.string(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// « LEVEL TEXT » per heading, as odfpy or python-docx read them.
std::string headings(const fs::path& file) {
    const CommandResult r = run_command("/usr/bin/python3 " +
                                        shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "tests/editable/read_headings.py") +
                                        " " + shell_quote(file));
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
}

CommandResult run_lettrine(const std::string& arguments) { return run_command(lettrine_exe() + " " + arguments); }

}  // namespace

TEST(EditableCommands, RapportIsWrittenInEveryFormatBesideItsPdf) {
    TempDir a, b;
    const CommandResult r = run_lettrine("rapport --format pdf,odt,docx --sortie " + shell_quote(a.path));
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string base = (a.path / "rapport-activite-2016").string();
    EXPECT_NE(r.err.find("rapport d’activité dans " + base + ".pdf, " + base + ".odt et " + base + ".docx"),
              std::string::npos) << r.err;
    for (const char* extension : {".odt", ".docx"}) {
        const std::string found = headings(base + extension);
        EXPECT_NE(found.find("1 Sommaire\n"), std::string::npos) << extension << "\n" << found;
        EXPECT_NE(found.find("2 Faits marquants\n"), std::string::npos) << extension << "\n" << found;
    }
    // The same inputs, the same bytes.
    ASSERT_EQ(run_lettrine("rapport -q --format docx,odt --sortie " + shell_quote(b.path)).code, 0);
    for (const char* extension : {".odt", ".docx"})
        EXPECT_EQ(bytes_of(base + extension), bytes_of((b.path / "rapport-activite-2016").string() + extension))
            << extension;
    EXPECT_FALSE(fs::exists(b.path / "rapport-activite-2016.pdf"));
}

// An external note's pages go into the PDF only: the editable files keep
// their place blank and say so.
TEST(EditableCommands, RapportSaysAnExternalNoteIsBlankInTheEditableFiles) {
    TempDir dir;
    const fs::path notes = dir.path / "notes";
    fs::create_directories(notes);
    for (const char* bilan : {"bilan-2016-circuits-courts.xlsx", "bilan-2016-dechets-ressources.xml",
                              "bilan-2016-services-aux-personnes.xlsx"})
        fs::copy_file(fs::path(LETTRINE_SOURCE_DIR) / "input/bilans" / bilan, notes / bilan);
    ASSERT_EQ(run_lettrine("note -q --donnees " +
                       shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "input/bilans/bilan-2016-habitat.xlsx") +
                       " --sortie " + shell_quote(dir.path / "note")).code, 0);
    fs::copy_file(dir.path / "note/notes/note-bilan-2016-habitat.pdf", notes / "note-habitat.pdf");
    const CommandResult r = run_lettrine("rapport --notes " + shell_quote(notes) + " --format pdf,odt --sortie " +
                                     shell_quote(dir.path / "sortie"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("rapport-activite-2016.odt : avertissement : les pages de la note « note-habitat.pdf » sont "
                         "laissées blanches dans ce fichier : les pages d’un PDF extérieur ne vont que dans le rapport "
                         "PDF"),
              std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(dir.path / "sortie/rapport-activite-2016.pdf"));
}

TEST(EditableCommands, WorkshopPacksAndAttendanceSheetsInEveryFormat) {
    TempDir a, b;
    const CommandResult r = run_lettrine("atelier --format pdf,odt,docx --sortie " + shell_quote(a.path));
    ASSERT_EQ(r.code, 0) << r.err;
    const fs::path folder = a.path / "ag-2016";
    EXPECT_NE(r.err.find("5 dossiers d’atelier (pdf, odt, docx) dans " + folder.string() + "/, 5 feuilles "
                         "d’émargement (pdf, odt, docx) dans " + folder.string() + "/, dossier complet dans " +
                         (folder / "dossier-ag-2016.pdf").string()),
              std::string::npos) << r.err;
    for (const char* extension : {".odt", ".docx"}) {
        const std::string pack = headings(folder / (std::string("dossier-atelier-habitat") + extension));
        EXPECT_NE(pack.find("1 Atelier « Habitat »\n"), std::string::npos) << extension << "\n" << pack;
        EXPECT_NE(pack.find("2 Feuille d’émargement\n"), std::string::npos) << extension << "\n" << pack;
        EXPECT_TRUE(fs::exists(folder / (std::string("emargement-habitat") + extension))) << extension;
        // The printing dossier is the packs' pages: PDF only.
        EXPECT_FALSE(fs::exists(folder / (std::string("dossier-ag-2016") + extension))) << extension;
    }
    // The same bytes whatever the threads.
    ASSERT_EQ(run_lettrine("atelier -q -j 2 --format pdf,odt,docx --sortie " + shell_quote(b.path)).code, 0);
    for (fs::directory_iterator it(folder), end; it != end; ++it)
        EXPECT_EQ(bytes_of(it->path()), bytes_of(b.path / "ag-2016" / it->path().filename())) << it->path();
}

TEST(EditableCommands, WorkshopsWithoutPdfWriteNoPrintingDossier) {
    TempDir dir;
    const CommandResult r = run_lettrine("atelier --format odt --sortie " + shell_quote(dir.path));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("5 dossiers d’atelier (odt) dans"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::exists(dir.path / "ag-2016/dossier-atelier-habitat.odt"));
    EXPECT_FALSE(fs::exists(dir.path / "ag-2016/dossier-atelier-habitat.pdf"));
    EXPECT_FALSE(fs::exists(dir.path / "ag-2016/dossier-ag-2016.pdf"));
}

TEST(EditableCommands, BadgesRefuseAnEditableFormatInFrench) {
    TempDir dir;
    const CommandResult r = run_lettrine("atelier --badges --format pdf,docx --sortie " + shell_quote(dir.path));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("le format docx n’est pas proposé pour les badges : ce sont des cartes de 85 × 54 mm "
                         "dessinées directement sur la planche, avec leurs traits de coupe, sans texte suivi qu’un "
                         "traitement de texte puisse reprendre ; un nom se corrige dans les données de l’AG "
                         "(--donnees-ag), puis lettrine atelier --badges"),
              std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path / "ag-2016"));
    EXPECT_EQ(run_lettrine("atelier -q --badges --format pdf --sortie " + shell_quote(dir.path)).code, 0);
    EXPECT_TRUE(fs::exists(dir.path / "ag-2016/badges-2016.pdf"));
}

TEST(EditableCommands, RapportRefusesAnUnknownFormat) {
    const CommandResult r = run_lettrine("rapport --format pdf,rtf --sortie /nonexistent");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("format inconnu « rtf » : formats possibles pdf, odt, docx"), std::string::npos) << r.err;
}
