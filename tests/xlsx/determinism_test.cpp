// Same programme, same bytes: whatever the clock, the time zone or the run.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/output_files.hpp"
#include "programme_2016.hpp"
#include "test_support.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx_reader.hpp"

using namespace lettrine;

TEST(Determinism, TwoWritesAreIdentical) {
    const Programme p = xlsx_test::programme_2016();
    EXPECT_TRUE(write_budget_workbook(p) == write_budget_workbook(p));
}

TEST(Determinism, TwoWritesOneSecondApartAreIdentical) {
    // Catches any use of the clock at one-second resolution (zip dates,
    // document dates) without faking time.
    const Programme p = xlsx_test::programme_2016();
    const std::string first = write_budget_workbook(p);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_TRUE(first == write_budget_workbook(p));
}

TEST(Determinism, IdenticalUnderFakedClocksAndTimeZones) {
    const auto dir = xlsx_test::fresh_folder("faketime");
    const std::string writer = xlsx_test::shell_quote(XLSX_WRITE_SAMPLE);
    // ASan must come first in the preload list unless told otherwise.
    const std::string env = "ASAN_OPTIONS=verify_asan_link_order=0 ";
    struct Run { const char* when; const char* tz; const char* file; };
    const Run runs[] = {{"2001-02-03 04:05:06", "UTC", "a.xlsx"},
                        {"2031-07-08 23:59:58", "Pacific/Auckland", "b.xlsx"}};
    for (const auto& run : runs) {
        const auto result = xlsx_test::run_command(
            env + "TZ=" + run.tz + " /usr/bin/faketime " + xlsx_test::shell_quote(run.when) + " " + writer + " " +
            xlsx_test::shell_quote((dir / run.file).string()) + " 2>&1");
        ASSERT_EQ(result.code, 0) << result.out;
    }
    const std::string a = read_file(dir / "a.xlsx"), b = read_file(dir / "b.xlsx");
    boost::filesystem::remove_all(dir);
    EXPECT_TRUE(a == b);
    EXPECT_TRUE(a == write_budget_workbook(xlsx_test::programme_2016()));
}

TEST(Determinism, CreationDateComesFromTheLetterDate) {
    Programme p = xlsx_test::programme_2016();
    p.letter_date = Date{2016, 1, 15};
    const std::string core = xlsx_test::XlsxPackage(write_budget_workbook(p)).part("docProps/core.xml");
    EXPECT_NE(core.find(">2016-01-15T00:00:00Z</dcterms:created>"), std::string::npos) << core;

    p.letter_date = Date{};  // unknown: 1 January of the programme's year
    const std::string fallback = xlsx_test::XlsxPackage(write_budget_workbook(p)).part("docProps/core.xml");
    EXPECT_NE(fallback.find(">2016-01-01T00:00:00Z</dcterms:created>"), std::string::npos) << fallback;
}
