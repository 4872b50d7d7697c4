#pragma once
// What a command shows on the terminal: progress, diagnostics in French,
// the closing line. Commands print through it; jobs never print.
#include <string>

#include "core/diagnostic.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

class Console {
public:
    explicit Console(Verbosity verbosity);
    Progress& progress() { return progress_; }
    void print(const Diagnostics& diagnostics);  // on the standard error, one line each
    // The job's warnings, then « 4 fichiers écrits dans output/ » (`where`);
    // returns the exit code of success.
    int report(const JobResult& result, const std::string& where);

private:
    Progress progress_;
};

// « 1 fichier écrit », « 4 fichiers écrits »
std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural);

}  // namespace lettrine
