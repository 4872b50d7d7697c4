#include "core/output_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()), what);
}

void write_and_sync(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) io_error(path, std::string("impossible de créer le fichier (") + std::strerror(errno) + ")");
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            ::unlink(path.c_str());
            io_error(path, std::string("écriture impossible (") + std::strerror(saved) + ")");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int saved = errno;
        ::unlink(path.c_str());
        io_error(path, std::string("écriture impossible (") + std::strerror(saved) + ")");
    }
}

}  // namespace

OutputBatch::~OutputBatch() {
    if (!done_) abandon();
}

fs::path OutputBatch::stage(const fs::path& destination) {
    boost::system::error_code ec;
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    fs::create_directories(folder, ec);
    if (ec) io_error(folder, "impossible de créer le dossier (" + ec.message() + ")");
    std::lock_guard<std::mutex> lock(mutex_);
    // Hidden, pid-tagged name: never mistaken for a finished document.
    fs::path temporary = folder / ("." + destination.filename().string() + ".tmp-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(staged_.size()));
    staged_.push_back({temporary, destination});
    return temporary;
}

void OutputBatch::stage_bytes(const fs::path& destination, const std::string& bytes) {
    write_and_sync(stage(destination), bytes);
}

void OutputBatch::commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        const auto& s = staged_[i];
        if (std::rename(s.temporary.c_str(), s.destination.c_str()) != 0) {
            const int saved = errno;
            for (std::size_t j = i; j < staged_.size(); ++j) ::unlink(staged_[j].temporary.c_str());
            done_ = true;
            io_error(s.destination, std::string("impossible de mettre le fichier en place (") +
                                        std::strerror(saved) + ")");
        }
    }
    done_ = true;
}

void OutputBatch::abandon() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& s : staged_) ::unlink(s.temporary.c_str());
    staged_.clear();
    done_ = true;
}

std::vector<fs::path> OutputBatch::destinations() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<fs::path> out;
    for (const auto& s : staged_) out.push_back(s.destination);
    return out;
}

void write_file_atomically(const fs::path& destination, const std::string& bytes) {
    OutputBatch batch;
    batch.stage_bytes(destination, bytes);
    batch.commit();
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path.string(), std::ios::binary);
    if (!in) io_error(path, "fichier introuvable ou illisible");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) io_error(path, "lecture impossible");
    return buffer.str();
}

}  // namespace lettrine
