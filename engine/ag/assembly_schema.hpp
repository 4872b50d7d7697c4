#pragma once
// The general assembly's data contract (docs/AG.md) as data: sheets AG,
// Horaires, Ateliers, Ordre du jour, Questions, Inscrits, and the XML twin
// <assemblee-generale>. The readers, the validator and the workbook writer
// take every name from here.
#include "data/table_spec.hpp"

namespace lettrine {

// « AG » sheet (columns « Champ » and « Valeur ») / <assemblee-generale> attributes.
const TableSpec& assembly_settings_table();
const TableSpec& timetable_table();    // « Horaires » / <horaires><horaire>
const TableSpec& workshops_table();    // « Ateliers » / <ateliers><atelier>
const TableSpec& agenda_table();       // « Ordre du jour » / <atelier><ordre-du-jour><point>
const TableSpec& questions_table();    // « Questions » / <atelier><questions><question>
const TableSpec& registrants_table();  // « Inscrits » / <inscrits><inscrit>

}  // namespace lettrine
