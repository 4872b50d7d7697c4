#include "pipeline/progress.hpp"

namespace lettrine {

Progress::Progress(std::ostream& out, Verbosity verbosity, bool is_terminal)
    : out_(out), verbosity_(verbosity), terminal_(is_terminal) {}

void Progress::start(const std::string& label, std::size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    label_ = label;
    total_ = total;
    done_ = 0;
    if (observer_) observer_(label_, done_, total_);
}

void Progress::advance(const std::string& written_file) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    if (observer_) observer_(label_, done_, total_);
    if (verbosity_ == Verbosity::Quiet) return;
    if (verbosity_ == Verbosity::Verbose) out_ << "  " << written_file << "\n";
    // A redrawn line only on a terminal and only when there is something to wait for.
    if (terminal_ && total_ > 1 && verbosity_ == Verbosity::Normal)
        out_ << "\r" << label_ << " : " << done_ << "/" << total_ << std::flush;
}

void Progress::finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (terminal_ && total_ > 1 && verbosity_ == Verbosity::Normal) out_ << "\r\033[K" << std::flush;
}

void Progress::say(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (verbosity_ != Verbosity::Quiet) out_ << line << "\n";
}

}  // namespace lettrine
