#pragma once
// The bilan's data contract (docs/BILAN.md) as data: each sheet's name, each
// field's label (spreadsheet) and XML name. The form writer, both readers and
// the validator take their names from here.
#include "data/programme_schema.hpp"

namespace lettrine {

// « Bilan » (key-value: « Champ » / « Valeur ») / attributes or child elements of <bilan>.
const TableSpec& bilan_identity_spec();
// « Temps » / <temps><mission numero="1" …/>: one row per mission.
const TableSpec& bilan_time_spec();
// « Projets » / <projets><projet …/>
const TableSpec& bilan_projects_spec();
// « Partenariats » / <partenariats><partenariat …/>
const TableSpec& bilan_partnerships_spec();
// « Expérimentations » / <experimentations><experimentation …/>
const TableSpec& bilan_experiments_spec();
// « Textes » (key-value) / child elements of <bilan>: the four free texts.
const TableSpec& bilan_texts_spec();

// The four tables after « Bilan », in workbook order.
std::vector<const TableSpec*> bilan_list_specs();

// The root element of the XML twin.
inline constexpr const char* kBilanXmlRoot = "bilan";
// The sheet of instructions the form starts with (never read).
inline constexpr const char* kBilanInstructionsSheet = "Instructions";

}  // namespace lettrine
