// The budget workbook read back with an independent reader (libzip + pugixml).
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "programme_2016.hpp"
#include "test_support.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx_reader.hpp"

using namespace lettrine;
using lettrine::xlsx_test::XlsxPackage;

namespace {

const std::string nbsp = "\u00A0";

const XlsxPackage& package_2016() {
    static const XlsxPackage package(write_budget_workbook(xlsx_test::programme_2016()));
    return package;
}

Sector& sector(Programme& p, const std::string& id) {
    for (auto& s : p.sectors)
        if (s.id == id) return s;
    throw std::runtime_error("no sector " + id);
}

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_buffer(xml.data(), xml.size()));
    return doc;
}

double number(const xlsx_test::CellData& cell) { return std::stod(cell.value); }

}  // namespace

TEST(BudgetWorkbook, HasTheTwoSheetsInOrder) {
    EXPECT_EQ(package_2016().sheet_names(), (std::vector<std::string>{"Annexe 1", "Budget"}));
}

TEST(AnnexeSheet, HeaderAndShortActionsRows) {
    const auto cells = package_2016().cells("Annexe 1");
    EXPECT_EQ(cells.at("A1").value, "Mission générique");
    EXPECT_EQ(cells.at("B1").value, "Soutien aux projets");
    EXPECT_EQ(cells.at("C1").value, "Mobilisation de partenariats");
    EXPECT_EQ(cells.at("D1").value, "Coordination d’expérimentations");
    EXPECT_EQ(cells.at("E1").value, "Volume annuel");
    EXPECT_EQ(cells.at("B2").value, "–" + nbsp + "Cibler les segments porteurs\n–" + nbsp +
                                        "Structurer les concepts d’offre\n–" + nbsp + "Participer aux groupes d’appui");
    EXPECT_EQ(cells.at("D2").value, "–" + nbsp + "Faire naître les coopérations / ingénierie\n–" + nbsp +
                                        "Lien avec les acteurs du territoire\n–" + nbsp + "Capitalisation");
}

TEST(AnnexeSheet, OneRowPerSectorThenTheLinkRow) {
    const auto cells = package_2016().cells("Annexe 1");
    EXPECT_EQ(cells.at("A3").value, "Services aux personnes");
    EXPECT_EQ(cells.at("A6").value, "Déchets et ressources");
    EXPECT_EQ(cells.at("A7").value, "Numérique et ESS");
    EXPECT_EQ(cells.at("B5").value, "Recevoir les projets pop-corn et incubateurs" + nbsp + ": 5 à 10 projets par an");
    EXPECT_EQ(cells.at("C5").value, "Instance de coordination partenariale\n–" + nbsp +
                                        "Réseau Echobat, Collectivités, Bailleurs sociaux, Compagnons bâtisseurs…\n–" +
                                        nbsp + "HEN, Echo-habitants, Matière sociale…");
    EXPECT_EQ(cells.at("D4").value, "–" + nbsp + "Lien avec les événements commerciaux des Ecossolies\n–" + nbsp +
                                        "Projet Restau Folie des Plantes");
    EXPECT_EQ(cells.at("A8").value, "Lien avec les activités des Ecossolies");
    EXPECT_EQ(cells.at("D8").value, "Événements Solilab (approche territoriale)");
    EXPECT_EQ(cells.count("A9"), 0u);
}

TEST(AnnexeSheet, ItemsToConfirmAreMarked) {
    const auto cells = package_2016().cells("Annexe 1");
    EXPECT_NE(cells.at("C6").value.find("–" + nbsp + "Partenariat Veolia (à confirmer)\n"), std::string::npos);
    EXPECT_NE(cells.at("C7").value.find("Media 2030 spéciale ESS en 2016 (à confirmer)"), std::string::npos);
    EXPECT_EQ(cells.at("C3").value.find("(à confirmer)"), std::string::npos);

    Programme p = xlsx_test::programme_2016();
    p.experiments[0].status = ItemStatus::ToConfirm;  // « Cane »
    const auto changed = XlsxPackage(write_budget_workbook(p)).cells("Annexe 1");
    EXPECT_EQ(changed.at("D3").value.substr(0, changed.at("D3").value.find('\n')),
              "–" + nbsp + "Cane (à confirmer)");
}

