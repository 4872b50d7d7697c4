#include <gtest/gtest.h>

#include <boost/filesystem.hpp>
#include <cstdlib>

#include "core/diagnostic.hpp"
#include "data/calendar.hpp"
#include "data/ods_reader.hpp"
#include "data/programme_dump.hpp"
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

namespace {

std::string first_message(const std::string& bytes, const XlsxLimits& limits = {}) {
    try {
        read_ods(bytes, "classeur.ods", limits);
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        return e.what();
    }
    return "no error";
}

std::string table(const std::string& name, const std::string& rows, const std::string& attributes = "") {
    return "<table:table table:name=\"" + name + "\"" + attributes + ">" +
           "<table:table-column table:number-columns-repeated=\"1024\"/>" + rows + "</table:table>";
}

}  // namespace

TEST(OdsReader, ValuesOfEveryType) {
    const std::string bytes = ods_document(table(
        "Première",
        "<table:table-row>"
        "<table:table-cell office:value-type=\"string\"><text:p>Premier paragraphe</text:p>"
        "<text:p>Deuxième <text:span text:style-name=\"T1\">en gras</text:span>,<text:s text:c=\"2\"/>espacé"
        "<text:tab/>tab <text:a xlink:href=\"http://x\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">lien</text:a>"
        "<text:line-break/>fin</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"float\" office:value=\"15000\"><text:p>15 000</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"percentage\" office:value=\"0.15\"><text:p>15 %</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"currency\" office:currency=\"EUR\" office:value=\"1500.5\">"
        "<text:p>1 500,50 €</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"date\" office:date-value=\"2015-12-01\"><text:p>01/12/2015</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>VRAI</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"date\" office:date-value=\"2015-12-01T12:00:00\"/>"
        "<table:table-cell office:value-type=\"time\" office:time-value=\"PT06H00M00S\"/>"
        "</table:table-row>"
        "<table:table-row>"
        "<table:table-cell office:value-type=\"string\"><office:annotation><dc:creator>Claire</dc:creator>"
        "<text:p>Un commentaire</text:p></office:annotation><text:p>Sans le commentaire</text:p></table:table-cell>"
        "<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"string\" office:string-value=\"\" "
        "calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"
        "<table:table-cell table:formula=\"of:=[.A1]&amp;&quot;x&quot;\" office:value-type=\"string\" "
        "office:string-value=\"formule\"><text:p>formule</text:p></table:table-cell>"
        "<table:table-cell><text:p><text:s text:c=\"3\"/></text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"/>"
        "</table:table-row>"));
    const Workbook wb = read_ods(bytes, "classeur.ods");
    ASSERT_EQ(wb.sheets.size(), 1u);
    const Sheet& s = wb.sheets[0];
    EXPECT_EQ(s.name, "Première");
    ASSERT_EQ(s.rows.size(), 2u);
    ASSERT_EQ(s.rows[0].size(), 8u);
    EXPECT_EQ(s.rows[0][0].type, Cell::String);
    EXPECT_EQ(s.rows[0][0].text, "Premier paragraphe\nDeuxième en gras,  espacé\ttab lien\nfin");
    EXPECT_EQ(s.rows[0][1].type, Cell::Number);
    EXPECT_EQ(s.rows[0][1].number, 15000);
    EXPECT_EQ(s.rows[0][1].text, "15000");
    EXPECT_EQ(s.rows[0][2].number, 0.15);
    EXPECT_EQ(s.rows[0][3].number, 1500.5);
    EXPECT_EQ(s.rows[0][3].text, "1500.5");
    EXPECT_TRUE(s.rows[0][4].date_format);
    EXPECT_EQ(cell_date(s.rows[0][4], wb.date1904), (Date{2015, 12, 1}));
    EXPECT_EQ(s.rows[0][4].number, excel_serial_from_date({2015, 12, 1}));
    EXPECT_EQ(s.rows[0][5].type, Cell::Boolean);
    EXPECT_EQ(s.rows[0][5].text, "VRAI");
    EXPECT_EQ(s.rows[0][6].number, excel_serial_from_date({2015, 12, 1}) + 0.5);
    EXPECT_EQ(s.rows[0][7].number, 0.25);
    EXPECT_FALSE(s.rows[0][7].date_format);
    EXPECT_EQ(s.rows[1][0].text, "Sans le commentaire");
    EXPECT_EQ(s.rows[1][1].type, Cell::Error);
    EXPECT_EQ(s.rows[1][1].text, "#DIV/0!");
    EXPECT_EQ(s.rows[1][2].text, "formule");
    EXPECT_EQ(s.rows[1][3].type, Cell::String);
    EXPECT_EQ(s.rows[1][3].text, "   ");  // a whitespace-only cell is kept
    EXPECT_EQ(s.rows[1][4].text, "FAUX");
    EXPECT_EQ(s.rows[0][4].position.describe(), "classeur.ods, feuille « Première », cellule E1");
    EXPECT_EQ(s.rows[1][4].position.describe(), "classeur.ods, feuille « Première », cellule E2");
}

