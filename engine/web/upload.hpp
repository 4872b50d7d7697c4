#pragma once
// Files received from a form, turned into a programme in a scratch folder.
// A file name sent by the browser is never used as a path: only its
// extension is read (and, for CSV files, which of the contract's tables it
// holds); the file is written under a name Lettrine chooses.
#include <cstddef>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "data/programme_reader.hpp"

namespace lettrine::web {

struct UploadedFile {
    std::string name;   // as the browser sent it: shown in messages, never used as a path
    std::string bytes;
};

struct UploadLimits {
    std::size_t max_files = 12;
};

struct SavedProgramme {
    boost::filesystem::path data;  // the workbook, the XML file, or the folder of CSV files
    ProgrammeFormat format = ProgrammeFormat::Xlsx;
    std::string received;          // « programme-2016.xlsx (41 Kio) », for the page
};

// The name as shown in messages: control characters removed, at most 120 bytes.
std::string shown_name(const std::string& name);

// Writes the upload into `scratch`. Throws LettrineError(Usage) with every
// problem at once, in French: no file, too many files, an unknown extension,
// a mix of formats, several workbooks, a CSV file that is none of the
// contract's tables (« Programme », « Secteurs »…) or one given twice.
SavedProgramme save_programme_upload(const std::vector<UploadedFile>& files, const boost::filesystem::path& scratch,
                                     const UploadLimits& limits = {});

// ".xlsx" for "Programme 2016.XLSX": the extension, lower case ("" when none).
std::string lower_extension(const std::string& name);

struct SavedUpload {
    boost::filesystem::path file;  // in the folder given, under a name Lettrine chose
    std::string shown;             // the browser's name, for messages (shown_name)
    std::size_t size = 0;
};

// Writes each of `files` into `folder` (created) under its name slugified
// ("Bilan 2016 - Habitat.PDF" -> "bilan-2016-habitat.pdf"), made distinct
// with "-2", "-3"… when taken (a file already there keeps its name). Throws
// LettrineError(Usage) with every problem at once, in French: an extension
// not in `extensions` (".pdf"…), more than `max_files` files; `what` names
// the field in the messages (« les notes »).
std::vector<SavedUpload> save_named_uploads(const std::vector<UploadedFile>& files, const boost::filesystem::path& folder,
                                           const std::vector<std::string>& extensions, std::size_t max_files,
                                           const std::string& what);

// "41 Kio", "1,2 Mio": sizes as the pages show them.
std::string size_text(std::size_t bytes);

}  // namespace lettrine::web
