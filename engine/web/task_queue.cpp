#include "web/task_queue.hpp"

namespace lettrine::web {

BoundedTaskQueue::BoundedTaskQueue(std::size_t threads, std::size_t max_waiting) : max_waiting_(max_waiting) {
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

void BoundedTaskQueue::enqueue(std::function<void()> task) {
    std::unique_lock<std::mutex> lock(mutex_);
    has_room_.wait(lock, [&] { return stopping_ || tasks_.size() < max_waiting_; });
    tasks_.push_back(std::move(task));
    lock.unlock();
    has_task_.notify_one();
}

void BoundedTaskQueue::shutdown() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    has_task_.notify_all();
    has_room_.notify_all();
    for (std::thread& t : threads_) t.join();
    threads_.clear();
}

void BoundedTaskQueue::work() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            has_task_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty()) return;  // stopping, and nothing left to serve
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        has_room_.notify_one();
        task();
    }
}

bool BatchGate::enter(const std::function<void(unsigned long long ticket)>& ticketed) {
    std::unique_lock<std::mutex> lock(mutex_);
    const bool must_wait = free_ <= 0 || next_ticket_ != serving_;
    if (must_wait && next_ticket_ - serving_ >= max_waiting_) return false;
    const unsigned long long ticket = next_ticket_++;
    if (ticketed) ticketed(ticket);
    turn_.wait(lock, [&] { return ticket == serving_ && free_ > 0; });
    ++serving_;
    --free_;
    lock.unlock();
    turn_.notify_all();
    return true;
}

void BatchGate::leave() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++free_;
    }
    turn_.notify_all();
}

std::size_t BatchGate::ahead(unsigned long long ticket) {
    std::lock_guard<std::mutex> lock(mutex_);
    const unsigned long long waiting_ahead = ticket > serving_ ? ticket - serving_ : 0;
    return static_cast<std::size_t>(waiting_ahead) + static_cast<std::size_t>(batches_ - free_);
}

std::size_t BatchGate::waiting() {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<std::size_t>(next_ticket_ - serving_);
}

}  // namespace lettrine::web
