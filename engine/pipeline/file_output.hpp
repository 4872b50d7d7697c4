#pragma once
// A streamed file for the PDF writer: the single-file merge writes its book
// through one into the file an OutputBatch (core/output_batch.hpp) staged.
#include <atomic>
#include <string>
#include <string_view>

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

}  // namespace lettrine
