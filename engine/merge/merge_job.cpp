#include "merge/merge_job.hpp"

#include <cstdio>

#include <set>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/records.hpp"
#include "merge/merge_checks.hpp"
#include "pdf/pdf_writer.hpp"
#include "pipeline/document_pipeline.hpp"
#include "pipeline/file_output.hpp"
#include "pipeline/parallel.hpp"
#include "template/template.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// Laid-out records waiting to be written, per thread, in a streamed merge:
// enough to keep every thread busy while one writes; each is one letter's
// pages (a few hundred KiB).
constexpr std::size_t kMergeWindowPerThread = 2;

std::string record_file_name(const DataValue& record, const MergeOptions& options, std::size_t index) {
    char number[24];
    std::snprintf(number, sizeof number, "%04zu", index + 1);
    if (!options.file_name_field.empty()) {
        const DataValue* field = record.find_path(options.file_name_field);
        if (field && field->is_text() && !trim(field->as_text()).empty()) return slugify(field->as_text());
    }
    return slugify(options.template_file.stem().stem().string()) + "-" + number;
}

}  // namespace

std::vector<std::string> distinct_file_names(const std::vector<std::string>& names) {
    // Every name as given is taken first, so a record really named "a-2"
    // keeps its name and a second "a" becomes "a-3".
    std::set<std::string> taken(names.begin(), names.end());
    std::set<std::string> given;
    std::vector<std::string> out;
    out.reserve(names.size());
    for (const std::string& name : names) {
        if (given.insert(name).second) {
            out.push_back(name);
            continue;
        }
        for (std::size_t n = 2;; ++n) {
            std::string candidate = name + "-" + std::to_string(n);
            if (!taken.count(candidate)) {
                taken.insert(candidate);
                given.insert(candidate);
                out.push_back(std::move(candidate));
                break;
            }
        }
    }
    return out;
}

DataValue merge_record_view(const DataValue& record, std::size_t index, std::size_t total) {
    DataValue view = record.is_map() ? record : DataValue::map(record.position());
    if (!record.is_map()) view.set("valeur", record);
    view.set("numero", DataValue::text(std::to_string(index + 1)));
    view.set("total", DataValue::text(std::to_string(total)));
    return view;
}

JobResult run_merge(const MergeOptions& options) {
    JobResult result;
    if (options.single_file) refuse_unusable_destination(options.output, {options.data, options.template_file});
    const Template document_template = Template::load(options.template_file);
    const DataValue records = read_records(options.data, options.each, &result.warnings);
    const std::size_t total = records.items().size();
    if (total == 0)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(options.data.filename().string()),
                            "aucun élément « " + options.each + " » dans les données : rien à produire");
    if (!options.file_name_field.empty()) check_file_name_field(options.file_name_field, records);
    check_record_fields(document_template, records, options.strict, result.warnings);
    PipelineContext context = context_for_run(options.data, options.template_file);
    context.archival = options.archival;
    OutputBatch batch(options.single_file ? output_folder_of(options.output) : options.output);
    batch.set_job(options.job.key, options.job.clean);
    batch.protect(options.data);
    batch.protect(options.template_file);
    if (options.progress) options.progress->start("Fusion", total);

    if (options.single_file) {
        // Streamed: records are composed in parallel and written in order
        // into the staged file, a few at a time; the whole book is never
        // held in memory.
        FileSink file(batch.stage(options.output), options.output);
        PdfStreamWriter writer(file);
        const int threads = job_threads(options.jobs);
        run_ordered<LaidOutDocument>(
            total, threads, kMergeWindowPerThread * static_cast<std::size_t>(threads),
            [&](std::size_t i) {
                if (file.failed()) return LaidOutDocument{};  // the disk is full: nothing more will be written
                return compose_document(document_template, merge_record_view(records.items()[i], i, total), context,
                                        "l’élément " + std::to_string(i + 1));
            },
            [&](std::size_t, LaidOutDocument& part) {
                writer.add(part);
                if (options.progress) options.progress->advance("");
            });
        writer.finish();
        file.close();
        result.written.push_back(options.output);
    } else {
        // Names are fixed before rendering so collisions get stable suffixes.
        std::vector<std::string> names;
        for (std::size_t i = 0; i < total; ++i) names.push_back(record_file_name(records.items()[i], options, i));
        std::vector<std::vector<fs::path>> destinations;  // per record, in format order
        for (const std::string& name : distinct_file_names(names))
            destinations.push_back(output_paths(options.output / (name + ".pdf"), options.formats));
        run_in_parallel(total, job_threads(options.jobs), [&](std::size_t i) {
            if (batch.failed()) return;  // a write already failed (full disk): the batch is lost, stop writing
            const std::vector<std::string> files =
                render_formats(document_template, merge_record_view(records.items()[i], i, total), context,
                               "l’élément " + std::to_string(i + 1), options.formats);
            for (std::size_t k = 0; k < files.size(); ++k) batch.stage_bytes(destinations[i][k], files[k]);
            if (options.progress) options.progress->advance(destinations[i].front().string());
        });
        for (const auto& files : destinations)  // in record order, whatever the threads' timing
            result.written.insert(result.written.end(), files.begin(), files.end());
    }
    if (options.progress) options.progress->finish();
    batch.commit();
    result.warnings.append(context.warnings->take());
    take_stale_files(batch, result);
    return result;
}

}  // namespace lettrine
