#pragma once
// Running outside programs from the tests (pdftotext, qpdf, python3, the
// lettrine executable…): one home for what eight test folders each wrote
// with their own popen loop.
#include <string>

#include <boost/filesystem.hpp>

namespace lettrine::test_support {

struct CommandResult {
    int code = -1;    // the exit code; -1 when the program was killed or could not start
    std::string out;  // standard output
    std::string err;  // standard error (kept apart; ctest -j runs tests side by side)
};

// Runs `command` through /bin/sh and waits for it.
CommandResult run_command(const std::string& command);

// The standard output of `command` (its standard error goes where the test's goes).
std::string command_output(const std::string& command);

// `text` quoted for /bin/sh, whatever it holds.
std::string shell_quote(const std::string& text);
inline std::string shell_quote(const char* text) { return shell_quote(std::string(text)); }
inline std::string shell_quote(const boost::filesystem::path& path) { return shell_quote(path.string()); }

// The entry `name` of the ZIP package `zip` (an ODT, a DOCX), as the
// outside program unzip reads it; empty when it has none.
std::string zip_entry(const std::string& zip, const std::string& name);

#ifdef LETTRINE_EXE
// The `lettrine` executable the test binary was built with, quoted for /bin/sh.
inline std::string lettrine_exe() { return shell_quote(std::string(LETTRINE_EXE)); }
#endif

}  // namespace lettrine::test_support
