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
    // At most `batches` at once and `max_waiting` waiting: each waiting
    // batch holds one of the server's worker threads, and pages must keep
    // some (--lots-simultanes decides the first; the server derives the second).
    BatchGate(int batches, std::size_t max_waiting) : batches_(batches), free_(batches), max_waiting_(max_waiting) {}
    // Blocks until it is this caller's turn; false at once (without
    // waiting) when the queue is full. `ticketed` learns the caller's place
    // in the queue before it waits (for ahead()).
    bool enter(const std::function<void(unsigned long long ticket)>& ticketed = {});
    // Batches before `ticket`: those running and those waiting ahead of it.
    std::size_t ahead(unsigned long long ticket);
    void leave();
    // Batches waiting now.
    std::size_t waiting();

private:
    std::mutex mutex_;
    std::condition_variable turn_;
    int batches_, free_;
    std::size_t max_waiting_;
    unsigned long long next_ticket_ = 0, serving_ = 0;
};

// Leaves the batch queue when the batch is done, whatever happens.
struct BatchTurn {
    BatchGate& gate;
    ~BatchTurn() { gate.leave(); }
};

}  // namespace lettrine::web
