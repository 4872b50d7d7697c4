#include "core/publication.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <set>
#include <sstream>
#include <thread>

#include "core/manifest.hpp"
#include "core/output_batch.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine::publication {

Fd& Fd::operator=(Fd&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.release();
    }
    return *this;
}

Fd::~Fd() {
    if (fd_ >= 0) ::close(fd_);
}

namespace {

[[noreturn]] void io_error(const fs::path& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path.string()), what);
}

std::string cause(int code) { return "(" + describe_system_error(code) + ")"; }

std::vector<std::string> components(const std::string& relative) {
    std::vector<std::string> out;
    std::string part;
    for (char c : relative) {
        if (c == '/') {
            if (!part.empty()) out.push_back(part);
            part.clear();
        } else {
            part += c;
        }
    }
    if (!part.empty()) out.push_back(part);
    return out;
}

}  // namespace

// The folder holding `relative`'s last component, opened (and created when
// `created` is given, recording each folder made). -1 with errno on failure.
int open_parent(int root_fd, const std::string& relative, std::vector<std::string>* created) {
    const auto parts = components(relative);
    Fd dir(::fcntl(root_fd, F_DUPFD_CLOEXEC, 0));
    std::string path;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        path += (path.empty() ? "" : "/") + parts[i];
        int fd = open_folder(dir.get(), parts[i], false);
        if (fd < 0 && errno == ENOENT && created) {
            if (::mkdirat(dir.get(), parts[i].c_str(), 0755) == 0) created->push_back(path);
            else if (errno != EEXIST) return -1;
            fd = open_folder(dir.get(), parts[i], false);
        }
        if (fd < 0) return -1;
        dir = Fd(fd);
    }
    return dir.release();
}

std::string leaf(const std::string& relative) {
    const auto parts = components(relative);
    return parts.empty() ? std::string() : parts.back();
}

