#pragma once
// Fixtures for the general assembly's tests: the default programme and
// assembly read from input/, assemblies written as XML text, small
// workbooks written by libxlsxwriter, and text pulled out of laid-out pages
// and of PDF files (poppler's pdftotext).
#include <string>
#include <vector>

#include "ag/assembly.hpp"
#include "core/diagnostic.hpp"
#include "data/programme.hpp"
#include "layout/pages.hpp"
#include "support/pdf_tools.hpp"

namespace ag_fixtures {

std::string source_path(const std::string& relative);  // under LETTRINE_SOURCE_DIR
const lettrine::Programme& programme();                // input/programme-2016.xml
const lettrine::GeneralAssembly& assembly();           // input/ag-2016.xml, validated against programme()

// A minimal valid assembly file in XML, one workshop per sector of the
// default programme; `registrants` (<inscrit …/> elements) are inserted.
std::string assembly_xml(const std::string& registrants);
// Reads and validates an XML text named « ag-test.xml ».
lettrine::GeneralAssembly read_xml_assembly(const std::string& xml);
std::vector<std::string> problems_of_xml(const std::string& xml);

// A workbook written by libxlsxwriter: sheets of text rows ("" cells are not written).
struct SheetRows {
    std::string name;
    std::vector<std::vector<std::string>> rows;
};
std::string workbook(const std::vector<SheetRows>& sheets);
// The sheets of a valid assembly workbook (the default programme's five sectors).
std::vector<SheetRows> valid_sheets();

std::vector<std::string> described(const lettrine::Diagnostics& diagnostics);

// Each glyph run of a page as one line of text, in painting order.
std::vector<std::string> page_lines(const lettrine::LaidOutPage& page);
std::string page_text(const lettrine::LaidOutPage& page);

// pdftotext of a PDF's bytes (UTF-8, reading order); extra options before the file.
using lettrine::test_support::pdf_text_of_bytes;

}  // namespace ag_fixtures
