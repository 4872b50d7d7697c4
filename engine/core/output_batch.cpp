#include "core/output_batch.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/publication.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

using publication::Fd;

namespace {

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()), what);
}

std::string cause(int code) { return "(" + describe_system_error(code) + ")"; }

// The key under which two paths name the same file on a case-insensitive,
// normalisation-insensitive file system (macOS, Windows): case-folded, NFC.
std::string folded_key(const std::string& path) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(path);
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

// Eight random letters and digits: a staging folder's name cannot be guessed.
std::string random_suffix() {
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[8];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n > 0) got += static_cast<std::size_t>(n);
        else if (errno != EINTR) throw LettrineError(ErrorKind::Io, {}, "pas de source aléatoire " + cause(errno));
    }
    std::string out;
    for (unsigned char b : bytes) out += kAlphabet[b % 36];
    return out;
}

// "PID" when `name` is an earlier version's temporary ".something.tmp-PID-N"; 0 otherwise.
long legacy_temporary_owner(const std::string& name) {
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

std::size_t remove_legacy_temporaries(int folder_fd) {
    std::vector<std::string> stale;
    DIR* dir = ::fdopendir(::fcntl(folder_fd, F_DUPFD_CLOEXEC, 0));
    if (!dir) return 0;
    while (const dirent* entry = ::readdir(dir)) {
        const long pid = legacy_temporary_owner(entry->d_name);
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to judge)
        stale.push_back(entry->d_name);
    }
    ::closedir(dir);
    std::size_t removed = 0;
    for (const std::string& name : stale) {
        struct stat st {};
        if (::fstatat(folder_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            ::unlinkat(folder_fd, name.c_str(), 0) == 0)
            ++removed;
    }
    return removed;
}

std::string staged_name(std::size_t index) { return "n-" + std::to_string(index); }

}  // namespace

OutputBatch::OutputBatch(fs::path root) : root_(std::move(root)) {}

OutputBatch::~OutputBatch() {
    if (!done_) abandon();
    if (staging_fd_ >= 0) ::close(staging_fd_);
    if (root_fd_ >= 0) ::close(root_fd_);
}

void OutputBatch::open_staging(const fs::path& first_destination) {
    if (root_.empty()) root_ = first_destination.has_parent_path() ? first_destination.parent_path() : fs::path(".");
    boost::system::error_code ec;
    created_root_ = !fs::exists(root_, ec);
    // Only when missing: Boost 1.74's create_directories(".") fails with
    // EINVAL, and "." is the folder of a bare file name (« --sortie lettre.pdf »).
    if (created_root_) fs::create_directories(root_, ec);
    if (ec) io_error(root_, "impossible de créer le dossier " + cause(ec.value()));
    root_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd_ < 0) io_error(root_, "impossible d’ouvrir le dossier de sortie " + cause(errno));
    Fd state(publication::open_folder(root_fd_, publication::kStateFolder, true));
    if (!state) io_error(root_ / publication::kStateFolder, "impossible d’ouvrir le dossier de travail de Lettrine " + cause(errno));
    for (int attempt = 0; staging_fd_ < 0; ++attempt) {
        const std::string name = publication::kStagingPrefix + random_suffix();
        if (::mkdirat(state.get(), name.c_str(), 0700) != 0) {
            if (errno == EEXIST && attempt < 100) continue;
            io_error(root_ / publication::kStateFolder, "impossible de créer le dossier de préparation " + cause(errno));
        }
        staging_fd_ = publication::open_folder(state.get(), name, false);
        if (staging_fd_ < 0) io_error(root_ / publication::kStateFolder / name, "dossier de préparation illisible " + cause(errno));
        ::flock(staging_fd_, LOCK_EX | LOCK_NB);  // held while the batch lives: the sweep leaves it alone
        staging_name_ = name;
    }
}

