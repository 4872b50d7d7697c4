#pragma once
// CSV files as French Excel and LibreOffice export them, read into the same
// Sheet and Workbook as the XLSX and ODS readers.
//
// - Separator: « ; », « , » or tab, detected on the header line (the most
//   frequent outside quotes; « ; » wins a tie), or given by Excel's first
//   line "sep=;".
// - Quoting (RFC 4180): quoted fields may hold separators, doubled quotes
//   and line breaks; an unclosed quote is an error.
// - Encoding: UTF-8 with or without BOM, UTF-16 with BOM (Excel's « texte
//   Unicode »), otherwise Windows-1252 (detected: a file that is not valid
//   UTF-8 is Windows-1252, so « é » and « € » survive both).
// - Cells are texts as written: numbers with a decimal comma, U+00A0 or
//   U+202F thousands separators and dd/mm/yyyy dates are read by the same
//   French parsers as typed spreadsheet text (amount.hpp, calendar.hpp).
// - Positions are "Secteurs.csv:4:17" (line and column where the field starts).
#include <string>
#include <utility>
#include <vector>

#include <boost/filesystem.hpp>

#include "data/xlsx_reader.hpp"

namespace lettrine {

enum class CsvEncoding { Utf8, Utf8WithBom, Utf16, Windows1252 };

struct CsvFormat {
    char separator = ';';
    CsvEncoding encoding = CsvEncoding::Utf8;
};

// One CSV file as a sheet named after the file without its extension
// ("Secteurs.csv" -> « Secteurs »). Throws LettrineError(Data) positioned in
// the file for an unclosed quote, a binary file (NUL bytes) or a limit
// exceeded (max_entry_bytes per file, max_cells).
Sheet read_csv(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits = {},
               CsvFormat* detected = nullptr);

// A folder of CSV files as a workbook: each visible "*.csv" file is a sheet,
// in file-name order. Throws LettrineError(Data) when the folder holds no CSV
// file, LettrineError(Io) when it cannot be read.
Workbook read_csv_folder(const boost::filesystem::path& folder, const XlsxLimits& limits = {});

// The name used in positions for a folder ("programme-csv", also for "programme-csv/").
std::string folder_display_name(const boost::filesystem::path& folder);

// A sheet as CSV the way French Excel writes it ("CSV UTF-8"): UTF-8 with a
// BOM, « ; », CRLF line ends, quotes only where needed, numbers with a decimal
// comma, date cells as dd/mm/yyyy, booleans as VRAI / FAUX.
std::string write_csv(const Sheet& sheet, bool date1904);

// Every sheet of a workbook as ("Secteurs.csv", bytes), in tab order.
std::vector<std::pair<std::string, std::string>> write_workbook_csv(const Workbook& workbook);

}  // namespace lettrine
