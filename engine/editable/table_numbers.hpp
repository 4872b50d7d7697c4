#pragma once
// Columns of numbers (colonnes-nombres) in the editable formats: each body
// cell's number aligned on its comma as the PDF's layout does
// (layout/table_layout.cpp, align_numbers): the longest part right of the
// comma ends at the cell's right padding. The widths are the PDF's fonts'
// (the editors use the same).
//
// Written as a right tab stop per cell (where that cell's number ends), not
// as a decimal tab: LibreOffice 7.4 sets a number after a decimal tab stop
// in a table cell on the line below (seen in both the ODT and the DOCX),
// and Word's decimal tab aligns on the decimal sign of the system's locale
// (a point on an English Windows).
#include <vector>

#include "font/font.hpp"
#include "markup/document.hpp"

namespace lettrine {

// The paragraph of a cell that a decimal tab stop aligns: a body cell of a
// column of numbers holding one paragraph without line break; null
// otherwise (the cell stays flush right, as in the PDF).
const Paragraph* decimal_paragraph(const TableCell& cell);

// For each column of `table`, where its numbers' commas stand, in points
// from the left of the cell's text area (`inner_widths[c]` wide); 0 for a
// column without numbers to align. Never before the text area's left edge.
std::vector<double> decimal_tab_stops(const Table& table, const std::vector<double>& inner_widths,
                                      const FontSet& fonts);

// The right tab stop of a cell's paragraph (decimal_paragraph) that puts
// its number's comma (or an integer's end) on `comma_stop`: that stop plus
// the width of what follows the comma.
double number_tab_stop(const Paragraph& paragraph, double comma_stop, const FontSet& fonts);

}  // namespace lettrine
