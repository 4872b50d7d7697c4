#include "test_support.hpp"

#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace lettrine::xlsx_test {

namespace fs = boost::filesystem;

fs::path fresh_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-test-xlsx-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

CommandResult run_command(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
    const int status = ::pclose(pipe);
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace lettrine::xlsx_test
