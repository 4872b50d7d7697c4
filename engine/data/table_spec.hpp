#pragma once
// A data contract as data: each table's sheet and XML names, each field's
// spreadsheet header and XML name, and how the field's text is cleaned and
// checked. The programme (programme_schema.hpp), the bilan (bilan_schema.hpp)
// and the general assembly (ag/assembly_schema.hpp) are tables of these; the
// sheet and XML readers (table_source.hpp), the field reader
// (field_reader.hpp) and the workbook writers take every name from here, so a
// new contract is a table of fields and nothing else.
#include <string>
#include <vector>

namespace lettrine {

// How a field's text is cleaned: Inline collapses every run of whitespace
// (line breaks included) into one space; Lines keeps one item per line,
// each trimmed, blank lines dropped.
enum class FieldShape { Inline, Lines };

// What FieldReader::text refuses as a tentative item left in the data
// (tentative_text_problem): the programme refuses any « ? » (docs/DONNEES.md),
// its drafted texts and the bilan only a bare one (docs/BILAN.md), the general
// assembly checks nothing (its titles and questions are questions, docs/AG.md).
enum class TentativeMarks { Refused, QuestionsAllowed, Unchecked };

struct FieldSpec {
    std::string id;        // XML attribute or element name, also the field's id: "jours-min"
    std::string label;     // spreadsheet header, French: "Jours min"
    bool required_column;  // the spreadsheet column must exist (its cells may still be optional)
    FieldShape shape;
    std::vector<std::string> aliases;  // other accepted names ("courriel" for "email")
    TentativeMarks marks;
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

// The two header labels of a key-value sheet (« Programme », « AG », « Bilan »).
const std::string& key_column_label();    // "Champ"
const std::string& value_column_label();  // "Valeur"

}  // namespace lettrine
