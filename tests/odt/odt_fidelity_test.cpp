// Fidelity through a real office suite: LibreOffice (headless) turns the four
// sample letters' ODT back into PDF; their words equal those of Lettrine's
// PDFs and their page counts are within one page.
//
// LibreOffice exits 0 even when it could not load a file, so a conversion
// counts only when its PDF exists and soffice printed nothing on standard
// error. soffice.bin is started directly: the `soffice` wrapper (oosplash)
// prints « failed to launch javaldx » on a machine without Java. One fresh
// profile per run; one call initialises it (a new profile asks for a
// restart, exit code 81), one call converts every letter.
#include <algorithm>
#include <map>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>

#include "support/pdf_tools.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;
using namespace lettrine::test_support;

namespace {

const char* const kOffice = "/usr/lib/libreoffice/program/soffice.bin";
const char* const kLetters[] = {"circuits-courts", "dechets-ressources", "habitat", "services-aux-personnes"};

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
    return parts;
}

std::string without_digits(std::string line) {
    for (char& c : line)
        if (c >= '0' && c <= '9') c = '#';
    return line;
}

// Page furniture: the lines (numbers aside) found on two pages or more of Lettrine's PDF.
std::set<std::string> furniture_lines(const std::string& text) {
    std::map<std::string, int> pages_with;
    for (const std::string& page : split(text, '\f')) {
        std::set<std::string> seen;
        for (const std::string& line : split(page, '\n'))
            if (!line.empty()) seen.insert(without_digits(line));
        for (const std::string& line : seen) ++pages_with[line];
    }
    std::set<std::string> furniture;
    for (const auto& [line, pages] : pages_with)
        if (pages >= 2) furniture.insert(line);
    return furniture;
}

// The words of `text` but for the furniture, sorted: pdftotext orders the
// cells of a table row and page-anchored frames differently in the two
// files. Line-break hyphens (and any hyphen) and every kind of space aside.
std::vector<std::string> words(const std::string& text, const std::set<std::string>& furniture) {
    std::string kept;
    for (const std::string& line : split(text, '\n')) {
        std::string l = line;
        l.erase(std::remove(l.begin(), l.end(), '\f'), l.end());
        if (furniture.count(without_digits(l))) continue;
        kept += l + "\n";
    }
    std::string joined;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept.compare(i, 2, "-\n") == 0) { ++i; continue; }  // a word broken at the line's end
        joined += kept[i];
    }
    for (const char* space : {"\u00a0", "\u202f", "\u2009"})
        for (std::size_t at; (at = joined.find(space)) != std::string::npos;) joined.replace(at, std::string(space).size(), " ");
    std::vector<std::string> out;
    std::istringstream in(joined);
    for (std::string w; in >> w;) {
        w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
        if (!w.empty()) out.push_back(w);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The words of `a` not in `b` and of `b` not in `a`, less the words of `a`
// that `b` has cut in two: a PDF viewer's text extraction sees a space where a
// justified line spreads the letters of a word (LibreOffice: « pré sente »).
std::string difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> only_a, only_b;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(only_a));
    std::set_difference(b.begin(), b.end(), a.begin(), a.end(), std::back_inserter(only_b));
    for (auto w = only_a.begin(); w != only_a.end();) {
        bool joined = false;
        for (std::size_t i = 0; i < only_b.size() && !joined; ++i)
            for (std::size_t j = 0; j < only_b.size() && !joined; ++j)
                if (i != j && only_b[i] + only_b[j] == *w) {
                    only_b.erase(only_b.begin() + static_cast<long>(std::max(i, j)));
                    only_b.erase(only_b.begin() + static_cast<long>(std::min(i, j)));
                    joined = true;
                }
        w = joined ? only_a.erase(w) : w + 1;
    }
    if (only_a.empty() && only_b.empty()) return "";
    std::string s = "only in Lettrine's PDF:";
    for (const auto& w : only_a) s += " " + w;
    s += "\nonly in LibreOffice's PDF:";
    for (const auto& w : only_b) s += " " + w;
    return s;
}

}  // namespace

