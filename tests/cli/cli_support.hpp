#pragma once
// What the CLI tests share: the real executable run as a user would run it
// (exit code, standard output, standard error), files read back, fresh
// work folders.
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace cli_test {

namespace fs = boost::filesystem;

struct RunResult {
    int code = -1;  // the exit code, -1 when killed by a signal
    std::string out, err;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `command` through the shell; its standard error goes through a
// temporary file of its own (ctest -j runs test processes side by side).
inline RunResult run(const std::string& command) {
    const fs::path err = fs::temp_directory_path() / fs::unique_path("lettrine-cli-err-%%%%-%%%%-%%%%.txt");
    RunResult r;
    FILE* pipe = ::popen((command + " 2>'" + err.string() + "'").c_str(), "r");
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
    const int status = ::pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err);
    fs::remove(err);
    return r;
}

// An empty folder <temp>/<prefix><name>-<pid>, emptied first if it exists.
inline fs::path fresh_dir(const std::string& prefix, const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / (prefix + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// Every regular file under `dir`, as paths relative to it.
inline std::set<std::string> files_under(const fs::path& dir) {
    std::set<std::string> files;
    if (!fs::exists(dir)) return files;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        if (it->path().filename() == ".lettrine") {  // Lettrine's own lock, manifest and staging
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_regular_file(it->path())) files.insert(it->path().lexically_relative(dir).string());
    }
    return files;
}

}  // namespace cli_test
