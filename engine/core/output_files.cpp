#include "core/output_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/diagnostic.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// What went wrong, in French, for the errors a user can do something about.
std::string french_system_error(int code) {
    switch (code) {
        case ENOSPC: return "plus de place sur le disque";
#ifdef EDQUOT
        case EDQUOT: return "quota de disque dépassé";
#endif
        case EFBIG: return "fichier trop gros pour le système de fichiers ou pour la limite de taille permise";
        case EACCES:
        case EPERM: return "permission refusée";
        case EROFS: return "système de fichiers en lecture seule";
        case EIO: return "erreur d'entrée-sortie du disque";
        case ENOENT: return "dossier introuvable";
        case ENOTDIR: return "un élément du chemin n'est pas un dossier";
        case EISDIR: return "un dossier porte déjà ce nom";
        case ENAMETOOLONG: return "nom de fichier trop long";
        case EMFILE:
        case ENFILE: return "trop de fichiers ouverts";
        default: return std::strerror(code);
    }
}

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()), what);
}

// Writes and syncs `temporary`; on any failure removes it and reports `destination`.
void write_and_sync(const fs::path& temporary, const fs::path& destination, const std::string& bytes) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) io_error(destination, "impossible de créer le fichier (" + french_system_error(errno) + ")");
    const auto fail = [&](int code) {
        ::close(fd);
        ::unlink(temporary.c_str());
        io_error(destination, "écriture impossible (" + french_system_error(code) + ") : aucun fichier partiel n'est laissé");
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail(errno);
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        io_error(destination, "écriture impossible (" + french_system_error(saved) + ") : aucun fichier partiel n'est laissé");
    }
}

// The key under which two paths name the same file on a case-insensitive,
// normalisation-insensitive file system (macOS, Windows): case-folded, NFC.
std::string folded_key(const fs::path& path) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(path.lexically_normal().string());
    text.foldCase();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) {
        icu::UnicodeString normalized = nfc->normalize(text, status);
        if (U_SUCCESS(status)) text = normalized;
    }
    std::string out;
    text.toUTF8String(out);
    return out;
}

// At most `max` bytes of a UTF-8 text, cut on a character boundary.
std::string utf8_prefix(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

// "PID" when `name` is ".something.tmp-PID-N"; 0 otherwise.
long temporary_owner(const std::string& name) {
    if (name.size() < 2 || name[0] != '.') return 0;
    const auto tag = name.rfind(".tmp-");
    if (tag == std::string::npos || tag == 0) return 0;
    const std::string rest = name.substr(tag + 5);
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == rest.size() || dash > 9) return 0;
    const auto digits = [](const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
    if (!digits(rest.substr(0, dash)) || !digits(rest.substr(dash + 1))) return 0;
    return std::stol(rest.substr(0, dash));
}

}  // namespace

std::string describe_system_error(int errno_value) { return french_system_error(errno_value); }

std::size_t remove_stale_temporaries(const fs::path& folder) {
    std::size_t removed = 0;
    boost::system::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const long pid = temporary_owner(it->path().filename().string());
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
        boost::system::error_code ignored;
        if (fs::is_regular_file(it->path(), ignored) && fs::remove(it->path(), ignored)) ++removed;
    }
    return removed;
}

OutputBatch::~OutputBatch() {
    if (!done_) abandon();
}

fs::path OutputBatch::stage(const fs::path& destination) {
    const std::string name = destination.filename().string();
    if (name.size() > kMaxFileNameBytes)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(destination.string()),
                            "nom de fichier trop long (" + std::to_string(name.size()) + " octets, " +
                                std::to_string(kMaxFileNameBytes) + " au plus)");
    boost::system::error_code ec;
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    fs::create_directories(folder, ec);
    if (ec) io_error(folder, "impossible de créer le dossier (" + french_system_error(ec.value()) + ")");
    const std::string key = folded_key(destination);
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < folded_.size(); ++i)
        if (folded_[i] == key)
            throw LettrineError(ErrorKind::Data, SourcePosition::in_file(destination.string()),
                                "deux documents du lot porteraient ce nom (« " + staged_[i].destination.filename().string() +
                                    " » et « " + name +
                                    " », identiques ou ne différant que par les majuscules ou la forme des accents) : "
                                    "le second écraserait le premier");
    const std::string folder_key = fs::absolute(folder).lexically_normal().string();
    if (std::find(swept_folders_.begin(), swept_folders_.end(), folder_key) == swept_folders_.end()) {
        remove_stale_temporaries(folder);
        swept_folders_.push_back(folder_key);
    }
    // Hidden, pid-tagged name: never mistaken for a finished document; the
    // name part is shortened so the temporary name stays within 255 bytes.
    fs::path temporary = folder / ("." + utf8_prefix(name, 200) + ".tmp-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(staged_.size()));
    staged_.push_back({temporary, destination});
    folded_.push_back(key);
    return temporary;
}

void OutputBatch::stage_bytes(const fs::path& destination, const std::string& bytes) {
    write_and_sync(stage(destination), destination, bytes);
}

void OutputBatch::commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        const auto& s = staged_[i];
        if (std::rename(s.temporary.c_str(), s.destination.c_str()) != 0) {
            const int saved = errno;
            for (std::size_t j = i; j < staged_.size(); ++j) ::unlink(staged_[j].temporary.c_str());
            done_ = true;
            io_error(s.destination, "impossible de mettre le fichier en place (" + french_system_error(saved) + ")");
        }
    }
    done_ = true;
}

void OutputBatch::abandon() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& s : staged_) ::unlink(s.temporary.c_str());
    staged_.clear();
    folded_.clear();
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
