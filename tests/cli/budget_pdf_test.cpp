// `lettrine budget` writes the budget tables twice, as a workbook and as a
// PDF: the PDF's figures are compared with the workbook's, cell by cell
// (tests/cli/budget_pdf_check.py: openpyxl and pdftotext, two independent readers).
#include <gtest/gtest.h>

#include <fstream>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

fs::path source(const std::string& relative) { return fs::path(LETTRINE_SOURCE_DIR) / relative; }

// Runs `lettrine budget` on `data` and the check script on what it wrote.
RunResult budget_and_compare(const fs::path& data, const fs::path& out) {
    const RunResult r = run(lettrine_exe() + " budget --donnees " + data.string() + " --sortie " + out.string());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(out / "budget-2016.xlsx"));
    EXPECT_TRUE(fs::exists(out / "budget-2016.pdf")) << r.err;
    return run("/usr/bin/python3 " + source("tests/cli/budget_pdf_check.py").string() + " " +
               (out / "budget-2016.pdf").string() + " " + (out / "budget-2016.xlsx").string());
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
}

}  // namespace

TEST(BudgetPdf, SameFiguresAsTheWorkbookFor2016) {
    const fs::path dir = fresh_dir("lettrine-budget-pdf-", "2016");
    const RunResult compared = budget_and_compare(source("input/programme-2016.xlsx"), dir);
    EXPECT_EQ(compared.code, 0) << compared.out << compared.err;
    EXPECT_NE(compared.out.find("10 lignes comparées"), std::string::npos) << compared.out;
    // Landscape A4 (842 × 595 pt), two pages: the Annexe 1, then the budget.
    const RunResult info = run("pdfinfo " + (dir / "budget-2016.pdf").string());
    EXPECT_NE(info.out.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info.out;
    const RunResult text = run("pdftotext " + (dir / "budget-2016.pdf").string() + " -");
    EXPECT_NE(text.out.find("Annexe 1 — Nature et volume des missions par secteur (2016)"), std::string::npos);
    EXPECT_NE(text.out.find("(pour mémoire)"), std::string::npos) << text.out;
    fs::remove_all(dir);
}

// Cents in an amount, agreed days for one sector: rates and totals follow
// the workbook's rules, in both files.
TEST(BudgetPdf, SameFiguresWithCentsAndAgreedDays) {
    const fs::path dir = fresh_dir("lettrine-budget-pdf-", "cents");
    std::string xml = slurp(source("input/programme-2016.xml"));
    replace_once(xml, "budget=\"15 000 €\"", "budget=\"15 000,50 €\"");
    replace_once(xml, "jours-min=\"20\" jours-max=\"30\"", "jours-min=\"20\" jours-max=\"30\" jours-convenus=\"24\"");
    std::ofstream(dir / "programme.xml") << xml;
    fs::copy_file(source("input/logo-ecossolies.png"), dir / "logo-ecossolies.png");
    const RunResult compared = budget_and_compare(dir / "programme.xml", dir / "sortie");
    EXPECT_EQ(compared.code, 0) << compared.out << compared.err;
    fs::remove_all(dir);
}
