#pragma once
// What a command shows on the terminal: progress, diagnostics in French,
// the closing line. Commands print through it; jobs never print.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

// A kind of file a command writes, recognised by the start of its name:
// {"lettre-de-mission-", "lettre", "lettres"}. `many` empty: one file, shown
// with its path (« budget dans output/budget-2016.xlsx »).
struct WrittenKind {
    std::string prefix, one, many;
};

// « 4 lettres dans output/lettres/, budget dans output/budget-2016.xlsx »:
// the files of each kind, in the kinds' order; a file of no kind counts as
// a « fichier ».
std::string written_summary(const std::vector<boost::filesystem::path>& written, const std::vector<WrittenKind>& kinds);

// « 1 fichier d’une exécution précédente n’est plus produit : output/lettres/x.pdf ;
// --nettoyer le supprime », or « … ; supprimé (--nettoyer) » once removed.
std::string stale_summary(const std::vector<boost::filesystem::path>& stale, bool removed);

class Console {
public:
    explicit Console(Verbosity verbosity);
    Progress& progress() { return progress_; }
    void print(const Diagnostics& diagnostics);  // on the standard error, one line each
    // The job's warnings, then what was written, named by `kinds`
    // (written_summary); returns the exit code of success.
    int report(const JobResult& result, const std::vector<WrittenKind>& kinds);

private:
    Progress progress_;
};

// « 1 fichier écrit », « 4 fichiers écrits »
std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural);

}  // namespace lettrine
