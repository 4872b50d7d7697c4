// CSV reader (encodings, separators, quoting), then the records built from it.
#include "data/csv_reader.hpp"
#include "data/records.hpp"
#include "fuzz_support.hpp"

using namespace lettrine;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    fuzz::run([&] {
        Workbook workbook;
        workbook.file = "fuzz.csv";
        workbook.sheets.push_back(read_csv(bytes, "Secteurs.csv", fuzz::small_limits()));
        (void)workbook_tree(workbook);
        (void)write_csv(workbook.sheets[0], false);
    });
    return 0;
}
