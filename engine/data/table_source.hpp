#pragma once
// A data contract's tables as positioned rows, whatever file they came from.
// The sheet readers (a workbook, an ODS file, a folder of CSV files) and the
// XML readers turn a file into SourceTables by their TableSpec
// (table_spec.hpp); a contract's validator then reads them field by field
// (field_reader.hpp). Every field keeps its position, so a problem is
// reported at its cell (« feuille « Secteurs », cellule H4 ») or at its
// line and column in the XML twin.
//
// Two sheet layouts:
//   - Plain (the programme, the general assembly): headers in row 1, every
//     other row a record (blank rows skipped); a key-value sheet's header
//     row holds « Champ » and « Valeur ».
//   - Form (sheets handed to people to fill in, the bilan): the header row
//     may sit below a title and notes (searched in the first
//     kFormHeaderSearchRows rows); a table ends at a row whose first column
//     reads « Total » (computed rows below are never read); a key-value row
//     that is not a field (a section heading, an empty key) is skipped.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "data/table_spec.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

struct SourceField {
    std::string text;              // as written (not yet cleaned)
    std::optional<double> number;  // a numeric spreadsheet cell
    SourcePosition position;       // the cell, or the attribute value / element text
    bool inherited = false;        // XML: taken from an enclosing element (its problems are reported there)
};

struct SourceRow {
    SourcePosition position;                    // the row's first cell, or the XML element
    std::map<std::string, SourceField> fields;  // by FieldSpec::id; absent when not given
};

struct SourceTable {
    const TableSpec* spec = nullptr;
    bool present = false;
    SourcePosition position;                // the sheet or list element (the file or root when absent)
    std::vector<std::string> missing_columns;  // FieldSpec ids without a spreadsheet column (already reported)
    std::vector<SourceRow> rows;            // blank rows skipped

    bool column_missing(const std::string& id) const;
};

// "cellule A3" / "ligne 12": a position within the same file, for "already
// defined at …" messages.
std::string short_place(const SourcePosition& position);

// ---- Sheets ----------------------------------------------------------------

enum class SheetLayout { Plain, Form };

// How far down a form sheet its header row may be (a title and a few notes above it).
inline constexpr std::size_t kFormHeaderSearchRows = 12;

// A table sheet: one record per row below the header row. Reports a missing
// sheet (or CSV file), missing required columns (Plain) or a header row not
// found (Form, naming the columns), and a column given twice.
void read_sheet_table(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                      SheetLayout layout);

// A key-value sheet (« Champ » / « Valeur ») as one row of fields (always
// one row, empty when the sheet or its headers are missing). Reports a
// missing sheet or header, a field given twice; an unknown key is a warning
// (Form: only when it has a value, else it is a heading) and, in a Form, a
// missing required key is an error.
void read_key_value_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table,
                          Diagnostics& diagnostics, SheetLayout layout);

// One table of a contract and the SourceTable it is read into.
struct TableSlot {
    const TableSpec* spec;
    SourceTable* table;
    bool key_value = false;  // a « Champ » / « Valeur » sheet (one row)
};

// Every table of a workbook, in order (read_sheet_table or read_key_value_sheet).
void read_workbook_tables(const Workbook& workbook, const std::vector<TableSlot>& slots, Diagnostics& diagnostics,
                          SheetLayout layout);

// A contract's source read from a workbook: `Source` has `file`, `date1904`
// and `diagnostics`; `tables_of(source)` names its tables in workbook order.
template <typename Source, typename TablesOf>
Source source_from_workbook(const Workbook& workbook, SheetLayout layout, TablesOf&& tables_of) {
    Source source;
    source.file = workbook.file;
    source.date1904 = workbook.date1904;
    read_workbook_tables(workbook, tables_of(source), source.diagnostics, layout);
    return source;
}

// Before reading an XML twin: every table knows its spec and, until its list
// is found, stands at `where` (the root), absent.
void place_tables(const std::vector<TableSlot>& slots, const SourcePosition& where);

// ---- XML -------------------------------------------------------------------

// The names an XML reader leaves to someone else (not reported as unknown).
using XmlNameFilter = std::function<bool(const std::string& name)>;

struct XmlRowRules {
    XmlNameFilter skip_elements;    // child elements that are not this row's fields (the root's lists)
    XmlNameFilter skip_attributes;  // attributes that are not this row's fields
    // A Lines field given twice (<action>…</action><action>…</action>) gathers
    // its items; otherwise a field given twice is an error.
    bool join_repeated_lines = false;
};

// One XML element as a row: its attributes and child elements matched to the
// spec's fields; the item's own text fills spec.text_field when set. Any
// name neither matched nor skipped is a warning.
SourceRow read_xml_row(const XmlElement& item, const TableSpec& spec, Diagnostics& diagnostics,
                       const XmlRowRules& rules = {});

// The single child `name` of `parent` (normalize_name), nullptr when absent;
// reports a repeated one.
const XmlElement* find_xml_list(const XmlElement& parent, const std::string& name, Diagnostics& diagnostics);

// Each spec.xml_item child of `list`; any other child is a warning.
void for_each_xml_item(const XmlElement& list, const TableSpec& spec, Diagnostics& diagnostics,
                       const std::function<void(const XmlElement&)>& on_item);

// The list element spec.xml_list under `parent` (absent: an error when
// `required`), each spec.xml_item child a row.
void read_xml_table(const XmlElement& parent, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                    bool required = true, const XmlRowRules& rules = {});

// Whether `root` is named `expected`; if not, reports « l'élément racine
// doit être <expected> (trouvé : <…>) » (nothing else in the file can be trusted).
bool check_xml_root(const XmlElement& root, const std::string& expected, Diagnostics& diagnostics);

// "<name>", for messages.
std::string element_label(const std::string& name);

}  // namespace lettrine
