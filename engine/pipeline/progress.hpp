#pragma once
// What the user sees while a batch runs: a progress line on stderr when it
// is a terminal (« Lettres : 3/4 »), the files written with --verbose,
// nothing but errors with --quiet.
#include <atomic>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

namespace lettrine {

enum class Verbosity { Quiet, Normal, Verbose };

class Progress {
public:
    Progress(std::ostream& out, Verbosity verbosity, bool is_terminal);
    void start(const std::string& label, std::size_t total);
    void advance(const std::string& written_file);
    void finish();
    void say(const std::string& line);  // a normal-verbosity message
    Verbosity verbosity() const { return verbosity_; }
    // Called (under the progress lock) at each start and advance with the
    // label, the documents done and their total: the web server's progress bar.
    using Observer = std::function<void(const std::string& label, std::size_t done, std::size_t total)>;
    void observe(Observer observer) { observer_ = std::move(observer); }

private:
    std::ostream& out_;
    Verbosity verbosity_;
    bool terminal_;
    std::mutex mutex_;
    std::string label_;
    std::size_t total_ = 0, done_ = 0;
    Observer observer_;
};

}  // namespace lettrine
