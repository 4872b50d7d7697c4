// The XLSX edge cases of issue 7, a fixture each (hand-written OOXML parts
// zipped by libzip), and the hostile archives the reader must refuse with a
// French message, never a crash or a hang.
#include <gtest/gtest.h>

#include <cstring>

#include "core/diagnostic.hpp"
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "data/xlsx_reader.hpp"
#include "data/zip_archive.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

namespace {

std::string first_message(const std::string& bytes, const XlsxLimits& limits = {}) {
    try {
        read_xlsx(bytes, "classeur.xlsx", limits);
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        return e.what();
    }
    return "no error";
}

const std::string kNs = "http://schemas.openxmlformats.org/";

// The four parts of a one-sheet workbook, to be edited before zipping.
std::vector<std::pair<std::string, std::string>> workbook_parts(const std::string& sheet_xml,
                                                                 const std::string& sheet_target = "worksheets/sheet1.xml") {
    return {
        {"xl/workbook.xml", "<workbook xmlns=\"" + kNs + "spreadsheetml/2006/main\" xmlns:r=\"" + kNs +
                                "officeDocument/2006/relationships\"><sheets><sheet name=\"Feuille\" sheetId=\"1\" "
                                "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + kNs + "package/2006/relationships\"><Relationship "
                                       "Id=\"rId1\" Type=\"" + kNs + "officeDocument/2006/relationships/worksheet\" "
                                       "Target=\"" + sheet_target + "\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet_xml},
    };
}

// Overwrites a 32-bit little-endian field of an entry's local header (offset
// from "PK\3\4") and of its central-directory header (offset from "PK\1\2").
std::string patch_entry(std::string zip, const std::string& entry, std::size_t local_field, std::size_t central_field,
                        uint32_t value) {
    const auto put = [&](std::size_t at) {
        for (int k = 0; k < 4; ++k) zip[at + k] = static_cast<char>((value >> (8 * k)) & 0xFF);
    };
    std::size_t from = 0;
    for (int found = 0; found < 2;) {
        const auto name = zip.find(entry, from);
        if (name == std::string::npos) throw std::logic_error("entry not found");
        if (name >= 30 && zip.compare(name - 30, 4, "PK\x03\x04") == 0) { put(name - 30 + local_field); ++found; }
        else if (name >= 46 && zip.compare(name - 46, 4, "PK\x01\x02") == 0) { put(name - 46 + central_field); ++found; }
        from = name + 1;
    }
    return zip;
}

// The directory sector of an OLE compound file (MS-CFB) holding the named
// streams, after the 512-byte header: enough for the signature checks.
std::string ole_file(const std::vector<std::u16string>& streams) {
    std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    bytes.resize(512, '\0');
    for (const auto& name : streams) {
        std::string entry(128, '\0');
        for (std::size_t i = 0; i < name.size() && i < 31; ++i) {
            entry[2 * i] = static_cast<char>(name[i] & 0xFF);
            entry[2 * i + 1] = static_cast<char>(name[i] >> 8);
        }
        bytes += entry;
    }
    return bytes;
}

}  // namespace

// ---- Edge cases -------------------------------------------------------------

TEST(XlsxEdgeCases, LeapYearBugSerial60And1904) {
    const Workbook wb1900 = read_xlsx(hand_written_workbook("<row r=\"1\"><c r=\"A1\"><v>59</v></c><c r=\"B1\"><v>60</v></c>"
                                                            "<c r=\"C1\"><v>61</v></c></row>"),
                                      "1900.xlsx");
    const auto& row = wb1900.sheets.at(0).rows.at(0);
    EXPECT_EQ(cell_date(row[0], false), (Date{1900, 2, 28}));
    EXPECT_FALSE(cell_date(row[1], false).has_value());  // Excel's fictitious 29 February 1900
    EXPECT_EQ(cell_date(row[2], false), (Date{1900, 3, 1}));
    const Workbook wb1904 =
        read_xlsx(hand_written_workbook("<row r=\"1\"><c r=\"A1\"><v>40877</v></c></row>", "", "worksheets/sheet1.xml",
                                        "<workbookPr date1904=\"true\"/>"),
                  "mac.xlsx");
    EXPECT_TRUE(wb1904.date1904);
    EXPECT_EQ(cell_date(wb1904.sheets.at(0).rows.at(0).at(0), wb1904.date1904), (Date{2015, 12, 1}));
}

TEST(XlsxEdgeCases, RichTextPhoneticEscapesAndWhitespaceOnlyStrings) {
    const Workbook wb = read_xlsx(
        hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                              "<c r=\"C1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">  </t></is></c>"
                              "<c r=\"D1\" t=\"s\"><v>2</v></c></row>",
                              "<si><r><t>Dé</t></r><r><rPr><i/></rPr><t>chets</t></r><rPh sb=\"0\" eb=\"2\"><t>デ</t></rPh>"
                              "<phoneticPr fontId=\"1\"/></si>"
                              "<si><t xml:space=\"preserve\">   </t></si>"
                              "<si><t>A_x0009_B_x000a_C _x20AC_</t></si>"),
        "riche.xlsx");
    const auto& row = wb.sheets.at(0).rows.at(0);
    EXPECT_EQ(row[0].text, "Déchets");
    EXPECT_EQ(row[1].text, "   ");  // whitespace-only shared string: kept, not dropped
    EXPECT_EQ(row[1].type, Cell::String);
    EXPECT_EQ(row[2].text, "  ");
    EXPECT_EQ(row[3].text, "A\tB\nC €");
}

