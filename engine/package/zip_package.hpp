#pragma once
// A ZIP container built in memory, for the file formats that are ZIP
// packages (OpenDocument, Office Open XML). The entries are written in the
// order given (an ODF package needs `mimetype` first, stored), with one fixed
// modification time and no extra fields, so the same entries always give the
// same bytes.
#include <string>
#include <vector>

namespace lettrine::package {

struct PackageEntry {
    std::string name;    // path inside the package, '/'-separated ("word/document.xml")
    std::string bytes;   // the entry's content
    bool compress = true;  // false: stored as is (ODF's `mimetype`, already-compressed images)
};

// The ZIP file holding `entries`, in their order. Throws LettrineError(Io)
// in French naming `package_name` (the file the caller will write) when
// libzip fails, or when two entries share a name.
std::string zip_package(const std::vector<PackageEntry>& entries, const std::string& package_name);

}  // namespace lettrine::package