TEST(AnnexeSheet, AnnualVolumes) {
    const auto cells = package_2016().cells("Annexe 1");
    const std::string small = "10" + nbsp + "000" + nbsp + "€ (20" + nbsp + "à" + nbsp + "30" + nbsp + "jours)";
    const std::string large = "15" + nbsp + "000" + nbsp + "€ (30" + nbsp + "à" + nbsp + "45" + nbsp + "jours)";
    EXPECT_EQ(cells.at("E3").value, small);
    EXPECT_EQ(cells.at("E4").value, small);
    EXPECT_EQ(cells.at("E5").value, large);
    EXPECT_EQ(cells.at("E6").value, large);
    EXPECT_EQ(cells.at("E7").value, "Conventionné directement par Nantes Métropole");
}

// « Volume annuel » follows the « Budget » sheet: a formula over the
// sector's amount and days there, stored with the text it gives.
TEST(AnnexeSheet, AnnualVolumeIsAFormulaOnTheBudgetSheet) {
    const auto cells = package_2016().cells("Annexe 1");
    for (int row = 3; row <= 6; ++row) {
        const std::string budget_row = std::to_string(row - 1);
        const auto& cell = cells.at("E" + std::to_string(row));
        EXPECT_EQ(cell.type, "str") << row;
        EXPECT_EQ(cell.formula.rfind("IF(ISNUMBER(Budget!E" + budget_row + "),FIXED(Budget!E" + budget_row, 0), 0u)
            << cell.formula;
        EXPECT_NE(cell.formula.find("Budget!F" + budget_row), std::string::npos) << cell.formula;
        EXPECT_NE(cell.formula.find("Budget!G" + budget_row), std::string::npos) << cell.formula;
    }
    // Contracted directly: outside the budget, a plain text.
    EXPECT_TRUE(cells.at("E7").formula.empty());
}

TEST(AnnexeSheet, AnnualVolumeFormulaCachesTheTextForAnyFigures) {
    Programme p = xlsx_test::programme_2016();
    sector(p, "habitat").budget = Money{1500050};
    sector(p, "habitat").days_min.reset();
    sector(p, "dechets-et-ressources").budget.reset();
    const auto cells = XlsxPackage(write_budget_workbook(p)).cells("Annexe 1");
    EXPECT_EQ(cells.at("E5").value, "15" + nbsp + "000,50" + nbsp + "€ (45" + nbsp + "jours)");
    EXPECT_FALSE(cells.at("E5").formula.empty());
    EXPECT_EQ(cells.at("E6").value, "30" + nbsp + "à" + nbsp + "45" + nbsp + "jours");
    EXPECT_FALSE(cells.at("E6").formula.empty());
}

TEST(AnnexeSheet, PrintSetupAndWrappedRows) {
    const auto doc = parse(package_2016().sheet_xml("Annexe 1"));
    const auto ws = doc.child("worksheet");
    const auto setup = ws.child("pageSetup");
    EXPECT_STREQ(setup.attribute("paperSize").value(), "9");  // A4
    EXPECT_STREQ(setup.attribute("orientation").value(), "landscape");
    EXPECT_STREQ(setup.attribute("fitToHeight").value(), "0");
    EXPECT_TRUE(ws.child("sheetPr").child("pageSetUpPr").attribute("fitToPage").as_bool());
    EXPECT_EQ(ws.child("cols").select_nodes("col").size(), 5u);

    // Each sector row is tall enough for its tallest cell: the habitat row
    // (C5) has three paragraphs, the first two of which wrap.
    for (const auto& row : ws.child("sheetData").children("row")) {
        EXPECT_TRUE(row.attribute("customHeight").as_bool()) << row.attribute("r").value();
        EXPECT_GE(row.attribute("ht").as_double(), 18.0) << row.attribute("r").value();
    }
    const auto habitat = ws.child("sheetData").find_child_by_attribute("row", "r", "5");
    EXPECT_GE(habitat.attribute("ht").as_double(), 4 * 15.0);

    // Wrapped, bordered cells.
    const auto styles = parse(package_2016().part("xl/styles.xml"));
    const int style = package_2016().cells("Annexe 1").at("C5").style;
    int index = 0;
    for (const auto& xf : styles.child("styleSheet").child("cellXfs").children("xf")) {
        if (index++ != style) continue;
        EXPECT_TRUE(xf.child("alignment").attribute("wrapText").as_bool());
        EXPECT_NE(xf.attribute("borderId").as_int(), 0);
    }

    // Header row repeated on every printed page.
    const auto workbook = parse(package_2016().part("xl/workbook.xml"));
    const auto titles = workbook.child("workbook").child("definedNames")
                            .find_child_by_attribute("definedName", "name", "_xlnm.Print_Titles");
    EXPECT_STREQ(titles.text().get(), "'Annexe 1'!$1:$1");
}

