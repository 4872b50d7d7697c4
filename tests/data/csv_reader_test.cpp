#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <boost/filesystem.hpp>
#include <cstdlib>
#include <fstream>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/csv_reader.hpp"
#include "data/programme_dump.hpp"
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "fixtures.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace fixtures;

namespace {

std::string first_message(const std::string& bytes, const std::string& name = "donnees.csv") {
    try {
        read_csv(bytes, name);
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        return e.what();
    }
    return "no error";
}

std::vector<std::vector<std::string>> texts(const Sheet& sheet) {
    std::vector<std::vector<std::string>> out;
    for (const auto& row : sheet.rows) {
        out.emplace_back();
        for (const auto& cell : row) out.back().push_back(cell.text);
    }
    return out;
}

std::string to_windows_1252(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() + 1, '\0');
    const int32_t n = ucnv_convert("windows-1252", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    EXPECT_TRUE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// The programme dump without its logo line (the logo path depends on where the data is).
std::string dump_without_logo(const Programme& p) {
    std::string dump = dump_programme(p);
    const auto start = dump.find("\nlogo: ");
    if (start != std::string::npos) dump.erase(start, dump.find('\n', start + 1) - start);
    return dump;
}

class TemporaryFolder {
public:
    TemporaryFolder() : path_(fs::temp_directory_path() / fs::unique_path("lettrine-csv-%%%%-%%%%")) {
        fs::create_directories(path_);
    }
    ~TemporaryFolder() { fs::remove_all(path_); }
    const fs::path& path() const { return path_; }
    void write(const std::string& name, const std::string& bytes) const {
        std::ofstream(( path_ / name).string(), std::ios::binary) << bytes;
    }

private:
    fs::path path_;
};

const char* const kSampleFolder = "samples/programme-csv";

// The sample CSV folder, as write_workbook_csv makes it from the committed
// workbook: the same logo name, found in the project's input/ wherever the
// folder is copied (core/resources.hpp).
std::vector<std::pair<std::string, std::string>> expected_sample() {
    const Workbook workbook = read_xlsx(read_bytes(source_path("input/programme-2016.xlsx")), "programme-2016.xlsx");
    return write_workbook_csv(workbook);
}

}  // namespace

TEST(CsvReader, SeparatorsAndQuoting) {
    CsvFormat format;
    const Sheet semicolons = read_csv("Nom;Montant\r\nDupont;1,5\r\n", "a.csv", {}, &format);
    EXPECT_EQ(format.separator, ';');
    EXPECT_EQ(texts(semicolons), (std::vector<std::vector<std::string>>{{"Nom", "Montant"}, {"Dupont", "1,5"}}));
    EXPECT_EQ(semicolons.name, "a");

    read_csv("Nom,Montant\nDupont,\"1,5\"\n", "b.csv", {}, &format);
    EXPECT_EQ(format.separator, ',');
    const Sheet tabs = read_csv("Nom\tMontant, en euros\nDupont\t2\n", "c.csv", {}, &format);
    EXPECT_EQ(format.separator, '\t');
    EXPECT_EQ(tabs.rows[0][1].text, "Montant, en euros");
    read_csv("Nom, prénom;Ville\n", "d.csv", {}, &format);  // a tie goes to « ; »
    EXPECT_EQ(format.separator, ';');
    const Sheet hinted = read_csv("sep=,\r\nA;B,C\r\n", "e.csv", {}, &format);  // Excel's hint line
    EXPECT_EQ(format.separator, ',');
    EXPECT_EQ(texts(hinted), (std::vector<std::vector<std::string>>{{"A;B", "C"}}));
    EXPECT_EQ(hinted.rows[0][1].position.describe(), "e.csv:2:5");

    const Sheet quoted = read_csv(
        "Nom;Adresse;Note\r\n"
        "\"Dupont; Durand\";\"1 rue de l'Exemple\r\n44000 Nantes\";\"Il a dit \"\"oui\"\"\"\r\n"
        "\r\n"
        "Martin;;\"fin\"après\r\n"
        "\"\";x;\n"
        "dernière;sans;fin de ligne",
        "f.csv");
    EXPECT_EQ(texts(quoted), (std::vector<std::vector<std::string>>{
                                 {"Nom", "Adresse", "Note"},
                                 {"Dupont; Durand", "1 rue de l'Exemple\n44000 Nantes", "Il a dit \"oui\""},
                                 {},
                                 {"Martin", "", "finaprès"},
                                 {"", "x", ""},
                                 {"dernière", "sans", "fin de ligne"}}));
    EXPECT_EQ(quoted.rows[1][2].position.describe(), "f.csv:3:15");  // after the line break inside a field
    EXPECT_EQ(quoted.rows[3][2].position.describe(), "f.csv:5:9");
    EXPECT_EQ(quoted.rows[5][1].position.describe(), "f.csv:7:10");  // columns count characters, not bytes
    EXPECT_EQ(quoted.rows[3][1].type, Cell::Empty);
    EXPECT_EQ(quoted.cell_place(3, 7).describe(), "f.csv:5");  // beyond the row: its line
    EXPECT_EQ(quoted.place().describe(), "f.csv");
}

TEST(CsvReader, EncodingsAreDetected) {
    CsvFormat format;
    const std::string text = "Intitulé;Montant\r\nÉté;15 000 €\r\n";
    const auto expect_text = [&](const Sheet& sheet) {
        EXPECT_EQ(texts(sheet), (std::vector<std::vector<std::string>>{{"Intitulé", "Montant"}, {"Été", "15 000 €"}}));
    };
    expect_text(read_csv(text, "utf8.csv", {}, &format));
    EXPECT_EQ(format.encoding, CsvEncoding::Utf8);
    expect_text(read_csv("\xEF\xBB\xBF" + text, "bom.csv", {}, &format));
    EXPECT_EQ(format.encoding, CsvEncoding::Utf8WithBom);
    const std::string windows = to_windows_1252(text);
    EXPECT_NE(windows.find('\x80'), std::string::npos);  // « € » is 0x80 in Windows-1252
    expect_text(read_csv(windows, "excel.csv", {}, &format));
    EXPECT_EQ(format.encoding, CsvEncoding::Windows1252);
    std::string utf16 = "\xFF\xFE";
    for (char16_t c : std::u16string(u"Intitulé;Montant\r\nÉté;15 000 €\r\n")) {
        utf16 += static_cast<char>(c & 0xFF);
        utf16 += static_cast<char>(c >> 8);
    }
    expect_text(read_csv(utf16, "unicode.csv", {}, &format));
    EXPECT_EQ(format.encoding, CsvEncoding::Utf16);
    EXPECT_EQ(first_message("\xEF\xBB\xBFok;\n\xE9t\xE9"),
              "donnees.csv:2:1 : le fichier annonce l’encodage UTF-8 (BOM) mais contient un octet invalide");
}

TEST(CsvReader, RefusesBrokenFiles) {
    EXPECT_EQ(first_message("Nom;Note\nDupont;\"jamais fermé\nMartin;2\n"),
              "donnees.csv:2:8 : guillemet ouvert jamais fermé : la cellule s’étendrait jusqu’à la fin du fichier");
    EXPECT_EQ(first_message(std::string("Nom;Note\nDu\0pont;2\n", 19)),
              "donnees.csv:2:3 : ce fichier n’est pas un fichier texte CSV (il contient un octet nul)");
    EXPECT_EQ(first_message(write_workbook({{"F", {{text("x")}}}})),
              "donnees.csv : ce fichier n’est pas un fichier CSV mais un classeur (enregistrez-le au format .xlsx, .ods "
              "ou CSV)");
    XlsxLimits limits;
    limits.max_cells = 10;
    try {
        read_csv("a;b;c;d\n1;2;3;4\n5;6;7;8\n", "gros.csv", limits);
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), "gros.csv:3:1 : le fichier contient plus de 10 cellules : fichier refusé");
    }
    limits = {};
    limits.max_entry_bytes = 8;
    try {
        read_csv("a;b;c;d\n1;2;3;4\n", "gros.csv", limits);
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), "gros.csv : le fichier dépasse 8 octets : fichier refusé");
    }
}

