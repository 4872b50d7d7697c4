// Issue 16 (hardening): data that must pass, memory bounded by the caps,
// messages that say what is wrong. Each test reproduces the probe's case.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/csv_reader.hpp"
#include "data/data_text.hpp"
#include "data/email_address.hpp"
#include "data/input_file.hpp"
#include "data/ods_reader.hpp"
#include "data/records.hpp"
#include "data/xml_reader.hpp"
#include "data/zip_archive.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;
namespace fs = boost::filesystem;

namespace {

// A folder of its own, removed at the end.
class Scratch {
public:
    Scratch() : path_(fs::temp_directory_path() / fs::unique_path("lettrine-issue16-%%%%-%%%%")) {
        fs::create_directories(path_);
    }
    ~Scratch() { fs::remove_all(path_); }
    fs::path file(const std::string& name, const std::string& bytes) const {
        const fs::path p = path_ / name;
        FILE* f = std::fopen(p.c_str(), "wb");
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
        return p;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

template <class F>
std::string message_of(F f) {
    try {
        f();
    } catch (const LettrineError& e) {
        return e.what();
    }
    return "(aucune erreur)";
}

std::string warnings_text(const Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items()) out += item.describe() + "\n";
    return out;
}

}  // namespace

// ---- 5. Quadratic merge reading ---------------------------------------------

// 100,000 repeated children from a ~2 MB file: each child used to copy the
// whole list (≈ 30 min); now linear (timing: bench/, docs/ROBUSTESSE.md).
TEST(Issue16MergeReading, HundredThousandRepeatedChildren) {
    std::string xml = "<liste>";
    for (int i = 0; i < 100000; ++i) xml += "<date-limite>" + std::to_string(i) + "</date-limite>";
    xml += "</liste>";
    const DataValue tree = element_value(read_xml(xml, "grand.xml"));
    const DataValue* list = tree.find("date-limite");
    ASSERT_TRUE(list && list->is_list());
    ASSERT_EQ(list->items().size(), 100000u);
    EXPECT_EQ(list->items()[99999].as_text(), "99999");
    // The Mustache-safe alias names the whole list (it used to keep the first item only).
    const DataValue* alias = tree.find("date_limite");
    ASSERT_TRUE(alias && alias->is_list());
    EXPECT_EQ(alias->items().size(), 100000u);
}

TEST(Issue16MergeReading, ElementValueKeepsItsRules) {
    const DataValue v = element_value(read_xml(
        "<e nom=\"attribut\" date-limite=\"a\"><nom>enfant</nom><x>1</x><x>2</x><y>seul</y>texte propre</e>", "e.xml"));
    std::string keys;
    for (const auto& [key, value] : v.entries()) keys += key + " ";
    EXPECT_EQ(keys, "nom date-limite date_limite x y texte ");
    EXPECT_EQ(v.find("nom")->as_text(), "attribut");  // an attribute wins over a single child of the same name
    EXPECT_EQ(v.find("x")->items().size(), 2u);
    EXPECT_EQ(v.find("texte")->as_text(), "texte propre");
}

// ---- 6. Memory per input byte ----------------------------------------------------

// A sparse 3 Gio .xlsx was read whole (6.3 GB) before being refused.
TEST(Issue16Memory, HugeFileRefusedOnItsSizeBeforeReading) {
    Scratch scratch;
    const fs::path big = scratch.path() / "creux.xlsx";
    const int fd = ::open(big.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, off_t{3} << 30), 0);  // sparse: no disk space taken
    ::close(fd);
    EXPECT_EQ(message_of([&] { read_records(big, "x"); }), "creux.xlsx : le fichier dépasse 256 Mio : fichier refusé");
    EXPECT_EQ(message_of([&] { read_data_file(big, 1000); }), "creux.xlsx : le fichier dépasse 1000 octets : fichier refusé");
}

// An entry that declares more than the limit is refused before inflating.
TEST(Issue16Memory, DeclaredEntrySizeCheckedBeforeInflating) {
    const std::string archive = zip_entries({{"gros.xml", std::string(5000, 'a')}});
    ZipArchive zip(archive, "a.xlsx", {1000, 100000});
    EXPECT_EQ(message_of([&] { zip.read("gros.xml"); }),
              "a.xlsx : l’élément « gros.xml » du classeur dépasse 1000 octets une fois décompressé : fichier refusé");
    ZipArchive total(archive, "a.xlsx", {100000, 1000});
    EXPECT_EQ(message_of([&] { total.read("gros.xml"); }),
              "a.xlsx : le contenu décompressé du classeur dépasse 1000 octets : fichier refusé");
}

// ---- 9. Characters that failed the batch ---------------------------------------

TEST(Issue16Characters, ControlsSeparatorsAndNonCharacters) {
    const SourcePosition cell = SourcePosition::at_cell("d.xlsx", "Feuille", "B2");
    Diagnostics w;
    EXPECT_EQ(printable_data_text("a\x7F" "b\u0085c\u2028d\u2029e\uFFFEf\uFFFF\u0081g\x01h\U0001FFFF", cell, &w), "ab\nc\nd\nefgh");
    EXPECT_EQ(warnings_text(w),
              "d.xlsx, feuille « Feuille », cellule B2 : avertissement : texte modifié à l’impression : caractère de contrôle retiré, "
              "séparateur de ligne Unicode remplacé par un retour à la ligne et non-caractère Unicode retiré\n");
    Diagnostics none;
    EXPECT_EQ(printable_data_text("Tom & Jerry, « été » — 10\u202F€\tfin\n", cell, &none), "Tom & Jerry, « été » — 10\u202F€\tfin\n");
    EXPECT_TRUE(none.empty());
}

