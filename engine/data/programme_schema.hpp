#pragma once
// The programme's data contract (docs/DONNEES.md) as data: each table's
// sheet and XML names, and each field's spreadsheet header and XML name.
// Readers, the validator and the XLSX writer all take their names from here.
#include <string>
#include <vector>

namespace lettrine {

// How a field's text is cleaned: Inline collapses every run of whitespace
// (line breaks included) into one space; Lines keeps one item per line,
// each trimmed, blank lines dropped.
enum class FieldShape { Inline, Lines };

struct FieldSpec {
    std::string id;        // XML attribute or element name, also the field's id: "jours-min"
    std::string label;     // spreadsheet header, French: "Jours min"
    bool required_column;  // the spreadsheet column must exist (its cells may still be optional)
    FieldShape shape;
    std::vector<std::string> aliases;  // other accepted names ("courriel" for "email")
};

struct TableSpec {
    std::string id;         // "secteurs"
    std::string sheet;      // "Secteurs"
    std::string xml_list;   // "secteurs"
    std::string xml_item;   // "secteur"
    std::string text_field; // field the XML item's own text fills ("nom" for <partenaire>), or ""
    std::vector<FieldSpec> fields;

    // The field a header or XML name designates, compared with normalize_name; nullptr if none.
    const FieldSpec* match(const std::string& name) const;
    const FieldSpec& field(const std::string& id) const;  // by id; the id must exist
};

// « Programme » sheet (two columns, « Champ » and « Valeur ») / <programme> attributes.
const TableSpec& programme_fields_spec();
const std::string& programme_key_label();    // "Champ"
const std::string& programme_value_label();  // "Valeur"
const TableSpec& sectors_spec();
const TableSpec& partners_spec();
const TableSpec& experiments_spec();
const TableSpec& missions_spec();
const TableSpec& texts_spec();
// The five list tables, in workbook order (after « Programme »).
std::vector<const TableSpec*> list_table_specs();

}  // namespace lettrine
