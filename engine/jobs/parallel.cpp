#include "jobs/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "core/diagnostic.hpp"

namespace lettrine {

int default_job_count() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(std::min(cores, 16u));
}

void run_in_parallel(std::size_t task_count, int threads, const std::function<void(std::size_t)>& task) {
    std::atomic<std::size_t> next{0};
    std::mutex mutex;
    std::optional<ErrorKind> first_kind;
    std::vector<std::pair<std::size_t, Diagnostics>> failures;  // by task index: stable order
    std::exception_ptr unexpected;

    auto worker = [&] {
        for (std::size_t i = next++; i < task_count; i = next++) {
            try {
                task(i);
            } catch (const LettrineError& e) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!first_kind) first_kind = e.kind();
                failures.emplace_back(i, e.diagnostics());
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!unexpected) unexpected = std::current_exception();
            }
        }
    };
    const std::size_t count = std::max<std::size_t>(1, std::min<std::size_t>(threads, task_count));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < count; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();

    if (unexpected) std::rethrow_exception(unexpected);
    if (failures.empty()) return;
    std::sort(failures.begin(), failures.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    // The same template mistake fails every document: say it once.
    Diagnostics merged;
    std::set<std::string> seen;
    for (const auto& failure : failures)
        for (const auto& d : failure.second.items())
            if (seen.insert(d.describe()).second) merged.add(d);
    throw LettrineError(*first_kind, merged);
}

}  // namespace lettrine
