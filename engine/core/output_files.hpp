#pragma once
// Nothing lost, nothing partial: outputs are written to temporary files next
// to their destination, and renamed into place only when the whole batch has
// succeeded. A batch that fails (or an object destroyed without commit())
// removes its temporary files and leaves earlier outputs untouched.
//
// Temporary files are hidden and tagged with the process id
// (".lettre.pdf.tmp-4242-0"). A process killed outright (SIGKILL, power
// loss) cannot remove its own: the next batch writing to the same folder
// removes those of processes that no longer exist (see docs/ROBUSTESSE.md).
// Write errors are reported in French and name the destination, never the
// temporary file; the temporary file is removed.
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
    // Throws LettrineError(Data) when destination's file name is longer than
    // 255 bytes, or when the batch already stages a file of the same name, or
    // of a name that differs only by case or Unicode normalisation ("é"
    // precomposed or not): on macOS and Windows both would be one file.
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
    std::vector<std::string> folded_;        // each destination, case-folded and NFC
    std::vector<std::string> swept_folders_;  // folders already cleaned of stale temporaries
    bool done_ = false;
};

// Removes the temporary files left in `folder` by OutputBatch instances of
// processes that no longer exist (".name.tmp-PID-N" with PID dead). Returns
// how many were removed. Files of live processes, and any other file, are
// left alone.
std::size_t remove_stale_temporaries(const boost::filesystem::path& folder);

// A system error (errno value) in French for the errors a user can act on
// ("plus de place sur le disque", "permission refusée"); strerror otherwise.
std::string describe_system_error(int errno_value);

// The longest file name most file systems accept (ext4, APFS, NTFS: 255).
inline constexpr std::size_t kMaxFileNameBytes = 255;

// Writes one file atomically (temporary file + rename).
void write_file_atomically(const boost::filesystem::path& destination, const std::string& bytes);

// Reads a whole file; throws LettrineError(Io) with a French message.
std::string read_file(const boost::filesystem::path& path);

}  // namespace lettrine
