#pragma once
// Runs a program as a child process and waits for it, within a wall-clock
// time limit: what the import of untrusted PDFs needs, and nothing more.
// POSIX only (posix_spawn, poll, waitpid).
#include <cstddef>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

namespace lettrine::pdfimport {

struct ChildRun {
    bool exited = false;      // ended by exit(): exit_status is meaningful
    int exit_status = 0;
    int signal = 0;           // ended by this signal (0 when exited)
    bool timed_out = false;   // killed by us (SIGKILL) after the wall-clock limit
    std::string out, err;     // what it wrote, each cut at max_output bytes
};

// Starts `program` with `arguments` (argv[1]...), standard input from
// /dev/null, standard output and error captured; kills it with SIGKILL when
// it runs longer than wall_seconds. No file descriptor of ours other than
// the three standard ones reaches the child. Throws LettrineError(Internal)
// in French when the program cannot be started.
ChildRun run_child(const boost::filesystem::path& program, const std::vector<std::string>& arguments,
                   double wall_seconds, std::size_t max_output = 1 << 20);

// "SIGSEGV", "SIGKILL"... or "signal 42".
std::string signal_name(int signal);

}  // namespace lettrine::pdfimport
