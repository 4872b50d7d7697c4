#pragma once
// What every job returns: the files it wrote (in a stable order) and the
// warnings worth showing. Shared by the feature folders (december, merge,
// ag, bilan, report) and the command line.
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"

namespace lettrine {

struct JobResult {
    std::vector<boost::filesystem::path> written;
    Diagnostics warnings;
};

}  // namespace lettrine
