#pragma once
// An OpenDocument spreadsheet reader (LibreOffice Calc .ods; libzip +
// pugixml on content.xml). It produces the same Workbook as read_xlsx, with
// the same positions ("programme.ods, feuille « Secteurs », cellule G4"), so
// the programme's validation and the mail merge work on it unchanged.
//
// Cells: strings (several paragraphs joined by '\n', spans, links, <text:s/>
// spaces, tabs and line breaks), float / percentage / currency (the stored
// value, not the displayed one), dates (office:date-value, turned into a
// 1900-system serial shown as a date, like an XLSX date cell), times,
// booleans, error results; annotations (comments) are kept out of values.
// Repeated cells and rows (table:number-columns-repeated, -rows-repeated)
// are expanded only when something follows them: a trailing empty row
// repeated 1,048,576 times costs nothing. Covered (merged) cells are empty
// cells. Hidden sheets are read like the others (as read_xlsx does).
#include <string>

#include "data/xlsx_reader.hpp"

namespace lettrine {

// Throws LettrineError(Data), positioned at the file, with a French message
// when the bytes are not an ODS document (or a password-protected one), a
// part is missing or malformed, or a limit is exceeded.
Workbook read_ods(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits = {});

}  // namespace lettrine
