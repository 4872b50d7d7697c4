#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "data/xlsx_reader.hpp"
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
}  // namespace

TEST(XlsxReader, ReadsCellsWrittenByLibxlsxwriter) {
    const std::string bytes = write_workbook({
        {"Première", {{text("Nom"), text("Montant"), text("Actif"), text("Date")},
                      {text("Dupont"), number(15000), boolean(true), date(2015, 12, 1)},
                      {},  // an empty row
                      {text("  "), empty(), boolean(false), number(0.1)}}},
        {"Seconde", {{empty(), empty(), text("C1 seulement")}}},
    });
    const Workbook wb = read_xlsx(bytes, "classeur.xlsx");
    ASSERT_EQ(wb.sheets.size(), 2u);
    EXPECT_FALSE(wb.date1904);
    const Sheet& s = wb.sheets[0];
    EXPECT_EQ(s.name, "Première");
    ASSERT_EQ(s.rows.size(), 4u);
    EXPECT_EQ(s.rows[1][0].text, "Dupont");
    EXPECT_EQ(s.rows[1][0].type, Cell::String);
    EXPECT_EQ(s.rows[1][1].type, Cell::Number);
    EXPECT_EQ(s.rows[1][1].number, 15000);
    EXPECT_EQ(s.rows[1][1].text, "15000");
    EXPECT_FALSE(s.rows[1][1].date_format);
    EXPECT_EQ(s.rows[1][2].type, Cell::Boolean);
    EXPECT_EQ(s.rows[1][2].number, 1);
    EXPECT_EQ(s.rows[1][3].type, Cell::Number);
    EXPECT_TRUE(s.rows[1][3].date_format);
    EXPECT_EQ(cell_date(s.rows[1][3], wb.date1904), (Date{2015, 12, 1}));
    EXPECT_TRUE(s.rows[2].empty());
    EXPECT_EQ(s.rows[3][0].text, "  ");  // whitespace-only text is kept
    EXPECT_EQ(s.rows[3][1].type, Cell::Empty);
    EXPECT_EQ(s.rows[3][2].number, 0);
    EXPECT_EQ(s.rows[3][3].text, "0.1");
    EXPECT_EQ(s.rows[1][3].position.describe(), "classeur.xlsx, feuille « Première », cellule D2");
    EXPECT_EQ(s.rows[3][1].position.describe(), "classeur.xlsx, feuille « Première », cellule B4");
    const Sheet& second = wb.sheets[1];
    ASSERT_EQ(second.rows.size(), 1u);
    ASSERT_EQ(second.rows[0].size(), 3u);
    EXPECT_EQ(second.rows[0][2].text, "C1 seulement");
    EXPECT_EQ(second.rows[0][0].type, Cell::Empty);
    EXPECT_EQ(wb.find("seconde"), &wb.sheets[1]);
    EXPECT_EQ(wb.find("PREMIERE"), &wb.sheets[0]);
    EXPECT_EQ(wb.find("Troisième"), nullptr);
}

TEST(XlsxReader, InlineStringsFormulaStringsErrorsAndGaps) {
    const std::string bytes = hand_written_workbook(
        "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>en ligne</t></is></c>"
        "<c t=\"str\"><f>A1&amp;\"x\"</f><v>formule</v></c>"  // no r: follows B2
        "<c r=\"E2\" t=\"e\"><v>#N/A</v></c></row>"
        "<row><c><v>3.5</v></c><c t=\"b\"><v>0</v></c></row>"  // no r anywhere: row 3, A and B
        "<row r=\"5\"><c r=\"A5\" t=\"s\"><v>0</v></c></row>",
        "<si><t>partagée</t></si>");
    const Workbook wb = read_xlsx(bytes, "main.xlsx");
    const Sheet& s = wb.sheets.at(0);
    ASSERT_EQ(s.rows.size(), 5u);
    EXPECT_TRUE(s.rows[0].empty());
    EXPECT_EQ(s.rows[1][1].text, "en ligne");
    EXPECT_EQ(s.rows[1][2].text, "formule");
    EXPECT_EQ(s.rows[1][2].type, Cell::String);
    EXPECT_EQ(s.rows[1][2].position.cell, "C2");
    EXPECT_EQ(s.rows[1][4].type, Cell::Error);
    EXPECT_EQ(s.rows[1][4].text, "#N/A");
    EXPECT_EQ(s.rows[2][0].number, 3.5);
    EXPECT_EQ(s.rows[2][1].type, Cell::Boolean);
    EXPECT_EQ(s.rows[2][1].text, "FAUX");
    EXPECT_TRUE(s.rows[3].empty());
    EXPECT_EQ(s.rows[4][0].text, "partagée");
}

