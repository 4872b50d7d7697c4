#pragma once
// Runs independent tasks on N threads. Every task runs even if another
// fails, so that one batch reports all its problems; failures are merged
// into one LettrineError (the first failure's kind decides the exit code).
#include <cstddef>
#include <functional>

namespace lettrine {

void run_in_parallel(std::size_t task_count, int threads, const std::function<void(std::size_t)>& task);

// Number of threads for --jobs 0: the machine's cores.
int default_job_count();

}  // namespace lettrine
