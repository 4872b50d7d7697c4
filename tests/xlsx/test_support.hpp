#pragma once
// Small helpers shared by the xlsx tests: private temporary folders and
// running an external program.
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine::xlsx_test {

// A fresh, empty folder unique to this process and name; removed by the caller.
boost::filesystem::path fresh_folder(const std::string& name);

struct CommandResult {
    int exit_status = -1;
    std::string output;  // stdout (stderr is appended via 2>&1 when asked)
};
CommandResult run_command(const std::string& command);

// Quotes a path for /bin/sh.
std::string shell_quote(const std::string& text);

}  // namespace lettrine::xlsx_test
