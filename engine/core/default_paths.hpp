#pragma once
// Where Lettrine looks for its inputs when no option names them: the
// project's sample data, relative to the current folder. One home, so that
// the command line, its help and every job's options agree.
namespace lettrine {

inline constexpr const char* kDefaultProgramme = "input/programme-2016.xlsx";  // --donnees
inline constexpr const char* kDefaultAssembly = "input/ag-2016.xlsx";          // --donnees-ag
inline constexpr const char* kDefaultNotes = "input/bilans";                   // --notes (rapport)

}  // namespace lettrine
