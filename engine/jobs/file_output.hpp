#pragma once
// Writing the batch's files quickly without giving up durability.
//
// OutputBatch::stage_bytes syncs every file on its own: about 5 to 9 ms per
// file on this machine's ext4, 2.5 s or more for 500 letters. DurableBatch
// writes the staged files without syncing and makes them all durable at
// once before renaming them into place: the same guarantee (nothing is
// renamed before its bytes are on disk) for one flush.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/output_files.hpp"
#include "pdf/pdf_file.hpp"

namespace lettrine {

// A file written through a buffer, for the PDF writer's streamed output.
// Throws LettrineError(Io) naming the file.
class FileSink : public pdf::ByteSink {
public:
    explicit FileSink(const boost::filesystem::path& path);
    ~FileSink() override;  // closes without syncing if close() was not called
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;

    void write(std::string_view bytes) override;
    // Flushes the buffer and closes the file.
    void close();

private:
    void flush();

    boost::filesystem::path path_;
    int fd_ = -1;
    std::string buffer_;
};

// An OutputBatch whose files are written without a sync each and made
// durable together at commit(), before any is renamed into place: each file
// synced on its own when there are few (a syncfs() would also flush every
// other program's pending writes), one syncfs() per file system when there
// are many. Thread-safe like OutputBatch.
class DurableBatch {
public:
    // Writes `bytes` to a staged file for `destination`.
    void stage_bytes(const boost::filesystem::path& destination, const std::string& bytes);
    // A staged path for `destination`, for a file the caller writes itself
    // (a streamed PDF through a FileSink), closed before commit().
    boost::filesystem::path stage(const boost::filesystem::path& destination);
    // Syncs, then renames every staged file into place. Throws LettrineError(Io).
    void commit();

private:
    OutputBatch batch_;
    std::mutex mutex_;
    std::vector<boost::filesystem::path> staged_;
};

// Up to this many files, each is synced on its own (about 5 to 9 ms each on
// this machine's ext4); beyond, one syncfs() (30 to 120 ms here, depending on
// what else is being written) is cheaper.
constexpr std::size_t kSyncEachFileUpTo = 8;

}  // namespace lettrine