TEST(XlsxReader, RichTextIgnoresPhoneticRunsAndDecodesEscapes) {
    const std::string bytes = hand_written_workbook(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>",
        "<si><r><rPr><b/></rPr><t>Les </t></r><r><t xml:space=\"preserve\">Ecossolies</t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
        "<si><t>ligne 1_x000D_\nligne 2</t></si>"
        "<si><t>littéral _x005F_x000D_ et </t></si>");
    const Workbook wb = read_xlsx(bytes, "riche.xlsx");
    const Sheet& s = wb.sheets.at(0);
    EXPECT_EQ(s.rows[0][0].text, "Les Ecossolies");
    EXPECT_EQ(s.rows[0][1].text, "ligne 1\nligne 2");
    EXPECT_EQ(s.rows[0][2].text, "littéral _x000D_ et ");
}

TEST(XlsxReader, AbsoluteRelationshipTargetsAnd1904) {
    const std::string bytes = hand_written_workbook("<row r=\"1\"><c r=\"A1\"><v>0</v></c></row>", "",
                                                    "/xl/worksheets/sheet1.xml", "<workbookPr date1904=\"1\"/>");
    const Workbook wb = read_xlsx(bytes, "mac.xlsx");
    EXPECT_TRUE(wb.date1904);
    EXPECT_EQ(cell_date(wb.sheets.at(0).rows[0][0], wb.date1904), (Date{1904, 1, 1}));
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
    EXPECT_EQ(first_message("ceci n’est pas un zip"),
              "classeur.xlsx : ce fichier n’est pas un classeur XLSX lisible (archive ZIP invalide ou endommagée)");
    EXPECT_EQ(first_message(zip_entries({{"bonjour.txt", "bonjour"}})),
              "classeur.xlsx : l’élément « xl/workbook.xml » manque au classeur (fichier XLSX incomplet)");
    EXPECT_EQ(first_message(zip_entries({{"xl/workbook.xml", "<workbook><sheets>"}})),
              "classeur.xlsx : l’élément « xl/workbook.xml » du classeur n’est pas du XML valide "
              "(balise fermante qui ne correspond pas à la balise ouverte, octet 17)");
    const std::string missing_sheet = hand_written_workbook("", "", "worksheets/absente.xml");
    EXPECT_EQ(first_message(missing_sheet),
              "classeur.xlsx : la feuille « Feuille » manque au classeur (élément « xl/worksheets/absente.xml » absent)");
}

TEST(XlsxReader, RefusesAZipBombByBytesActuallyInflated) {
    // 4 MiB of zeros deflate to a few KiB; a 1 MiB ceiling must stop the read.
    const std::string bomb = hand_written_workbook("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                                                   std::string(4 << 20, ' ') + "</t></is></c></row>");
    EXPECT_LT(bomb.size(), 100000u);
    XlsxLimits limits;
    limits.max_entry_bytes = 1 << 20;
    EXPECT_EQ(first_message(bomb, limits),
              "classeur.xlsx : l’élément « xl/worksheets/sheet1.xml » du classeur dépasse 1 Mio une fois décompressé : "
              "fichier refusé");
    limits.max_entry_bytes = 8 << 20;
    limits.max_total_bytes = 2 << 20;
    EXPECT_EQ(first_message(bomb, limits), "classeur.xlsx : le contenu décompressé du classeur dépasse 2 Mio : fichier refusé");
}

TEST(XlsxReader, RefusesTooManyCells) {
    const std::string bytes = hand_written_workbook("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>");
    XlsxLimits limits;
    limits.max_cells = 1000;
    EXPECT_EQ(first_message(bytes, limits), "classeur.xlsx : le classeur contient plus de 1000 cellules : fichier refusé");
}

TEST(XlsxReader, CellReferences) {
    EXPECT_EQ(parse_cell_reference("H4")->row, 3);
    EXPECT_EQ(parse_cell_reference("H4")->column, 7);
    EXPECT_EQ(parse_cell_reference("AA10")->column, 26);
    EXPECT_EQ(parse_cell_reference("XFD1048576")->column, 16383);
    EXPECT_FALSE(parse_cell_reference("h4").has_value());
    EXPECT_FALSE(parse_cell_reference("A0").has_value());
    EXPECT_FALSE(parse_cell_reference("4").has_value());
    EXPECT_EQ(decode_ooxml_escapes("a_x0041_b_x00E9_"), "aAbé");
}
