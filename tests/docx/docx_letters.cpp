// Test-only command line: one markup file as DOCX, its images beside it
// (the structure test's document, tests/docx/structure.xml; the letters
// themselves come from `lettrine lettres --format docx`).
//
//   docx_letters --markup FILE.xml OUT.docx
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "docx/docx_writer.hpp"
#include "markup/markup_parser.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;

int main(int argc, char** argv) try {
    if (argc != 4 || std::strcmp(argv[1], "--markup") != 0) {
        std::cerr << "usage: docx_letters --markup FILE.xml OUT.docx\n";
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    const std::string markup((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EditableInputs inputs;
    inputs.image_directory = fs::absolute(argv[2]).parent_path().string();
    std::ofstream out(argv[3], std::ios::binary);
    out << docx_bytes(parse_markup(markup, fs::path(argv[2]).filename().string()), inputs);
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[3]);
    return 0;
} catch (const LettrineError& e) {
    for (const Diagnostic& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
    return 1;
} catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 1;
}
