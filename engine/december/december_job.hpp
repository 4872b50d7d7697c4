#pragma once
// The December batch: the lettres de mission (one PDF per sector contracted
// by Les Ecossolies) and the budget workbook, the check that runs before it,
// and the XML → XLSX conversion of a programme.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/default_paths.hpp"

#include "core/diagnostic.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/output_formats.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

struct JobOptions {
    boost::filesystem::path data = kDefaultProgramme;
    boost::filesystem::path output = "output";
    boost::filesystem::path templates = "templates";
    std::vector<std::string> sectors;  // empty: every sector the document applies to
    int jobs = 0;                      // 0: one per core
    // --format: the letters' formats (the budget stays a workbook and a PDF).
    std::vector<const OutputFormat*> formats = pdf_only();
    bool archival = true;              // false (--pdfa non): no PDF/A-2 identification
    Progress* progress = nullptr;      // may be null
    publication::Job job;              // the manifest's job: --nettoyer, stale files (core/manifest.hpp)
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

// Writes the XLSX twin of an XML programme (input/programme-2016.xlsx is made this way).
JobResult convert_programme(const boost::filesystem::path& xml, const boost::filesystem::path& xlsx);

}  // namespace lettrine
