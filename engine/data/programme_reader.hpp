#pragma once
// The programme's entry points: a file (XLSX or ODS workbook, XML twin) or a
// folder of CSV files in, a validated Programme out, or every problem found,
// positioned, in French.
#include <optional>
#include <string>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/programme.hpp"
#include "data/xlsx_reader.hpp"

namespace lettrine {

enum class ProgrammeFormat { Xlsx, Xml, Ods, CsvFolder };

// A folder is a CSV folder; a file goes by its extension, case-insensitive
// (".xlsx", ".xml", ".ods"); nullopt otherwise.
std::optional<ProgrammeFormat> programme_format_of(const boost::filesystem::path& file);

// What `lettrine verifier` prints: the programme when there is no error,
// and every diagnostic (errors and warnings) in reading order.
struct ProgrammeCheck {
    std::optional<Programme> programme;  // set only when diagnostics has no error
    Diagnostics diagnostics;
};

// Never throws for problems in the data (unreadable zip, bad XML, invalid
// values, unknown extension: all are diagnostics). Throws LettrineError(Io)
// when the file cannot be read.
ProgrammeCheck check_programme(const boost::filesystem::path& file);
// Same, on bytes already read; file_name is used in positions (a CSV folder
// has no bytes: reported as an error).
ProgrammeCheck check_programme_bytes(const std::string& bytes, const std::string& file_name, ProgrammeFormat format);
// Same, on a workbook already read.
ProgrammeCheck check_programme_workbook(const Workbook& workbook);

// The validated programme. Throws LettrineError(Data) carrying every
// diagnostic (errors and warnings) when there is at least one error;
// LettrineError(Io) when the file cannot be read. Positions name the file by
// its base name; Programme::source_file is the path as given. The logo is
// kept as written: the run's ResourceResolver looks for it next to the data
// first, then in the template's folders, so a copy of the data elsewhere
// still finds it.
Programme read_programme(const boost::filesystem::path& file);
Programme read_programme_bytes(const std::string& bytes, const std::string& file_name, ProgrammeFormat format);

}  // namespace lettrine
