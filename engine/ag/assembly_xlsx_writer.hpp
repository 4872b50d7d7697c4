#pragma once
// Writes a GeneralAssembly as the workbook documented in docs/AG.md
// (libxlsxwriter): sheets AG, Horaires, Ateliers, Ordre du jour, Questions,
// Inscrits, bold frozen header rows. read_assembly of the result gives back
// the same GeneralAssembly (input/ag-2016.xlsx is made from the XML twin
// with `lettrine convertir-ag`).
#include <string>

#include "ag/assembly.hpp"

namespace lettrine {

// The .xlsx bytes. Deterministic: the document's creation date is the
// assembly's date, so the same data always gives the same bytes.
// Throws LettrineError(Io) when the temporary file cannot be written,
// LettrineError(Data) when a text exceeds what a cell can hold.
std::string write_assembly_xlsx(const GeneralAssembly& assembly);

}  // namespace lettrine
