#include "mailing/send_lock.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

[[noreturn]] void lock_error(const fs::path& file, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(file.string()), what);
}

// « processus 4242, utilisateur marie sur poste-3, depuis 2026-12-03T22:10:07Z »
std::string holder(const std::string& since) {
    char host[256] = "?";
    ::gethostname(host, sizeof host - 1);
    const passwd* user = ::getpwuid(::geteuid());
    return "processus " + std::to_string(::getpid()) + ", utilisateur " +
           (user ? std::string(user->pw_name) : std::to_string(::geteuid())) + " sur " + host + ", depuis " + since;
}

std::string read_holder(int fd) {
    std::string text(512, '\0');
    const ssize_t n = ::pread(fd, &text[0], text.size(), 0);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
    return text.empty() ? "un autre lancement qui ne s’est pas encore nommé" : text;
}

}  // namespace

SendLock::SendLock(const fs::path& folder, const std::string& since) {
    boost::system::error_code ec;
    fs::create_directories(folder, ec);
    const fs::path file = folder / kSendLockFile;
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd_ < 0) lock_error(file, "impossible d’ouvrir le verrou des envois (" + describe_system_error(errno) + ")");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        const int code = errno;
        const std::string who = code == EWOULDBLOCK ? read_holder(fd_) : std::string();
        ::close(fd_);
        fd_ = -1;
        if (code != EWOULDBLOCK)
            lock_error(file, "impossible de verrouiller les envois (" + describe_system_error(code) + ")");
        lock_error(file, "un autre envoi est en cours dans ce dossier (" + who +
                             ") : ce lancement n’envoie rien, pour qu’aucune lettre ne parte deux fois ; "
                             "relancer la même commande quand il aura fini");
    }
    const std::string line = holder(since) + "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, line.data(), line.size(), 0);
}

SendLock::~SendLock() {
    if (fd_ < 0) return;
    (void)!::ftruncate(fd_, 0);  // no holder named once it is free
    ::close(fd_);
}

}  // namespace lettrine
