#pragma once
// The one way Lettrine writes files: a batch of outputs published into an
// output folder all together, or not at all (docs/ROBUSTESSE.md).
//
// - Staging: every file is written into a private folder made for the batch
//   (".lettrine/lot-XXXXXXXX", random name, mode 0700, created with mkdirat,
//   never through a link), files created with O_EXCL|O_NOFOLLOW. Nothing is
//   visible in the output folder before commit().
// - Durability: files are written without a sync each; commit() syncs them
//   all at once (each file when there are few, one syncfs() when there are
//   many) before any is renamed into place.
// - One owner: commit() takes an advisory lock (flock on
//   ".lettrine/verrou"); a second run waits a bounded time, then fails with
//   a French message saying another run is writing there.
// - Publication: commit() first checks every destination (a folder, a device
//   or one of the run's inputs in the way fails the batch before anything is
//   replaced), writes a journal (".lettrine/publication") naming the staged
//   files and their destinations, then for each file moves the previous
//   version aside into the staging folder and renames the new one in. The
//   manifest (".lettrine/manifeste") then lists what the run wrote and the
//   journal is removed. A failed rename rolls back what was already
//   published; a run killed during publication is finished by the next
//   batch publishing into the folder (it holds the lock, reads the journal
//   and completes the renames): the folder always ends with the files of
//   exactly one run. Files no batch wrote are never touched.
// - Symbolic links planted in the output folder are never followed: every
//   step works relative to directory descriptors with O_NOFOLLOW, and a link
//   in place of an output is replaced, not written through.
#include <sys/types.h>

#include <atomic>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/manifest.hpp"

namespace lettrine {

// A publication that failed and could not be rolled back, or an interrupted
// one that could not be finished: some files are new, some old, and the
// journal is kept for the next run in the folder to finish. The message
// says which file is stuck; « aucun fichier écrit » would be untrue.
class PublicationPending : public LettrineError {
public:
    using LettrineError::LettrineError;
};

class OutputBatch {
public:
    // A batch publishing into `root` (created when missing). Destinations
    // must lie under it. Without a root, the folder of the first staged
    // destination is the root.
    explicit OutputBatch(boost::filesystem::path root = {});
    OutputBatch(const OutputBatch&) = delete;
    OutputBatch& operator=(const OutputBatch&) = delete;
    ~OutputBatch();  // abandons the batch unless committed

    // Creates an empty staged file for `destination` and returns its path,
    // for a writer that needs a path (a streamed PDF, a helper process);
    // it becomes `destination` at commit(). Thread-safe.
    // Throws LettrineError(Data) when destination's file name is longer than
    // 255 bytes, lies outside the root, or when the batch already stages a
    // file of the same name or of a name that differs only by case or
    // Unicode normalisation (one file on macOS and Windows).
    boost::filesystem::path stage(const boost::filesystem::path& destination);

    // Writes bytes to a staged file (synced at commit()). Thread-safe. An
    // I/O error removes the partial file, marks the batch failed and throws.
    void stage_bytes(const boost::filesystem::path& destination, const std::string& bytes);

    // A file holding `bytes` in the private staging folder that is never
    // published (a draft a helper process reads), removed with the batch.
    boost::filesystem::path scratch(const std::string& name, const std::string& bytes);

    // Marks an input of the run: a destination that is this file (same
    // device and inode) is refused at commit(), before anything is replaced.
    void protect(const boost::filesystem::path& input);

    // Syncs, locks the folder, publishes. Throws LettrineError(Io) saying
    // what state the folder is in.
    void commit();
    // Removes every staged file.
    void abandon();

    // The job this batch publishes for (core/manifest.hpp): after commit(),
    // stale_files() names what a previous run of the same job wrote and this
    // one did not; with `clean`, commit() removes them.
    void set_job(const std::string& key, bool clean);
    // Paths as the user knows them (under the root given), in manifest order.
    std::vector<boost::filesystem::path> stale_files() const;
    bool stale_removed() const { return stale_.removed; }

    // True once a write failed (full disk, quota): the batch cannot succeed.
    bool failed() const { return failed_; }
    // Every staged destination, in staging order.
    std::vector<boost::filesystem::path> destinations() const;

private:
    struct Staged {
        boost::filesystem::path destination;  // as given, for messages
        std::string relative;                 // under the root, '/'-separated
        std::string folded;                   // case-folded NFC, for collisions
    };
    void open_staging(const boost::filesystem::path& first_destination);
    std::string relative_to_root(const boost::filesystem::path& destination) const;

    mutable std::mutex mutex_;
    boost::filesystem::path root_;
    int root_fd_ = -1, staging_fd_ = -1;
    std::string staging_name_;  // "lot-XXXXXXXX" under .lettrine/
    std::vector<Staged> staged_;
    std::vector<std::string> scratch_;
    std::vector<std::pair<dev_t, ino_t>> protected_;
    publication::Job job_;
    publication::StaleFiles stale_;
    std::atomic<bool> failed_{false};
    bool done_ = false;
    bool created_root_ = false;  // the output folder did not exist before this batch
};

// The folder a single file is published into (its parent; "." when none).
boost::filesystem::path output_folder_of(const boost::filesystem::path& file);

// Refuses, before anything is written, a destination file that is a
// folder, a device or a pipe, or one of the run's `inputs` (same device and
// inode): LettrineError(Usage) in French naming it. An absent destination,
// a regular file or a link (replaced, never followed) is fine.
void refuse_unusable_destination(const boost::filesystem::path& destination,
                                 const std::vector<boost::filesystem::path>& inputs);

// Writes one file through a one-file OutputBatch in its folder.
void write_file_atomically(const boost::filesystem::path& destination, const std::string& bytes);

// Removes what killed processes left in `folder`: staging folders no live
// batch holds (".lettrine/lot-*", found by trying their lock) and the hidden
// temporaries of earlier versions (".name.tmp-PID-N" with PID dead). Never
// follows a link. Returns how many were removed.
std::size_t remove_stale_temporaries(const boost::filesystem::path& folder);

// The longest file name most file systems accept (ext4, APFS, NTFS: 255).
inline constexpr std::size_t kMaxFileNameBytes = 255;

// Up to this many files, commit() syncs each on its own (about 5 to 9 ms
// each on ext4); beyond, one syncfs() (30 to 120 ms) is cheaper.
inline constexpr std::size_t kSyncEachFileUpTo = 8;

}  // namespace lettrine
