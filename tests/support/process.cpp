#include "support/process.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace fs = boost::filesystem;

namespace lettrine::test_support {

namespace {

std::string read_pipe(FILE* pipe) {
    std::string out;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    return out;
}

int exit_code(int status) { return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

CommandResult run_command(const std::string& command) {
    const fs::path err = fs::temp_directory_path() / fs::unique_path("lettrine-test-err-%%%%-%%%%-%%%%.txt");
    CommandResult result;
    FILE* pipe = ::popen(("{ " + command + "\n} 2>" + shell_quote(err)).c_str(), "r");
    if (!pipe) return result;
    result.out = read_pipe(pipe);
    result.code = exit_code(::pclose(pipe));
    std::ifstream in(err.string(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    result.err = text.str();
    boost::system::error_code ignored;
    fs::remove(err, ignored);
    return result;
}

std::string command_output(const std::string& command) {
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {};
    std::string out = read_pipe(pipe);
    ::pclose(pipe);
    return out;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string zip_entry(const std::string& zip, const std::string& name) {
    const fs::path file = fs::temp_directory_path() / fs::unique_path("lettrine-zip-%%%%-%%%%.zip");
    std::ofstream(file.string(), std::ios::binary) << zip;
    const CommandResult r = run_command("unzip -p " + shell_quote(file) + " " + shell_quote(name));
    fs::remove(file);
    return r.code == 0 ? r.out : std::string();
}

}  // namespace lettrine::test_support
