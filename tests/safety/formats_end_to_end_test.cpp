// "Done means" of issue 7: `lettrine decembre --donnees` with the programme
// saved as ODS by LibreOffice and as CSV (by our French-Excel-style writer,
// and by a French LibreOffice in Windows-1252) gives exactly the letters and
// the budget of the XLSX; a second run gives the same bytes.
#include <gtest/gtest.h>

#include "safety_support.hpp"

using namespace safety;

namespace {

std::map<std::string, std::string> december(const fs::path& data, const fs::path& output) {
    const auto [code, errors] =
        run_lettrine({"decembre", "--donnees", data.string(), "--sortie", output.string(), "--quiet"},
                     output.parent_path() / (output.filename().string() + ".err"));
    EXPECT_EQ(code, 0) << data << "\n" << errors;
    return files_in(output);
}

fs::path source(const std::string& relative) { return fs::path(LETTRINE_SOURCE_DIR) / relative; }

}  // namespace

TEST(Formats, DecemberLettersAreTheSameFromXlsxOdsAndCsv) {
    TemporaryFolder work("formats");
    const auto xlsx = december(source("input/programme-2016.xlsx"), work.path() / "xlsx");
    ASSERT_EQ(xlsx.size(), 6u);  // four letters, the budget workbook and its PDF

    // The LibreOffice files name the logo relatively: give them the logo beside them.
    const fs::path ods_folder = work.path() / "ods-donnees";
    fs::create_directories(ods_folder);
    fs::copy_file(source("tests/data/fixtures/programme-2016-libreoffice.ods"), ods_folder / "programme.ods");
    fs::copy_file(source("input/logo-ecossolies.png"), ods_folder / "logo-ecossolies.png");
    EXPECT_EQ(december(ods_folder / "programme.ods", work.path() / "ods"), xlsx);

    EXPECT_EQ(december(source("samples/programme-csv"), work.path() / "csv"), xlsx);

    const fs::path libreoffice_csv = work.path() / "csv-libreoffice";
    fs::create_directories(libreoffice_csv);
    for (fs::directory_iterator it(source("tests/data/fixtures/programme-csv-libreoffice")), end; it != end; ++it)
        fs::copy_file(it->path(), libreoffice_csv / it->path().filename());
    fs::copy_file(source("input/logo-ecossolies.png"), libreoffice_csv / "logo-ecossolies.png");
    EXPECT_EQ(december(libreoffice_csv, work.path() / "csv-lo"), xlsx);

    // Idempotent: the same batch again, into the same folder.
    EXPECT_EQ(december(source("input/programme-2016.xlsx"), work.path() / "xlsx"), xlsx);
}