TEST(BudgetSheet, OneRowPerSector) {
    const auto cells = package_2016().cells("Budget");
    EXPECT_EQ(cells.at("A1").value, "Identifiant");
    EXPECT_EQ(cells.at("E1").value, "Montant (€)");
    EXPECT_EQ(cells.at("J1").value, "Jours convenus");
    EXPECT_EQ(cells.at("A2").value, "services-aux-personnes");
    EXPECT_EQ(cells.at("B4").value, "Habitat");
    EXPECT_EQ(cells.at("C4").value, "Atelier Habitat Solidaire (exemple)");
    EXPECT_EQ(cells.at("D4").value, "Les Ecossolies");
    EXPECT_EQ(cells.at("E4").value, "15000");
    EXPECT_EQ(cells.at("F4").value, "30");
    EXPECT_EQ(cells.at("G4").value, "45");
}

TEST(BudgetSheet, RatesAreLiveFormulasWithTheirValues) {
    const auto cells = package_2016().cells("Budget");
    EXPECT_EQ(cells.at("H2").formula, "IF(AND(ISNUMBER(E2),N(G2)>0),E2/G2,\"\")");
    EXPECT_EQ(cells.at("I2").formula, "IF(AND(ISNUMBER(E2),N(F2)>0),E2/F2,\"\")");
    ASSERT_TRUE(cells.at("H2").has_cached_value);
    EXPECT_NEAR(number(cells.at("H2")), 10000.0 / 30, 1e-9);
    EXPECT_NEAR(number(cells.at("I2")), 500.0, 1e-9);
    EXPECT_NEAR(number(cells.at("H5")), 15000.0 / 45, 1e-9);
    EXPECT_NEAR(number(cells.at("I5")), 500.0, 1e-9);
}

TEST(BudgetSheet, DirectlyContractedSectorHasNoFigures) {
    const auto cells = package_2016().cells("Budget");
    EXPECT_EQ(cells.at("B6").value, "Numérique et ESS");
    EXPECT_EQ(cells.at("D6").value, "Nantes Métropole (conventionnement direct)");
    for (const char* ref : {"E6", "F6", "G6", "H6", "I6", "J6"})
        EXPECT_EQ(cells.count(ref), 0u) << ref;  // no value, no formula (no #DIV/0!)
}

TEST(BudgetSheet, TotalsAreSumFormulasWithTheirValues) {
    const auto cells = package_2016().cells("Budget");
    EXPECT_EQ(cells.at("A7").value, "Total");
    EXPECT_EQ(cells.at("E7").formula, "SUM(E2:E6)");
    EXPECT_EQ(cells.at("E7").value, "50000");
    EXPECT_EQ(cells.at("F7").formula, "SUM(F2:F6)");
    EXPECT_EQ(cells.at("F7").value, "100");
    EXPECT_EQ(cells.at("G7").formula, "SUM(G2:G6)");
    EXPECT_EQ(cells.at("G7").value, "150");
    EXPECT_EQ(cells.at("H7").formula, "IF(AND(N(G7)>0,SUMPRODUCT((E2:E6<>\"\")*(G2:G6<=0))=0),E7/G7,\"\")");
    EXPECT_NEAR(number(cells.at("H7")), 50000.0 / 150, 1e-9);
    EXPECT_EQ(cells.at("I7").formula, "IF(AND(N(F7)>0,SUMPRODUCT((E2:E6<>\"\")*(F2:F6<=0))=0),E7/F7,\"\")");
    EXPECT_NEAR(number(cells.at("I7")), 500.0, 1e-9);
    EXPECT_TRUE(cells.at("J7").formula.empty());  // no agreed days in 2016
    EXPECT_EQ(cells.count("A8"), 0u);
}

TEST(BudgetSheet, NumberFormats) {
    const auto& package = package_2016();
    const auto cells = package.cells("Budget");
    const std::string euros = "#,##0\\ \"€\"", cents = "#,##0.00\\ \"€\"", days = "0\\ \"j\"";
    EXPECT_EQ(package.number_format_of_style(cells.at("E2").style), euros);
    EXPECT_EQ(package.number_format_of_style(cells.at("E7").style), euros);
    EXPECT_EQ(package.number_format_of_style(cells.at("H2").style), cents);
    EXPECT_EQ(package.number_format_of_style(cells.at("I7").style), cents);
    EXPECT_EQ(package.number_format_of_style(cells.at("F2").style), days);
    EXPECT_EQ(package.number_format_of_style(cells.at("G7").style), days);
    const auto codes = package.custom_number_formats();
    for (const auto& code : {euros, cents, days})
        EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
}

