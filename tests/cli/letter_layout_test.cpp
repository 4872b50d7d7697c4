// Letters pushed past the sample data, through the real executable: a
// recipient with a long name and a five- or eight-line address, a long name
// above a signature line, a workbook saved in another folder, a missing logo.
// Positions are read back from the PDF with pdftotext -bbox.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

const fs::path kSource = LETTRINE_SOURCE_DIR;

constexpr double mm(double v) { return v * 72.0 / 25.4; }

struct Word {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points from the page's top-left corner
};

// The words of page `page` (1-based) of `pdf`, in reading order.
std::vector<Word> words_of(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    const RunResult r = run("pdftotext -bbox -f " + n + " -l " + n + " '" + pdf.string() + "' -");
    static const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<Word> words;
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), word), end; it != end; ++it)
        words.push_back(Word{(*it)[5], std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
    return words;
}

const Word* first_word(const std::vector<Word>& words, const std::string& text) {
    for (const Word& w : words)
        if (w.text == text) return &w;
    return nullptr;
}

// A copy of the default workbook with cells changed, saved by openpyxl as a
// spreadsheet program would; "\n" in a value is a line break in the cell.
fs::path edited_workbook(const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& cells) {
    std::string script = "import openpyxl, sys\nwb = openpyxl.load_workbook(sys.argv[1])\n";
    for (const auto& [where, value] : cells) {
        const auto bang = where.find('!');
        std::string literal;
        for (char c : value) literal += c == '\n' ? std::string("\\n") : c == '\'' ? std::string("\\'") : std::string(1, c);
        script += "wb['" + where.substr(0, bang) + "']['" + where.substr(bang + 1) + "'] = '" + literal + "'\n";
    }
    script += "wb.save(sys.argv[2])\n";
    std::ofstream(dir / "edit.py") << script;
    const fs::path workbook = dir / "programme.xlsx";
    const RunResult r = run("/usr/bin/python3 '" + (dir / "edit.py").string() + "' '" +
                            (kSource / "input/programme-2016.xlsx").string() + "' '" + workbook.string() + "'");
    EXPECT_EQ(r.code, 0) << r.err;
    return workbook;
}

const std::string kLongReferent = "Association régionale pour l'habitat coopératif et solidaire des Pays de la Loire";
const std::string kFiveLines =
    "Maison des associations\nBâtiment C, 2e étage, bureau 214\n12 rue de l'Exemple\nCS 12345\n44000 Nantes Cedex 1";
const std::string kEightLines = "Service des partenariats\nPôle économie sociale\nMaison des associations\n"
                                "Bâtiment C, 2e étage, bureau 214\n12 rue de l'Exemple\nBP 4242\nCS 12345\n"
                                "44000 Nantes Cedex 1";

}  // namespace