TEST(CsvReader, WriteCsvRoundTrips) {
    const Workbook wb = read_xlsx(write_workbook({{"Feuille", {{text("Nom"), text("Montant"), text("Date"), text("Actif")},
                                                               {text("Dupont; \"D\"\nDurand"), number(1500.5),
                                                                date(2015, 12, 1), boolean(true)},
                                                               {text(" espace "), empty(), number(3)}}}}),
                                  "classeur.xlsx");
    const std::string csv = write_csv(wb.sheets[0], wb.date1904);
    EXPECT_EQ(csv, "\xEF\xBB\xBFNom;Montant;Date;Actif\r\n\"Dupont; \"\"D\"\"\nDurand\";1500,5;01/12/2015;VRAI\r\n"
                   "\" espace \";;3\r\n");
    EXPECT_EQ(texts(read_csv(csv, "Feuille.csv")),
              (std::vector<std::vector<std::string>>{{"Nom", "Montant", "Date", "Actif"},
                                                     {"Dupont; \"D\"\nDurand", "1500,5", "01/12/2015", "VRAI"},
                                                     {" espace ", "", "3"}}));
}

// samples/programme-csv is generated from input/programme-2016.xlsx; refresh it with
//   LETTRINE_UPDATE_SAMPLES=1 build/tests/data/test_data --gtest_filter=CsvSample.*
TEST(CsvSample, CommittedFolderIsUpToDate) {
    const fs::path folder = source_path(kSampleFolder);
    const auto expected = expected_sample();
    if (const char* update = std::getenv("LETTRINE_UPDATE_SAMPLES"); update && std::string(update) == "1")
        for (const auto& [name, bytes] : expected) write_file_atomically(folder / name, bytes);
    for (const auto& [name, bytes] : expected) {
        SCOPED_TRACE(name + " (regenerate with LETTRINE_UPDATE_SAMPLES=1)");
        ASSERT_TRUE(fs::exists(folder / name));
        EXPECT_EQ(read_bytes((folder / name).string()), bytes);
    }
}

