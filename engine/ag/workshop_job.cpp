#include <optional>
#include "ag/workshop_job.hpp"

#include <set>

#include "ag/assembly_reader.hpp"
#include "ag/assembly_xlsx_writer.hpp"
#include "ag/badges.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/programme_reader.hpp"
#include "pipeline/document_pipeline.hpp"
#include "views/resolved_logo.hpp"
#include "pipeline/parallel.hpp"
#include "layout/layout.hpp"
#include "markup/french_punctuation.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/french_format.hpp"
#include "template/template.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

const char* const kPackTemplate = "atelier.xml.mustache";
const char* const kAttendanceTemplate = "emargement.xml.mustache";  // the attendance sheet alone

// The workshops to print, in the programme's sector order, restricted to
// --secteur when given (an unknown identifier is a usage error).
std::vector<std::pair<const Workshop*, const Sector*>> selected(const Programme& programme, const GeneralAssembly& ag,
                                                                const std::vector<std::string>& wanted) {
    const std::set<std::string> requested =
        requested_sectors(programme, wanted, [&](const std::string& id) { return ag.find_workshop(id) != nullptr; });
    std::vector<std::pair<const Workshop*, const Sector*>> out;
    for (const auto& s : programme.sectors)
        if (requested.empty() || requested.count(s.id))
            if (const Workshop* w = ag.find_workshop(s.id)) out.emplace_back(w, &s);
    return out;
}

fs::path assembly_folder(const WorkshopOptions& options, const GeneralAssembly& ag) {
    return options.output / ("ag-" + std::to_string(ag.year));
}

}  // namespace

LaidOutDocument assemble_dossier(std::vector<LaidOutDocument> packs, bool duplex, std::vector<std::size_t>* starts) {
    LaidOutDocument book;
    for (auto& pack : packs) {
        if (duplex && book.pages.size() % 2 == 1) {
            LaidOutPage blank;
            blank.width = book.pages.back().width;
            blank.height = book.pages.back().height;
            book.pages.push_back(blank);
        }
        if (starts) starts->push_back(book.pages.size());
        append_laid_out(book, std::move(pack));
    }
    return book;
}

std::string badge_format_refusal(const std::vector<const OutputFormat*>& formats) {
    for (const OutputFormat* format : formats)
        if (!writes_pages(*format))
            return "le format " + format->name +
                   " n’est pas proposé pour les badges : ce sont des cartes de 85 × 54 mm dessinées "
                   "directement sur la planche, avec leurs traits de coupe, sans texte suivi qu’un traitement de "
                   "texte puisse reprendre ; un nom se corrige dans les données de l’AG (--donnees-ag), puis "
                   "lettrine atelier --badges";
    return "";
}

namespace {

// The badge sheets, PDF only (badge_format_refusal).
void stage_badges(const WorkshopOptions& options, const GeneralAssembly& ag, const Programme& programme,
                  const FontSet& fonts, const fs::path& folder, OutputBatch& batch) {
    const std::string refusal = badge_format_refusal(options.formats);
    if (!refusal.empty()) throw LettrineError(ErrorKind::Usage, SourcePosition{}, refusal);
    const fs::path destination = folder / ("badges-" + std::to_string(ag.year) + ".pdf");
    if (ag.registrants.empty())
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(options.assembly.filename().string()),
                            "aucun inscrit : pas de badge à produire");
    batch.stage_bytes(destination, write_pdf(badge_sheets(ag, programme, fonts)));
    if (options.progress && options.progress->verbosity() == Verbosity::Verbose)
        options.progress->say("  " + destination.string());
}

// The dossier for printing: the packs' pages one after the other, with the
// assembly's metadata.
std::string dossier_pdf(std::vector<LaidOutDocument> packs, const WorkshopOptions& options,
                        const GeneralAssembly& ag, const Programme& programme) {
    LaidOutDocument book = assemble_dossier(std::move(packs), options.duplex);
    // The book's metadata, set here, gets the typography its documents' get in markup.
    book.metadata.title = french_typography("Assemblée générale " + std::to_string(ag.year) + " — dossiers des ateliers");
    book.metadata.subject =
        french_typography("Dossiers des ateliers par secteur de l’assemblée générale du " + format_date_long(ag.date));
    book.metadata.author = french_typography(programme.organisation);
    book.metadata.creation_date = pdf_date(format_date_iso(ag.date));
    return write_pdf(book);
}

}  // namespace

