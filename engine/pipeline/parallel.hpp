#pragma once
// Runs independent tasks on N threads. Every task runs even if another
// fails, so that one batch reports all its problems; failures are merged
// into one LettrineError (the first failure's kind decides the exit code).
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"

namespace lettrine {

void run_in_parallel(std::size_t task_count, int threads, const std::function<void(std::size_t)>& task);

// Number of threads for --jobs 0: the machine's cores.
int default_job_count();

// Threads for a job asked for `requested` (0: default_job_count()).
int job_threads(int requested);

// The failures of a batch of tasks, reported in task order, each distinct
// message once (the same template mistake fails every document); the first
// task's failure gives the error kind (the exit code), whatever the timing.
// Thread-safe.
class TaskFailures {
public:
    void add(std::size_t task, const LettrineError& error);
    void add_unexpected(std::exception_ptr error);
    bool any() const;
    // Throws the merged LettrineError (or the first unexpected exception) if any.
    void rethrow() const;

private:
    struct Failure {
        std::size_t task;
        ErrorKind kind;
        Diagnostics diagnostics;
    };
    mutable std::mutex mutex_;
    std::vector<Failure> failures_;
    std::exception_ptr unexpected_;
};

// Produces items 0..count-1 on `threads` threads and consumes them one at a
// time in index order, as soon as each is ready: a pipeline whose ordered
// stage (writing one file) overlaps the parallel one (composing the next
// documents). At most `window` produced items wait for consumption, so
// memory stays bounded whatever `count`. Every item is produced even after
// a failure (all problems are reported); items are consumed up to the first
// one that failed to be produced or consumed, never beyond.
template <class T>
void run_ordered(std::size_t count, int threads, std::size_t window, const std::function<T(std::size_t)>& produce,
                 const std::function<void(std::size_t, T&)>& consume) {
    std::mutex mutex;
    std::condition_variable room;
    std::map<std::size_t, std::optional<T>> ready;  // produced, waiting for their turn
    std::size_t next_task = 0, next_to_consume = 0;
    bool consuming = false, stopped = false;
    TaskFailures failures;
    if (window == 0) window = 1;

    auto worker = [&] {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            room.wait(lock, [&] { return next_task >= count || next_task < next_to_consume + window; });
            if (next_task >= count) return;
            const std::size_t index = next_task++;
            lock.unlock();
            std::optional<T> item;
            try {
                item.emplace(produce(index));
            } catch (const LettrineError& e) {
                failures.add(index, e);
            } catch (...) {
                failures.add_unexpected(std::current_exception());
            }
            lock.lock();
            ready.emplace(index, std::move(item));
            // Whoever finds the next item ready consumes it; one consumer at a time.
            while (!consuming && !ready.empty() && ready.begin()->first == next_to_consume) {
                consuming = true;
                std::optional<T> next = std::move(ready.begin()->second);
                ready.erase(ready.begin());
                lock.unlock();
                if (!next) stopped = true;
                if (!stopped) {
                    try {
                        consume(next_to_consume, *next);
                    } catch (const LettrineError& e) {
                        failures.add(next_to_consume, e);
                        stopped = true;
                    } catch (...) {
                        failures.add_unexpected(std::current_exception());
                        stopped = true;
                    }
                }
                next.reset();
                lock.lock();
                consuming = false;
                ++next_to_consume;
                room.notify_all();
            }
        }
    };
    const std::size_t thread_count = std::max<std::size_t>(1, std::min<std::size_t>(threads, count));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < thread_count; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
    failures.rethrow();
}

}  // namespace lettrine
