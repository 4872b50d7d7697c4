#pragma once
// The generic mail merge (`lettrine fusion`): one template over every record
// of a data file, as one PDF per record or one streamed book.
#include <cstddef>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "data/value.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/output_formats.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

struct MergeOptions {
    boost::filesystem::path template_file, data, output;
    std::string each;             // sheet name or XML element path
    bool single_file = false;
    std::string file_name_field;  // names each PDF; empty: record number
    bool strict = false;          // a field some records lack is an error, not a warning
    int jobs = 0;
    // --format: each record's files (separate files only; single_file is a PDF book).
    std::vector<const OutputFormat*> formats = pdf_only();
    bool archival = true;              // false (--pdfa non): no PDF/A-2 identification
    Progress* progress = nullptr;
    publication::Job job;              // the manifest's job: --nettoyer, stale files (core/manifest.hpp)
};

// One merged file (single_file) is streamed: records are composed in
// parallel and written in order, a few at a time, so memory does not grow
// with the number of records. Either every file is written or none.
JobResult run_merge(const MergeOptions& options);

// File names (without extension) for records named `names`, in order: each
// name as given, and a repeated name suffixed "-2", "-3"... with a number
// that no other name takes, given or suffixed (records "a", "a", "a-2" give
// "a", "a-3", "a-2"). Deterministic: depends only on `names`.
std::vector<std::string> distinct_file_names(const std::vector<std::string>& names);

// What the template sees for record `index` of `total`: the record's fields
// at top level (a record that is not a group of fields is « valeur »), plus
// « numero » (from 1) and « total ».
DataValue merge_record_view(const DataValue& record, std::size_t index, std::size_t total);

}  // namespace lettrine
