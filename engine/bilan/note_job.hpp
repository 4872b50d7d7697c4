#pragma once
// `lettrine formulaire`: the référents' bilan workbooks from the programme.
// `lettrine note`: a filled bilan to its note de bilan annuelle (PDF).
// The rapport d'activité builds on note_markup / compose_note: one bilan to
// the note's document markup, or to its laid-out pages.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/default_paths.hpp"

#include "bilan/bilan.hpp"
#include "pipeline/document_pipeline.hpp"
#include "pipeline/job_result.hpp"
#include "pipeline/output_formats.hpp"
#include "pipeline/progress.hpp"
#include "layout/pages.hpp"
#include "template/template.hpp"

namespace lettrine {

// The note's template, in the templates folder.
inline constexpr const char* kNoteTemplate = "note-bilan.xml.mustache";

struct FormOptions {
    boost::filesystem::path programme = kDefaultProgramme;  // --donnees
    boost::filesystem::path output = "output";                        // forms go to output/formulaires/
    std::vector<std::string> sectors;  // --secteur: only these (a sector contracted directly only when named)
    std::string drop_address;          // the page the form says to return it on (write_bilan_form)
    Progress* progress = nullptr;
    publication::Job job;              // the manifest's job: --nettoyer, stale files (core/manifest.hpp)
};

// Writes output/formulaires/bilan-<année>-<identifiant>.xlsx for every
// sector contracted by Les Ecossolies, or for each --secteur (any sector of
// the programme). Nothing is written when anything fails. Throws
// LettrineError (Usage for an unknown sector, Data for an invalid programme).
JobResult run_forms(const FormOptions& options);

struct NoteOptions {
    boost::filesystem::path bilan;                  // --donnees: the filled bilan (.xlsx, .ods, .xml)
    boost::filesystem::path output = "output";      // the note goes to output/notes/
    boost::filesystem::path templates = "templates";
    std::vector<const OutputFormat*> formats = pdf_only();  // --format
    bool archival = true;              // false (--pdfa non): no PDF/A-2 identification
    Progress* progress = nullptr;
};

// Writes output/notes/note-bilan-<année>-<identifiant>.pdf (and .odt… per
// --format). Every problem of
// the bilan is reported at once (LettrineError(Data)), and then nothing is
// written; warnings come back in JobResult::warnings.
JobResult run_note(const NoteOptions& options);

// "note-bilan-2016-habitat.pdf"
std::string note_file_name(const Bilan& bilan);

// The note's document markup (docs/BALISAGE.md) for one bilan.
std::string note_markup(const Bilan& bilan, const Template& note_template);
// The note laid out, ready for write_pdf or to be appended to a larger book.
LaidOutDocument compose_note(const Bilan& bilan, const Template& note_template, const PipelineContext& context);

}  // namespace lettrine