namespace {

bool exists_at(int dir, const std::string& name) {
    struct stat st {};
    return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

std::string new_name(std::size_t i) { return "n-" + std::to_string(i); }
std::string old_name(std::size_t i) { return "a-" + std::to_string(i); }

// Replaces `name` in the state folder with `bytes`, through the staging folder.
int replace_state_file(int state_fd, int staging_fd, const std::string& name, const std::string& bytes) {
    const std::string draft = "d-" + name;
    ::unlinkat(staging_fd, draft.c_str(), 0);
    if (const int code = write_new_file(staging_fd, draft, bytes, true)) return code;
    if (::renameat(staging_fd, draft.c_str(), state_fd, name.c_str()) != 0) return errno;
    return ::fsync(state_fd) == 0 ? 0 : errno;
}

std::string read_small_file(int dir, const std::string& name) {
    Fd fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!fd) return {};
    std::string text;
    char buffer[8192];
    for (ssize_t n; (n = ::read(fd.get(), buffer, sizeof buffer)) > 0 && text.size() < (64u << 20);)
        text.append(buffer, static_cast<std::size_t>(n));
    return text;
}

// Puts back the previous versions of entries [0, count): each published file
// goes back to the staging folder, each previous version to its place, each
// folder made by the publication is removed. Returns the destinations that
// could not be restored.
std::vector<std::string> roll_back(int root_fd, int staging_fd, const std::vector<Entry>& entries, std::size_t count,
                                   const std::vector<std::string>& created) {
    std::vector<std::string> stuck;
    for (std::size_t k = count; k-- > 0;) {
        const Entry& e = entries[k];
        Fd parent(open_parent(root_fd, e.relative, nullptr));
        const std::string name = leaf(e.relative);
        const bool placed = !exists_at(staging_fd, new_name(e.index));
        const bool kept = exists_at(staging_fd, old_name(e.index));
        bool ok = (static_cast<bool>(parent) || (!placed && !kept)) && !fault_point("remise", e.index);
        if (ok && parent && placed && exists_at(parent.get(), name))
            ok = ::renameat(parent.get(), name.c_str(), staging_fd, new_name(e.index).c_str()) == 0;
        if (ok && parent && kept) ok = ::renameat(staging_fd, old_name(e.index).c_str(), parent.get(), name.c_str()) == 0;
        if (!ok) stuck.push_back(e.relative);
    }
    for (auto it = created.rbegin(); it != created.rend(); ++it) ::unlinkat(root_fd, it->c_str(), AT_REMOVEDIR);
    return stuck;
}

// Moves the previous version of `e` aside, then the new one in.
int place(int root_fd, int staging_fd, const Entry& e, std::vector<std::string>& created) {
    Fd parent(open_parent(root_fd, e.relative, &created));
    if (!parent) return errno;
    const std::string name = leaf(e.relative);
    const bool pending = exists_at(staging_fd, new_name(e.index));  // false: placed before a kill
    if (pending && exists_at(parent.get(), name) && !exists_at(staging_fd, old_name(e.index))) {
        if (::renameat(parent.get(), name.c_str(), staging_fd, old_name(e.index).c_str()) != 0) return errno;
    }
    if (fault_point("sauvegarde", e.index)) return EIO;
    if (pending && ::renameat(staging_fd, new_name(e.index).c_str(), parent.get(), name.c_str()) != 0)
        return errno;
    if (fault_point("remplacement", e.index)) return EIO;
    return 0;
}

// Syncs every folder the entries were renamed into (the renames are then durable).
void sync_folders(int root_fd, const std::vector<Entry>& entries) {
    std::set<std::string> done;
    for (const Entry& e : entries) {
        const std::string folder = e.relative.substr(0, e.relative.size() - leaf(e.relative).size());
        if (!done.insert(folder).second) continue;
        Fd parent(open_parent(root_fd, e.relative, nullptr));
        if (parent) ::fsync(parent.get());
    }
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The manifest after a publication: the job's section names what this run
// wrote, plus the stale files of its previous run that are kept (all of them
// unless `job.clean`, then those that could not be removed).
StaleFiles write_manifest(int root_fd, int state_fd, int staging_fd, const Job& job, const std::vector<Entry>& entries) {
    std::vector<std::string> written;
    for (const Entry& e : entries) written.push_back(e.relative);
    const std::string previous = read_small_file(state_fd, kManifestFile);
    StaleFiles stale;
    stale.files = stale_in(previous, job.key, written, [&](const std::string& f) { return regular_file_at(root_fd, f); });
    std::vector<std::string> kept = stale.files;
    if (job.clean && !stale.files.empty()) {
        kept = remove_files(root_fd, stale.files);
        stale.removed = kept.empty();
    }
    std::vector<std::string> section = written;
    section.insert(section.end(), kept.begin(), kept.end());
    replace_state_file(state_fd, staging_fd, kManifestFile, manifest_with(previous, job.key, section));
    return stale;
}

}  // namespace

int open_folder(int dir, const std::string& name, bool create, mode_t mode) {
    int fd = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && create) {
        if (::mkdirat(dir, name.c_str(), mode) != 0 && errno != EEXIST) return -1;
        fd = ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    return fd;
}

int write_new_file(int dir, const std::string& name, const std::string& bytes, bool sync) {
    Fd fd(::openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd) return errno;
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t n = ::write(fd.get(), bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int code = errno;
            ::unlinkat(dir, name.c_str(), 0);
            return code;
        }
        written += static_cast<std::size_t>(n);
    }
    if (sync && ::fsync(fd.get()) != 0) {
        const int code = errno;
        ::unlinkat(dir, name.c_str(), 0);
        return code;
    }
    return 0;
}

int lock_wait_seconds() {
#ifdef LETTRINE_TEST_HOOKS
    if (const char* wait = std::getenv("LETTRINE_TEST_ATTENTE_VERROU")) return std::atoi(wait);
#endif
    return 120;
}

