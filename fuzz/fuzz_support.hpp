#pragma once
// Shared by the libFuzzer targets: the engine's one allowed failure is
// LettrineError; anything else (another exception, a crash, a leak, undefined
// behaviour, a hang) is a finding.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "data/xlsx_reader.hpp"

namespace fuzz {

// Small ceilings: a fuzzer input is at most a few hundred KiB; a limit
// reached is a clean LettrineError, not an out-of-memory report.
inline lettrine::XlsxLimits small_limits() {
    lettrine::XlsxLimits limits;
    limits.max_entry_bytes = 16u << 20;
    limits.max_total_bytes = 64u << 20;
    limits.max_cells = 200'000;
    limits.max_shared_strings = 200'000;
    limits.max_xml_tags = 2'000'000;
    return limits;
}

// Runs f; swallows only the engine's own error type.
template <typename F>
void run(F&& f) {
    try {
        f();
    } catch (const lettrine::LettrineError&) {
    }
}

inline void put16(std::string& out, unsigned v) { out += char(v & 0xFF); out += char((v >> 8) & 0xFF); }
inline void put32(std::string& out, unsigned long v) { put16(out, v & 0xFFFF); put16(out, (v >> 16) & 0xFFFF); }

// A ZIP archive of stored (uncompressed) entries with correct CRCs: lets the
// fuzzer reach the XML handling behind the archive layer.
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::string out, directory;
    for (const auto& [name, data] : entries) {
        const unsigned long crc = crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
        const unsigned long offset = out.size();
        put32(out, 0x04034b50); put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0x21);
        put32(out, crc); put32(out, data.size()); put32(out, data.size());
        put16(out, static_cast<unsigned>(name.size())); put16(out, 0);
        out += name;
        out += data;
        put32(directory, 0x02014b50); put16(directory, 20); put16(directory, 20); put16(directory, 0); put16(directory, 0);
        put16(directory, 0); put16(directory, 0x21); put32(directory, crc); put32(directory, data.size());
        put32(directory, data.size()); put16(directory, static_cast<unsigned>(name.size())); put16(directory, 0);
        put16(directory, 0); put16(directory, 0); put16(directory, 0); put32(directory, 0); put32(directory, offset);
        directory += name;
    }
    const unsigned long directory_offset = out.size();
    out += directory;
    put32(out, 0x06054b50); put16(out, 0); put16(out, 0);
    put16(out, static_cast<unsigned>(entries.size())); put16(out, static_cast<unsigned>(entries.size()));
    put32(out, directory.size()); put32(out, directory_offset); put16(out, 0);
    return out;
}

// Splits the input at its first NUL byte: (before, after).
inline std::pair<std::string, std::string> split(const uint8_t* data, std::size_t size) {
    const std::string all(reinterpret_cast<const char*>(data), size);
    const auto nul = all.find('\0');
    if (nul == std::string::npos) return {all, ""};
    return {all.substr(0, nul), all.substr(nul + 1)};
}

}  // namespace fuzz
