#pragma once
// The general assembly's entry points: a file (XLSX workbook or XML twin)
// in, a validated GeneralAssembly out, or every problem found, positioned,
// in French (« ag-2016.xlsx, feuille « Inscrits », cellule D7 : … »).
#include <optional>
#include <string>

#include <boost/filesystem.hpp>

#include "ag/assembly.hpp"
#include "ag/assembly_source.hpp"
#include "core/diagnostic.hpp"
#include "data/programme.hpp"

namespace lettrine {

struct AssemblyCheck {
    std::optional<GeneralAssembly> assembly;  // set only when diagnostics has no error
    Diagnostics diagnostics;                  // errors and warnings, in reading order
};

// One validation for both formats. With a programme, workshops, agenda
// items, questions and registrants must refer to its sectors, every sector
// must have its workshop, and a workshop without facilitator needs a
// référent; without one (conversion), only identifiers' form is checked.
GeneralAssembly validate_assembly(const AssemblySource& source, const Programme* programme, Diagnostics& diagnostics);

// Never throws for problems in the data (unreadable zip, bad XML, invalid
// values, unknown extension: all diagnostics). Throws LettrineError(Io)
// when the file cannot be read. Positions name the file by its base name.
AssemblyCheck check_assembly(const boost::filesystem::path& file, const Programme* programme);
AssemblyCheck check_assembly_bytes(const std::string& bytes, const std::string& file_name, bool xlsx,
                                   const Programme* programme);

// The validated assembly; throws LettrineError(Data) carrying every
// diagnostic when there is at least one error.
GeneralAssembly read_assembly(const boost::filesystem::path& file, const Programme* programme);

// « 14 h », « 14 h 30 », « 14h30 », « 14:30 », « 9 h 05 », or a time cell
// (a day fraction): nullopt for anything else.
std::optional<TimeOfDay> parse_time(const std::string& text);
std::optional<TimeOfDay> time_from_day_fraction(double fraction);

}  // namespace lettrine
