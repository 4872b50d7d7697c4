#pragma once
// Writing the batch's files quickly without giving up durability.
//
// OutputBatch::stage_bytes syncs every file on its own: about 5 to 9 ms per
// file on this machine's ext4, 2.5 s or more for 500 letters. Here the
// staged files are written without syncing, and one syncfs() makes them all
// durable before the batch renames them into place: the same guarantee
// (nothing is renamed before its bytes are on disk) for one flush.
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

// Stages `bytes` for `destination` in `batch`, unsynced (see sync_staged_files).
void stage_unsynced(OutputBatch& batch, const boost::filesystem::path& destination, const std::string& bytes);

// Makes every staged file under these folders durable: one syncfs() per
// folder's file system. Throws LettrineError(Io).
void sync_staged_files(const std::vector<boost::filesystem::path>& folders);

}  // namespace lettrine
