#pragma once
// The programme as positioned tables, whatever file it came from. Both the
// XLSX workbook and the XML twin are turned into this form, and one
// validator (programme_validation.hpp) builds the Programme from it: the two
// formats cannot drift apart.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "data/programme_schema.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

struct SourceField {
    std::string text;              // as written (not yet cleaned)
    std::optional<double> number;  // a numeric spreadsheet cell
    SourcePosition position;       // the cell, or the attribute value / element text
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

struct ProgrammeSource {
    std::string file;
    bool date1904 = false;
    SourceTable settings;  // « Programme »: one row, fields by id
    SourceTable sectors, partners, experiments, missions, texts;
    Diagnostics diagnostics;  // structural problems: missing sheet or column, unknown or repeated fields
};

// The workbook's sheets as tables (reports missing sheets and columns).
ProgrammeSource programme_source_from_workbook(const Workbook& workbook);
// The XML twin as tables (reports a wrong root, missing lists, unknown or repeated fields).
ProgrammeSource programme_source_from_xml(const XmlElement& root, const std::string& file);

// "cellule A3" / "ligne 12": a position within the same file, for "already
// defined at …" messages.
std::string short_place(const SourcePosition& position);

}  // namespace lettrine
