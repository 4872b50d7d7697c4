#include "jobs/jobs.hpp"

#include <cstdio>
#include <optional>

#include <map>
#include <set>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"
#include "xlsx/programme_workbook.hpp"
#include "data/records.hpp"
#include "jobs/december_view.hpp"
#include "jobs/document_pipeline.hpp"
#include "jobs/file_output.hpp"
#include "jobs/parallel.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/template.hpp"
#include "xlsx/budget_workbook.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

const char* const kLetterTemplate = "lettre-de-mission.xml.mustache";

int thread_count(int requested) { return requested > 0 ? requested : default_job_count(); }

// Laid-out records waiting to be written, per thread, in a streamed merge:
// enough to keep every thread busy while one writes; each is one letter's
// pages (a few hundred KiB).
constexpr std::size_t kMergeWindowPerThread = 2;


fs::path letter_path(const fs::path& output, const Programme& programme, const Sector& sector) {
    return output / "lettres" /
           ("lettre-de-mission-" + std::to_string(programme.year) + "-" + slugify(sector.id) + ".pdf");
}

}  // namespace

JobResult run_december(const JobOptions& options, bool letters, bool budget) {
    JobResult result;
    const fs::path template_file = options.templates / kLetterTemplate;
    const PipelineContext context = context_for_run(options.data, template_file);
    const Programme programme = with_resolved_logo(read_programme(options.data), *context.resources);
    result.warnings.append(programme.warnings);
    OutputBatch batch(options.output);
    batch.protect(options.data);
    batch.protect(template_file);

    std::optional<Template> letter;
    std::vector<const Sector*> sectors;
    if (letters) {
        letter = Template::load(template_file);
        sectors = letter_sectors(programme, options.sectors, result.warnings);
    }
    for (const Sector* sector : sectors) result.written.push_back(letter_path(options.output, programme, *sector));
    // The budget covers every sector: a run limited by --secteur leaves it alone.
    const bool with_budget = budget && options.sectors.empty();
    if (with_budget) result.written.push_back(options.output / ("budget-" + std::to_string(programme.year) + ".xlsx"));

    // One task per letter, and the budget as one more, all in parallel.
    if (options.progress && letters) options.progress->start("Lettres de mission", sectors.size());
    run_in_parallel(result.written.size(), thread_count(options.jobs), [&](std::size_t i) {
        const fs::path& destination = result.written[i];
        if (batch.failed()) return;  // a write already failed (full disk): the batch is lost, stop writing
        if (i == sectors.size()) {
            batch.stage_bytes(destination, write_budget_workbook(programme));
            if (options.progress && options.progress->verbosity() == Verbosity::Verbose)
                options.progress->say("  " + destination.string());
            return;
        }
        const Sector& sector = *sectors[i];
        batch.stage_bytes(destination,
                          render_pdf(*letter, letter_view(programme, sector), context, "« " + sector.id + " »"));
        if (options.progress) options.progress->advance(destination.string());
    });
    if (options.progress && letters) options.progress->finish();
    batch.commit();
    return result;
}

CheckReport check_december(const JobOptions& options) {
    CheckReport report;
    ProgrammeCheck checked = check_programme(options.data);
    report.data = checked.diagnostics;
    Diagnostics& all = report.templates;
    const fs::path template_file = options.templates / kLetterTemplate;
    std::optional<Template> letter;
    try {
        letter = Template::load(template_file);
    } catch (const LettrineError& e) {
        all.append(e.diagnostics());
    }
    if (report.data.has_errors() || !checked.programme || !letter) return report;

    // The data is valid: check names against a real letter's data, then
    // lay every letter out (without writing) to catch markup mistakes.
    const PipelineContext context = context_for_run(options.data, template_file);
    const Programme programme = with_resolved_logo(*checked.programme, *context.resources, report.data);
    Diagnostics warnings;
    std::vector<const Sector*> sectors;
    try {
        sectors = letter_sectors(programme, options.sectors, warnings);
    } catch (const LettrineError& e) {
        report.data.append(e.diagnostics());
        return report;
    }
    all.append(warnings);
    if (!sectors.empty()) all.append(check_names(*letter, letter_view(programme, *sectors.front())));
    try {
        run_in_parallel(sectors.size(), thread_count(options.jobs), [&](std::size_t i) {
            compose_document(*letter, letter_view(programme, *sectors[i]), context, "« " + sectors[i]->id + " »");
        });
    } catch (const LettrineError& e) {
        // A layout defect a data cell causes (an address too long for the window) is the data's.
        (e.kind() == ErrorKind::Data ? report.data : all).append(e.diagnostics());
    }
    return report;
}

namespace {

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
    const PipelineContext context = context_for_run(options.data, options.template_file);
    OutputBatch batch(options.single_file ? output_folder_of(options.output) : options.output);
    batch.protect(options.data);
    batch.protect(options.template_file);
    if (options.progress) options.progress->start("Fusion", total);

    if (options.single_file) {
        // Streamed: records are composed in parallel and written in order
        // into the staged file, a few at a time; the whole book is never
        // held in memory.
        FileSink file(batch.stage(options.output), options.output);
        PdfStreamWriter writer(file);
        const int threads = thread_count(options.jobs);
        run_ordered<LaidOutDocument>(
            total, threads, kMergeWindowPerThread * static_cast<std::size_t>(threads),
            [&](std::size_t i) {
                if (file.failed()) return LaidOutDocument{};  // the disk is full: nothing more will be written
                return compose_document(document_template, merge_record_view(records.items()[i], i, total), context,
                                        "l'élément " + std::to_string(i + 1));
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
        std::vector<fs::path> destinations;
        for (const std::string& name : distinct_file_names(names)) destinations.push_back(options.output / (name + ".pdf"));
        run_in_parallel(total, thread_count(options.jobs), [&](std::size_t i) {
            if (batch.failed()) return;  // a write already failed (full disk): the batch is lost, stop writing
            batch.stage_bytes(destinations[i],
                              render_pdf(document_template, merge_record_view(records.items()[i], i, total), context,
                                         "l'élément " + std::to_string(i + 1)));
            if (options.progress) options.progress->advance(destinations[i].string());
        });
        result.written = destinations;  // in record order, whatever the threads' timing
    }
    if (options.progress) options.progress->finish();
    batch.commit();
    return result;
}

JobResult convert_programme(const fs::path& xml, const fs::path& xlsx) {
    refuse_unusable_destination(xlsx, {xml});
    const Programme programme = read_programme(xml);
    OutputBatch batch(output_folder_of(xlsx));
    batch.protect(xml);
    batch.stage_bytes(xlsx, write_programme_xlsx(programme));
    batch.commit();
    JobResult result;
    result.written.push_back(xlsx);
    return result;
}

}  // namespace lettrine