TEST(OdsReader, RepeatedCoveredAndHidden) {
    const std::string bytes = ods_document(
        table("Visible",
              "<table:table-header-rows><table:table-row>"
              "<table:table-cell table:number-columns-spanned=\"2\" office:value-type=\"string\"><text:p>Fusion</text:p>"
              "</table:table-cell><table:covered-table-cell/>"
              "<table:table-cell office:value-type=\"string\"><text:p>C1</text:p></table:table-cell>"
              "<table:table-cell table:number-columns-repeated=\"16381\"/></table:table-row></table:table-header-rows>"
              "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell table:number-columns-repeated=\"2\"/>"
              "<table:table-cell office:value-type=\"float\" office:value=\"7\" table:number-columns-repeated=\"3\"/>"
              "<table:table-cell table:number-columns-repeated=\"16379\"/></table:table-row>"
              "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"16384\"/>"
              "</table:table-row>"
              "<table:table-row-group><table:table-row><table:table-cell office:value-type=\"string\">"
              "<text:p>après le vide</text:p></table:table-cell></table:table-row></table:table-row-group>"
              "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell "
              "table:number-columns-repeated=\"16384\"/></table:table-row>") +
        table("Cachée", "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>secret</text:p>"
                        "</table:table-cell></table:table-row>",
              " table:style-name=\"ta_hidden\""));
    const Workbook wb = read_ods(bytes, "repete.ods");
    ASSERT_EQ(wb.sheets.size(), 2u);
    const Sheet& s = wb.sheets[0];
    ASSERT_EQ(s.rows.size(), 7u);  // the trailing 1,048,570 empty rows are not materialised
    ASSERT_EQ(s.rows[0].size(), 3u);  // nor the trailing 16,381 empty cells
    EXPECT_EQ(s.rows[0][0].text, "Fusion");
    EXPECT_EQ(s.rows[0][1].type, Cell::Empty);  // covered by the merge
    EXPECT_EQ(s.rows[0][2].text, "C1");
    for (int r : {1, 2}) {
        ASSERT_EQ(s.rows[r].size(), 5u);
        EXPECT_EQ(s.rows[r][1].type, Cell::Empty);
        EXPECT_EQ(s.rows[r][4].number, 7);
        EXPECT_EQ(s.rows[r][4].position.cell, "E" + std::to_string(r + 1));
    }
    EXPECT_TRUE(s.rows[3].empty() && s.rows[4].empty() && s.rows[5].empty());
    EXPECT_EQ(s.rows[6][0].text, "après le vide");
    EXPECT_EQ(s.rows[6][0].position.describe(), "repete.ods, feuille « Visible », cellule A7");
    EXPECT_EQ(wb.sheets[1].name, "Cachée");
    EXPECT_EQ(wb.sheets[1].rows[0][0].text, "secret");
}

TEST(OdsReader, OtherPrefixesForTheOdfNamespaces) {
    const std::string content =
        "<o:document-content xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:x=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><o:body><o:spreadsheet>"
        "<t:table t:name=\"F\"><t:table-row><t:table-cell o:value-type=\"float\" o:value=\"2\"/>"
        "<t:table-cell o:value-type=\"string\"><x:p>deux</x:p></t:table-cell></t:table-row></t:table>"
        "</o:spreadsheet></o:body></o:document-content>";
    const Workbook wb = read_ods(zip_entries({{"content.xml", content}}), "prefixes.ods");
    ASSERT_EQ(wb.sheets.size(), 1u);
    EXPECT_EQ(wb.sheets[0].rows[0][0].number, 2);
    EXPECT_EQ(wb.sheets[0].rows[0][1].text, "deux");
}

