// Issue 16, « Data that must pass »: the real `lettrine fusion` on cells
// that used to fail the whole batch with exit 4 blamed on the template.
// Data text is printed as written (pdftotext reads it back), characters no
// document can print are removed or replaced with a warning naming the cell.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "safety_support.hpp"
#include "support/pdf_tools.hpp"

using namespace safety;
using lettrine::test_support::pdf_text;

namespace {

void write(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path.string(), std::ios::binary);
    out << bytes;
}

// Merges `data` (one record, element <d>) into a two-paragraph letter: (exit code, messages, PDF text).
struct Merged { int code; std::string messages, text; };
Merged merge(const TemporaryFolder& work, const std::string& data_name, const std::string& data, const std::string& each) {
    write(work.path() / "lettre.xml.mustache",
          "<document titre=\"t\" date=\"2016-05-02\"><p>{{nom}}</p><p>{{organisation}}</p></document>");
    write(work.path() / data_name, data);
    const fs::path output = work.path() / "sortie";
    const auto [code, messages] =
        run_lettrine({"fusion", "--modele", (work.path() / "lettre.xml.mustache").string(), "--donnees",
                      (work.path() / data_name).string(), "--chaque", each, "--sortie", output.string()},
                     work.path() / "erreurs.txt");
    const fs::path pdf = output / "lettre-0001.pdf";
    return {code, messages, fs::exists(pdf) ? pdf_text(pdf) : ""};
}

}  // namespace

TEST(DataMustPass, EntityLikeTextIsPrintedAsWritten) {
    TemporaryFolder work("entites");
    const Merged m = merge(work, "d.xml",
                           "<l><d><nom>Tom &amp;amp; Jerry</nom><organisation>a&amp;nbsp;b &amp;eacute;</organisation></d></l>",
                           "d");
    ASSERT_EQ(m.code, 0) << m.messages;
    EXPECT_NE(m.text.find("Tom &amp; Jerry"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("a&nbsp;b &eacute;"), std::string::npos) << m.text;
    EXPECT_EQ(m.messages.find("avertissement"), std::string::npos) << m.messages;
}

TEST(DataMustPass, ControlsNonCharactersAndEmojiAreReplacedWithAWarningNamingTheCell) {
    TemporaryFolder work("caracteres");
    // DEL, U+0085, U+2028, U+FFFE, U+FFFF, 🙂, a ZWJ family: all in one cell (B2).
    const Merged m = merge(work, "d.csv",
                           "nom,organisation\nCamille,a\x7F" "b\u0085c\u2028d\uFFFEe\uFFFF f \U0001F642 "
                           "\U0001F468\u200D\U0001F469\u200D\U0001F467 fin\n",
                           "d");
    ASSERT_EQ(m.code, 0) << m.messages;
    EXPECT_NE(m.messages.find("d.csv:2"), std::string::npos) << m.messages;
    EXPECT_NE(m.messages.find("avertissement : texte modifié à l’impression : caractère de contrôle retiré, séparateur "
                              "de ligne Unicode remplacé par un retour à la ligne, non-caractère Unicode retiré et emoji "
                              "remplacé par « □ »"),
              std::string::npos)
        << m.messages;
    EXPECT_NE(m.text.find("Camille"), std::string::npos) << m.text;
    EXPECT_NE(m.text.find("ab c de f □ □ fin"), std::string::npos) << m.text;
}

// The same characters in the December programme itself (the Référent of
// Habitat in the XML twin): the letters are written, the warning names the
// element, the letter prints the marker (it failed with exit 4, each
// character blamed on the letter's template).
TEST(DataMustPass, ProgrammeTextWithControlsAndEmojiGivesTheLetters) {
    TemporaryFolder work("programme-caracteres");
    std::ifstream in(std::string(LETTRINE_SOURCE_DIR) + "/input/programme-2016.xml", std::ios::binary);
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string name = "Structure référente Habitat";
    const std::size_t at = xml.find(name);
    ASSERT_NE(at, std::string::npos);
    xml.replace(at, name.size(), "Structure \x7F\u0085\u2028 \U0001F600 référente Habitat");
    write(work.path() / "programme.xml", xml);
    const fs::path output = work.path() / "sortie";
    const auto [code, messages] = run_lettrine(
        {"lettres", "--donnees", (work.path() / "programme.xml").string(), "--sortie", output.string()},
        work.path() / "erreurs.txt");
    ASSERT_EQ(code, 0) << messages;
    EXPECT_NE(messages.find("programme.xml:"), std::string::npos) << messages;
    EXPECT_NE(messages.find("emoji remplacé par « □ »"), std::string::npos) << messages;
    EXPECT_NE(pdf_text(output / "lettres" / "lettre-de-mission-2016-habitat.pdf").find("Structure □ référente Habitat"),
              std::string::npos);
}