std::string OutputBatch::relative_to_root(const fs::path& destination) const {
    const fs::path relative =
        fs::absolute(destination).lexically_normal().lexically_relative(fs::absolute(root_).lexically_normal());
    const std::string text = relative.generic_string();
    if (relative.empty() || text == "." || text.compare(0, 2, "..") == 0 || relative.filename_is_dot())
        throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(destination.string()),
                            "ce fichier serait écrit hors du dossier de sortie " + root_.string());
    if (text.compare(0, std::string(publication::kStateFolder).size() + 1, std::string(publication::kStateFolder) + "/") == 0)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(destination.string()),
                            "ce nom est réservé au dossier de travail de Lettrine");
    return text;
}

fs::path OutputBatch::stage(const fs::path& destination) {
    const std::string name = destination.filename().string();
    if (name.size() > kMaxFileNameBytes)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(destination.string()),
                            "nom de fichier trop long (" + std::to_string(name.size()) + " octets, " +
                                std::to_string(kMaxFileNameBytes) + " au plus)");
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_) throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(destination.string()), "lot déjà publié");
    if (staging_fd_ < 0) open_staging(destination);
    Staged staged{destination, relative_to_root(destination), {}};
    staged.folded = folded_key(staged.relative);
    for (const Staged& other : staged_)
        if (other.folded == staged.folded)
            throw LettrineError(ErrorKind::Data, SourcePosition::in_file(destination.string()),
                                "deux documents du lot porteraient ce nom (« " + other.destination.filename().string() +
                                    " » et « " + name +
                                    " », identiques ou ne différant que par les majuscules ou la forme des accents) : "
                                    "le second écraserait le premier");
    const std::string file = staged_name(staged_.size());
    Fd fd(::openat(staging_fd_, file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd) io_error(destination, "impossible de créer le fichier " + cause(errno));
    staged_.push_back(std::move(staged));
    return root_ / publication::kStateFolder / staging_name_ / file;
}

void OutputBatch::stage_bytes(const fs::path& destination, const std::string& bytes) {
    const fs::path path = stage(destination);
    const std::string file = path.filename().string();
    Fd fd(::openat(staging_fd_, file.c_str(), O_WRONLY | O_NOFOLLOW | O_CLOEXEC));
    int code = fd ? 0 : errno;
    for (std::size_t written = 0; code == 0 && written < bytes.size();) {
        const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno != EINTR) code = errno;
        if (n > 0) written += static_cast<std::size_t>(n);
    }
    if (code == 0 && ::close(fd.release()) != 0) code = errno;
    if (code == 0) return;
    ::unlinkat(staging_fd_, file.c_str(), 0);  // nothing partial; a full disk gets its space back
    failed_ = true;
    io_error(destination, "écriture impossible " + cause(code) + " : aucun fichier partiel n’est laissé");
}

fs::path OutputBatch::scratch(const std::string& name, const std::string& bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (staging_fd_ < 0) open_staging(root_.empty() ? fs::path("./x") : root_ / "x");
    const std::string file = "s-" + std::to_string(scratch_.size()) + "-" + name.substr(0, 100);
    scratch_.push_back(file);
    const fs::path path = root_ / publication::kStateFolder / staging_name_ / file;
    if (const int code = publication::write_new_file(staging_fd_, file, bytes, false)) {
        failed_ = true;
        io_error(path, "écriture impossible " + cause(code));
    }
    return path;
}

void OutputBatch::protect(const fs::path& input) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    protected_.emplace_back(st.st_dev, st.st_ino);
}