JobResult run_workshop_packs(const WorkshopOptions& options) {
    JobResult result;
    const fs::path template_file = options.templates / kPackTemplate;
    PipelineContext context = context_for_run(options.programme, template_file);
    context.archival = options.archival;
    const Programme programme = with_resolved_logo(read_programme(options.programme), *context.resources);
    AssemblyCheck checked = check_assembly(options.assembly, &programme);
    if (!checked.assembly) throw LettrineError(ErrorKind::Data, checked.diagnostics);
    for (const auto& d : checked.diagnostics.items()) result.warnings.add(d);
    const GeneralAssembly& ag = *checked.assembly;
    const fs::path folder = assembly_folder(options, ag);
    OutputBatch batch(options.output);
    batch.set_job(options.job.key, options.job.clean);
    for (const fs::path& input : {options.programme, options.assembly, template_file}) batch.protect(input);
    batch.protect(options.templates / kAttendanceTemplate);

    if (options.badges) {
        stage_badges(options, ag, programme, *context.fonts, folder, batch);
        result.written = batch.destinations();
    } else {
        const Template pack_template = Template::load(template_file);
        const Template attendance_template = Template::load(options.templates / kAttendanceTemplate);
        const auto workshops = selected(programme, ag, options.sectors);
        // Per workshop, its pack then its attendance sheet, each in every
        // format side by side: the files named before any is made, so that
        // the summary's order does not depend on the threads.
        const std::size_t per_workshop = 2 * options.formats.size();
        for (const auto& [workshop, sector] : workshops)
            for (const char* prefix : {"dossier-atelier-", "emargement-"})
                for (const fs::path& p : output_paths(folder / (prefix + slugify(sector->id) + ".pdf"), options.formats))
                    result.written.push_back(p);
        // The printing dossier covers every workshop (a run limited by
        // --secteur leaves it alone) and is made of the packs' pages: it is
        // written in the formats that are pages (PDF), the packs being the
        // files to edit.
        const OutputFormat* dossier_format = nullptr;
        for (const OutputFormat* format : options.formats)
            if (writes_pages(*format) && !dossier_format) dossier_format = format;
        if (!options.sectors.empty()) dossier_format = nullptr;
        std::vector<LaidOutDocument> packs(workshops.size());
        if (options.progress) options.progress->start("Dossiers d’atelier", workshops.size());
        run_in_parallel(workshops.size(), job_threads(options.jobs), [&](std::size_t i) {
            if (batch.failed()) return;
            const auto [workshop, sector] = workshops[i];
            const std::optional<SectorBilan> bilan = options.bilans ? options.bilans(*sector) : std::nullopt;
            const DataValue view = workshop_view(programme, ag, *workshop, *sector, bilan);
            const std::string description = "l’atelier « " + sector->id + " »";
            const Document pack = compose_markup(pack_template, view, description);
            const std::size_t first = i * per_workshop, formats = options.formats.size();
            // Laid out once, for the PDF and the editable files' page numbers;
            // the pages kept for the dossier.
            std::optional<LaidOutDocument> pages;
            if (needs_layout(pack, options.formats)) pages = layout_markup(pack, view, context);
            for (std::size_t k = 0; k < formats; ++k) {
                const OutputFormat& format = *options.formats[k];
                batch.stage_bytes(result.written[first + k], format.write(pack, view, context, pages ? &*pages : nullptr));
            }
            if (dossier_format) packs[i] = std::move(*pages);
            // The attendance sheet alone too, to print apart from the pack.
            const std::vector<std::string> sheets =
                render_formats(attendance_template, view, context, description, options.formats);
            for (std::size_t k = 0; k < formats; ++k) batch.stage_bytes(result.written[first + formats + k], sheets[k]);
            if (options.progress) options.progress->advance(result.written[first].string());
        });
        if (options.progress) options.progress->finish();
        if (dossier_format) {
            const fs::path destination =
                folder / ("dossier-ag-" + std::to_string(ag.year) + dossier_format->extension);
            batch.stage_bytes(destination, dossier_pdf(std::move(packs), options, ag, programme));
            result.written.push_back(destination);
            if (options.progress && options.progress->verbosity() == Verbosity::Verbose)
                options.progress->say("  " + destination.string());
        }
    }
    batch.commit();
    result.warnings.append(context.warnings->take());
    take_stale_files(batch, result);
    return result;
}

JobResult convert_assembly(const fs::path& xml, const fs::path& xlsx) {
    refuse_unusable_destination(xlsx, {xml});
    AssemblyCheck checked = check_assembly(xml, nullptr);
    if (!checked.assembly) throw LettrineError(ErrorKind::Data, checked.diagnostics);
    OutputBatch batch(output_folder_of(xlsx));
    batch.protect(xml);
    batch.stage_bytes(xlsx, write_assembly_xlsx(*checked.assembly));
    batch.commit();
    JobResult result;
    for (const auto& d : checked.diagnostics.items()) result.warnings.add(d);
    result.written.push_back(xlsx);
    return result;
}

}  // namespace lettrine
