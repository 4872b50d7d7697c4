#include "pipeline/file_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// Big enough that a page's objects go out in one system call.
constexpr std::size_t kBufferBytes = 256 * 1024;

[[noreturn]] void io_error(const fs::path& path, const std::string& what, int errno_value) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()),
                        what + " (" + describe_system_error(errno_value) + ")");
}

}  // namespace

FileSink::FileSink(const fs::path& path, const fs::path& shown_as)
    : path_(path), shown_as_(shown_as.empty() ? path : shown_as) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0) io_error(shown_as_, "impossible de créer le fichier", errno);
    buffer_.reserve(kBufferBytes);
}

FileSink::~FileSink() {
    if (fd_ >= 0) ::close(fd_);
}

void FileSink::fail(int errno_value) {
    if (failure_.empty()) {
        failure_ = "écriture impossible (" + describe_system_error(errno_value) +
                   ") : aucun fichier partiel n’est laissé";
        failed_ = true;
        if (fd_ >= 0) {
            // Nothing partial, and a full disk gets its space back at once.
            struct stat status {};
            const bool regular = ::fstat(fd_, &status) == 0 && S_ISREG(status.st_mode);
            ::close(fd_);
            if (regular) ::unlink(path_.c_str());
        }
        fd_ = -1;
        buffer_.clear();
        buffer_.shrink_to_fit();
    }
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(shown_as_.string()), failure_);
}

void FileSink::write_all(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void FileSink::flush() {
    write_all(buffer_.data(), buffer_.size());
    buffer_.clear();
}

void FileSink::write(std::string_view bytes) {
    if (!failure_.empty()) fail(0);
    if (buffer_.size() + bytes.size() > kBufferBytes) {
        flush();
        if (bytes.size() > kBufferBytes) {
            write_all(bytes.data(), bytes.size());
            return;
        }
    }
    buffer_.append(bytes.data(), bytes.size());
}

void FileSink::close() {
    if (!failure_.empty()) fail(0);
    flush();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail(errno);
}

}  // namespace lettrine