void OutputBatch::commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (done_ || staged_.empty()) {
        done_ = true;
        return;
    }
    std::vector<publication::Entry> entries;
    for (std::size_t i = 0; i < staged_.size(); ++i) entries.push_back({i, staged_[i].relative, staged_[i].destination});
    // 1. Durable before anything is renamed: each file synced when there are
    //    few; beyond, one syncfs() (a syncfs also flushes every other
    //    program's pending writes, so it is kept for real batches).
    if (staged_.size() <= kSyncEachFileUpTo) {
        for (const auto& e : entries) {
            Fd fd(::openat(staging_fd_, staged_name(e.index).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
            if (!fd) io_error(e.shown, "impossible de relire le fichier écrit " + cause(errno));
            if (::fsync(fd.get()) != 0) io_error(e.shown, "impossible d’enregistrer le fichier sur le disque " + cause(errno));
        }
    } else if (::syncfs(staging_fd_) != 0) {
        io_error(root_, "impossible d’enregistrer les fichiers sur le disque " + cause(errno));
    }
    // 2. One owner at a time; an interrupted publication finished first.
    Fd state(publication::open_folder(root_fd_, publication::kStateFolder, false));
    if (!state) io_error(root_ / publication::kStateFolder, "dossier de travail de Lettrine illisible " + cause(errno));
    const Fd folder_lock = publication::lock_folder(state.get(), root_, publication::lock_wait_seconds());
    publication::recover(root_fd_, state.get(), root_);
    publication::sweep(state.get(), staging_name_);
    remove_legacy_temporaries(root_fd_);
    // 3. Everything checked before anything is replaced, then published.
    const Diagnostics problems = publication::check_destinations(root_fd_, entries, protected_);
    if (problems.has_errors()) {
        Diagnostics all;
        for (const Diagnostic& d : problems.items())
            all.error(d.position, d.message + " ; aucun fichier n’a été remplacé");
        throw LettrineError(ErrorKind::Io, all);
    }
    try {
        stale_ = publication::publish(root_fd_, state.get(), staging_fd_, staging_name_, entries, root_, job_);
    } catch (const PublicationPending&) {
        done_ = true;  // the staging folder holds what the next run needs to finish: kept
        throw;
    }
    done_ = true;
    publication::remove_staging(state.get(), staging_name_);
}

void OutputBatch::abandon() {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
    if (staging_fd_ < 0) return;
    Fd state(publication::open_folder(root_fd_, publication::kStateFolder, false));
    if (state) publication::remove_staging(state.get(), staging_name_);
    // A failed run leaves no empty folder behind: Lettrine's own, and the
    // output folder when this batch made it (each removed only when empty).
    ::unlinkat(root_fd_, publication::kStateFolder, AT_REMOVEDIR);
    if (created_root_) ::rmdir(root_.c_str());
}

void OutputBatch::set_job(const std::string& key, bool clean) {
    std::lock_guard<std::mutex> lock(mutex_);
    job_ = {key, clean};
}

std::vector<fs::path> OutputBatch::stale_files() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<fs::path> out;
    for (const std::string& file : stale_.files) out.push_back(root_ / file);
    return out;
}

std::vector<fs::path> OutputBatch::destinations() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<fs::path> out;
    for (const auto& s : staged_) out.push_back(s.destination);
    return out;
}

fs::path output_folder_of(const fs::path& file) {
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

void refuse_unusable_destination(const fs::path& destination, const std::vector<fs::path>& inputs) {
    struct stat st {};
    if (::lstat(destination.c_str(), &st) != 0 || S_ISLNK(st.st_mode)) return;
    const auto refuse = [&](const std::string& why) {
        throw LettrineError(ErrorKind::Usage, SourcePosition::in_file(destination.string()),
                            "ce fichier de sortie est refusé : " + why + " ; rien n’a été écrit");
    };
    if (S_ISDIR(st.st_mode)) refuse("c’est un dossier, il faut un nom de fichier");
    if (!S_ISREG(st.st_mode)) refuse("c’est un périphérique ou un tube, pas un fichier ordinaire");
    for (const fs::path& input : inputs) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino)
            refuse("c’est un des fichiers que ce lancement lit (« " + input.string() + " »), il serait remplacé");
    }
}

void write_file_atomically(const fs::path& destination, const std::string& bytes) {
    OutputBatch batch(output_folder_of(destination));
    batch.stage_bytes(destination, bytes);
    batch.commit();
}

std::size_t remove_stale_temporaries(const fs::path& folder) {
    Fd root(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!root) return 0;
    std::size_t removed = remove_legacy_temporaries(root.get());
    Fd state(publication::open_folder(root.get(), publication::kStateFolder, false));
    if (state) removed += publication::sweep(state.get(), "");
    return removed;
}

}  // namespace lettrine
