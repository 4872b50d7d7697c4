#include "pdfimport/child_process.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <algorithm>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

extern char** environ;

namespace lettrine::pdfimport {

namespace {

// Closes a file descriptor once.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = other.fd_;
            other.fd_ = -1;
        }
        return *this;
    }
    ~Fd() { reset(); }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

[[noreturn]] void cannot_start(const boost::filesystem::path& program, int error) {
    throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(program.string()),
                        "impossible de lancer ce programme : " + describe_system_error(error));
}

struct Pipe {
    Fd read, write;
};

Pipe make_pipe(const boost::filesystem::path& program) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) cannot_start(program, errno);
    Pipe p;
    p.read = Fd(fds[0]);
    p.write = Fd(fds[1]);
    return p;
}

// posix_spawn's file actions and attributes, destroyed in any case.
struct SpawnSetup {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    SpawnSetup() {
        posix_spawn_file_actions_init(&actions);
        posix_spawnattr_init(&attributes);
    }
    ~SpawnSetup() {
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
};

}  // namespace

std::string signal_name(int signal) {
    switch (signal) {
        case SIGKILL: return "SIGKILL";
        case SIGSEGV: return "SIGSEGV";
        case SIGABRT: return "SIGABRT";
        case SIGBUS: return "SIGBUS";
        case SIGFPE: return "SIGFPE";
        case SIGILL: return "SIGILL";
        case SIGXCPU: return "SIGXCPU";
        case SIGXFSZ: return "SIGXFSZ";
        case SIGTERM: return "SIGTERM";
        case SIGPIPE: return "SIGPIPE";
        default: return "signal " + std::to_string(signal);
    }
}

ChildRun run_child(const boost::filesystem::path& program, const std::vector<std::string>& arguments,
                   double wall_seconds, std::size_t max_output) {
    Pipe out = make_pipe(program), err = make_pipe(program);

    SpawnSetup setup;
    posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&setup.actions, out.write.get(), 1);
    posix_spawn_file_actions_adddup2(&setup.actions, err.write.get(), 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    // Descriptors the rest of Lettrine opened without O_CLOEXEC stay here.
    posix_spawn_file_actions_addclosefrom_np(&setup.actions, 3);
#endif
    // Default signal handling in the child, whatever ours is.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&setup.attributes, &all);
    posix_spawnattr_setsigmask(&setup.attributes, &none);
    posix_spawnattr_setflags(&setup.attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    std::vector<std::string> argv_strings;
    argv_strings.push_back(program.string());
    argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program.c_str(), &setup.actions, &setup.attributes, argv.data(), environ);
    if (spawned != 0) cannot_start(program, spawned);
    out.write.reset();
    err.write.reset();
    // Should anything below throw, the child is killed and reaped.
    struct Reaper {
        pid_t pid;
        bool reaped = false;
        ~Reaper() {
            if (reaped) return;
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    } reaper{pid};

    ChildRun run;
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(wall_seconds));
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        int timeout_ms = -1;
        if (!run.timed_out) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0) {
                ::kill(pid, SIGKILL);
                run.timed_out = true;
            } else {
                timeout_ms = static_cast<int>(std::min<long long>(left, 1000 * 60 * 60));
            }
        }
        pollfd fds[2] = {{out_open ? out.read.get() : -1, POLLIN, 0}, {err_open ? err.read.get() : -1, POLLIN, 0}};
        const int ready = ::poll(fds, 2, timeout_ms);
        if (ready < 0) {
            if (errno == EINTR) continue;
            ::kill(pid, SIGKILL);
            run.timed_out = true;
            break;
        }
        struct Stream { pollfd& fd; bool& open; std::string& text; };
        for (Stream s : {Stream{fds[0], out_open, run.out}, Stream{fds[1], err_open, run.err}}) {
            if (!s.open || s.fd.revents == 0) continue;
            char buffer[4096];
            const ssize_t n = ::read(s.fd.fd, buffer, sizeof buffer);
            if (n > 0) {
                const std::size_t room = max_output - std::min(max_output, s.text.size());
                const std::size_t keep = std::min(static_cast<std::size_t>(n), room);
                s.text.append(buffer, keep);
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                s.open = false;
            }
        }
    }

    // Both pipes are closed: the child is normally exiting. One that lingers
    // is still held to the deadline.
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, run.timed_out ? 0 : WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) {
            reaper.reaped = true;  // not ours to wait for any more (SIGCHLD ignored?)
            run.signal = SIGKILL;
            return run;
        }
        if (done == 0) {
            if (std::chrono::steady_clock::now() >= deadline) {
                ::kill(pid, SIGKILL);
                run.timed_out = true;
            } else {
                ::usleep(2000);
            }
        }
    }
    reaper.reaped = true;
    if (WIFEXITED(status)) {
        run.exited = true;
        run.exit_status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        run.signal = WTERMSIG(status);
    }
    return run;
}

}  // namespace lettrine::pdfimport
