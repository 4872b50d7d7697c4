#include "jobs/file_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// Big enough that a page's objects go out in one system call.
constexpr std::size_t kBufferBytes = 256 * 1024;

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()),
                        what + " (" + std::strerror(errno) + ")");
}

void write_all(int fd, const fs::path& path, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            io_error(path, "écriture impossible");
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

}  // namespace

FileSink::FileSink(const fs::path& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) io_error(path, "impossible de créer le fichier");
    buffer_.reserve(kBufferBytes);
}

FileSink::~FileSink() {
    if (fd_ >= 0) ::close(fd_);
}

void FileSink::flush() {
    write_all(fd_, path_, buffer_.data(), buffer_.size());
    buffer_.clear();
}

void FileSink::write(std::string_view bytes) {
    if (buffer_.size() + bytes.size() > kBufferBytes) {
        flush();
        if (bytes.size() > kBufferBytes) {
            write_all(fd_, path_, bytes.data(), bytes.size());
            return;
        }
    }
    buffer_.append(bytes.data(), bytes.size());
}

void FileSink::close() {
    flush();
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) io_error(path_, "écriture impossible");
}

fs::path DurableBatch::stage(const fs::path& destination) {
    const fs::path temporary = batch_.stage(destination);
    std::lock_guard<std::mutex> lock(mutex_);
    staged_.push_back(temporary);
    return temporary;
}

void DurableBatch::stage_bytes(const fs::path& destination, const std::string& bytes) {
    FileSink file(stage(destination));
    file.write(bytes);
    file.close();
}

void DurableBatch::commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (staged_.size() <= kSyncEachFileUpTo) {
        for (const fs::path& path : staged_) {
            const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) io_error(path, "impossible de relire le fichier écrit");
            const bool synced = ::fsync(fd) == 0;
            ::close(fd);
            if (!synced) io_error(path, "impossible d'enregistrer le fichier sur le disque");
        }
    } else {
        std::set<fs::path> folders;
        for (const fs::path& path : staged_) folders.insert(path.has_parent_path() ? path.parent_path() : ".");
        for (const fs::path& folder : folders) {
            const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0) io_error(folder, "impossible d'ouvrir le dossier de sortie");
            const bool synced = ::syncfs(fd) == 0;
            ::close(fd);
            if (!synced) io_error(folder, "impossible d'enregistrer les fichiers sur le disque");
        }
    }
    batch_.commit();
}

}  // namespace lettrine
