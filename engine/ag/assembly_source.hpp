#pragma once
// The general assembly's data contract (docs/AG.md) as data, and the
// positioned tables both file formats are turned into. The workbook
// (sheets AG, Horaires, Ateliers, Ordre du jour, Questions, Inscrits) and
// the XML twin (<assemblee-generale>) become one AssemblySource; one
// validator (assembly_reader.cpp) builds the GeneralAssembly from it, so
// the two formats cannot drift apart.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

struct AgField {
    std::string id;        // XML attribute or element name, and the field's id: "structure-animateur"
    std::string label;     // spreadsheet header, French: "Structure de l'animateur"
    bool required_column;  // the spreadsheet column must exist (its cells may still be optional)
    bool lines;            // several lines, one item each (an address)
    std::vector<std::string> aliases;
};

struct AgTable {
    std::string id;          // "inscrits"
    std::string sheet;       // "Inscrits"
    std::string xml_list;    // "inscrits"
    std::string xml_item;    // "inscrit"
    std::string text_field;  // field filled by the XML item's own text, or ""
    std::vector<AgField> fields;

    // The field a header or XML name designates (case, accents and spacing ignored).
    const AgField* match(const std::string& name) const;
    const AgField& field(const std::string& id) const;  // the id must exist
};

// « AG » sheet (columns « Champ » and « Valeur ») / <assemblee-generale> attributes.
const AgTable& assembly_settings_table();
const AgTable& timetable_table();    // « Horaires » / <horaires><horaire>
const AgTable& workshops_table();    // « Ateliers » / <ateliers><atelier>
const AgTable& agenda_table();       // « Ordre du jour » / <atelier><ordre-du-jour><point>
const AgTable& questions_table();    // « Questions » / <atelier><questions><question>
const AgTable& registrants_table();  // « Inscrits » / <inscrits><inscrit>

struct AgSourceField {
    std::string text;              // as written
    std::optional<double> number;  // a numeric spreadsheet cell
    SourcePosition position;
    bool inherited = false;        // XML: taken from the enclosing <atelier> (its problems are reported there)
};

struct AgSourceRow {
    SourcePosition position;  // the row's first cell, or the XML element
    std::map<std::string, AgSourceField> fields;  // by AgField::id; absent when not given
};

struct AgSourceTable {
    const AgTable* spec = nullptr;
    bool present = false;
    SourcePosition position;                   // the sheet or list element (the file or root when absent)
    std::vector<std::string> missing_columns;  // field ids without a spreadsheet column
    std::vector<AgSourceRow> rows;             // blank rows skipped

    bool column_missing(const std::string& id) const;
};

struct AssemblySource {
    std::string file;
    bool date1904 = false;
    AgSourceTable settings;  // one row
    AgSourceTable timetable, workshops, agenda, questions, registrants;
    Diagnostics diagnostics;  // structural problems: missing sheet or column, unknown or repeated fields
};

AssemblySource assembly_source_from_workbook(const Workbook& workbook);
AssemblySource assembly_source_from_xml(const XmlElement& root, const std::string& file);

// "cellule A3" / "ligne 12": a place in the same file, for "déjà en …" messages.
std::string ag_short_place(const SourcePosition& position);

}  // namespace lettrine