TEST(XlsxEdgeCases, FormulasWithCachedValuesAndMergedCells) {
    const Workbook wb = read_xlsx(
        hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"/><c r=\"C1\"/></row>"
                              "<row r=\"2\"><c r=\"A2\"><f>SUM(B2:C2)</f><v>25000</v></c><c r=\"B2\"><v>10000</v></c>"
                              "<c r=\"C2\"><v>15000</v></c><c r=\"D2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c></row>"
                              "<row r=\"3\"><c r=\"A3\"><f>B2</f></c><c r=\"B3\" t=\"b\"><f>TRUE()</f><v>1</v></c></row>",
                              "<si><t>Fusionnée sur A1:C1</t></si>"),
        "formules.xlsx");
    const Sheet& s = wb.sheets.at(0);
    EXPECT_EQ(s.rows[0][0].text, "Fusionnée sur A1:C1");
    EXPECT_EQ(s.rows[0][1].type, Cell::Empty);  // the merged range's other cells are empty
    EXPECT_EQ(s.rows[0][2].type, Cell::Empty);
    EXPECT_EQ(s.rows[1][0].type, Cell::Number);  // the cached value of the formula
    EXPECT_EQ(s.rows[1][0].number, 25000);
    EXPECT_EQ(s.rows[1][3].type, Cell::Error);
    EXPECT_EQ(s.rows[1][3].text, "#DIV/0!");
    EXPECT_EQ(s.rows[2][0].type, Cell::Empty);  // a formula never computed: no value
    EXPECT_EQ(s.rows[2][1].type, Cell::Boolean);
}

TEST(XlsxEdgeCases, MergeCellsElementAfterSheetData) {
    std::string sheet = "<worksheet xmlns=\"" + kNs + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" "
                        "t=\"inlineStr\"><is><t>Titre</t></is></c></row></sheetData><mergeCells count=\"1\">"
                        "<mergeCell ref=\"A1:D1\"/></mergeCells></worksheet>";
    const Workbook wb = read_xlsx(zip_entries(workbook_parts(sheet)), "fusion.xlsx");
    ASSERT_EQ(wb.sheets.at(0).rows.at(0).size(), 1u);
    EXPECT_EQ(wb.sheets[0].rows[0][0].text, "Titre");
}

TEST(XlsxEdgeCases, NamespacePrefixesAndAbsoluteRelationshipTargets) {
    const std::string main = kNs + "spreadsheetml/2006/main";
    auto parts = workbook_parts("<x:worksheet xmlns:x=\"" + main + "\"><x:sheetData><x:row r=\"2\"><x:c r=\"B2\" "
                                "t=\"inlineStr\"><x:is><x:t>préfixé</x:t></x:is></x:c><x:c r=\"C2\"><x:v>3</x:v></x:c>"
                                "</x:row></x:sheetData></x:worksheet>",
                                "/xl/worksheets/sheet1.xml");
    parts[0].second = "<x:workbook xmlns:x=\"" + main + "\" xmlns:r=\"" + kNs + "officeDocument/2006/relationships\">"
                      "<x:sheets><x:sheet name=\"Préfixes\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>";
    const Workbook wb = read_xlsx(zip_entries(parts), "prefixes.xlsx");
    ASSERT_EQ(wb.sheets.size(), 1u);
    EXPECT_EQ(wb.sheets[0].name, "Préfixes");
    EXPECT_EQ(wb.sheets[0].rows.at(1).at(1).text, "préfixé");
    EXPECT_EQ(wb.sheets[0].rows[1][2].number, 3);
    EXPECT_EQ(wb.sheets[0].rows[1][1].position.describe(), "prefixes.xlsx, feuille « Préfixes », cellule B2");
}

