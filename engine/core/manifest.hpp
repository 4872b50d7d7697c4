#pragma once
// The output folder's manifest (".lettrine/manifeste"): which job wrote
// which file. A job is a command and its selection (« lettres »,
// « lettres --secteur habitat »); each keeps its own section, so a file a
// previous run of the same job wrote and this run no longer produces (the
// letter of a removed sector) is known as stale, reported, and removed on
// request. A file no section names is never touched.
//
// Format (version 2), one line each, paths '/'-separated and escaped
// ('\\', '\n', '\t'), so a raw tab only appears in a section line:
//   lettrine-manifeste 2
//   job<TAB>lettres
//   lettres/lettre-de-mission-2016-habitat.pdf
// A version 1 manifest (no section line) is read as the unnamed job's.
#include <functional>
#include <string>
#include <vector>

namespace lettrine::publication {

// The job a batch publishes for; an empty key: no stale files are looked for
// (a one-off file, the web interface's results).
struct Job {
    std::string key;
    bool clean = false;  // remove the stale files (--nettoyer)
};

// What publishing found of a previous run of the same job.
struct StaleFiles {
    std::vector<std::string> files;  // relative to the output folder
    bool removed = false;
};

std::string escape_line(const std::string& text);
std::string unescape_line(const std::string& escaped);

// The files `manifest` names for `job` that are not in `written` and for
// which `present` is true, in the manifest's order.
std::vector<std::string> stale_in(const std::string& manifest, const std::string& job,
                                  const std::vector<std::string>& written,
                                  const std::function<bool(const std::string&)>& present);

// `manifest` with the section of `job` replaced by `files` (added at the end
// when it had none); the other jobs' sections are kept as they were.
std::string manifest_with(const std::string& manifest, const std::string& job, const std::vector<std::string>& files);

// Removes each of `files` under the folder `root_fd` when it is a regular
// file (a link or a folder in its way is left alone); returns those that
// could not be removed.
std::vector<std::string> remove_files(int root_fd, const std::vector<std::string>& files);

// True when `relative` under `root_fd` is a regular file (no link followed).
bool regular_file_at(int root_fd, const std::string& relative);

}  // namespace lettrine::publication
