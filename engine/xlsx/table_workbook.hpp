#pragma once
// A workbook of data tables: a data contract written back as the workbook
// its readers take (the programme, docs/DONNEES.md; the general assembly,
// docs/AG.md). One sheet per table, bold frozen header row, column widths,
// wrapped top-aligned cells, amounts in euros and dates as dates. Built on
// WorkbookFile; the writers of particular workbooks live with their
// contract (xlsx/programme_workbook.cpp, ag/assembly_xlsx_writer.cpp).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xlsxwriter.h>

#include "data/calendar.hpp"
#include "data/programme.hpp"
#include "data/table_spec.hpp"
#include "xlsx/workbook_file.hpp"

namespace lettrine {

// A value to write in one cell.
struct CellValue {
    enum Kind { Blank, Text, Number, Money, Date };
    Kind kind = Blank;
    std::string text;
    double number = 0;
    lettrine::Date date;

    static CellValue of_text(const std::string& s);                 // blank when empty
    static CellValue of_number(const std::optional<int>& n);        // blank when absent
    static CellValue of_money(const std::optional<lettrine::Money>& m);
    static CellValue of_date(const lettrine::Date& d);
};

struct TableWorkbookStyle {
    std::string what;     // the workbook, for messages: "le classeur du programme"
    std::string title;    // document properties
    std::optional<std::string> company;  // none: no company property
    Date created;         // the document's date (written at noon UTC; never the clock)
    bool wrap_headers = true;
    bool top_align_dates = true;
};

class TableWorkbook {
public:
    explicit TableWorkbook(const TableWorkbookStyle& style);

    // A new sheet whose row 1 holds the headers; columns are (label, width in
    // Excel character units).
    lxw_worksheet* sheet(const std::string& name, const std::vector<std::pair<std::string, double>>& columns);

    // A table sheet (TableSpec::sheet): headers are the fields' labels, one
    // row per record with values in the spec's field order.
    using ColumnWidth = std::function<double(const std::string& field_id)>;
    void table(const TableSpec& spec, const std::vector<std::vector<CellValue>>& rows, const ColumnWidth& width);
    // A key-value sheet: « Champ » / « Valeur » headers, one row per field
    // of the spec that `values` gives (its label, then its value).
    void key_value_sheet(const TableSpec& spec, const std::map<std::string, CellValue>& values, double key_width,
                         double value_width);

    // Throws LettrineError(Data) for a text longer than a cell holds,
    // LettrineError(Io) for any other refusal.
    void write(lxw_worksheet* sheet, const std::string& sheet_name, int row, int column, const CellValue& value);

    // The .xlsx bytes.
    std::string finish() { return file_.finish(); }

private:
    void check(lxw_error error, const std::string& sheet_name);

    WorkbookFile file_;
    std::string title_;
    std::optional<std::string> company_;
    lxw_format *header_ = nullptr, *body_ = nullptr, *money_whole_ = nullptr, *money_cents_ = nullptr, *date_ = nullptr;
};

}  // namespace lettrine
