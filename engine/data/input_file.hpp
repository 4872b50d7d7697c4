#pragma once
// The bytes of a data file, checked before any reader looks at them: one
// home for what every reader (XLSX, ODS, CSV, XML) refuses the same way.
#include <cstddef>
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine {

// The largest data file read into memory (one workbook, CSV or XML file):
// the same 256 Mio a single inflated workbook entry may reach. Checked on
// the file's size before reading, so a 3 Gio file costs nothing.
inline constexpr std::size_t kMaxDataFileBytes = std::size_t{256} << 20;

// Throws LettrineError(Data) « fichier vide » naming `file_name` when
// `bytes` is empty: a 0-byte file (an interrupted save, a failed download)
// is said to be empty, not blamed on a missing part.
void refuse_empty_file(const std::string& bytes, const std::string& file_name);

// The file's bytes. Throws LettrineError(Data) naming the file when it is
// larger than `max_bytes` (checked on its size before reading) or empty;
// LettrineError(Io) when it cannot be read.
std::string read_data_file(const boost::filesystem::path& file, std::size_t max_bytes = kMaxDataFileBytes);

}  // namespace lettrine
