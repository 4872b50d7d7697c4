#pragma once
// What the staff's workflow pages (rapport, AG, publipostage) share, between
// the upload layer and the library jobs: the programme a job reads, the
// positions shown with the names the browser sent, and the cards of the
// documents made (with a preview of one page).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/programme_reader.hpp"
#include "data/value.hpp"
#include "web/december.hpp"
#include "web/referents.hpp"
#include "web/upload.hpp"
#include "web/workspace.hpp"

namespace lettrine::web {

struct ProgrammeInput {
    boost::filesystem::path data;            // in the scratch folder
    std::string received;                    // « programme-2016.xlsx (41 Kio) », or what was used instead
    std::optional<Programme> programme;      // read and valid
    Diagnostics warnings;
    std::optional<DecemberOutcome> refusal;  // set when there is no usable programme
};

// The programme sent with the form (`sent`), else the one the référents'
// page keeps, saved into `scratch`/programme/ with the logo it names
// (bring_logo); refused with every problem (and the faulty sheets as grids)
// when it is invalid, or when there is none.
ProgrammeInput programme_for_job(const Workspace& workspace, const ReferentDesk& desk,
                                 const std::vector<UploadedFile>& sent, const boost::filesystem::path& scratch,
                                 const UploadLimits& limits);

// The problems as the page shows them: each file named as the browser sent
// it (`shown`: Lettrine's name -> the browser's, for the files it renamed),
// in the position and where the message quotes it, never by its path on the server; with `sheet_with_file` (several files
// were sent), the sheet named with its file (the grids then cannot place it).
Diagnostics shown_positions(const Diagnostics& problems, const std::map<std::string, std::string>& shown,
                            bool sheet_with_file = true);

// « remarques » (each warning, described) and « avec_remarques », into `view`.
void add_remarks(DataValue& view, const Diagnostics& warnings);

// At most this many notes in one upload (the programme has a dozen sectors).
inline constexpr std::size_t kMaxNoteFiles = 40;

// The notes of a request (rapport, AG), gathered in its scratch folder.
struct NoteFiles {
    boost::filesystem::path folder;
    std::map<std::string, std::string> shown;  // our file name -> as the browser sent it
    std::string received;                      // « bilan.xlsx (12 Kio), 2 bilans rendus par… », or ""
};

// `scratch`/notes/: the bilans the référents returned (DOSSIER/input/bilans/)
// first when `returned_bilans`, then the files `sent`, under names of
// Lettrine's own. Throws LettrineError(Usage) for files of the wrong kind.
NoteFiles gather_notes(const Workspace& workspace, const std::vector<UploadedFile>& sent, bool returned_bilans,
                       const boost::filesystem::path& scratch);

// A document's card: its page `page` as an image (apercus/<stem>-p<page>.png,
// rendered when first asked for: web/previews.hpp), its pages and size. Adds
// the PDF to `served`. Keys: « titre », « pdf », « apercu »,
// « alt », « pages », « taille ».
DataValue document_card(const Workspace& workspace, const boost::filesystem::path& output,
                        const std::string& relative_pdf, const std::string& title, const std::string& alt, int page,
                        int width, std::vector<std::string>& served);

}  // namespace lettrine::web
