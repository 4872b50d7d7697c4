#pragma once
// One `lettrine envoyer --smtp` at a time per output folder: two runs at
// once would both read the sent log before either wrote to it, and send the
// same letters twice. The lock is an advisory flock on
// <sortie>/courriels/envois.verrou, released by the kernel when the holder
// ends however it ends (a crash never leaves a stale lock); the file names
// its holder (process, user, machine, since when) for the message a second
// run prints.
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine {

inline constexpr const char* kSendLockFile = "envois.verrou";

class SendLock {
public:
    // Takes the lock in `folder` (created when missing) at once, or throws
    // LettrineError(Io) in French naming the lock file and who holds it.
    // `since` is the time written for the holder ("2026-12-03T22:10:07Z").
    SendLock(const boost::filesystem::path& folder, const std::string& since);
    SendLock(const SendLock&) = delete;
    SendLock& operator=(const SendLock&) = delete;
    ~SendLock();

private:
    int fd_ = -1;
};

}  // namespace lettrine
