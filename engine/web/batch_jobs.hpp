#pragma once
// Batches that outlive their POST: the upload starts a job under an
// unguessable id bound to its owner (the staff session, the form cookie
// without accounts, or a référent's link token), and the browser polls its
// state (/travaux/ID, docs/SERVEUR.md « Progression »). Each job runs on a
// thread of its own, not on one of the server's few workers, and waits its
// turn at the BatchGate like any batch. Finished jobs are kept an hour.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "pipeline/progress.hpp"
#include "web/december.hpp"
#include "web/task_queue.hpp"

namespace lettrine::web {

// What the waiting page shows of a job.
struct JobState {
    enum class Stage { Waiting, Running, Done, Busy, Failed };
    Stage stage = Stage::Waiting;
    std::size_t ahead = 0;              // Waiting: batches before this one
    std::size_t done = 0, total = 0;    // Running: documents made, of total
    std::string label;                  // Running: the step (« Lettres de mission »)
    DecemberOutcome outcome;            // Done
    std::string kind;                   // as given to start()
};

class BatchJobs {
public:
    using Work = std::function<DecemberOutcome(Progress& progress)>;

    explicit BatchJobs(BatchGate& gate) : gate_(gate) {}
    ~BatchJobs();  // waits for the running jobs
    BatchJobs(const BatchJobs&) = delete;
    BatchJobs& operator=(const BatchJobs&) = delete;

    // Starts `work` as soon as the gate lets it; the job's id (32 hex digits).
    // `kind` says which page shows its refusal (« decembre »).
    std::string start(const std::string& owner, const std::string& kind, Work work);
    // The job's state, or nothing when `id` is unknown or not `owner`'s.
    std::optional<JobState> find(const std::string& id, const std::string& owner);

private:
    struct Job;
    void run(const std::shared_ptr<Job>& job, const Work& work);
    void forget_old();

    BatchGate& gate_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Job>> jobs_;
};

}  // namespace lettrine::web