TEST(BudgetSheet, FrozenHeaderAutofilterAndWidths) {
    const auto doc = parse(package_2016().sheet_xml("Budget"));
    const auto ws = doc.child("worksheet");
    const auto pane = ws.child("sheetViews").child("sheetView").child("pane");
    EXPECT_STREQ(pane.attribute("state").value(), "frozen");
    EXPECT_STREQ(pane.attribute("ySplit").value(), "1");
    EXPECT_STREQ(pane.attribute("topLeftCell").value(), "A2");
    EXPECT_STREQ(ws.child("autoFilter").attribute("ref").value(), "A1:J6");
    EXPECT_EQ(ws.child("cols").select_nodes("col").size(), 10u);
}

TEST(BudgetSheet, AgreedDaysAndCentsAreSummed) {
    Programme p = xlsx_test::programme_2016();
    sector(p, "habitat").days_agreed = 40;
    sector(p, "services-aux-personnes").days_agreed = 25;
    sector(p, "services-aux-personnes").budget = Money{1000050};
    XlsxPackage package(write_budget_workbook(p));
    const auto cells = package.cells("Budget");
    EXPECT_EQ(cells.at("J2").value, "25");
    EXPECT_EQ(cells.at("J7").formula, "SUM(J2:J6)");
    EXPECT_EQ(cells.at("J7").value, "65");
    EXPECT_EQ(cells.at("E7").value, "50000.5");
    EXPECT_EQ(package.number_format_of_style(cells.at("E2").style), "#,##0.00\\ \"€\"");
    EXPECT_EQ(package.number_format_of_style(cells.at("E3").style), "#,##0\\ \"€\"");
    EXPECT_EQ(package.number_format_of_style(cells.at("E7").style), "#,##0.00\\ \"€\"");
}

// docs/BUDGET.md: rates and totals are live formulas, and never #DIV/0!:
// days missing, cleared or set to 0 (in the data or later in the
// spreadsheet) leave the rate empty, and adding days later computes it.
TEST(BudgetSheet, NoDivisionByZeroWhenDaysAreMissingOrCleared) {
    Programme p = xlsx_test::programme_2016();
    sector(p, "habitat").days_min.reset();
    sector(p, "dechets-et-ressources").days_max = 0;
    const auto cells = XlsxPackage(write_budget_workbook(p)).cells("Budget");
    EXPECT_EQ(cells.at("H4").formula, "IF(AND(ISNUMBER(E4),N(G4)>0),E4/G4,\"\")");
    EXPECT_NEAR(number(cells.at("H4")), 15000.0 / 45, 1e-9);
    EXPECT_EQ(cells.at("I4").formula, "IF(AND(ISNUMBER(E4),N(F4)>0),E4/F4,\"\")");
    EXPECT_EQ(cells.at("I4").type, "str");
    EXPECT_EQ(cells.at("I4").value, "");
    EXPECT_EQ(cells.at("H5").formula, "IF(AND(ISNUMBER(E5),N(G5)>0),E5/G5,\"\")");
    EXPECT_EQ(cells.at("H5").value, "");
    // The ratio of the sums would mix sectors with and without days.
    EXPECT_EQ(cells.at("H7").value, "");
    EXPECT_EQ(cells.at("I7").value, "");
    EXPECT_EQ(cells.at("F7").value, "70");
    // Every division of the sheet is guarded by a test of its divisor.
    for (const auto& [ref, cell] : cells) {
        const auto slash = cell.formula.find('/');
        if (slash == std::string::npos) continue;
        const std::string divisor = cell.formula.substr(slash + 1, cell.formula.find(',', slash) - slash - 1);
        EXPECT_NE(cell.formula.find("N(" + divisor + ")>0"), std::string::npos) << ref << " " << cell.formula;
    }
}

// Printed, text never touches the cell borders: every written cell of both
// sheets has one level of indent (its style's alignment).
TEST(BudgetWorkbook, CellsArePaddedWhenPrinted) {
    const auto& package = package_2016();
    for (const char* sheet : {"Annexe 1", "Budget"})
        for (const auto& [ref, cell] : package.cells(sheet))
            EXPECT_GE(package.indent_of_style(cell.style), 1) << sheet << "!" << ref;
}