// One LibreOffice run for the whole suite: the four letters and the habitat
// note, written as ODT by Lettrine, converted to PDF in one soffice call.
class OdtFidelity : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!fs::exists(kOffice)) return;
        dir_ = fs::temp_directory_path() / fs::unique_path("lettrine-odt-fidelity-%%%%-%%%%");
        fs::create_directories(dir_);
        written_ = run_command(lettrine_exe() + " lettres --format pdf,odt --sortie " + shell_quote(dir_ / "out"));
        note_ = run_command(lettrine_exe() + " note --format odt --donnees " +
                            shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "input/bilans/bilan-2016-habitat.xlsx") +
                            " --sortie " + shell_quote(dir_ / "out"));
        const std::string profile = " -env:UserInstallation=file://" + (dir_ / "profile").string() + " --headless";
        run_command(std::string(kOffice) + profile + " --terminate_after_init");
        std::string files = " " + shell_quote(dir_ / "out/notes/note-bilan-2016-habitat.odt");
        for (const char* letter : kLetters)
            files += " " + shell_quote(dir_ / "out/lettres" / ("lettre-de-mission-2016-" + std::string(letter) + ".odt"));
        converted_ = run_command(std::string(kOffice) + profile + " --convert-to pdf --outdir " +
                                 shell_quote(dir_ / "converted") + files);
    }
    static void TearDownTestSuite() {
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    void SetUp() override {
        if (!fs::exists(kOffice)) GTEST_SKIP() << "LibreOffice (libreoffice-writer-nogui) is not installed";
        ASSERT_EQ(written_.code, 0) << written_.err;
        ASSERT_EQ(note_.code, 0) << note_.err;
        // soffice exits 0 even when it could not load a file: its silence counts.
        EXPECT_EQ(converted_.err, "") << "soffice printed on standard error";
    }
    static fs::path dir_;
    static CommandResult written_, note_, converted_;
};

fs::path OdtFidelity::dir_;
CommandResult OdtFidelity::written_, OdtFidelity::note_, OdtFidelity::converted_;

TEST_F(OdtFidelity, LibreOfficeGivesTheLettersBackWordForWord) {
    for (const char* letter : kLetters) {
        const std::string name = "lettre-de-mission-2016-" + std::string(letter) + ".pdf";
        const fs::path ours = dir_ / "out/lettres" / name, theirs = dir_ / "converted" / name;
        ASSERT_TRUE(fs::exists(theirs)) << name << " not converted: " << converted_.out << converted_.err;
        const std::string our_text = pdf_text(ours);
        const std::string their_text = pdf_text(theirs);
        // Furniture recurs in both files; a body line that recurs in one only
        // because of where its lines break (a name alone on a line) is text.
        std::set<std::string> furniture;
        const std::set<std::string> ours_recurring = furniture_lines(our_text), theirs_recurring = furniture_lines(their_text);
        std::set_intersection(ours_recurring.begin(), ours_recurring.end(), theirs_recurring.begin(),
                              theirs_recurring.end(), std::inserter(furniture, furniture.begin()));
        const std::vector<std::string> a = words(our_text, furniture), b = words(their_text, furniture);
        EXPECT_GT(a.size(), 500u) << name;
        EXPECT_EQ(difference(a, b), "") << name;
        EXPECT_LE(std::abs(pdf_page_count(ours) - pdf_page_count(theirs)), 1) << name;
    }
}

// The words of the rapport made from the notes in `notes`.
static std::vector<std::string> rapport_words(const fs::path& notes, const fs::path& output) {
    const CommandResult r = run_command(lettrine_exe() + " rapport --notes " + shell_quote(notes) + " --sortie " +
                                        shell_quote(output));
    EXPECT_EQ(r.code, 0) << r.err;
    for (const fs::directory_entry& e : fs::directory_iterator(output))
        if (e.path().extension() == ".pdf") return words(pdf_text(e.path()), {});
    ADD_FAILURE() << "no rapport in " << output;
    return {};
}

// The way back: a note edited as ODT, exported to PDF by the office suite,
// takes the place of its bilan in the rapport's notes folder.
TEST_F(OdtFidelity, TheRapportTakesTheExportedNote) {
    const fs::path exported = dir_ / "converted/note-bilan-2016-habitat.pdf";
    ASSERT_TRUE(fs::exists(exported)) << converted_.out << converted_.err;
    const fs::path notes = dir_ / "notes";
    fs::create_directories(notes);
    for (const char* bilan : {"bilan-2016-circuits-courts.xlsx", "bilan-2016-dechets-ressources.xml",
                              "bilan-2016-services-aux-personnes.xlsx"})
        fs::copy_file(fs::path(LETTRINE_SOURCE_DIR) / "input/bilans" / bilan, notes / bilan);
    const std::vector<std::string> without = rapport_words(notes, dir_ / "sans");
    fs::copy_file(exported, notes / "note-bilan-2016-habitat.pdf");
    const std::vector<std::string> with = rapport_words(notes, dir_ / "avec");
    // The words only the habitat note has are in the rapport once its PDF is in the folder.
    std::vector<std::string> own;
    for (const std::string& w : words(pdf_text(exported), {}))
        if (!std::binary_search(without.begin(), without.end(), w)) own.push_back(w);
    ASSERT_GT(own.size(), 10u);
    for (const std::string& w : own) EXPECT_TRUE(std::binary_search(with.begin(), with.end(), w)) << w;
}
