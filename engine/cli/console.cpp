#include "cli/console.hpp"

#include <unistd.h>

#include <iostream>

namespace lettrine {

Console::Console(Verbosity verbosity) : progress_(std::cerr, verbosity, ::isatty(STDERR_FILENO) == 1) {}

void Console::print(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics.items()) std::cerr << d.describe() << "\n";
}

int Console::report(const JobResult& result, const std::string& where) {
    print(result.warnings);
    progress_.say(count_phrase(result.written.size(), "fichier écrit", "fichiers écrits") + " dans " + where);
    return 0;
}

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

}  // namespace lettrine