TEST(LetterLayout, FiveLineRecipientPushesTheDateBelowIt) {
    const fs::path dir = fresh_dir("lettrine-layout-", "five");
    const fs::path workbook = edited_workbook(dir, {{"Secteurs!C4", kLongReferent}, {"Secteurs!D4", kFiveLines}});
    const RunResult check = run(lettrine_exe() + " verifier --donnees '" + workbook.string() + "'");
    EXPECT_EQ(check.code, 0) << check.err;
    const RunResult r = run(lettrine_exe() + " lettres --secteur habitat --donnees '" + workbook.string() + "' --sortie '" +
                            (dir / "sortie").string() + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    const std::vector<Word> words = words_of(dir / "sortie/lettres/lettre-de-mission-2016-habitat.pdf", 1);
    const Word* cedex = first_word(words, "Cedex");
    const Word* date = first_word(words, "Nantes,");
    const Word* reference = first_word(words, "Réf.");
    ASSERT_TRUE(cedex && date && reference);
    // The address ends 5 mm (the block's marge) above the date, not against it.
    EXPECT_GE(date->y0, cedex->y1 + mm(4)) << "date at " << date->y0 << ", address ends at " << cedex->y1;
    EXPECT_GT(reference->y0, date->y1);
    fs::remove_all(dir);
}

TEST(LetterLayout, EightLineRecipientIsAnErrorAtTheAddressCell) {
    const fs::path dir = fresh_dir("lettrine-layout-", "eight");
    const fs::path workbook = edited_workbook(dir, {{"Secteurs!C4", kLongReferent}, {"Secteurs!D4", kEightLines}});
    const std::string expected = "programme.xlsx, feuille « Secteurs », cellule D4 : le bloc positionné « destinataire » (";
    const RunResult check = run(lettrine_exe() + " verifier --donnees '" + workbook.string() + "'");
    EXPECT_EQ(check.code, 3) << check.err;
    EXPECT_NE(check.err.find(expected), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("pour 45 mm au plus (hauteur-max) : 11 lignes, dont 9 tiennent : raccourcissez cette donnée"),
              std::string::npos)
        << check.err;
    EXPECT_NE(check.err.find("1 problème trouvé"), std::string::npos) << check.err;

    const fs::path out = dir / "sortie";
    const RunResult r = run(lettrine_exe() + " lettres --donnees '" + workbook.string() + "' --sortie '" + out.string() + "'");
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(dir);
}

TEST(LetterLayout, SignatureNamesShareABaselineWhenOneIsLonger) {
    const fs::path dir = fresh_dir("lettrine-layout-", "signatures");
    const fs::path workbook = edited_workbook(dir, {{"Secteurs!C4", kLongReferent}});
    const fs::path pdf = dir / "sortie/lettres/lettre-de-mission-2016-habitat.pdf";
    const RunResult r = run(lettrine_exe() + " lettres --secteur habitat --donnees '" + workbook.string() + "' --sortie '" +
                            (dir / "sortie").string() + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    // The signatures' page: the last one but the Annexe 1 that follows it.
    std::vector<Word> words;
    for (int page = pdf_page_count(pdf); page >= 1 && !first_word(words, "Claire"); --page) words = words_of(pdf, page);
    const Word* ours = first_word(words, "Claire");  // Les Ecossolies' signatory
    const Word* theirs = first_word(words, "Alex");   // the référent's
    const Word* loire = first_word(words, "Loire");
    ASSERT_TRUE(ours && theirs && loire);
    EXPECT_LT(loire->y1, theirs->y0) << "the référent's name takes more lines";
    EXPECT_NEAR(ours->y1, theirs->y1, 0.01) << "Les Ecossolies' signatory at " << ours->y1 << ", the référent's at "
                                            << theirs->y1;
    fs::remove_all(dir);
}

TEST(LetterLayout, WorkbookSavedInAnotherFolderGivesTheSameLetters) {
    const fs::path dir = fresh_dir("lettrine-layout-", "elsewhere");
    fs::create_directories(dir / "ailleurs/csv");
    fs::create_directories(dir / "ici");
    fs::copy_file(kSource / "input/programme-2016.xlsx", dir / "ailleurs/programme-2016.xlsx");
    for (fs::directory_iterator it(kSource / "samples/programme-csv"), end; it != end; ++it)
        fs::copy_file(it->path(), dir / "ailleurs/csv" / it->path().filename());
    const std::string templates = " --modeles '" + (kSource / "templates").string() + "'";
    // From the repository, as the README runs it, and from an unrelated folder.
    const RunResult in_place =
        run("cd '" + kSource.string() + "' && " + lettrine_exe() + " lettres --sortie '" + (dir / "a").string() + "'");
    const RunResult in_place_csv = run("cd '" + kSource.string() + "' && " + lettrine_exe() +
                                       " lettres --donnees samples/programme-csv --sortie '" + (dir / "c").string() + "'");
    const RunResult moved = run("cd '" + (dir / "ici").string() + "' && " + lettrine_exe() + " lettres --donnees '" +
                                (dir / "ailleurs/programme-2016.xlsx").string() + "'" + templates + " --sortie '" +
                                (dir / "b").string() + "'");
    const RunResult moved_csv = run("cd '" + (dir / "ici").string() + "' && " + lettrine_exe() + " lettres --donnees '" +
                                    (dir / "ailleurs/csv").string() + "'" + templates + " --sortie '" +
                                    (dir / "d").string() + "'");
    for (const RunResult* r : {&in_place, &in_place_csv, &moved, &moved_csv}) ASSERT_EQ(r->code, 0) << r->err;
    const std::set<std::string> letters = files_under(dir / "a");
    EXPECT_EQ(letters.size(), 4u);
    EXPECT_EQ(files_under(dir / "b"), letters);
    EXPECT_EQ(files_under(dir / "c"), letters);
    EXPECT_EQ(files_under(dir / "d"), letters);
    for (const std::string& name : letters) {
        EXPECT_TRUE(slurp(dir / "a" / name) == slurp(dir / "b" / name)) << name;
        EXPECT_TRUE(slurp(dir / "c" / name) == slurp(dir / "d" / name)) << name;
    }
    fs::remove_all(dir);
}

TEST(LetterLayout, MissingLogoIsOneDataErrorAtTheProgrammeCell) {
    const fs::path dir = fresh_dir("lettrine-layout-", "logo");
    const fs::path workbook = edited_workbook(dir, {{"Programme!B13", "logo-absent.png"}});
    const std::string expected = "programme.xlsx, feuille « Programme », cellule B13 : le logo « logo-absent.png » "
                                 "ne peut pas être utilisé : fichier introuvable (cherché dans : ";
    const RunResult check = run(lettrine_exe() + " verifier --donnees '" + workbook.string() + "'");
    EXPECT_EQ(check.code, 3) << check.err;
    EXPECT_NE(check.err.find(expected), std::string::npos) << check.err;
    EXPECT_NE(check.err.find("1 problème trouvé"), std::string::npos) << check.err;
    const fs::path out = dir / "sortie";
    const RunResult r = run(lettrine_exe() + " lettres --donnees '" + workbook.string() + "' --sortie '" + out.string() + "'");
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("cherché dans", r.err.find("cherché dans") + 1), std::string::npos) << "one error:\n" << r.err;
    EXPECT_TRUE(files_under(out).empty());
    fs::remove_all(dir);
}
