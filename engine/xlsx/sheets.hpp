#pragma once
// The two sheets of the budget workbook; budget_workbook.cpp calls them in
// order. Internal to engine/xlsx.
#include <array>
#include <string>

#include <xlsxwriter.h>

#include "data/programme.hpp"
#include "xlsx/sheet_writer.hpp"

namespace lettrine {

// Missions 1, 2 and 3, in that order.
using MissionsByNumber = std::array<const Mission*, 3>;

void write_annexe_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme,
                        const MissionsByNumber& missions);

void write_budget_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme);

// Row heights: Calibri 11 (libxlsxwriter's default font) needs 15 pt per
// line; 3 pt of padding keeps descenders clear of the bottom border.
inline constexpr double kLineHeightPt = 15.0;
inline constexpr double kRowPaddingPt = 3.0;
// Printed, a cell's text would touch its borders (Excel has no cell padding):
// one level of indent (about one character) keeps it clear, left or right.
inline constexpr uint8_t kCellIndent = 1;

// Both sheets print the same way: A4 landscape, one page wide (as many pages
// tall as needed), the header row repeated on every page, `title` centred in
// the page header, the organisation and « Page n sur N » in the footer.
void set_up_printing(SheetWriter& sheet, const std::string& title, const Programme& programme);

// Excel's header/footer text: '&' starts a control code, so data doubles it.
std::string escape_header_text(const std::string& text);

}  // namespace lettrine
