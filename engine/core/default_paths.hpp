#pragma once
// Where Lettrine looks for its inputs when no option names them. The
// command line resolves these in the project folder (the current folder, or
// --projet DOSSIER): the programme and the AG workbook are the most recent
// input/programme-<année>.* and input/ag-<année>.* there (engine/cli/project.hpp).
// The constants below are the library's defaults, the sample data's names.
namespace lettrine {

inline constexpr const char* kDefaultProgramme = "input/programme-2016.xlsx";  // --donnees
inline constexpr const char* kDefaultAssembly = "input/ag-2016.xlsx";          // --donnees-ag
inline constexpr const char* kDefaultNotes = "input/bilans";                   // --notes (rapport)

// The stems of the dated inputs a project holds: input/programme-2017.xlsx.
inline constexpr const char* kProgrammeStem = "programme";
inline constexpr const char* kAssemblyStem = "ag";

}  // namespace lettrine
