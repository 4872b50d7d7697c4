#pragma once
// Read-only access to the entries of a ZIP archive held in memory (libzip),
// with a ceiling on what may be inflated: a zip bomb is refused, not read.
// Internal to the data stage (XLSX and ODS readers).
//
// Refused at opening, with a French message naming the file:
//  - bytes that are not a ZIP archive; an OLE compound file (D0 CF 11 E0) is
//    recognised: a password-protected OOXML workbook, or an Excel 97-2003 file;
//  - more than kMaxZipEntries entries;
//  - an entry name that is absolute ("/etc/passwd", "C:\…") or climbs out of
//    the archive ("../x"): nothing is ever extracted to disk, but such a name
//    is never produced by Excel or LibreOffice and marks a crafted file.
// Refused when read: damaged or encrypted entries, bad CRCs, and entries
// inflating beyond the limits. An entry whose declared size is beyond the
// limits is refused before anything is inflated; bytes actually inflated
// are counted too (declared sizes are not trusted), and no more than the
// declared size is ever kept in memory.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

struct zip;

namespace lettrine {

struct ZipLimits {
    std::size_t max_entry_bytes;  // inflated bytes per entry
    std::size_t max_total_bytes;  // inflated bytes over all entries read
};

// An office document has a few dozen entries; a central directory of
// millions of entries costs memory before anything is read.
inline constexpr std::size_t kMaxZipEntries = 10000;

class ZipArchive {
public:
    // `kind` names the expected document in messages ("classeur XLSX", "classeur ODS").
    // Throws LettrineError(Data) naming file_name when the archive is refused.
    // `bytes` is read in place (never copied: it may be hundreds of Mio) and
    // must outlive the archive.
    ZipArchive(const std::string& bytes, std::string file_name, ZipLimits limits,
               std::string kind = "classeur XLSX");
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(const std::string& entry) const;
    // The entry's inflated bytes; nullopt when absent. Throws LettrineError(Data)
    // when the entry is damaged, encrypted, fails its CRC or exceeds the limits.
    std::optional<std::string> read(const std::string& entry);

private:
    // Throws when an entry of `entry_bytes` (declared, or inflated so far,
    // `more` of them just now) would pass the limits.
    void check_limits(const std::string& element, std::uint64_t entry_bytes, std::size_t more) const;

    const std::string& bytes_;  // libzip reads from this buffer (the caller's)
    std::string file_;
    std::string kind_;
    ZipLimits limits_;
    std::size_t total_read_ = 0;
    struct zip* archive_ = nullptr;
};

// "256 Mio", "4 Kio", "100 octets"
std::string describe_byte_count(std::size_t bytes);

// True for an OLE compound file (D0 CF 11 E0 A1 B1 1A E1): Excel 97-2003, or
// an encrypted OOXML package.
bool is_ole_compound_file(const std::string& bytes);

// The message for an OLE compound file given where a ZIP document was expected.
std::string ole_compound_file_message(const std::string& bytes, const std::string& kind);

}  // namespace lettrine