TEST(CsvSample, GivesTheSameProgrammeAsTheWorkbook) {
    const Programme csv = read_programme(source_path(kSampleFolder));
    const Programme& xml = default_programme();
    EXPECT_EQ(dump_without_logo(csv), dump_without_logo(xml));
    // The logo as written: the run's resources find it (the folder first).
    EXPECT_EQ(csv.logo, "logo-ecossolies.png");
    EXPECT_EQ(csv.sectors[2].position.describe(), "Secteurs.csv:6:1");
    // With a trailing slash too.
    EXPECT_EQ(dump_programme(read_programme(source_path(std::string(kSampleFolder) + "/"))), dump_programme(csv));
}

TEST(CsvSample, LibreOfficeWindows1252ExportGivesTheSameProgramme) {
    // Exported by a French LibreOffice (tests/data/fixtures/README.md):
    // Windows-1252, files named programme-2016-<feuille>.csv.
    const Programme csv = read_programme(source_path("tests/data/fixtures/programme-csv-libreoffice"));
    EXPECT_EQ(dump_without_logo(csv), dump_without_logo(default_programme()));
}

TEST(CsvSample, FrenchNumbersAndDatesAsTypedInCsv) {
    TemporaryFolder folder;
    for (const auto& [name, bytes] : expected_sample()) {
        std::string text = bytes;
        if (name == "Secteurs.csv") {
            // Budgets with a narrow no-break space and a decimal comma, days with a unit.
            for (std::string from : {";10000;20;30;", ";15000;30;45;"}) {
                const std::string thousands = from.substr(1, 2);
                const std::string to = ";" + thousands + "\u202F000,00\u00A0€;" + from.substr(7, 2) + " j;" +
                                       from.substr(10, 2) + " jours;";
                for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
                    text.replace(at, from.size(), to);
            }
            EXPECT_NE(text.find("15\u202F000,00\u00A0€"), std::string::npos);
        }
        folder.write(name, name == "Textes.csv" ? to_windows_1252(text.substr(3)) : text);
    }
    const Programme csv = read_programme(folder.path());
    EXPECT_EQ(dump_without_logo(csv), dump_without_logo(default_programme()));
}

TEST(CsvSample, ErrorsArePositionedInTheCsvFile) {
    TemporaryFolder folder;
    for (const auto& [name, bytes] : expected_sample()) {
        if (name == "Textes.csv") continue;
        std::string text = bytes;
        if (name == "Secteurs.csv") {
            const auto at = text.find(";15000;");
            text.replace(at, 7, ";dix mille;");
        }
        folder.write(name, text);
    }
    folder.write("._Secteurs.csv", "\x00\x05\x16\x07 resource fork");  // macOS leftovers are ignored
    const ProgrammeCheck check = check_programme(folder.path());
    EXPECT_FALSE(check.programme);
    const std::string name = folder.path().filename().string();
    const auto messages = described(check.diagnostics);
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_EQ(messages[0], name + " : le fichier « Textes.csv » est absent du dossier");
    // Habitat's row starts on line 6 (addresses span two lines); its budget is on line 7.
    EXPECT_EQ(messages[1], "Secteurs.csv:7:164 : « dix mille » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)");
}

TEST(CsvRecords, FileAndFolder) {
    TemporaryFolder folder;
    folder.write("destinataires.csv", "Nom du contact;Montant;Date\r\nDupont;1 500,50;01/12/2015\r\n;;\r\nMartin;2;\r\n");
    folder.write("autres.csv", "x\n1\n");
    const DataValue records = read_records(folder.path() / "destinataires.csv", "destinataires");
    ASSERT_EQ(records.items().size(), 2u);
    EXPECT_EQ(records.items()[0].find("nom_du_contact")->as_text(), "Dupont");
    EXPECT_EQ(records.items()[0].find("Montant")->as_text(), "1 500,50");
    EXPECT_EQ(records.items()[0].find("date")->position().describe(), "destinataires.csv:2:17");
    EXPECT_EQ(records.items()[1].find("date")->position().describe(), "destinataires.csv:4:10");
    EXPECT_EQ(read_records(folder.path(), "Destinataires").items().size(), 2u);
    EXPECT_EQ(read_data_tree(folder.path()).find("autres")->items().size(), 1u);
    try {
        read_records(folder.path(), "inconnue");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), folder.path().filename().string() +
                                             " : la feuille « inconnue » n’existe pas (fichiers CSV du dossier : "
                                             "« autres », « destinataires »)");
    }
    TemporaryFolder empty;
    try {
        read_records(empty.path(), "x");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), empty.path().filename().string() + " : le dossier ne contient aucun fichier .csv");
    }
}