Fd lock_folder(int state_fd, const fs::path& root, int wait_seconds) {
    Fd lock(::openat(state_fd, kLockFile, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644));
    if (!lock) io_error(root, "impossible d’ouvrir le verrou du dossier de sortie " + cause(errno));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
    while (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            io_error(root, "impossible de verrouiller le dossier de sortie " + cause(errno));
        if (std::chrono::steady_clock::now() >= deadline)
            io_error(root, "un autre lancement de Lettrine écrit dans ce dossier (attendu " + std::to_string(wait_seconds) +
                               " s) : rien n’a été remplacé, relancer quand il aura fini");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return lock;
}

void recover(int root_fd, int state_fd, const fs::path& root) {
    const std::string journal = read_small_file(state_fd, kJournalFile);
    if (journal.empty()) return;
    std::istringstream lines(journal);
    std::string header, staging_name, line;
    std::getline(lines, header);
    std::getline(lines, staging_name);
    std::vector<Entry> entries;
    std::string job;  // absent from an earlier version's journal: the unnamed job
    while (std::getline(lines, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos && line.compare(0, tab, "job") == 0) job = unescape_line(line.substr(tab + 1));
        if (tab == std::string::npos || line.compare(0, 2, "n-") != 0) continue;
        Entry e;
        e.index = std::strtoul(line.c_str() + 2, nullptr, 10);
        e.relative = unescape_line(line.substr(tab + 1));
        entries.push_back(e);
    }
    const bool valid = header == "lettrine-publication 1" && staging_name.compare(0, 4, kStagingPrefix) == 0 &&
                       staging_name.find('/') == std::string::npos;
    Fd staging(valid ? open_folder(state_fd, staging_name, false) : -1);
    if (staging) {
        std::vector<std::string> created;
        for (const Entry& e : entries)
            if (const int code = place(root_fd, staging.get(), e, created))
                throw PublicationPending(ErrorKind::Io, SourcePosition::in_file((root / e.relative).string()),
                                         "une publication interrompue n’a pas pu être terminée " + cause(code) +
                                                " : le journal " + (root / kStateFolder / kJournalFile).string() +
                                             " est conservé pour une nouvelle tentative");
        sync_folders(root_fd, entries);
        write_manifest(root_fd, state_fd, staging.get(), {job, false}, entries);
    }
    ::unlinkat(state_fd, kJournalFile, 0);
    ::fsync(state_fd);
    if (valid) remove_staging(state_fd, staging_name);
}

std::size_t sweep(int state_fd, const std::string& own) {
    std::vector<std::string> names;
    {
        Fd listing(::openat(state_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        DIR* dir = listing ? ::fdopendir(listing.release()) : nullptr;
        if (!dir) return 0;
        while (const dirent* entry = ::readdir(dir)) {
            const std::string name = entry->d_name;
            if (name.compare(0, 4, kStagingPrefix) == 0 && name != own) names.push_back(name);
        }
        ::closedir(dir);
    }
    std::size_t removed = 0;
    for (const std::string& name : names) {
        Fd folder(open_folder(state_fd, name, false));
        if (!folder || ::flock(folder.get(), LOCK_EX | LOCK_NB) != 0) continue;  // a live batch's, or not a folder
        remove_staging(state_fd, name);
        ++removed;
    }
    return removed;
}

void remove_staging(int state_fd, const std::string& name) {
    Fd folder(open_folder(state_fd, name, false));
    if (!folder) return;
    DIR* dir = ::fdopendir(::fcntl(folder.get(), F_DUPFD_CLOEXEC, 0));
    if (dir) {
        std::vector<std::string> files;
        while (const dirent* entry = ::readdir(dir))
            if (std::string(entry->d_name) != "." && std::string(entry->d_name) != "..") files.push_back(entry->d_name);
        ::closedir(dir);
        for (const std::string& file : files) ::unlinkat(folder.get(), file.c_str(), 0);
    }
    ::unlinkat(state_fd, name.c_str(), AT_REMOVEDIR);
}

Diagnostics check_destinations(int root_fd, const std::vector<Entry>& entries,
                               const std::vector<std::pair<dev_t, ino_t>>& inputs) {
    Diagnostics problems;
    for (const Entry& e : entries) {
        const auto parts = components(e.relative);
        Fd dir(::fcntl(root_fd, F_DUPFD_CLOEXEC, 0));
        std::string problem;
        for (std::size_t i = 0; i < parts.size() && problem.empty(); ++i) {
            struct stat st {};
            if (::fstatat(dir.get(), parts[i].c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) break;  // absent: made later
            const bool last = i + 1 == parts.size();
            if (!last) {
                if (!S_ISDIR(st.st_mode)) problem = "« " + parts[i] + " » devrait être un dossier, et ne l’est pas";
                else dir = Fd(open_folder(dir.get(), parts[i], false));
                if (!dir) problem = "le dossier « " + parts[i] + " » ne peut pas être ouvert " + cause(errno);
            } else if (S_ISDIR(st.st_mode)) {
                problem = "un dossier porte ce nom : il ne peut pas être remplacé par un fichier";
            } else if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
                problem = "ce chemin désigne un périphérique ou un tube, pas un fichier ordinaire : il n’est pas remplacé";
            } else if (S_ISREG(st.st_mode) &&
                       std::find(inputs.begin(), inputs.end(), std::make_pair(st.st_dev, st.st_ino)) != inputs.end()) {
                problem = "c’est un des fichiers que ce lancement lit : il ne peut pas être aussi le fichier produit";
            }
        }
        if (!problem.empty()) problems.error(SourcePosition::in_file(e.shown.string()), problem);
    }
    return problems;
}

StaleFiles publish(int root_fd, int state_fd, int staging_fd, const std::string& staging_name,
                   const std::vector<Entry>& entries, const fs::path& root, const Job& job) {
    std::string journal = "lettrine-publication 1\n" + staging_name + "\njob\t" + escape_line(job.key) + "\n";
    for (const Entry& e : entries) journal += new_name(e.index) + "\t" + escape_line(e.relative) + "\n";
    if (const int code = replace_state_file(state_fd, staging_fd, kJournalFile, journal))
        io_error(root, "impossible d’écrire le journal de publication " + cause(code) + " : aucun fichier n’a été remplacé");
    std::vector<std::string> created;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const int code = i == 0 && fault_point("journal", 0) ? EIO : place(root_fd, staging_fd, entries[i], created);
        if (code == 0) continue;
        const auto stuck = roll_back(root_fd, staging_fd, entries, i + 1, created);
        std::string state;
        if (stuck.empty()) {
            ::unlinkat(state_fd, kJournalFile, 0);
            state = (i == 0 ? std::string("aucun fichier n’avait encore été remplacé")
                            : plural(i, "fichier déjà remplacé a", "fichiers déjà remplacés ont") +
                                  " retrouvé leur version précédente") +
                    " : le dossier contient de nouveau les fichiers du lancement précédent, aucun fichier de ce "
                    "lancement n’y est";
        } else {
            state = "la remise en état a échoué pour « " + stuck.front() + " »" +
                    (stuck.size() > 1 ? " et " + plural(stuck.size() - 1, "autre", "autres") : "") +
                    " : le journal " + (root / kStateFolder / kJournalFile).string() +
                    " est conservé et le prochain lancement dans ce dossier terminera la publication";
        }
        const std::string message = "impossible de mettre le fichier en place " + cause(code) + " ; " + state;
        if (!stuck.empty())
            throw PublicationPending(ErrorKind::Io, SourcePosition::in_file(entries[i].shown.string()), message);
        io_error(entries[i].shown, message);
    }
    sync_folders(root_fd, entries);
    const StaleFiles stale = write_manifest(root_fd, state_fd, staging_fd, job, entries);
    if (fault_point("manifeste", 0)) io_error(root, "panne simulée après le manifeste");
    ::unlinkat(state_fd, kJournalFile, 0);
    ::fsync(state_fd);
    return stale;
}

bool fault_point(const char* step, std::size_t index) {
#ifdef LETTRINE_TEST_HOOKS
    const char* spec = std::getenv("LETTRINE_TEST_PANNE");
    if (!spec) return false;
    const std::string wanted = std::string(step) + ":" + std::to_string(index) + ":";
    std::istringstream points(spec);  // "step:index:mode[,step:index:mode…]"
    for (std::string given; std::getline(points, given, ',');) {
        if (given.compare(0, wanted.size(), wanted) != 0) continue;
        if (given.substr(wanted.size()) == "arret") ::kill(::getpid(), SIGKILL);
        return true;
    }
    return false;
#else
    (void)step;
    (void)index;
    return false;
#endif
}

}  // namespace lettrine::publication
