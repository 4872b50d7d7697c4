#include "december/december_job.hpp"

#include <optional>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"
#include "pipeline/document_pipeline.hpp"
#include "views/resolved_logo.hpp"
#include "pipeline/parallel.hpp"
#include "template/template.hpp"
#include "views/programme_view.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/programme_workbook.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

const char* const kLetterTemplate = "lettre-de-mission.xml.mustache";
const char* const kBudgetTemplate = "budget.xml.mustache";

fs::path letter_path(const fs::path& output, const Programme& programme, const Sector& sector) {
    return output / "lettres" /
           ("lettre-de-mission-" + std::to_string(programme.year) + "-" + slugify(sector.id) + ".pdf");
}

}  // namespace

JobResult run_december(const JobOptions& options, bool letters, bool budget) {
    JobResult result;
    const fs::path template_file = options.templates / kLetterTemplate;
    PipelineContext context = context_for_run(options.data, template_file);
    context.archival = options.archival;
    const Programme programme = with_resolved_logo(read_programme(options.data), *context.resources);
    result.warnings.append(programme.warnings);
    OutputBatch batch(options.output);
    batch.set_job(options.job.key, options.job.clean);
    batch.protect(options.data);
    batch.protect(template_file);
    batch.protect(options.templates / kBudgetTemplate);

    std::optional<Template> letter;
    std::vector<const Sector*> sectors;
    if (letters) {
        letter = Template::load(template_file);
        sectors = letter_sectors(programme, options.sectors, result.warnings);
    }
    // Each letter's files side by side, in format order: sectors.size() × formats.size() paths.
    const std::size_t per_letter = options.formats.size();
    for (const Sector* sector : sectors)
        for (const fs::path& p : output_paths(letter_path(options.output, programme, *sector), options.formats))
            result.written.push_back(p);
    // The budget covers every sector: a run limited by --secteur leaves it alone.
    const bool with_budget = budget && options.sectors.empty();
    std::optional<Template> budget_template;
    if (with_budget) {
        budget_template = Template::load(options.templates / kBudgetTemplate);
        const fs::path stem = options.output / ("budget-" + std::to_string(programme.year));
        result.written.push_back(stem.string() + ".xlsx");
        result.written.push_back(stem.string() + ".pdf");
    }

    // One task per letter, and the budget's workbook and PDF as two more, all in parallel.
    if (options.progress && letters) options.progress->start("Lettres de mission", sectors.size());
    const std::size_t letter_files = sectors.size() * per_letter;
    run_in_parallel(sectors.size() + result.written.size() - letter_files, job_threads(options.jobs), [&](std::size_t i) {
        if (batch.failed()) return;  // a write already failed (full disk): the batch is lost, stop writing
        if (i >= sectors.size()) {
            const fs::path& destination = result.written[letter_files + i - sectors.size()];
            batch.stage_bytes(destination, i == sectors.size()
                                               ? write_budget_workbook(programme)
                                               : render_pdf(*budget_template, budget_view(programme), context,
                                                            "les tableaux budgétaires"));
            if (options.progress && options.progress->verbosity() == Verbosity::Verbose)
                options.progress->say("  " + destination.string());
            return;
        }
        const Sector& sector = *sectors[i];
        const std::vector<std::string> files = render_formats(*letter, letter_view(programme, sector), context,
                                                              "« " + sector.id + " »", options.formats);
        for (std::size_t k = 0; k < files.size(); ++k) batch.stage_bytes(result.written[i * per_letter + k], files[k]);
        if (options.progress) options.progress->advance(result.written[i * per_letter].string());
    });
    if (options.progress && letters) options.progress->finish();
    batch.commit();
    result.warnings.append(context.warnings->take());
    take_stale_files(batch, result);
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
        run_in_parallel(sectors.size(), job_threads(options.jobs), [&](std::size_t i) {
            compose_document(*letter, letter_view(programme, *sectors[i]), context, "« " + sectors[i]->id + " »");
        });
        // The budget PDF too, as `lettrine budget` would lay it out.
        if (options.sectors.empty())
            compose_document(Template::load(options.templates / kBudgetTemplate), budget_view(programme), context,
                             "les tableaux budgétaires");
    } catch (const LettrineError& e) {
        // A layout defect a data cell causes (an address too long for the window) is the data's.
        (e.kind() == ErrorKind::Data ? report.data : all).append(e.diagnostics());
    }
    all.append(context.warnings->take());  // an <image> without alt
    return report;
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
