// XML reader, then the programme's XML twin and the mail-merge records.
#include "data/programme_reader.hpp"
#include "data/records.hpp"
#include "data/xml_reader.hpp"
#include "fuzz_support.hpp"

using namespace lettrine;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    fuzz::run([&] {
        (void)check_programme_bytes(bytes, "fuzz.xml", ProgrammeFormat::Xml);
        const XmlElement root = read_xml(bytes, "fuzz.xml");
        (void)element_value(root);
        (void)xml_records(root, "secteurs/secteur");
    });
    return 0;
}
