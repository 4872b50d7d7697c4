#pragma once
// Runs the real `lettrine` executable as a child process (fork + exec), so a
// test can kill it, limit the size of the files it writes, or read its
// messages; and small helpers over the output folder.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace safety {

namespace fs = boost::filesystem;

struct Child {
    pid_t pid = -1;
    fs::path stderr_file;
};

struct ChildOptions {
    long max_file_bytes = -1;  // RLIMIT_FSIZE for the child (SIGXFSZ ignored: write() fails with EFBIG)
};

// Starts `lettrine args...` with its standard error in stderr_file.
inline Child start_lettrine(const std::vector<std::string>& args, const fs::path& stderr_file,
                            const ChildOptions& options = {}) {
    Child child;
    child.stderr_file = stderr_file;
    child.pid = ::fork();
    if (child.pid == 0) {
        const int err = ::open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(err, 2);
        ::dup2(null, 1);
        if (options.max_file_bytes >= 0) {
            ::signal(SIGXFSZ, SIG_IGN);  // kept across exec
            const rlim_t limit = static_cast<rlim_t>(options.max_file_bytes);
            const struct rlimit r = {limit, limit};
            ::setrlimit(RLIMIT_FSIZE, &r);
        }
        std::vector<char*> argv;
        std::string exe = LETTRINE_EXE;
        argv.push_back(exe.data());
        std::vector<std::string> copies = args;
        for (auto& a : copies) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(exe.c_str(), argv.data());
        ::_exit(127);
    }
    return child;
}

// Waits for the child; its exit code, or 128 + signal when killed.
inline int wait_for(const Child& child) {
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

inline std::string read_text(const fs::path& path) {
    std::ifstream in(path.string(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Runs lettrine to completion: (exit code, standard error).
inline std::pair<int, std::string> run_lettrine(const std::vector<std::string>& args, const fs::path& stderr_file,
                                                const ChildOptions& options = {}) {
    const Child child = start_lettrine(args, stderr_file, options);
    const int code = wait_for(child);
    return {code, read_text(stderr_file)};
}

// Every regular file under `folder` (relative path -> bytes), hidden ones included, except
// Lettrine's own working folder « .lettrine ».
inline std::map<std::string, std::string> files_in(const fs::path& folder) {
    std::map<std::string, std::string> out;
    if (!fs::exists(folder)) return out;
    for (fs::recursive_directory_iterator it(folder), end; it != end; ++it) {
        if (it->path().filename() == ".lettrine") {  // Lettrine's own lock, manifest and staging
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_regular_file(it->path()))
            out[it->path().lexically_relative(folder).string()] = read_text(it->path());
    }
    return out;
}

inline bool is_hidden(const std::string& relative) {
    return fs::path(relative).filename().string().rfind('.', 0) == 0;
}

// The files a user sees (not hidden).
inline std::map<std::string, std::string> visible(const std::map<std::string, std::string>& files) {
    std::map<std::string, std::string> out;
    for (const auto& [name, bytes] : files)
        if (!is_hidden(name)) out.emplace(name, bytes);
    return out;
}

class TemporaryFolder {
public:
    explicit TemporaryFolder(const std::string& tag)
        : path_(fs::temp_directory_path() / fs::unique_path("lettrine-" + tag + "-%%%%-%%%%")) {
        fs::create_directories(path_);
    }
    ~TemporaryFolder() {
        boost::system::error_code ec;
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace safety
