#pragma once
// What every job returns: the files it wrote (in a stable order) and the
// warnings worth showing. Shared by the feature folders (december, merge,
// ag, bilan, report) and the command line.
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/output_batch.hpp"

namespace lettrine {

struct JobResult {
    std::vector<boost::filesystem::path> written;
    Diagnostics warnings;
    // What a previous run of the same job wrote and this one no longer
    // produces (core/manifest.hpp), and whether it was removed (--nettoyer).
    std::vector<boost::filesystem::path> stale;
    bool stale_removed = false;
};

// Copies a committed batch's stale files into the result.
inline void take_stale_files(const OutputBatch& batch, JobResult& result) {
    result.stale = batch.stale_files();
    result.stale_removed = batch.stale_removed();
}

}  // namespace lettrine
