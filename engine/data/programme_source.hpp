#pragma once
// The programme as positioned tables, whatever file it came from. Both the
// XLSX workbook and the XML twin are turned into this form, and one
// validator (programme_validation.hpp) builds the Programme from it: the two
// formats cannot drift apart.
#include <string>

#include "core/diagnostic.hpp"
#include "data/programme_schema.hpp"
#include "data/table_source.hpp"

namespace lettrine {

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

}  // namespace lettrine
