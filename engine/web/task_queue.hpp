#pragma once
// cpp-httplib's worker pool with a bounded queue. The library's own
// ThreadPool (0.11) queues accepted connections without limit; this one
// makes the accepting thread wait when `max_waiting` connections are
// already queued, so further clients wait in the kernel's listen backlog
// instead of in the server's memory.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace lettrine::web {

class BoundedTaskQueue : public httplib::TaskQueue {
public:
    BoundedTaskQueue(std::size_t threads, std::size_t max_waiting);
    void enqueue(std::function<void()> task) override;
    void shutdown() override;

private:
    void work();

    std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable has_task_, has_room_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

// At most N batches at once; the others wait their turn, first come first
// served (--lots-simultanes, distinct from --jobs, the threads of one batch).
class BatchGate {
public:
    explicit BatchGate(int batches) : free_(batches) {}
    // Blocks until it is this caller's turn.
    void enter();
    void leave();
    // Batches waiting now.
    std::size_t waiting();

private:
    std::mutex mutex_;
    std::condition_variable turn_;
    int free_;
    unsigned long long next_ticket_ = 0, serving_ = 0;
};

}  // namespace lettrine::web
