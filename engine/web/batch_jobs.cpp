#include "web/batch_jobs.hpp"

#include <iostream>
#include <sstream>
#include <thread>

#include "web/workspace.hpp"

namespace lettrine::web {

namespace {
constexpr auto kKeptFor = std::chrono::hours(1);
}

struct BatchJobs::Job {
    std::string owner;
    std::mutex mutex;
    JobState state;
    bool ticketed = false;
    unsigned long long ticket = 0;
    std::chrono::steady_clock::time_point finished_at;
    std::thread thread;
    bool finished = false;
};

BatchJobs::~BatchJobs() {
    std::map<std::string, std::shared_ptr<Job>> jobs;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs.swap(jobs_);
    }
    for (auto& [id, job] : jobs)
        if (job->thread.joinable()) job->thread.join();
}

std::string BatchJobs::start(const std::string& owner, const std::string& kind, Work work) {
    forget_old();
    auto job = std::make_shared<Job>();
    job->owner = owner;
    job->state.kind = kind;
    const std::string id = random_id();
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_[id] = job;
    job->thread = std::thread([this, job, work = std::move(work)] { run(job, work); });
    return id;
}

void BatchJobs::run(const std::shared_ptr<Job>& job, const Work& work) {
    const bool entered = gate_.enter([&](unsigned long long ticket) {
        std::lock_guard<std::mutex> lock(job->mutex);
        job->ticketed = true;
        job->ticket = ticket;
    });
    auto finish = [&](JobState::Stage stage, DecemberOutcome outcome) {
        std::lock_guard<std::mutex> lock(job->mutex);
        job->state.stage = stage;
        job->state.outcome = std::move(outcome);
        job->finished_at = std::chrono::steady_clock::now();
        job->finished = true;
    };
    if (!entered) return finish(JobState::Stage::Busy, {});
    BatchTurn turn{gate_};
    {
        std::lock_guard<std::mutex> lock(job->mutex);
        job->state.stage = JobState::Stage::Running;
    }
    std::ostringstream quiet;
    Progress progress(quiet, Verbosity::Quiet, false);
    progress.observe([&job](const std::string& label, std::size_t done, std::size_t total) {
        std::lock_guard<std::mutex> lock(job->mutex);
        job->state.label = label;
        job->state.done = done;
        job->state.total = total;
    });
    try {
        finish(JobState::Stage::Done, work(progress));
    } catch (const std::exception& e) {
        std::cerr << "lettrine serveur : travail en arrière-plan : " << e.what() << "\n";
        finish(JobState::Stage::Failed, {});
    }
}

std::optional<JobState> BatchJobs::find(const std::string& id, const std::string& owner) {
    std::shared_ptr<Job> job;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto it = jobs_.find(id);
        if (it == jobs_.end() || owner.empty() || it->second->owner != owner) return std::nullopt;
        job = it->second;
    }
    std::lock_guard<std::mutex> lock(job->mutex);
    JobState state = job->state;
    if (state.stage == JobState::Stage::Waiting && job->ticketed) state.ahead = gate_.ahead(job->ticket);
    return state;
}

// Joins the threads of finished jobs and drops those finished long ago.
void BatchJobs::forget_old() {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    for (auto it = jobs_.begin(); it != jobs_.end();) {
        Job& job = *it->second;
        bool finished = false, old = false;
        {
            std::lock_guard<std::mutex> job_lock(job.mutex);
            finished = job.finished;
            old = finished && now - job.finished_at > kKeptFor;
        }
        if (finished && job.thread.joinable()) job.thread.join();
        it = old ? jobs_.erase(it) : std::next(it);
    }
}

}  // namespace lettrine::web
