#pragma once
// The library jobs behind each command of `lettrine`: the December batch
// (letters, budget), the check, the generic mail merge, the conversion.
// The command line is a thin shell over these.
#include <ostream>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "jobs/progress.hpp"

namespace lettrine {

struct JobOptions {
    boost::filesystem::path data = "input/programme-2016.xlsx";
    boost::filesystem::path output = "output";
    boost::filesystem::path templates = "templates";
    std::vector<std::string> sectors;  // empty: every sector the document applies to
    int jobs = 0;                      // 0: one per core
    Progress* progress = nullptr;      // may be null
};

struct JobResult {
    std::vector<boost::filesystem::path> written;
    Diagnostics warnings;
};

// Letters (one PDF per sector contracted by Les Ecossolies) and/or the budget workbook.
JobResult run_december(const JobOptions& options, bool letters, bool budget);

// Every problem in the data and the templates; writes nothing.
struct CheckReport {
    Diagnostics data;       // the programme's problems
    Diagnostics templates;  // templates and markup (checked once the data is valid)
    bool has_errors() const { return data.has_errors() || templates.has_errors(); }
};
CheckReport check_december(const JobOptions& options);

struct MergeOptions {
    boost::filesystem::path template_file, data, output;
    std::string each;             // sheet name or XML element path
    bool single_file = false;
    std::string file_name_field;  // names each PDF; empty: record number
    int jobs = 0;
    Progress* progress = nullptr;
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

// Writes the XLSX twin of an XML programme (input/programme-2016.xlsx is made this way).
JobResult convert_programme(const boost::filesystem::path& xml, const boost::filesystem::path& xlsx);

}  // namespace lettrine
