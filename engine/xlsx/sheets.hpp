#pragma once
// The two sheets of the budget workbook; budget_workbook.cpp calls them in
// order. Internal to engine/xlsx.
#include <array>

#include <xlsxwriter.h>

#include "data/programme.hpp"
#include "xlsx/sheet_writer.hpp"

namespace lettrine {

// Missions 1, 2 and 3, in that order.
using MissionsByNumber = std::array<const Mission*, 3>;

void write_annexe_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme,
                        const MissionsByNumber& missions);

void write_budget_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme);

// Excel's header/footer text: '&' starts a control code, so data doubles it.
std::string escape_header_text(const std::string& text);

}  // namespace lettrine
