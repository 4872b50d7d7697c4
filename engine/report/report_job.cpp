// `lettrine rapport`: the notes checked, the book composed, the external
// notes' pages placed into it, the file written (all or nothing).
#include <optional>

#include "bilan/note_job.hpp"
#include "core/french.hpp"
#include "core/output_files.hpp"
#include "data/programme_reader.hpp"
#include "pipeline/document_pipeline.hpp"
#include "views/resolved_logo.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "report/report.hpp"

namespace lettrine {

namespace fs = boost::filesystem;

namespace {

// Each external note's pages onto its reserved pages: the page's body area
// and its top margin (the report has no running header), above the footer.
std::vector<PagePlacement> placements_for(const LaidOutDocument& book, const Document& document,
                                          const std::vector<ReportChapter>& chapters) {
    std::vector<PagePlacement> placements;
    for (const ReportChapter& chapter : chapters) {
        if (!chapter.note || chapter.note->kind != SectorNote::Kind::ExternalPdf) continue;
        const ReservedPageRange* range = nullptr;
        for (const ReservedPageRange& r : book.reserved)
            if (r.id == chapter.id()) range = &r;
        if (!range || range->count != chapter.note->page_count)
            throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(chapter.note->file.string()),
                                "les pages réservées à cette note manquent dans la mise en page du rapport");
        for (std::size_t i = 0; i < range->count; ++i) {
            PagePlacement placement;
            placement.target_page = range->first_page + i;
            placement.file = chapter.note->file;
            placement.source_page = i;
            const LaidOutPage& page = book.pages.at(placement.target_page);
            placement.x = 0;
            placement.y = 0;
            placement.width = page.width;
            placement.height = page.height - document.page.margin_bottom;
            placements.push_back(std::move(placement));
        }
    }
    return placements;
}

// The book laid out, once: the PDF's pages, and the page numbers the
// editable files' contents show.
LaidOutDocument lay_out_book(const Document& document, const PipelineContext& context) {
    LayoutOptions layout_options;
    layout_options.image_directory = context.resource_dir.string();
    layout_options.images = context.images;
    layout_options.resources = context.resources;
    return layout_document(document, *context.fonts, layout_options);
}

// The laid-out book as PDF: written directly, or through a scratch file
// when external pages are to be placed into it (by the import helper, never
// in process).
void stage_pdf_book(LaidOutDocument book, const Document& document, const std::vector<ReportChapter>& chapters,
                    const ReportOptions& options, const fs::path& destination, OutputBatch& batch,
                    JobResult& result) {
    book.metadata.archival = options.archival;
    for (const Diagnostic& d : book.warnings) result.warnings.add(d);
    const std::vector<PagePlacement> placements = placements_for(book, document, chapters);
    if (placements.empty()) {
        batch.stage_bytes(destination, write_pdf(book));
        return;
    }
    // Pages of outside PDFs are neither tagged nor checked: the book
    // claims no conformance it cannot back up, and says which chapter.
    const std::string file = placements.front().file.filename().string();
    book.metadata.not_archival = book.metadata.not_accessible = file;
    result.warnings.warning(SourcePosition::in_file(file),
                            "le rapport n’est déclaré ni PDF/A-2 ni PDF/UA-1 : ce chapitre importe les pages "
                            "d’un PDF extérieur, que Lettrine ne balise ni ne vérifie");
    // The Lettrine-written book is a draft in the batch's private
    // folder, read by the import helper and removed with the batch.
    const fs::path staged = batch.stage(destination);
    const fs::path draft = batch.scratch("rapport-lettrine.pdf", write_pdf(book));
    place_external_pages(draft, placements, staged, options.import_limits);
}

// An editable file has the external notes' reserved pages blank: their
// pages are in the PDF only.
void warn_blank_pages(const std::vector<ReportChapter>& chapters, const fs::path& destination, JobResult& result) {
    for (const ReportChapter& chapter : chapters)
        if (chapter.note && chapter.note->kind == SectorNote::Kind::ExternalPdf)
            result.warnings.warning(SourcePosition::in_file(destination.filename().string()),
                                    "les pages de la note " + quoted(chapter.note->file.filename().string()) +
                                        " sont laissées blanches dans ce fichier : les pages d’un PDF extérieur ne vont "
                                        "que dans le rapport PDF");
}

}  // namespace

JobResult run_report(const ReportOptions& options) {
    JobResult result;
    const fs::path report_template_file = options.templates / kReportTemplate;
    PipelineContext context = context_for_run(options.programme, report_template_file);
    context.archival = options.archival;
    const Programme programme = with_resolved_logo(read_programme(options.programme), *context.resources);

    // 1. Every note checked; every problem of every file reported at once.
    NoteFolder folder = scan_notes(options.notes, programme, options.import_limits);
    if (folder.diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, folder.diagnostics);
    result.warnings.append(folder.diagnostics);

    // 2. The chapters, in the programme's order.
    const std::vector<ReportChapter> chapters =
        plan_chapters(programme, folder.notes, options.notes, result.warnings);

    // 3. The book's document tree, the notes in their chapters.
    const Template report_template = Template::load(report_template_file);
    const Template note_template = Template::load(options.templates / kNoteTemplate);
    const std::string markup = report_markup(programme, chapters, report_template, options.duplex);
    Document document = parse_markup(markup, report_template.source_name() + " (rendu)");
    fill_note_chapters(document, chapters, note_template);

    // 4. Every format, side by side under one name, all or nothing: the PDF
    //    from the laid-out book, the editable files from the tree.
    const std::vector<fs::path> destinations =
        output_paths(options.output / report_file_name(programme), options.formats);
    OutputBatch batch(options.output);
    batch.protect(options.programme);
    std::optional<LaidOutDocument> book;
    if (needs_layout(document, options.formats)) book = lay_out_book(document, context);
    // The editable files made first (their contents show the book's page
    // numbers), then every file staged in format order, the PDF taking the book.
    std::vector<std::string> editable(options.formats.size());
    for (std::size_t i = 0; i < options.formats.size(); ++i)
        if (!writes_pages(*options.formats[i]))
            editable[i] = options.formats[i]->write(document, DataValue{}, context, book ? &*book : nullptr);
    for (std::size_t i = 0; i < options.formats.size(); ++i) {
        if (writes_pages(*options.formats[i])) {
            stage_pdf_book(std::move(*book), document, chapters, options, destinations[i], batch, result);
        } else {
            batch.stage_bytes(destinations[i], std::move(editable[i]));
            warn_blank_pages(chapters, destinations[i], result);
        }
        if (options.progress && options.progress->verbosity() == Verbosity::Verbose)
            options.progress->say("  " + destinations[i].string());
    }
    result.written = batch.destinations();
    batch.commit();
    result.warnings.append(context.warnings->take());
    return result;
}

}  // namespace lettrine
