#pragma once
// The publication steps behind OutputBatch::commit() (output_batch.hpp),
// all relative to directory descriptors and never through a symbolic link:
// the folder lock, the journal, the renames, the roll back, the recovery of
// a publication interrupted by a kill, the sweep of stale staging folders.
#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/manifest.hpp"

namespace lettrine::publication {

// The hidden folder in every output folder holding the lock, the journal,
// the manifest and the staging folders.
inline constexpr const char* kStateFolder = ".lettrine";
inline constexpr const char* kLockFile = "verrou";
inline constexpr const char* kJournalFile = "publication";
inline constexpr const char* kManifestFile = "manifeste";
inline constexpr const char* kStagingPrefix = "lot-";

// A file descriptor closed on destruction.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd& operator=(Fd&& other) noexcept;
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd();
    int get() const { return fd_; }
    int release() { const int fd = fd_; fd_ = -1; return fd; }
    explicit operator bool() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

// One staged file: its name in the staging folder ("n-3"; the previous
// version is kept as "a-3" while publishing) and its destination under the
// output folder ("lettres/x.pdf").
struct Entry {
    std::size_t index = 0;
    std::string relative;
    boost::filesystem::path shown;  // the destination as the user knows it
};

// `name` under `dir`, a directory, opened without following a link;
// created (mode `mode`) when missing and `create`. -1 with errno on failure.
int open_folder(int dir, const std::string& name, bool create, mode_t mode = 0755);

// Writes `bytes` to a new file `name` in `dir` (O_EXCL|O_NOFOLLOW), synced;
// returns errno (0 on success).
int write_new_file(int dir, const std::string& name, const std::string& bytes, bool sync);

// Waits for the folder's advisory lock (at most `wait_seconds`); throws
// LettrineError(Io) naming `root` when another run keeps it.
Fd lock_folder(int state_fd, const boost::filesystem::path& root, int wait_seconds);

// Finishes a publication a killed run left half done (its journal is there).
// Throws LettrineError(Io) when it cannot.
void recover(int root_fd, int state_fd, const boost::filesystem::path& root);

// Removes staging folders no live batch holds (except `own`). Returns how many.
std::size_t sweep(int state_fd, const std::string& own);

// Every reason a destination cannot be replaced, before anything is: a
// folder or a non-directory in its path, a folder, device or pipe in its
// place, or one of the run's inputs (device and inode).
Diagnostics check_destinations(int root_fd, const std::vector<Entry>& entries,
                               const std::vector<std::pair<dev_t, ino_t>>& inputs);

// Journal, renames, manifest (core/manifest.hpp); rolls back and throws
// LettrineError(Io) saying what state the folder is in when a step fails.
// Returns the files a previous run of `job` wrote that this one did not
// (removed when `job.clean`).
StaleFiles publish(int root_fd, int state_fd, int staging_fd, const std::string& staging_name,
                   const std::vector<Entry>& entries, const boost::filesystem::path& root, const Job& job);

// The folder holding `relative`'s last component, opened without following
// a link (and created when `created` is given, recording each folder made).
// -1 with errno on failure.
int open_parent(int root_fd, const std::string& relative, std::vector<std::string>* created);
// The last component of a '/'-separated relative path.
std::string leaf(const std::string& relative);

// Removes the files of a staging folder, then the folder.
void remove_staging(int state_fd, const std::string& name);

// The test build's fault injection (LETTRINE_TEST_PANNE="step:index:mode",
// several separated by commas; docs/ROBUSTESSE.md): true when `step` of file `index` is to fail; kills
// the process when the mode is "arret". Always false in a build without
// LETTRINE_TEST_HOOKS.
bool fault_point(const char* step, std::size_t index);

// Seconds a run waits for another run's lock before giving up.
int lock_wait_seconds();

}  // namespace lettrine::publication
