#pragma once
// Writing the batch's files quickly without giving up durability.
//
// OutputBatch::stage_bytes syncs every file on its own: about 5 to 9 ms per
// file on this machine's ext4, 2.5 s or more for 500 letters. DurableBatch
// writes the staged files without syncing and makes them all durable at
// once before renaming them into place: the same guarantee (nothing is
// renamed before its bytes are on disk) for one flush.
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/output_files.hpp"
#include "pdf/pdf_file.hpp"

namespace lettrine {

// A file written through a buffer, for the PDF writer's streamed output.
// Throws LettrineError(Io) naming `shown_as` (the destination a user knows;
// `path` when empty), with the system error in French. The first I/O error
// is final: the file is removed at once (a full disk gets its space back, no
// partial file is left) and every later write() or close() throws the same
// error without writing anything.
class FileSink : public pdf::ByteSink {
public:
    explicit FileSink(const boost::filesystem::path& path, const boost::filesystem::path& shown_as = {});
    ~FileSink() override;  // closes without syncing if close() was not called
    FileSink(const FileSink&) = delete;
    FileSink& operator=(const FileSink&) = delete;

    void write(std::string_view bytes) override;
    // Flushes the buffer and closes the file.
    void close();
    // True once an I/O error happened. Thread-safe (the writing thread sets
    // it; the threads composing what is to be written may stop on it).
    bool failed() const { return failed_; }

private:
    void flush();
    void write_all(const char* data, std::size_t size);
    [[noreturn]] void fail(int errno_value);

    boost::filesystem::path path_, shown_as_;
    int fd_ = -1;
    std::string buffer_;
    std::string failure_;  // the first I/O error's message; empty while none
    std::atomic<bool> failed_{false};
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
    // True once a stage_bytes() failed to write (full disk, quota, size
    // limit): the batch cannot succeed, so callers stop producing files.
    bool failed() const { return failed_; }

private:
    OutputBatch batch_;
    std::mutex mutex_;
    std::vector<std::pair<boost::filesystem::path, boost::filesystem::path>> staged_;  // temporary, destination
    std::atomic<bool> failed_{false};
};

// Up to this many files, each is synced on its own (about 5 to 9 ms each on
// this machine's ext4); beyond, one syncfs() (30 to 120 ms here, depending on
// what else is being written) is cheaper.
constexpr std::size_t kSyncEachFileUpTo = 8;

}  // namespace lettrine
