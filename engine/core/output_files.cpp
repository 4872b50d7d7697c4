#include "core/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()), what);
}

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " Mo"; }

// What a file that is not regular is, in French.
std::string not_regular(mode_t mode) {
    if (S_ISDIR(mode)) return "c’est un dossier, pas un fichier";
    if (S_ISFIFO(mode)) return "c’est un tube nommé (FIFO), pas un fichier ordinaire : refusé";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "c’est un périphérique, pas un fichier ordinaire : refusé";
    if (S_ISSOCK(mode)) return "c’est une socket, pas un fichier ordinaire : refusé";
    return "ce n’est pas un fichier ordinaire : refusé";
}

// The folder a missing file was looked for in, absolute: a relative path is
// resolved against the current folder, which the user may not have in mind.
std::string folder_looked_in(const fs::path& path) {
    boost::system::error_code ec;
    const fs::path folder = fs::absolute(path, fs::current_path(ec)).lexically_normal().parent_path();
    return folder.string() + "/";
}

// The input opened without blocking and checked regular; throws otherwise.
int open_input(const fs::path& path, struct stat& status) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int code = errno;
        io_error(path, code == ENOENT ? "fichier introuvable (cherché dans le dossier " + folder_looked_in(path) + ")"
                                      : "fichier illisible (" + describe_system_error(code) + ")");
    }
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        const mode_t mode = status.st_mode;
        ::close(fd);
        io_error(path, not_regular(mode));
    }
    return fd;
}

}  // namespace

std::string describe_system_error(int code) {
    switch (code) {
        case ENOSPC: return "plus de place sur le disque";
#ifdef EDQUOT
        case EDQUOT: return "quota de disque dépassé";
#endif
        case EFBIG: return "fichier trop gros pour le système de fichiers ou pour la limite de taille permise";
        case EACCES:
        case EPERM: return "permission refusée";
        case EROFS: return "système de fichiers en lecture seule";
        case EIO: return "erreur d’entrée-sortie du disque";
        case ENOENT: return "dossier introuvable";
        case ENOTDIR: return "un élément du chemin n’est pas un dossier";
        case EISDIR: return "un dossier porte déjà ce nom";
        case ENAMETOOLONG: return "nom de fichier trop long";
        case ELOOP: return "un lien symbolique est à la place d’un dossier ou d’un fichier de Lettrine";
        case EMFILE:
        case ENFILE: return "trop de fichiers ouverts";
        default: return std::strerror(code);
    }
}

std::string read_file(const fs::path& path, std::uint64_t max_bytes) {
    struct stat status {};
    const int fd = open_input(path, status);
    const auto size = static_cast<std::uint64_t>(status.st_size);
    if (size > max_bytes) {
        ::close(fd);
        io_error(path, "fichier trop gros (" + megabytes(size) + ", " + megabytes(max_bytes) + " au plus) : il n’est pas lu");
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    // Reads to the end (a file that grows meanwhile is read up to the cap, no more).
    for (;;) {
        if (got == bytes.size()) {
            if (bytes.size() >= max_bytes + 1) break;
            bytes.resize(std::min<std::uint64_t>(max_bytes + 1, bytes.size() + 65536));
        }
        const ssize_t n = ::read(fd, &bytes[got], bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int code = errno;
            ::close(fd);
            io_error(path, "lecture impossible (" + describe_system_error(code) + ")");
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got > max_bytes) io_error(path, "fichier trop gros (plus de " + megabytes(max_bytes) + ") : il n’est pas lu");
    bytes.resize(got);
    return bytes;
}

}  // namespace lettrine
