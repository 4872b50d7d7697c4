#pragma once
// `lettrine rapport`: the rapport d'activité, one book made of every
// référent's note de bilan (docs/RAPPORT.md).
//
// The notes folder holds, per sector, either a filled bilan (.xlsx, .ods,
// .xml: the report sets the note itself, with the note's own template) or a
// PDF written elsewhere whose file name contains the sector's identifier
// (its pages are placed into pages the report reserves for them, under the
// report's running footer). The book: a cover, a table of contents with the
// real page numbers, one chapter per sector contracted by Les Ecossolies in
// the programme's order (a sector contracted directly only when a note is
// given for it), continuous page numbers, bookmarks per chapter and heading.
//
// The steps, each a public function so that tests can take them one by one:
//   scan_notes      the folder -> one validated note per sector, or every problem
//   plan_chapters   the programme's sectors + the notes -> the chapters, in order
//   report_markup   the chapters -> the book's document markup (docs/BALISAGE.md)
//   fill_note_chapters  each note's document tree into its chapter
//   run_report      all of it, laid out, external pages placed, written atomically
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/default_paths.hpp"

#include "bilan/bilan.hpp"
#include "core/diagnostic.hpp"
#include "data/programme.hpp"
#include "data/value.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/output_formats.hpp"
#include "pipeline/progress.hpp"
#include "markup/document.hpp"
#include "pdfimport/external_pdf.hpp"
#include "template/template.hpp"

namespace lettrine {

// The most pages an external note may have: what <pages-reservees> can
// reserve (docs/BALISAGE.md), the import helper's own limit (one constant:
// core/limits.hpp).
inline constexpr std::size_t kMaxReservedPages = kMaxExternalPdfPages;

// The report's template, in the templates folder (the note's is kNoteTemplate).
inline constexpr const char* kReportTemplate = "rapport-activite.xml.mustache";

struct ReportOptions {
    boost::filesystem::path programme = kDefaultProgramme;  // --donnees
    boost::filesystem::path notes = kDefaultNotes;                 // --notes
    boost::filesystem::path output = "output";                        // --sortie
    boost::filesystem::path templates = "templates";                  // --modeles
    bool duplex = false;  // --recto-verso: every chapter starts on a right-hand (odd) page
    ImportLimits import_limits;  // for the external PDFs
    bool archival = true;              // false (--pdfa non): no PDF/A-2 identification
    // --format: the book's formats, side by side under one name. The PDF is
    // the laid-out book with the external notes' pages placed; an editable
    // file (ODT, DOCX) is written from the same tree, the external notes'
    // reserved pages left blank there (with a warning).
    std::vector<const OutputFormat*> formats = pdf_only();
    Progress* progress = nullptr;
};

// One note found in the folder, checked.
struct SectorNote {
    enum class Kind { Bilan, ExternalPdf };
    Kind kind = Kind::Bilan;
    std::string sector_id;
    boost::filesystem::path file;  // as found in the folder (folder / file name)
    std::optional<Bilan> bilan;    // Kind::Bilan: the validated bilan
    std::size_t page_count = 0;    // Kind::ExternalPdf: its number of pages
};

struct NoteFolder {
    std::vector<SectorNote> notes;  // in file-name order; at most one per sector when no error
    Diagnostics diagnostics;        // every problem of every file (errors), and warnings
};

// Who reads the notes: the rapport takes the bilans of the programme's year;
// the June AG's workshop packs take those of the programme's year or of the
// year before (June comes before the year's bilans are written).
enum class NotesFor { Report, Assembly };

// Reads every note of `folder` (its regular files, not its sub-folders).
// Hidden files and office lock files (« .~lock.…# », « ~$… ») are skipped;
// a file of another kind is skipped with a warning. A bilan is read and
// validated (check_bilan) and must be of a year `use` accepts and one of
// its sectors; a PDF must name exactly one sector of the programme in its
// file name and pass inspect_external_pdf (with at most kMaxReservedPages). Two notes for one sector is an
// error naming both files. Never throws for a problem of a note (all are
// diagnostics, positioned at the file); throws LettrineError(Io) when the
// folder is missing or unreadable.
NoteFolder scan_notes(const boost::filesystem::path& folder, const Programme& programme,
                      const ImportLimits& limits = {}, NotesFor use = NotesFor::Report);

// The sector whose identifier a PDF's file name contains ("note-habitat.pdf",
// "Bilan 2016 - Habitat.pdf": compared word by word, case and accents
// aside), the
// longest when one identifier contains another ("numerique" and
// "numerique-ess"); nullptr when none. `several` receives the identifiers
// of distinct sectors named side by side (an error for the caller).
const Sector* sector_named_by(const std::string& file_name, const Programme& programme,
                              std::vector<std::string>* several = nullptr);

// One chapter of the book.
struct ReportChapter {
    const Sector* sector = nullptr;
    const SectorNote* note = nullptr;  // nullptr: « note non remise »
    std::string id() const;            // "chapitre-habitat": the markup id where it starts
};

// Every sector contracted by Les Ecossolies, in the programme's order, with
// its note or none; a sector contracted directly only when it has a note.
// Adds a warning (positioned at the notes folder) per missing note.
std::vector<ReportChapter> plan_chapters(const Programme& programme, const std::vector<SectorNote>& notes,
                                         const boost::filesystem::path& folder, Diagnostics& warnings);

// The note's document made into a chapter of the book: the blocks of its
// body (its header and footer are the book's), its level-1 titles kept on
// the page but out of the bookmarks and contents (the chapter's own
// <signet>, the sector's name, comes first), every id and <renvoi-page
// cible> prefixed by the sector's identifier (ids stay unique in the book),
// and `chapter_id` on its first block.
std::vector<Block> note_chapter_blocks(Document note, const std::string& sector_id, const std::string& chapter_id);

// Puts each Lettrine-set note where the book's template leaves its place
// (<emplacement nom="chapitre-…"/>): the note laid out by its own template
// (note_template), parsed, made a chapter. Throws LettrineError(Template)
// positioned in the note's template when a note's markup is wrong.
void fill_note_chapters(Document& book, const std::vector<ReportChapter>& chapters, const Template& note_template);

// What the report's template sees (docs/RAPPORT.md, « Le modèle »): the
// programme's identity, the counts, and per chapter its sector, its kind of
// note and the external PDF's page count.
DataValue report_view(const Programme& programme, const std::vector<ReportChapter>& chapters, bool duplex);

// The book's markup: report_template rendered over report_view (the notes'
// chapters are placeholders until fill_note_chapters).
std::string report_markup(const Programme& programme, const std::vector<ReportChapter>& chapters,
                          const Template& report_template, bool duplex);

// "rapport-activite-2016.pdf"
std::string report_file_name(const Programme& programme);

// Writes <output>/rapport-activite-<année>.pdf (and .odt, .docx beside it,
// per options.formats). Every problem of every note
// is reported at once (LettrineError(Data)) and then nothing is written;
// warnings (missing notes, skipped files, bilans' own warnings) come back in
// JobResult::warnings. The same inputs give the same bytes.
JobResult run_report(const ReportOptions& options);

}  // namespace lettrine
