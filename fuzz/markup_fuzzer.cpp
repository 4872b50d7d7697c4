// The document markup parser (docs/BALISAGE.md).
#include "fuzz_support.hpp"
#include "markup/markup_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzz::run([&] { (void)lettrine::parse_markup(text, "fuzz.xml"); });
    return 0;
}
