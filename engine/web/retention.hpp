#pragma once
// How long the server keeps what its jobs produced (--conservation JOURS):
// each result folder (DOSSIER/output/serveur/resultats/<id>/: the documents,
// their page, their ZIP) is removed once it is older than that, when the
// server starts and then once an hour. Nothing else is ever removed: not
// the year's inputs (DOSSIER/input/, the référents' returned bilans in
// input/bilans/), not the référents' links, not the preview cache, not a
// file or folder of the results area that is not named like a result.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <ctime>
#include <mutex>
#include <thread>

#include "web/workspace.hpp"

namespace lettrine::web {

inline constexpr std::chrono::hours kRetentionSweepEvery{1};

// Removes the results older than `days` days at `now`; how many were removed.
// A result's age is that of its page (written once, when it was published),
// or of its folder when it has none (a result published before pages were
// kept). Symbolic links are not followed.
std::size_t remove_old_results(const Workspace& workspace, int days, std::time_t now);

// Sweeps the results once now (before the server answers), then every
// kRetentionSweepEvery on a thread of its own, until destroyed.
class ResultRetention {
public:
    ResultRetention(const Workspace& workspace, int days);
    ~ResultRetention();
    ResultRetention(const ResultRetention&) = delete;
    ResultRetention& operator=(const ResultRetention&) = delete;

private:
    void sweep_hourly();

    const Workspace& workspace_;
    int days_;
    std::mutex mutex_;
    std::condition_variable stop_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace lettrine::web
