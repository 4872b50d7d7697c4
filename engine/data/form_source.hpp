#pragma once
// Forms handed to people to fill in (the référent's bilan workbook) read
// into the same positioned tables as the programme (programme_source.hpp),
// so one FieldReader (field_reader.hpp) validates both. What a form adds to
// the programme's plain sheets:
//   - a key-value sheet (columns « Champ » and « Valeur ») whose header row
//     may sit below a title, and whose rows that are not fields (section
//     headings, an empty key) are skipped;
//   - tables whose header row may sit below a title and notes (searched in
//     the first kFormHeaderSearchRows rows), ending at a row whose first
//     column reads « Total » (computed rows below are never read).
// XML twins: the fields of an item are its attributes or child elements.
#include <functional>
#include <string>

#include "core/diagnostic.hpp"
#include "data/programme_schema.hpp"
#include "data/programme_source.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

// How far down a form sheet its header row may be (a title and a few notes above it).
inline constexpr std::size_t kFormHeaderSearchRows = 12;

// A key-value sheet (« Champ » / « Valeur », programme_key_label()) as one
// row of fields. Reports a missing sheet or header, a field given twice; an
// unknown key with a value is a warning (ignored), without a value it is a
// heading (silently skipped).
void read_key_value_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics);

// A table sheet: the header row is the first of the first kFormHeaderSearchRows
// rows holding the labels of every required column; rows below it up to a
// « Total » row (or the end) are records, blank ones skipped. Reports a
// missing sheet, a header row not found (naming the columns), a column twice.
void read_form_table(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics);

// The names an XML reader leaves to someone else (not reported as unknown).
using XmlNameFilter = std::function<bool(const std::string& name)>;

// One XML element as a row: its attributes and child elements matched to the
// spec's fields; the item's own text fills spec.text_field when set. Names
// for which `skip` is true are left alone; any other unknown name is a
// warning. A field given twice is an error.
SourceRow read_xml_row(const XmlElement& item, const TableSpec& spec, Diagnostics& diagnostics,
                       const XmlNameFilter& skip = {});

// The list element spec.xml_list under `parent` (absent: an error when
// `required`), each spec.xml_item child a row; other children are warnings.
void read_xml_table(const XmlElement& parent, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                    bool required = true);

}  // namespace lettrine