TEST(Issue16Characters, EachEmojiSequenceBecomesOneMarker) {
    const SourcePosition cell = SourcePosition::at_cell("d.xlsx", "Feuille", "C3");
    Diagnostics w;
    // 🙂, 👍🏽 (skin tone), 👨‍👩‍👧 (ZWJ family), 🇫🇷 (flag), ❤️ (text symbol + VS16), two flags side by side.
    EXPECT_EQ(printable_data_text("a\U0001F642b\U0001F44D\U0001F3FDc\U0001F468\u200D\U0001F469\u200D\U0001F467d"
                                  "\U0001F1EB\U0001F1F7e\u2764\uFE0Ff\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA",
                                  cell, &w),
              "a□b□c□d□e□f□□");
    EXPECT_EQ(warnings_text(w), "d.xlsx, feuille « Feuille », cellule C3 : avertissement : texte modifié à l’impression : emoji remplacé "
                                "par « □ » (les polices des documents n’ont pas d’emoji)\n");
    // Symbols the fonts have are not emoji: © ® ™ ☺ ♥ ✓ stay.
    Diagnostics none;
    EXPECT_EQ(printable_data_text("© ® ™ ☺ ♥ ✓ → €", cell, &none), "© ® ™ ☺ ♥ ✓ → €");
    EXPECT_TRUE(none.empty());
}

TEST(Issue16Characters, ReadRecordsWarnsNamingTheCell) {
    Scratch scratch;
    const fs::path file = scratch.file("d.csv", "Nom;Ville\nCamille \U0001F642;Nan\x7Ftes\n");
    Diagnostics warnings;
    const DataValue records = read_records(file, "d", &warnings);
    ASSERT_EQ(records.items().size(), 1u);
    EXPECT_EQ(records.items()[0].find("Nom")->as_text(), "Camille □");
    EXPECT_EQ(records.items()[0].find("Ville")->as_text(), "Nantes");
    const std::string text = warnings_text(warnings);
    EXPECT_NE(text.find("d.csv:2"), std::string::npos) << text;
    EXPECT_EQ(warnings.items().size(), 2u) << text;
    EXPECT_FALSE(warnings.has_errors());
    // XML: attributes and texts, at their line.
    const fs::path xml = scratch.file("d.xml", "<l>\n<d nom=\"a\u2028b\"><ville>x\uFFFFy</ville></d>\n</l>");
    Diagnostics xml_warnings;
    const DataValue items = read_records(xml, "d", &xml_warnings);
    EXPECT_EQ(items.items()[0].find("nom")->as_text(), "a\nb");
    EXPECT_EQ(items.items()[0].find("ville")->as_text(), "xy");
    EXPECT_EQ(xml_warnings.items().size(), 2u) << warnings_text(xml_warnings);
}

// ---- 10. Messages ----------------------------------------------------------------

// immense.xlsx: one cell at XFD1048576 was reported at « AMK1 ».
TEST(Issue16Messages, TooManyColumnsReportedAtTheCellHoldingData) {
    const Workbook wb = read_xlsx(hand_written_workbook("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"),
                                  "immense.xlsx");
    EXPECT_EQ(message_of([&] { sheet_records(wb, wb.sheets.at(0)); }),
              "immense.xlsx, feuille « Feuille », cellule XFD1048576 : la feuille « Feuille » a des données sur plus de "
              "1024 colonnes : trop de champs pour un publipostage");
}

// A 0-byte file said « l'élément xl/workbook.xml manque ».
TEST(Issue16Messages, EmptyFileSaysSoForEveryReader) {
    const std::string tail = " : fichier vide (0 octet) : il ne contient aucune donnée (enregistrement interrompu ?)";
    EXPECT_EQ(message_of([] { read_xlsx("", "vide.xlsx"); }), "vide.xlsx" + tail);
    EXPECT_EQ(message_of([] { read_ods("", "vide.ods"); }), "vide.ods" + tail);
    EXPECT_EQ(message_of([] { read_csv("", "vide.csv"); }), "vide.csv" + tail);
    EXPECT_EQ(message_of([] { read_xml("", "vide.xml"); }), "vide.xml" + tail);
    Scratch scratch;
    for (const char* name : {"vide.xlsx", "vide.ods", "vide.csv", "vide.xml"})
        EXPECT_EQ(message_of([&] { read_records(scratch.file(name, ""), "x"); }), name + tail);
}

// The e-mail check accepted « a)/S/Launch/F(calc.exe@x.org ».
TEST(Issue16Messages, EmailIsARealAddressSyntax) {
    for (const char* good : {"contact@ecossolies.fr", "prenom.nom+lettres@sous.domaine.example.org", "o'brien@x.org",
                             "a_b-c@x-y.fr", "élodie@exemple.fr", "x@xn--bcher-kva.example"})
        EXPECT_TRUE(is_plausible_email(good)) << good;
    for (const char* bad : {"a)/S/Launch/F(calc.exe@x.org", "a@b", "@x.org", "a@.org", "a@x..org", "a.@x.org", ".a@x.org",
                            "a..b@x.org", "a b@x.org", "a@x.org>", "\"a\"@x.org", "a@-x.org", "a@x-.org", "a@x.123",
                            "a@[192.0.2.1]", "a@@x.org", "a,b@x.org", "a(b)@x.org", "a@x.org\n", "a@x.o rg", ""})
        EXPECT_FALSE(is_plausible_email(bad)) << bad;
    EXPECT_FALSE(is_plausible_email(std::string(65, 'a') + "@x.org"));
    EXPECT_TRUE(is_plausible_email(std::string(64, 'a') + "@x.org"));
    EXPECT_FALSE(is_plausible_email("a@" + std::string(64, 'b') + ".org"));
}
