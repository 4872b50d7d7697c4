#pragma once
// Where a value came from: a spreadsheet cell, an XML or template line:column.
// Every value read from input carries one, and it is turned into French text
// in exactly one place (SourcePosition::describe).
#include <string>

namespace lettrine {

struct SourcePosition {
    std::string file;    // file name as the user gave it (basename is enough)
    std::string sheet;   // spreadsheet sheet name; empty for text formats
    std::string cell;    // "H4"; empty for text formats or when only the sheet is known
    int line = 0;        // 1-based; 0 when unknown or for spreadsheets
    int column = 0;      // 1-based; 0 when unknown

    bool empty() const { return file.empty() && sheet.empty() && line == 0; }

    // "programme-2016.xlsx, feuille « Secteurs », cellule H4"
    // "programme-2016.xml:42:7"
    std::string describe() const;

    static SourcePosition in_file(std::string file) { SourcePosition p; p.file = std::move(file); return p; }
    static SourcePosition at_line(std::string file, int line, int column) {
        SourcePosition p; p.file = std::move(file); p.line = line; p.column = column; return p;
    }
    static SourcePosition at_cell(std::string file, std::string sheet, std::string cell) {
        SourcePosition p; p.file = std::move(file); p.sheet = std::move(sheet); p.cell = std::move(cell); return p;
    }
};

// "A1"-style reference from 0-based row and column indexes.
std::string cell_reference(int row, int column);

// Line and column (1-based, columns counted in code points) of a byte offset in text.
struct LineColumn { int line = 1; int column = 1; };
LineColumn line_column_at(const std::string& text, std::size_t byte_offset);

}  // namespace lettrine
