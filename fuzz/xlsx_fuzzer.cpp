// XLSX reader, then what consumes a workbook: the programme's tables and
// validation, and the mail-merge records. An input starting with "PK" is an
// archive; any other input is a worksheet's XML, then (after a NUL byte) a
// shared-strings part, zipped stored so the fuzzer works on the XML.
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "fuzz_support.hpp"

using namespace lettrine;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (size < 2 || data[0] != 'P' || data[1] != 'K') {
        const auto [sheet, strings] = fuzz::split(data, size);
        const std::string ns = "http://schemas.openxmlformats.org/";
        bytes = fuzz::stored_zip({
            {"xl/workbook.xml", "<workbook xmlns:r=\"" + ns + "officeDocument/2006/relationships\"><sheets>"
                                "<sheet name=\"Secteurs\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
            {"xl/_rels/workbook.xml.rels",
             "<Relationships><Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" "
             "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + ns +
             "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"},
            {"xl/worksheets/sheet1.xml", sheet},
            {"xl/sharedStrings.xml", strings},
        });
    }
    fuzz::run([&] {
        const Workbook workbook = read_xlsx(bytes, "fuzz.xlsx", fuzz::small_limits());
        (void)check_programme_workbook(workbook);
        (void)workbook_tree(workbook);
    });
    return 0;
}
