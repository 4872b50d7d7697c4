#pragma once
// The general assembly as positioned tables (data/table_source.hpp), whatever
// file it came from: the workbook (plain sheets, headers in row 1) and the
// XML twin (<assemblee-generale>, a workshop's agenda and questions nested
// in its <atelier>) become one AssemblySource; one validator
// (assembly_reader.cpp) builds the GeneralAssembly from it, so the two
// formats cannot drift apart.
#include <string>

#include "ag/assembly_schema.hpp"
#include "core/diagnostic.hpp"
#include "data/table_source.hpp"

namespace lettrine {

struct AssemblySource {
    std::string file;
    bool date1904 = false;
    SourceTable settings;  // one row
    SourceTable timetable, workshops, agenda, questions, registrants;
    Diagnostics diagnostics;  // structural problems: missing sheet or column, unknown or repeated fields
};

AssemblySource assembly_source_from_workbook(const Workbook& workbook);
AssemblySource assembly_source_from_xml(const XmlElement& root, const std::string& file);

}  // namespace lettrine
