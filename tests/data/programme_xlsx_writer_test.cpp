#include <gtest/gtest.h>

#include "data/programme_dump.hpp"
#include "data/programme_reader.hpp"
#include "xlsx/programme_workbook.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

TEST(ProgrammeXlsxWriter, RoundTripGivesTheSameProgramme) {
    const Programme& original = default_programme();
    const std::string bytes = write_programme_xlsx(original);
    const Programme back = read_programme_bytes(bytes, "programme-2016.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_EQ(dump_programme(back), dump_programme(original));
}

TEST(ProgrammeXlsxWriter, WritesTheDocumentedLayout) {
    const Workbook wb = read_xlsx(write_programme_xlsx(default_programme()), "programme-2016.xlsx");
    std::vector<std::string> names;
    for (const auto& s : wb.sheets) names.push_back(s.name);
    EXPECT_EQ(names, (std::vector<std::string>{"Programme", "Secteurs", "Partenaires", "Expérimentations", "Missions", "Textes"}));
    const Sheet& sectors = *wb.find("Secteurs");
    EXPECT_EQ(sectors.rows[0][9].text, "Budget");
    EXPECT_EQ(sectors.rows[3][9].number, 15000);  // a number, shown in euros
    EXPECT_EQ(sectors.rows[5][9].type, Cell::Empty);  // Numérique et ESS: no budget
    const Sheet& programme = *wb.find("Programme");
    EXPECT_EQ(programme.rows[9][0].text, "Date des lettres");
    EXPECT_TRUE(programme.rows[9][1].date_format);
    EXPECT_EQ(cell_date(programme.rows[9][1], wb.date1904), (Date{2015, 12, 1}));
}

TEST(ProgrammeXlsxWriter, OutputIsByteIdenticalAcrossRuns) {
    const std::string first = write_programme_xlsx(default_programme());
    const std::string second = write_programme_xlsx(default_programme());
    EXPECT_EQ(first, second);
    // The committed workbook is exactly what the writer produces from the XML twin.
    EXPECT_EQ(first, read_bytes(source_path("input/programme-2016.xlsx")));
}

TEST(ProgrammeXlsxWriter, ConvertsAProgrammeWithCentsAndAgreedDays) {
    Programme p = default_programme();
    p.sectors[0].budget = Money{1234567};
    p.sectors[0].days_agreed = 25;
    const Programme back = read_programme_bytes(write_programme_xlsx(p), "p.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_EQ(back.sectors[0].budget, (Money{1234567}));
    EXPECT_EQ(back.sectors[0].days_agreed, 25);
}

TEST(ProgrammeXlsxWriter, KeepsTheBilanReturnFieldsOnlyWhenGiven) {
    Programme p = default_programme();
    const std::string without = write_programme_xlsx(p);
    EXPECT_EQ(read_xlsx(without, "p.xlsx").find("Programme")->rows.size(), 13u);  // header + 12 fields
    p.bilan_deadline = Date{2017, 1, 31};
    p.bilan_page = "https://lettrine.ecossolies.example";
    const Programme back = read_programme_bytes(write_programme_xlsx(p), "programme-2016.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_EQ(dump_programme(back), dump_programme(p));
    EXPECT_NE(dump_programme(back).find("date-limite-bilans: 2017-01-31\ndepot-bilans: https://lettrine.ecossolies.example\n"),
              std::string::npos);
}
