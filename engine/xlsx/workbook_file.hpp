#pragma once
// libxlsxwriter 1.1.4 can only write to a file name (the in-memory
// `output_buffer` option arrived in 1.1.5), so a workbook is written to a
// file in a private folder (mkdtemp, mode 0700, in the system temporary
// folder) and read back; neither outlives this object.
#include <string>

#include <xlsxwriter.h>

namespace lettrine {

class WorkbookFile {
public:
    // `what` names the workbook in messages: "le classeur budgétaire",
    // "le formulaire de bilan". Throws LettrineError(Io) when no temporary
    // file can be made.
    explicit WorkbookFile(std::string what);
    WorkbookFile(const WorkbookFile&) = delete;
    WorkbookFile& operator=(const WorkbookFile&) = delete;
    ~WorkbookFile();

    lxw_workbook* workbook() const { return workbook_; }

    // Closes the workbook (libxlsxwriter writes the package now) and returns
    // the file's bytes. Throws LettrineError(Io) when libxlsxwriter fails.
    std::string finish();

private:
    std::string what_;
    std::string folder_, path_;
    lxw_workbook* workbook_ = nullptr;
};

// Adds <dc:language> to docProps/core.xml, which libxlsxwriter's document
// properties cannot set. Rewrites only that zip entry (deflated, dated
// 1980-01-01 00:00 like libxlsxwriter's entries); the other entries are
// copied byte for byte, so the result stays deterministic. `what` names the
// workbook in messages, as for WorkbookFile.
std::string set_core_language(const std::string& package, const std::string& language, const std::string& what);

}  // namespace lettrine
