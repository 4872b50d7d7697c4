// The budget workbook read back by openpyxl, an independent implementation
// (tests/xlsx/openpyxl_dump.py prints what it sees).
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "core/output_files.hpp"
#include "programme_2016.hpp"
#include "test_support.hpp"
#include "xlsx/budget_workbook.hpp"

using namespace lettrine;

namespace {

// key -> repr() of the value, as printed by openpyxl_dump.py.
std::map<std::string, std::string> dump_with_openpyxl(const std::string& bytes) {
    const auto dir = xlsx_test::fresh_folder("openpyxl");
    const auto path = dir / "budget-2016.xlsx";
    write_file_atomically(path, bytes);
    const std::string script = std::string(LETTRINE_SOURCE_DIR) + "/tests/xlsx/openpyxl_dump.py";
    const auto result = xlsx_test::run_command("/usr/bin/python3 " + xlsx_test::shell_quote(script) + " " +
                                             xlsx_test::shell_quote(path.string()) + " 2>&1");
    boost::filesystem::remove_all(dir);
    EXPECT_EQ(result.code, 0) << result.out;
    std::map<std::string, std::string> values;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        const auto eq = line.find('=');
        if (eq != std::string::npos) values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return values;
}

const std::map<std::string, std::string>& dump_2016() {
    static const auto values = dump_with_openpyxl(write_budget_workbook(xlsx_test::programme_2016()));
    return values;
}

std::string at(const std::string& key) {
    const auto& values = dump_2016();
    const auto it = values.find(key);
    return it == values.end() ? "<absent>" : it->second;
}

}  // namespace

TEST(Openpyxl, SheetsAndProperties) {
    EXPECT_EQ(at("sheets"), "['Annexe 1', 'Budget']");
    EXPECT_EQ(at("props.title"), "'Budget 2016 – Annexe\\xa01'");
    EXPECT_EQ(at("props.creator"), "'Les Ecossolies'");
    EXPECT_EQ(at("props.language"), "'fr-FR'");
    EXPECT_EQ(at("props.created"), "datetime.datetime(2015, 12, 1, 0, 0)");
}

TEST(Openpyxl, AnnexeValuesAndPrintSetup) {
    EXPECT_EQ(at("Annexe 1!A1"), "'Mission générique'");
    EXPECT_EQ(at("Annexe 1!E5.cached"), "'15\\xa0000\\xa0€ (30\\xa0à\\xa045\\xa0jours)'");
    EXPECT_EQ(at("Annexe 1!E5").rfind("'=IF(ISNUMBER(Budget!E4),", 0), 0u);
    EXPECT_EQ(at("Annexe 1!E7"), "'Conventionné directement par Nantes Métropole'");
    EXPECT_EQ(at("Annexe 1!A8"), "'Lien avec les activités des Ecossolies'");
    EXPECT_EQ(at("Annexe 1!C5.wrap"), "True");
    EXPECT_EQ(at("Annexe 1.freeze"), "'B2'");
    EXPECT_EQ(at("Annexe 1.print.orientation"), "'landscape'");
    EXPECT_EQ(at("Annexe 1.print.paper"), "9");
    EXPECT_EQ(at("Annexe 1.print.fit_width"), "None");  // absent: 1 page wide, the default
    EXPECT_EQ(at("Annexe 1.print.fit_height"), "0");
    EXPECT_EQ(at("Annexe 1.print.fit_to_page"), "True");
    EXPECT_EQ(at("Annexe 1.print.title_rows"), "'$1:$1'");
}

TEST(Openpyxl, BudgetFormulas) {
    EXPECT_EQ(at("Budget!E2"), "10000");
    EXPECT_EQ(at("Budget!H2"), "'=IF(AND(ISNUMBER(E2),N(G2)>0),E2/G2,\"\")'");
    EXPECT_EQ(at("Budget!I4"), "'=IF(AND(ISNUMBER(E4),N(F4)>0),E4/F4,\"\")'");
    EXPECT_EQ(at("Budget!E7"), "'=SUM(E2:E6)'");
    EXPECT_EQ(at("Budget!F7"), "'=SUM(F2:F6)'");
    EXPECT_EQ(at("Budget!G7"), "'=SUM(G2:G6)'");
    EXPECT_EQ(at("Budget!E6"), "<absent>");
    EXPECT_EQ(at("Budget!H6"), "<absent>");
    EXPECT_EQ(at("Budget!D6"), "'Nantes Métropole (conventionnement direct)'");
}

TEST(Openpyxl, BudgetCachedValues) {
    EXPECT_EQ(at("Budget!E7.cached"), "50000");
    EXPECT_EQ(at("Budget!F7.cached"), "100");
    EXPECT_EQ(at("Budget!G7.cached"), "150");
    EXPECT_NEAR(std::stod(at("Budget!H2.cached")), 10000.0 / 30, 1e-9);
    EXPECT_NEAR(std::stod(at("Budget!I7.cached")), 500.0, 1e-9);
}

TEST(Openpyxl, BudgetFormatsFrozenPaneAndFilter) {
    EXPECT_EQ(at("Budget!E2.format"), "'#,##0\\\\ \"€\"'");
    EXPECT_EQ(at("Budget!H7.format"), "'#,##0.00\\\\ \"€\"'");
    EXPECT_EQ(at("Budget!F2.format"), "'0\\\\ \"j\"'");
    EXPECT_EQ(at("Budget.freeze"), "'A2'");
    EXPECT_EQ(at("Budget.autofilter"), "'A1:J6'");
    EXPECT_EQ(at("Budget.print.orientation"), "'landscape'");
}
