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

void stage_unsynced(OutputBatch& batch, const fs::path& destination, const std::string& bytes) {
    FileSink file(batch.stage(destination));
    file.write(bytes);
    file.close();
}

void sync_staged_files(const std::vector<fs::path>& folders) {
    std::set<fs::path> done;
    for (const fs::path& folder : folders) {
        const fs::path where = folder.empty() ? fs::path(".") : folder;
        if (!done.insert(where).second) continue;
        const int fd = ::open(where.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) io_error(where, "impossible d'ouvrir le dossier de sortie");
        const bool synced = ::syncfs(fd) == 0;
        ::close(fd);
        if (!synced) io_error(where, "impossible d'enregistrer les fichiers sur le disque");
    }
}

}  // namespace lettrine
