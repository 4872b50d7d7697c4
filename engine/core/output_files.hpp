#pragma once
// Nothing lost, nothing partial: outputs are written to temporary files next
// to their destination, and renamed into place only when the whole batch has
// succeeded. A batch that fails (or an object destroyed without commit())
// removes its temporary files and leaves earlier outputs untouched.
#include <mutex>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

namespace lettrine {

class OutputBatch {
public:
    OutputBatch() = default;
    OutputBatch(const OutputBatch&) = delete;
    OutputBatch& operator=(const OutputBatch&) = delete;
    ~OutputBatch();

    // A temporary path in destination's folder (created if missing) to write
    // to; the file becomes `destination` at commit(). Thread-safe.
    boost::filesystem::path stage(const boost::filesystem::path& destination);

    // Writes bytes to a staged file (fsync'd). Thread-safe.
    void stage_bytes(const boost::filesystem::path& destination, const std::string& bytes);

    // Renames every staged file into place. Throws LettrineError(Io) on failure.
    void commit();
    // Removes every staged temporary file.
    void abandon();

    std::vector<boost::filesystem::path> destinations() const;

private:
    struct Staged { boost::filesystem::path temporary, destination; };
    mutable std::mutex mutex_;
    std::vector<Staged> staged_;
    bool done_ = false;
};

// Writes one file atomically (temporary file + rename).
void write_file_atomically(const boost::filesystem::path& destination, const std::string& bytes);

// Reads a whole file; throws LettrineError(Io) with a French message.
std::string read_file(const boost::filesystem::path& path);

}  // namespace lettrine
