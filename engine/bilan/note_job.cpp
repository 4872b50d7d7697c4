#include "bilan/note_job.hpp"

#include <set>

#include "bilan/bilan_form.hpp"
#include "bilan/bilan_reader.hpp"
#include "bilan/note_view.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"
#include "pdf/pdf_writer.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// The sectors to write a form for: those contracted by Les Ecossolies, or
// exactly the ones named with --secteur (an unknown identifier is an error).
std::vector<const Sector*> form_sectors(const Programme& programme, const std::vector<std::string>& wanted) {
    const std::set<std::string> requested = requested_sectors(programme, wanted);
    std::vector<const Sector*> sectors;
    for (const auto& s : programme.sectors)
        if (requested.empty() ? s.contracting == Contracting::Ecossolies : requested.count(s.id) > 0)
            sectors.push_back(&s);
    return sectors;
}

void say_written(Progress* progress, const fs::path& destination) {
    if (progress && progress->verbosity() == Verbosity::Verbose) progress->say("  " + destination.string());
}

}  // namespace

JobResult run_forms(const FormOptions& options) {
    JobResult result;
    const Programme programme = read_programme(options.programme);
    OutputBatch batch(options.output);
    batch.set_job(options.job.key, options.job.clean);
    for (const Sector* sector : form_sectors(programme, options.sectors)) {
        const fs::path destination = options.output / "formulaires" / bilan_form_file_name(programme, *sector);
        batch.stage_bytes(destination, write_bilan_form(programme, *sector, options.drop_address));
        say_written(options.progress, destination);
    }
    result.written = batch.destinations();
    batch.commit();
    take_stale_files(batch, result);
    return result;
}

std::string note_file_name(const Bilan& bilan) {
    return "note-bilan-" + std::to_string(bilan.year) + "-" + slugify(bilan.sector_id) + ".pdf";
}

std::string note_markup(const Bilan& bilan, const Template& note_template) {
    return note_template.render(note_view(bilan));
}

LaidOutDocument compose_note(const Bilan& bilan, const Template& note_template, const PipelineContext& context) {
    return compose_document(note_template, note_view(bilan), context, "le bilan « " + bilan.sector_id + " »");
}

JobResult run_note(const NoteOptions& options) {
    JobResult result;
    BilanCheck checked = check_bilan(options.bilan);
    if (!checked.bilan) throw LettrineError(ErrorKind::Data, checked.diagnostics);
    result.warnings = checked.diagnostics;
    const Bilan& bilan = *checked.bilan;
    const fs::path template_file = options.templates / kNoteTemplate;
    const Template note_template = Template::load(template_file);
    PipelineContext context;
    context.resource_dir = fs::absolute(template_file).parent_path();
    context.archival = options.archival;
    const fs::path pdf = options.output / "notes" / note_file_name(bilan);
    OutputBatch batch(options.output);
    const std::vector<fs::path> destinations = output_paths(pdf, options.formats);
    const std::vector<std::string> files = render_formats(note_template, note_view(bilan), context,
                                                          "le bilan « " + bilan.sector_id + " »", options.formats);
    for (std::size_t k = 0; k < files.size(); ++k) {
        batch.stage_bytes(destinations[k], files[k]);
        say_written(options.progress, destinations[k]);
    }
    result.written = batch.destinations();
    batch.commit();
    result.warnings.append(context.warnings->take());
    return result;
}

}  // namespace lettrine
