#pragma once
// The programme's data contract (docs/DONNEES.md) as data: each table's
// sheet and XML names, and each field's spreadsheet header and XML name.
// Readers, the validator and the XLSX writer all take their names from here.
#include <vector>

#include "data/table_spec.hpp"

namespace lettrine {

// « Programme » sheet (two columns, « Champ » and « Valeur ») / <programme> attributes.
const TableSpec& programme_fields_spec();
const TableSpec& sectors_spec();
const TableSpec& partners_spec();
const TableSpec& experiments_spec();
const TableSpec& missions_spec();
const TableSpec& texts_spec();
// The five list tables, in workbook order (after « Programme »).
std::vector<const TableSpec*> list_table_specs();

}  // namespace lettrine
