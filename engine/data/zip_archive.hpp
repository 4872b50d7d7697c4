#pragma once
// Read-only access to the entries of a ZIP archive held in memory (libzip),
// with a ceiling on what may be inflated: a zip bomb is refused, not read.
// Internal to the data stage (XLSX reader).
#include <cstddef>
#include <optional>
#include <string>

struct zip;

namespace lettrine {

struct ZipLimits {
    std::size_t max_entry_bytes;  // inflated bytes per entry
    std::size_t max_total_bytes;  // inflated bytes over all entries read
};

class ZipArchive {
public:
    // Throws LettrineError(Data) naming file_name when the bytes are not a ZIP archive.
    ZipArchive(const std::string& bytes, std::string file_name, ZipLimits limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool contains(const std::string& entry) const;
    // The entry's inflated bytes; nullopt when absent. Throws LettrineError(Data)
    // when the entry is damaged or exceeds the limits (bytes actually inflated
    // are counted, the sizes declared in the archive are not trusted).
    std::optional<std::string> read(const std::string& entry);

private:
    std::string bytes_;  // libzip reads from this buffer
    std::string file_;
    ZipLimits limits_;
    std::size_t total_read_ = 0;
    struct zip* archive_ = nullptr;
};

// "256 Mio", "4 Kio", "100 octets"
std::string describe_byte_count(std::size_t bytes);

}  // namespace lettrine
