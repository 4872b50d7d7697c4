#pragma once
// A generic XLSX workbook reader (libzip + pugixml): every sheet as a dense
// grid of typed cells, each cell carrying its position ("Secteurs", "H4").
// It knows nothing of the programme: programme_reader and records build on it.
// Workbook, Sheet and Cell are also what the ODS reader (ods_reader.hpp) and
// the CSV reader (csv_reader.hpp) produce: every consumer works on all three.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/position.hpp"
#include "data/calendar.hpp"

namespace lettrine {

struct Cell {
    enum Type { Empty, String, Number, Boolean, Error };

    std::string text;     // String: the text ('\n' line breaks); Number: shortest round-trip
                          // form ("15000", "0.1"); Boolean: "VRAI"/"FAUX"; Error: "#N/A"
    Type type = Empty;
    double number = 0;    // Number and Boolean (1/0) cells
    bool date_format = false;  // a Number cell whose style shows it as a date
    SourcePosition position;   // file, sheet, "H4"

    bool empty() const { return type == Empty || (type == String && text.empty()); }
};

struct Sheet {
    std::string name;
    std::string file;        // the file the sheet was read from (the workbook, or one CSV file)
    bool text_file = false;  // CSV: cells are positioned file:line:column, not by sheet and cell
    std::vector<std::vector<Cell>> rows;  // dense: rows[0] is sheet row 1, rows[r][0] is column A;
                                          // each row is as long as its last cell element

    // The cell at 0-based row and column; nullptr beyond what the sheet holds.
    const Cell* cell(std::size_t row, std::size_t column) const;

    // Where the sheet is: "classeur.xlsx, feuille « Secteurs »", or "Secteurs.csv".
    SourcePosition place() const;
    // Where a cell is, also for a cell the sheet does not hold: the cell's own
    // position when held, else "… feuille « Secteurs », cellule H4" (or, for
    // CSV, "Secteurs.csv:4", the line the row starts on).
    SourcePosition cell_place(std::size_t row, std::size_t column) const;
};

struct Workbook {
    std::string file;            // the name given to read_xlsx, used in positions
    std::vector<Sheet> sheets;   // in the workbook's tab order
    bool date1904 = false;       // workbookPr date1904: serials count from 1904-01-01
    bool csv_folder = false;     // a folder of CSV files, one per sheet (csv_reader.hpp)

    // Exact name first, then ignoring case, accents and spacing ("Experimentations");
    // in a CSV folder, then the one sheet whose name ends with "-" and the name
    // ("programme-2016-Secteurs", as LibreOffice names its exports).
    const Sheet* find(const std::string& name) const;
};

// Ceilings that make a hostile file fail fast instead of exhausting memory.
// Shared by the XLSX, ODS and CSV readers (docs/ROBUSTESSE.md).
struct XlsxLimits {
    std::size_t max_entry_bytes = std::size_t{256} << 20;   // inflated bytes per ZIP entry (CSV: per file)
    std::size_t max_total_bytes = std::size_t{1024} << 20;  // inflated bytes per workbook (CSV: per folder)
    std::size_t max_cells = 2'000'000;                      // dense cells (and rows) per workbook
    std::size_t max_shared_strings = 2'000'000;             // XLSX shared-string table entries
    // Tags ('<') in one XML part, counted before pugixml builds its tree
    // (about 64 bytes a node): 16 million tags stay under 1 GiB of memory.
    std::size_t max_xml_tags = 16'000'000;
    // Text held by all cells together: one shared string (or one repeated ODS
    // cell) copied into millions of cells would otherwise multiply memory.
    std::size_t max_text_bytes = std::size_t{512} << 20;
};
using SpreadsheetLimits = XlsxLimits;

// Reads a workbook from its bytes. file_name is used in positions and messages.
// Throws LettrineError(Data), positioned at the file, with a French message
// when the bytes are not a ZIP archive, a part is damaged or missing
// (xl/workbook.xml, a sheet), an XML part is malformed, or a limit is exceeded.
Workbook read_xlsx(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits = {});

// "H4" -> 0-based (row 3, column 7); nullopt when not a cell reference.
struct CellIndex { int row = 0; int column = 0; };
std::optional<CellIndex> parse_cell_reference(const std::string& reference);

// A cell's date: a Number cell as an Excel serial in the workbook's system.
std::optional<Date> cell_date(const Cell& cell, bool date1904);

// Decodes the OOXML "_xHHHH_" escapes ("_x000D_" -> CR, "_x005F_" -> "_").
std::string decode_ooxml_escapes(const std::string& text);

}  // namespace lettrine
