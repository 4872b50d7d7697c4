#include "web/retention.hpp"

#include <iostream>

#include "web/december.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// When the result in `folder` was published.
std::time_t published_at(const fs::path& folder) {
    boost::system::error_code error;
    const std::time_t page = fs::last_write_time(folder / kResultPage, error);
    if (!error) return page;
    const std::time_t made = fs::last_write_time(folder, error);
    return error ? std::time_t(-1) : made;
}

}  // namespace

std::size_t remove_old_results(const Workspace& workspace, int days, std::time_t now) {
    const std::time_t oldest_kept = now - static_cast<std::time_t>(days) * 24 * 3600;
    std::size_t removed = 0;
    boost::system::error_code error;
    for (fs::directory_iterator it(workspace.results_area(), error), end; !error && it != end; it.increment(error)) {
        const fs::path folder = it->path();
        boost::system::error_code ignored;
        if (!is_result_id(folder.filename().string()) || !fs::is_directory(fs::symlink_status(folder, ignored)))
            continue;
        const std::time_t published = published_at(folder);
        if (published < 0 || published >= oldest_kept) continue;
        fs::remove_all(folder, ignored);
        if (ignored)
            std::cerr << "lettrine serveur : résultat ancien impossible à supprimer : " << folder.string() << " ("
                      << ignored.message() << ")\n";
        else
            ++removed;
    }
    return removed;
}

ResultRetention::ResultRetention(const Workspace& workspace, int days) : workspace_(workspace), days_(days) {
    remove_old_results(workspace_, days_, std::time(nullptr));
    thread_ = std::thread([this] { sweep_hourly(); });
}

ResultRetention::~ResultRetention() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stop_.notify_all();
    thread_.join();
}

void ResultRetention::sweep_hourly() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_.wait_for(lock, kRetentionSweepEvery, [this] { return stopping_; })) {
        lock.unlock();
        remove_old_results(workspace_, days_, std::time(nullptr));
        lock.lock();
    }
}

}  // namespace lettrine::web
