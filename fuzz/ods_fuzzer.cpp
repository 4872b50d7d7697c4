// ODS reader, then the programme's validation and the mail-merge records. An
// input starting with "PK" is an archive; any other input is content.xml,
// zipped stored so the fuzzer works on the XML.
#include "data/ods_reader.hpp"
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "fuzz_support.hpp"

using namespace lettrine;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (size < 2 || data[0] != 'P' || data[1] != 'K') bytes = fuzz::stored_zip({{"content.xml", bytes}});
    fuzz::run([&] {
        const Workbook workbook = read_ods(bytes, "fuzz.ods", fuzz::small_limits());
        (void)check_programme_workbook(workbook);
        (void)workbook_tree(workbook);
    });
    return 0;
}
