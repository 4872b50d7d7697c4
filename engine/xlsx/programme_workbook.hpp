#pragma once
// Writes a Programme as the workbook documented in docs/DONNEES.md
// (libxlsxwriter): one sheet per table, bold frozen header row, column
// widths, wrapped multi-line cells, amounts in euros and dates as dates.
// read_programme of the result gives back the same Programme.
#include <string>

#include "data/programme.hpp"

namespace lettrine {

// The .xlsx bytes. Deterministic: the document's creation date is the
// letters' date (libxlsxwriter 1.1.4 stamps every ZIP entry 1980-01-01), so
// the same Programme always gives the same bytes.
// Throws LettrineError(Io) when the temporary file cannot be written,
// LettrineError(Data) when a text exceeds what a cell can hold.
std::string write_programme_xlsx(const Programme& programme);

}  // namespace lettrine
