#pragma once
// What the CLI tests share: the real executable run as a user would run it
// (exit code, standard output, standard error), files read back, fresh
// work folders.
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "support/pdf_tools.hpp"
#include "support/process.hpp"

namespace cli_test {

namespace fs = boost::filesystem;

using RunResult = lettrine::test_support::CommandResult;
using lettrine::test_support::pdf_page_count;
#ifdef LETTRINE_EXE
using lettrine::test_support::lettrine_exe;
#endif

// Runs `command` through the shell (tests/support): exit code, standard
// output and standard error, each test's apart.
inline RunResult run(const std::string& command) { return lettrine::test_support::run_command(command); }

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
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
