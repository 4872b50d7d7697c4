#pragma once
// The référent's bilan workbook (`lettrine formulaire`), written with
// libxlsxwriter from the programme: an « Instructions » sheet, then the
// sheets of the bilan contract (bilan_schema.hpp) pre-filled with what the
// programme knows (identity, year, planned volume, the sector's partners
// and experiments). Cells to fill are unlocked and tinted (kInputFill);
// totals, gaps and the check of the planned split are locked formulas; every
// sheet is protected without a password, so the layout the reader relies on
// stays put while every input cell remains editable.
#include <string>

#include "data/programme.hpp"

namespace lettrine {

// Fill colour of the cells to complete (light yellow), and of computed cells (light grey).
inline constexpr unsigned kInputFill = 0xFFF2CC;
inline constexpr unsigned kComputedFill = 0xEDEDED;

// Blank rows offered below the pre-filled ones in each list sheet.
inline constexpr int kBlankProjectRows = 30;
inline constexpr int kBlankListRows = 10;

// Where things are in the written form (0-based rows): the reader finds
// headers by their labels, these only serve the writer and the tests.
inline constexpr int kFormHeaderRow = 3;      // every sheet's header row (row 4)
inline constexpr int kTimeTotalRow = 7;       // « Total » row of « Temps » (row 8)

// The .xlsx bytes for one sector. Deterministic: the workbook's creation
// date is the programme's letter date at noon UTC (libxlsxwriter 1.1.4
// stamps every ZIP entry 1980-01-01), so the same programme always gives the
// same bytes. Throws LettrineError(Data) when a programme text cannot be
// written in a cell (over 32,767 characters), LettrineError(Io) when the
// temporary file cannot be written.
// The Instructions sheet says where to return the filled form: on
// `drop_address` when given (a référent's own link, from `lettrine
// serveur`), else on the programme's « Page de dépôt des bilans », else with
// `lettrine note`; and by the programme's « Date limite des bilans » when set.
std::string write_bilan_form(const Programme& programme, const Sector& sector, const std::string& drop_address = "");

// "bilan-2016-habitat.xlsx"
std::string bilan_form_file_name(const Programme& programme, const Sector& sector);

}  // namespace lettrine
