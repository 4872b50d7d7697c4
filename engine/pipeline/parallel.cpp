#include "pipeline/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <set>

namespace lettrine {

int default_job_count() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(std::min(cores, 16u));
}

int job_threads(int requested) { return requested > 0 ? requested : default_job_count(); }

void TaskFailures::add(std::size_t task, const LettrineError& error) {
    std::lock_guard<std::mutex> lock(mutex_);
    failures_.push_back({task, error.kind(), error.diagnostics()});
}

void TaskFailures::add_unexpected(std::exception_ptr error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!unexpected_) unexpected_ = error;
}

bool TaskFailures::any() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return !failures_.empty() || unexpected_;
}

void TaskFailures::rethrow() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (unexpected_) std::rethrow_exception(unexpected_);
    if (failures_.empty()) return;
    auto sorted = failures_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.task < b.task; });
    Diagnostics merged;
    std::set<std::string> seen;
    for (const auto& failure : sorted)
        for (const auto& d : failure.diagnostics.items()) {
            // A full disk fails every file being written at that moment: one
            // message says it (the first file's), not one per thread.
            const std::string key = failure.kind == ErrorKind::Io ? "io:" + d.message : d.describe();
            if (seen.insert(key).second) merged.add(d);
        }
    throw LettrineError(sorted.front().kind, merged);
}

void run_in_parallel(std::size_t task_count, int threads, const std::function<void(std::size_t)>& task) {
    std::atomic<std::size_t> next{0};
    TaskFailures failures;
    auto worker = [&] {
        for (std::size_t i = next++; i < task_count; i = next++) {
            try {
                task(i);
            } catch (const LettrineError& e) {
                failures.add(i, e);
            } catch (...) {
                failures.add_unexpected(std::current_exception());
            }
        }
    };
    const std::size_t count = std::max<std::size_t>(1, std::min<std::size_t>(threads, task_count));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < count; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
    failures.rethrow();
}

}  // namespace lettrine
