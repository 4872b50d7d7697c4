#pragma once
// The budget workbook sent with the December letters (docs/BUDGET.md):
//  - sheet « Annexe 1 »: the call for applications' table « Nature et volume
//    des missions par secteur », one row per sector, ready to print
//    (A4 landscape, one page wide, header row repeated);
//  - sheet « Budget »: one row per sector with amount, days and implicit
//    daily rates as live formulas, and a totals row.
#include <string>

#include "data/programme.hpp"

namespace lettrine {

inline constexpr const char* kAnnexeSheetName = "Annexe 1";
inline constexpr const char* kBudgetSheetName = "Budget";

// The XLSX file's bytes (the caller writes them, atomically). Deterministic:
// the same Programme gives the same bytes, whatever the clock or time zone
// (the document's creation date is the programme's letter_date).
// Throws LettrineError: Data when a text cannot go into a cell (invalid
// UTF-8, over Excel's 32 767 characters) or a mission 1..3 is missing, every
// such problem listed; Io when the temporary file cannot be written.
std::string write_budget_workbook(const Programme& programme);

}  // namespace lettrine