TEST(OdsReader, DeepSpansAreReadWithoutRecursion) {
    std::string spans;
    for (int i = 0; i < 200000; ++i) spans += "<text:span>";
    spans += "profond";
    for (int i = 0; i < 200000; ++i) spans += "</text:span>";
    const std::string bytes = ods_document(table(
        "F", "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>" + spans +
                 "</text:p></table:table-cell></table:table-row>"));
    EXPECT_EQ(read_ods(bytes, "profond.ods").sheets.at(0).rows.at(0).at(0).text, "profond");

    std::string groups;
    for (int i = 0; i < 100; ++i) groups += "<table:table-row-group>";
    for (int i = 0; i < 100; ++i) groups += "</table:table-row-group>";
    EXPECT_EQ(first_message(ods_document(table("F", groups))),
              "classeur.ods, feuille « F » : groupes de lignes imbriqués sur plus de 64 niveaux : fichier refusé");
}

TEST(OdsReader, RefusesWhatIsNotASpreadsheet) {
    EXPECT_EQ(first_message("pas un zip"),
              "classeur.ods : ce fichier n’est pas un classeur ODS lisible (archive ZIP invalide ou endommagée)");
    EXPECT_EQ(first_message(zip_entries({{"mimetype", "application/vnd.oasis.opendocument.text"}})),
              "classeur.ods : ce document OpenDocument n’est pas un classeur (type « application/vnd.oasis.opendocument.text »)");
    EXPECT_EQ(first_message(zip_entries({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}})),
              "classeur.ods : l’élément « content.xml » manque au classeur (fichier ODS incomplet)");
    EXPECT_EQ(first_message(zip_entries({{"content.xml", "<office:document-content><office:body>"}})),
              "classeur.ods : l’élément « content.xml » du classeur n’est pas du XML valide "
              "(balise fermante qui ne correspond pas à la balise ouverte, octet 37)");
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row><table:table-cell office:value-type=\"float\" "
                                                    "office:value=\"quinze\"/></table:table-row>"))),
              "classeur.ods, feuille « F » : une cellule numérique contient « quinze » (fichier endommagé)");
}

TEST(OdsReader, RefusesPasswordProtectedDocuments) {
    const std::string manifest =
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\" manifest:size=\"900\">"
        "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\">"
        "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"y\"/>"
        "</manifest:encryption-data></manifest:file-entry></manifest:manifest>";
    EXPECT_EQ(first_message(zip_entries({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                         {"META-INF/manifest.xml", manifest},
                                         {"content.xml", "\x8f\x12 chiffré"}})),
              "classeur.ods : le classeur est protégé par un mot de passe (fichier chiffré) : ouvrez-le dans "
              "LibreOffice et enregistrez-le sans mot de passe");
}

TEST(OdsReader, RefusesAbsurdSizes) {
    // A non-empty row repeated past the last row of a sheet.
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row table:number-rows-repeated=\"2000000\">"
                                                    "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                                                    "</table:table-row>"))),
              "classeur.ods, feuille « F » : la feuille « F » a plus de 1048576 lignes : fichier refusé");
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row><table:table-cell table:number-columns-repeated="
                                                    "\"99999999999999999999\"/><table:table-cell office:value-type="
                                                    "\"float\" office:value=\"1\"/></table:table-row>"))),
              "classeur.ods, feuille « F » : la feuille « F » a plus de 16384 colonnes : fichier refusé");
    XlsxLimits limits;
    limits.max_cells = 1000;
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row table:number-rows-repeated=\"600\">"
                                                    "<table:table-cell office:value-type=\"float\" office:value=\"1\"/>"
                                                    "</table:table-row>")),
                            limits),
              "classeur.ods, feuille « F » : le classeur contient plus de 1000 cellules : fichier refusé");
}

TEST(OdsReader, RefusesSpaceAmplification) {
    // 20 bytes of XML for 1,000 spaces: 17,000 of them would be 17 million spaces.
    std::string paragraph;
    for (int i = 0; i < 17000; ++i) paragraph += "<text:s text:c=\"1000\"/>";
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row><table:table-cell office:value-type=\"string\">"
                                                    "<text:p>" + paragraph + "</text:p></table:table-cell></table:table-row>"))),
              "classeur.ods, feuille « F » : le classeur contient plus de 16777216 espaces répétées (<text:s>) : "
              "fichier refusé");
}