// ---- Hostile archives -------------------------------------------------------

TEST(XlsxHostile, PasswordProtectedAndOldExcelFiles) {
    EXPECT_EQ(first_message(ole_file({u"Root Entry", u"EncryptionInfo", u"EncryptedPackage", u"\u0006DataSpaces"})),
              "classeur.xlsx : le classeur est protégé par un mot de passe (fichier chiffré) : ouvrez-le dans Excel ou "
              "LibreOffice et enregistrez-le sans mot de passe");
    EXPECT_EQ(first_message(ole_file({u"Root Entry", u"Workbook", u"\u0005SummaryInformation"})),
              "classeur.xlsx : ce fichier est au format Excel 97-2003 (.xls) ou un autre format OLE, pas un classeur "
              "XLSX : enregistrez-le au format .xlsx ou .ods");
    // Through the programme's check, as `lettrine verifier` reports it.
    const ProgrammeCheck check =
        check_programme_bytes(ole_file({u"Root Entry", u"EncryptedPackage"}), "programme.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_EQ(described(check.diagnostics),
              std::vector<std::string>{"programme.xlsx : le classeur est protégé par un mot de passe (fichier chiffré) : "
                                       "ouvrez-le dans Excel ou LibreOffice et enregistrez-le sans mot de passe"});
}

TEST(XlsxHostile, PathsOutsideTheArchive) {
    auto parts = workbook_parts("<worksheet/>");
    parts.push_back({"../../evil.sh", "#!/bin/sh"});
    EXPECT_EQ(first_message(zip_entries(parts)),
              "classeur.xlsx : l’archive contient un élément au chemin dangereux « ../../evil.sh » (chemin absolu ou "
              "remontant hors de l’archive) : fichier refusé");
    parts.back().first = "/etc/cron.d/evil";
    EXPECT_EQ(first_message(zip_entries(parts)),
              "classeur.xlsx : l’archive contient un élément au chemin dangereux « /etc/cron.d/evil » (chemin absolu ou "
              "remontant hors de l’archive) : fichier refusé");
    // A relationship climbing out of the package.
    EXPECT_EQ(first_message(zip_entries(workbook_parts("<worksheet/>", "../../../etc/passwd"))),
              "classeur.xlsx : la relation « rId1 » de l’élément « xl/_rels/workbook.xml.rels » pointe hors du classeur "
              "(« ../../../etc/passwd ») : fichier refusé");
}

