#pragma once
// Files in and out: reading an input safely (a regular file, size-capped,
// never a read that waits forever), system errors in French, and the output
// batch (output_batch.hpp) through which every file is written.
#include <cstdint>
#include <string>

#include <boost/filesystem.hpp>

#include "core/output_batch.hpp"

namespace lettrine {

// A system error (errno value) in French for the errors a user can act on
// ("plus de place sur le disque", "permission refusée"); strerror otherwise.
std::string describe_system_error(int errno_value);

// The largest input file read whole unless a reader says otherwise: far
// above any real programme, template or note, far below what would exhaust
// memory.
inline constexpr std::uint64_t kMaxInputBytes = 256ull << 20;

// Reads a whole input file. Only a regular file is read: a FIFO, a device
// (/dev/zero, /dev/urandom) or a folder is refused at once (the file is
// opened with O_NONBLOCK, so a FIFO cannot block, then checked with fstat),
// and a file larger than `max_bytes` is refused before it is read. Throws
// LettrineError(Io) with a French message naming `path`.
std::string read_file(const boost::filesystem::path& path, std::uint64_t max_bytes = kMaxInputBytes);

}  // namespace lettrine