TEST(OdsReader, RepeatedTextIsBounded) {
    XlsxLimits limits;
    limits.max_text_bytes = 1 << 20;
    EXPECT_EQ(first_message(ods_document(table("F", "<table:table-row table:number-rows-repeated=\"2000\">"
                                                    "<table:table-cell office:value-type=\"string\"><text:p>" +
                                                        std::string(1000, 'x') + "</text:p></table:table-cell>"
                                                    "</table:table-row>")),
                            limits),
              "classeur.ods, feuille « F » : le texte des cellules du classeur dépasse 1 Mio : fichier refusé");
}

TEST(OdsReader, LibreOfficeSavedProgrammeGivesTheSameProgramme) {
    // Converted from input/programme-2016.xlsx by LibreOffice (tests/data/fixtures/README.md).
    const Programme ods = read_programme(source_path("tests/data/fixtures/programme-2016-libreoffice.ods"));
    EXPECT_EQ(dump_programme(ods), dump_programme(default_programme()));
    EXPECT_EQ(ods.sectors[2].position.describe(), "programme-2016-libreoffice.ods, feuille « Secteurs », cellule A4");
}

TEST(OdsReader, ProgrammeErrorsArePositionedLikeXlsx) {
    std::string bytes = read_bytes(source_path("tests/data/fixtures/programme-2016-libreoffice.ods"));
    Workbook wb = read_ods(bytes, "programme.ods");
    set_cell(wb, "Secteurs", "J4", "dix mille");
    const ProgrammeCheck check = check_programme_workbook(wb);
    EXPECT_FALSE(check.programme);
    EXPECT_EQ(described(check.diagnostics),
              std::vector<std::string>{"programme.ods, feuille « Secteurs », cellule J4 : « dix mille » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)"});
}

TEST(OdsReader, RecordsFromAnOdsFile) {
    const Workbook wb = read_ods(
        ods_document(table("Destinataires",
                           "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Nom</text:p>"
                           "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Montant</text:p>"
                           "</table:table-cell><table:table-cell office:value-type=\"string\"><text:p>Date</text:p>"
                           "</table:table-cell></table:table-row>"
                           "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>Dupont</text:p>"
                           "</table:table-cell><table:table-cell office:value-type=\"float\" office:value=\"1500.5\"/>"
                           "<table:table-cell office:value-type=\"date\" office:date-value=\"2015-12-01\"/>"
                           "</table:table-row>")),
        "fusion.ods");
    const DataValue records = sheet_records(wb, wb.sheets.at(0));
    ASSERT_EQ(records.items().size(), 1u);
    EXPECT_EQ(records.items()[0].find("nom")->as_text(), "Dupont");
    EXPECT_EQ(records.items()[0].find("montant")->as_text(), "1500,5");
    EXPECT_EQ(records.items()[0].find("date")->as_text(), "01/12/2015");
    EXPECT_EQ(records.items()[0].find("date")->position().describe(), "fusion.ods, feuille « Destinataires », cellule C2");
}

// Optional: LibreOffice converts the committed workbook now, on this machine
// (about 15 s; run with LETTRINE_LIBREOFFICE=1 where soffice is installed).
// The committed fixture above covers the same ground everywhere else.
TEST(OdsReader, LiveLibreOfficeConversionGivesTheSameProgramme) {
    const char* wanted = std::getenv("LETTRINE_LIBREOFFICE");
    if (!wanted || std::string(wanted) != "1" || std::system("command -v soffice >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "LETTRINE_LIBREOFFICE=1 et soffice nécessaires";
    const boost::filesystem::path folder =
        boost::filesystem::temp_directory_path() / boost::filesystem::unique_path("lettrine-lo-%%%%-%%%%");
    boost::filesystem::create_directories(folder);
    const std::string command = "cd '" + folder.string() + "' && soffice --headless --norestore "
                                "-env:UserInstallation=file://" + folder.string() + "/profil --convert-to ods '" +
                                source_path("input/programme-2016.xlsx") + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const Programme ods = read_programme(folder / "programme-2016.ods");
    boost::filesystem::remove_all(folder);
    EXPECT_EQ(dump_programme(ods), dump_programme(default_programme()));
}