TEST(XlsxHostile, BadCrcAndLyingSizes) {
    const std::string sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>";
    const std::string good = zip_entries(workbook_parts(sheet));
    ASSERT_EQ(first_message(good), "no error");
    // CRC: local header offset 14, central header offset 16.
    EXPECT_EQ(first_message(patch_entry(good, "xl/worksheets/sheet1.xml", 14, 16, 0xDEADBEEF)),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur est endommagé (somme de contrôle CRC "
              "incorrecte)");
    // Declared inflated size (local offset 22, central offset 24) smaller than the truth.
    EXPECT_EQ(first_message(patch_entry(good, "xl/worksheets/sheet1.xml", 22, 24, 10)),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur annonce 10 octets mais en contient " +
                  std::to_string(sheet.size()) + " (archive endommagée ou falsifiée)");
    // Larger than the truth.
    EXPECT_EQ(first_message(patch_entry(good, "xl/worksheets/sheet1.xml", 22, 24, 1 << 20)),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur annonce 1048576 octets mais en "
              "contient " + std::to_string(sheet.size()) + " (archive endommagée ou falsifiée)");
    // Declared beyond the limit: refused on the declaration, before inflating (issue 16).
    EXPECT_EQ(first_message(patch_entry(good, "xl/worksheets/sheet1.xml", 22, 24, 1 << 30)),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur dépasse 256 Mio une fois décompressé : "
              "fichier refusé");
    // A bomb declaring 100 bytes: what is inflated is counted, not what is declared.
    const std::string bomb = zip_entries(workbook_parts("<worksheet>" + std::string(8 << 20, ' ') + "</worksheet>"));
    XlsxLimits limits;
    limits.max_entry_bytes = 1 << 20;
    EXPECT_EQ(first_message(patch_entry(bomb, "xl/worksheets/sheet1.xml", 22, 24, 100), limits),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur dépasse 1 Mio une fois décompressé : "
              "fichier refusé");
    // Local and central headers that disagree.
    std::string inconsistent = good;
    const auto local = inconsistent.find("xl/worksheets/sheet1.xml");
    inconsistent[local - 30 + 14] ^= 0x55;  // only the local header's CRC
    EXPECT_EQ(first_message(inconsistent),
              "classeur.xlsx : ce fichier n’est pas un classeur XLSX lisible (archive ZIP invalide ou endommagée)");
}

TEST(XlsxHostile, AbsurdRowAndColumnCounts) {
    XlsxLimits limits;
    limits.max_cells = 100000;
    // One cell at the last row: a million rows would be allocated.
    EXPECT_EQ(first_message(hand_written_workbook("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>"), limits),
              "classeur.xlsx : le classeur contient plus de 100000 cellules : fichier refusé");
    // Row numbers beyond the format are not trusted: the row follows the previous one.
    const Workbook wb = read_xlsx(hand_written_workbook("<row r=\"99999999999\"><c><v>1</v></c></row>"), "x.xlsx");
    EXPECT_EQ(wb.sheets.at(0).rows.size(), 1u);
    // Within the default limits, the last cell of a sheet is fine.
    const Workbook last = read_xlsx(hand_written_workbook("<row r=\"3\"><c r=\"XFD3\"><v>1</v></c></row>"), "x.xlsx");
    EXPECT_EQ(last.sheets.at(0).rows.at(2).size(), 16384u);
}

TEST(XlsxHostile, DeepXmlAndHugeTables) {
    // 200,000 nested elements: pugixml parses without recursion and the reader never recurses.
    std::string deep;
    for (int i = 0; i < 200000; ++i) deep += "<x>";
    for (int i = 0; i < 200000; ++i) deep += "</x>";
    const Workbook wb = read_xlsx(hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t>" + deep +
                                                        "</is></c></row>"),
                                  "profond.xlsx");
    EXPECT_EQ(wb.sheets.at(0).rows.at(0).at(0).text, "a");
    // A shared-string table larger than the ceiling.
    std::string strings;
    for (int i = 0; i < 1001; ++i) strings += "<si/>";
    XlsxLimits limits;
    limits.max_shared_strings = 1000;
    EXPECT_EQ(first_message(hand_written_workbook("", strings), limits),
              "classeur.xlsx : le classeur contient plus de 1000 chaînes partagées : fichier refusé");
    // Millions of tiny elements are refused before pugixml builds them.
    limits = {};
    limits.max_xml_tags = 10000;
    std::string many;
    for (int i = 0; i < 12000; ++i) many += "<row/>";
    EXPECT_EQ(first_message(hand_written_workbook(many), limits),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur contient plus de 10000 balises : "
              "fichier refusé");
}

TEST(XlsxHostile, TooManyEntries) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (std::size_t i = 0; i <= kMaxZipEntries; ++i) entries.push_back({"e" + std::to_string(i), ""});
    EXPECT_EQ(first_message(zip_entries(entries)),
              "classeur.xlsx : l’archive contient plus de 10000 éléments : fichier refusé");
}

TEST(XlsxHostile, MailMergeOfThousandsOfColumnsIsRefusedNotSlow) {
    // Records are maps searched linearly: 16,384 fields per row would make a few rows take minutes.
    const Workbook wide = read_xlsx(hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c>"
                                                          "</row><row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>"),
                                    "large.xlsx");
    try {
        sheet_records(wide, wide.sheets.at(0));
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), "large.xlsx, feuille « Feuille », cellule XFD2 : la feuille « Feuille » a des "
                                         "données sur plus de 1024 colonnes : trop de champs pour un publipostage");
    }
    // Empty cell elements far to the right are not fields.
    const Workbook padded = read_xlsx(hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c>"
                                                            "<c r=\"XFD1\"/></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\">"
                                                            "<is><t>Dupont</t></is></c><c r=\"XFD2\"/></row>"),
                                      "large.xlsx");
    const DataValue records = sheet_records(padded, padded.sheets.at(0));
    ASSERT_EQ(records.items().size(), 1u);
    EXPECT_EQ(records.items()[0].entries().size(), 2u);  // « Nom » and its alias « nom »
}

TEST(XlsxHostile, OneSharedStringCopiedIntoMillionsOfCellsIsBounded) {
    std::string cells;
    for (int r = 1; r <= 2000; ++r) cells += "<row r=\"" + std::to_string(r) + "\"><c t=\"s\"><v>0</v></c></row>";
    XlsxLimits limits;
    limits.max_text_bytes = 1 << 20;
    EXPECT_EQ(first_message(hand_written_workbook(cells, "<si><t>" + std::string(1000, 'x') + "</t></si>"), limits),
              "classeur.xlsx : le texte des cellules du classeur dépasse 1 Mio : fichier refusé");
}