TEST(BudgetWorkbook, DocumentProperties) {
    const std::string core = package_2016().part("docProps/core.xml");
    EXPECT_NE(core.find("<dc:title>Budget 2016 – Annexe" + nbsp + "1</dc:title>"), std::string::npos) << core;
    EXPECT_NE(core.find("<dc:creator>Les Ecossolies</dc:creator>"), std::string::npos);
    EXPECT_NE(core.find("<dc:language>fr-FR</dc:language>"), std::string::npos);
    EXPECT_NE(core.find(">2015-12-01T00:00:00Z</dcterms:created>"), std::string::npos);
    EXPECT_NE(core.find(">2015-12-01T00:00:00Z</dcterms:modified>"), std::string::npos);
    EXPECT_NE(package_2016().part("docProps/app.xml").find("<Company>Les Ecossolies</Company>"), std::string::npos);
}

TEST(BudgetWorkbook, EveryZipEntryIsDated1980) {
    std::tm epoch{};
    epoch.tm_year = 80;
    epoch.tm_mday = 1;
    epoch.tm_isdst = -1;
    const std::time_t expected = std::mktime(&epoch);  // libzip converts DOS dates in local time
    const auto entries = package_2016().entries();
    ASSERT_GE(entries.size(), 10u);
    for (const auto& entry : entries) EXPECT_EQ(entry.mtime, expected) << entry.name;
}

TEST(BudgetWorkbook, MissingMissionIsAnError) {
    Programme p = xlsx_test::programme_2016();
    p.missions.erase(p.missions.begin() + 1);
    try {
        write_budget_workbook(p);
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_STREQ(e.what(), ("programme-2016.xlsx : la mission 2 manque" + nbsp + ": l’annexe" + nbsp +
                                "1 du classeur budgétaire décrit les missions 1, 2 et 3").c_str());
    }
}

TEST(BudgetWorkbook, EveryBadTextIsReportedOnceWithItsPosition) {
    Programme p = xlsx_test::programme_2016();
    sector(p, "habitat").name = "Habitat \xFF";
    p.partners[2].name = "T\xE2\x80";  // truncated UTF-8 sequence
    try {
        write_budget_workbook(p);
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        const auto& items = e.diagnostics().items();
        ASSERT_EQ(items.size(), 2u);
        EXPECT_EQ(items[0].describe(), "programme-2016.xlsx, feuille « Secteurs », cellule A4 : texte mal encodé "
                                       "(UTF-8 attendu) dans «" + nbsp + "nom du secteur" + nbsp + "»");
        EXPECT_EQ(items[1].describe(), "programme-2016.xlsx, feuille « Partenaires », cellule A4 : texte mal encodé "
                                       "(UTF-8 attendu) dans «" + nbsp + "partenaire" + nbsp + "»");
    }
}

TEST(BudgetWorkbook, TextTooLongForACellIsAnError) {
    Programme p = xlsx_test::programme_2016();
    sector(p, "habitat").project_support = std::string(40000, 'x');
    try {
        write_budget_workbook(p);
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        ASSERT_EQ(e.diagnostics().items().size(), 1u);
        EXPECT_STREQ(e.what(), ("programme-2016.xlsx, feuille « Secteurs », cellule A4 : texte trop long pour une "
                                "cellule Excel (au plus 32" + nbsp + "767 caractères), destiné à la feuille «" +
                                nbsp + "Annexe 1" + nbsp + "», cellule B5 du classeur budgétaire").c_str());
    }
}

TEST(BudgetWorkbook, LeavesNoTemporaryFile) {
    namespace fs = boost::filesystem;
    const fs::path dir = xlsx_test::fresh_folder("tmp");
    ::setenv("TMPDIR", dir.c_str(), 1);  // where mkstemp's file goes (boost reads TMPDIR)
    Programme p = xlsx_test::programme_2016();
    EXPECT_FALSE(write_budget_workbook(p).empty());
    sector(p, "habitat").project_support = std::string(40000, 'x');
    EXPECT_THROW(write_budget_workbook(p), LettrineError);
    EXPECT_TRUE(fs::is_empty(dir));
    // The folder really is the one used: without it, nothing can be written.
    fs::remove_all(dir);
    try {
        write_budget_workbook(xlsx_test::programme_2016());
        FAIL() << "no error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()).rfind("impossible de créer un fichier temporaire pour le classeur budgétaire", 0), 0u)
            << e.what();
    }
    ::unsetenv("TMPDIR");
}
