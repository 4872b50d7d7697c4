#pragma once
// Test fixtures built with the real libraries: workbooks written by
// libxlsxwriter, hand-written OOXML parts zipped by libzip.
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "data/programme.hpp"
#include "data/xlsx_reader.hpp"

namespace fixtures {

struct FixtureCell {
    enum Kind { Empty, Text, Number, Boolean, Date } kind = Empty;
    std::string text;
    double number = 0;
    lettrine::Date date;
};
FixtureCell text(std::string s);
FixtureCell number(double n);
FixtureCell boolean(bool b);
FixtureCell date(int year, int month, int day);
inline FixtureCell empty() { return {}; }

struct FixtureSheet {
    std::string name;
    std::vector<std::vector<FixtureCell>> rows;
};

// A workbook written by libxlsxwriter (empty cells are not written).
std::string write_workbook(const std::vector<FixtureSheet>& sheets);
// The same sheets as a Workbook read back (strings, numbers, booleans kept).
std::vector<FixtureSheet> sheets_of(const lettrine::Workbook& workbook);

// A ZIP archive of the given (entry name, content) pairs, written by libzip.
std::string zip_entries(const std::vector<std::pair<std::string, std::string>>& entries);

// A minimal hand-written workbook: one sheet with the given <sheetData> content,
// an optional shared-strings part, and the sheet's relationship target as given.
std::string hand_written_workbook(const std::string& sheet_data, const std::string& shared_strings = "",
                                  const std::string& sheet_target = "worksheets/sheet1.xml",
                                  const std::string& workbook_pr = "");

// An ODS document: `tables` is the content of <office:spreadsheet> (table:table
// elements), with the usual ODF namespaces declared; mimetype and manifest
// included; extra entries appended.
std::string ods_document(const std::string& tables,
                         const std::vector<std::pair<std::string, std::string>>& extra_entries = {});

std::string source_path(const std::string& relative);  // under LETTRINE_SOURCE_DIR
std::string read_bytes(const std::string& path);

// The default programme (input/programme-2016.xml), read and validated.
const lettrine::Programme& default_programme();
// Its workbook, written by write_programme_xlsx and read back, named programme-2016.xlsx.
lettrine::Workbook default_workbook();
// Replaces (or creates) a cell of a workbook with a string or a number.
void set_cell(lettrine::Workbook& workbook, const std::string& sheet, const std::string& reference, const std::string& text);
void set_number(lettrine::Workbook& workbook, const std::string& sheet, const std::string& reference, double value);
// Every diagnostic described, one per line, for exact comparisons.
std::vector<std::string> described(const lettrine::Diagnostics& diagnostics);

}  // namespace fixtures
