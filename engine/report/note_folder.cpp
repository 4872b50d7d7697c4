// The notes folder: one validated note per sector, or every problem found.
#include <algorithm>
#include <map>

#include "bilan/bilan_reader.hpp"
#include "core/text.hpp"
#include "report/report.hpp"

namespace lettrine {

namespace fs = boost::filesystem;

namespace {

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// "Bilan 2016 - Numérique_ESS" -> bilan, 2016, numerique, ess: lower-case
// ASCII words, accents transliterated. Word by word, so that a long name is
// not cut (slugify keeps 64 bytes) and a word such as « aux » stays itself
// (slugify makes a whole name « aux » into « aux-x », a Windows device name).
std::vector<std::string> name_words(const std::string& text) {
    std::vector<std::string> words;
    auto add = [&](const std::string& word) {
        if (word.empty()) return;
        bool ascii = true;
        for (char c : word) ascii = ascii && is_ascii_alnum(c);
        const std::string slug = ascii ? lower_ascii(word) : lower_ascii(slugify(word));
        std::string part;
        for (char c : slug + "-") {
            if (is_ascii_alnum(c)) {
                part += c;
            } else if (!part.empty()) {
                words.push_back(part);
                part.clear();
            }
        }
    };
    std::string word;
    for (char c : text) {
        // Bytes of multi-byte UTF-8 characters belong to the word.
        if (is_ascii_alnum(c) || (static_cast<unsigned char>(c) & 0x80)) {
            word += c;
        } else {
            add(word);
            word.clear();
        }
    }
    add(word);
    return words;
}

// Where `needle` occurs in `words` as consecutive words: the start indexes.
std::vector<std::size_t> occurrences(const std::vector<std::string>& words, const std::vector<std::string>& needle) {
    std::vector<std::size_t> found;
    if (needle.empty() || needle.size() > words.size()) return found;
    for (std::size_t i = 0; i + needle.size() <= words.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) found.push_back(i);
    return found;
}

// Files office suites leave beside an open document, and hidden files.
bool is_skipped_silently(const std::string& name) {
    return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0 || name.back() == '~';
}

std::string quoted_name(const fs::path& file) { return "« " + file.filename().string() + " »"; }

std::string sector_list(const Programme& programme) {
    std::string list;
    for (const Sector& sector : programme.sectors) list += (list.empty() ? "" : ", ") + sector.id;
    return list;
}

// A bilan: read, validated, and matched to the programme.
std::optional<SectorNote> check_bilan_note(const fs::path& file, const Programme& programme, NotesFor use,
                                           Diagnostics& diagnostics) {
    BilanCheck checked = check_bilan(file);
    diagnostics.append(checked.diagnostics);
    if (!checked.bilan) return std::nullopt;
    const Bilan& bilan = *checked.bilan;
    const SourcePosition where = SourcePosition::in_file(file.string());
    bool fits = true;
    const std::string year = std::to_string(programme.year);
    if (use == NotesFor::Report && bilan.year != programme.year) {
        diagnostics.error(where, "ce bilan est celui de l’année " + std::to_string(bilan.year) +
                                     ", le rapport d’activité celui de " + year +
                                     " : retirez-le du dossier des notes ou corrigez l’année du bilan");
        fits = false;
    }
    // In June the year's bilans are not written yet: the AG shows the
    // previous year's figures (the pack says which year they are from).
    if (use == NotesFor::Assembly && bilan.year != programme.year && bilan.year != programme.year - 1) {
        diagnostics.error(where, "ce bilan est celui de l’année " + std::to_string(bilan.year) +
                                     " ; les dossiers d’atelier de l’AG " + year + " prennent les bilans de " +
                                     std::to_string(programme.year - 1) + " ou de " + year +
                                     " : retirez-le du dossier des notes ou corrigez l’année du bilan");
        fits = false;
    }
    if (!programme.find_sector(bilan.sector_id)) {
        diagnostics.error(where, "ce bilan est celui du secteur « " + bilan.sector_id +
                                     " », qui n’est pas au programme " + std::to_string(programme.year) +
                                     " (identifiants des secteurs : " + sector_list(programme) + ")");
        fits = false;
    }
    if (!fits) return std::nullopt;
    SectorNote note;
    note.kind = SectorNote::Kind::Bilan;
    note.sector_id = bilan.sector_id;
    note.file = file;
    note.bilan = std::move(checked.bilan);
    return note;
}

// A PDF written elsewhere: its sector from its name, its pages checked by
// the import helper (never parsed in this process).
std::optional<SectorNote> check_pdf_note(const fs::path& file, const Programme& programme, const ImportLimits& limits,
                                         Diagnostics& diagnostics) {
    const SourcePosition where = SourcePosition::in_file(file.string());
    std::vector<std::string> several;
    const Sector* sector = sector_named_by(file.filename().string(), programme, &several);
    bool fits = true;
    if (!several.empty()) {
        std::string names;
        for (std::size_t i = 0; i < several.size(); ++i)
            names += (i == 0 ? "" : i + 1 == several.size() ? " et " : ", ") + ("« " + several[i] + " »");
        diagnostics.error(where, "le nom de ce fichier contient les identifiants de plusieurs secteurs (" + names +
                                     ") : il doit n’en contenir qu’un, celui du secteur dont c’est la note");
        fits = false;
    } else if (!sector) {
        diagnostics.error(where, "le nom de ce fichier ne contient l’identifiant d’aucun secteur du programme " +
                                     std::to_string(programme.year) + " : renommez-le, par exemple « note-" +
                                     (programme.sectors.empty() ? std::string("habitat") : programme.sectors.front().id) +
                                     ".pdf » (identifiants des secteurs : " + sector_list(programme) + ")");
        fits = false;
    }
    std::size_t pages = 0;
    try {
        // <pages-reservees nombre> goes up to kMaxReservedPages.
        ImportLimits report_limits = limits;
        report_limits.max_pages = std::min(limits.max_pages, kMaxReservedPages);
        pages = inspect_external_pdf(file, report_limits).page_count();
    } catch (const LettrineError& error) {
        diagnostics.append(error.diagnostics());
        fits = false;
    }
    if (!fits) return std::nullopt;
    SectorNote note;
    note.kind = SectorNote::Kind::ExternalPdf;
    note.sector_id = sector->id;
    note.file = file;
    note.page_count = pages;
    return note;
}

}  // namespace

const Sector* sector_named_by(const std::string& file_name, const Programme& programme,
                              std::vector<std::string>* several) {
    const std::string stem = fs::path(file_name).stem().string();
    const std::vector<std::string> words = name_words(stem);
    struct Match { const Sector* sector; std::size_t length; std::vector<std::size_t> starts; };
    std::vector<Match> matches;
    for (const Sector& sector : programme.sectors) {
        const std::vector<std::string> id_words = name_words(sector.id);
        std::vector<std::size_t> starts = occurrences(words, id_words);
        if (!starts.empty()) matches.push_back({&sector, id_words.size(), std::move(starts)});
    }
    // A match every occurrence of which lies inside a longer match's
    // ("numerique" inside "numerique-ess") is not a sector of its own.
    auto covered = [&](const Match& m) {
        for (std::size_t start : m.starts) {
            bool inside = false;
            for (const Match& other : matches) {
                if (&other == &m || other.length <= m.length) continue;
                for (std::size_t o : other.starts)
                    if (o <= start && start + m.length <= o + other.length) inside = true;
            }
            if (!inside) return false;
        }
        return true;
    };
    std::vector<const Sector*> kept;
    for (const Match& m : matches)
        if (!covered(m)) kept.push_back(m.sector);
    if (kept.size() > 1) {
        if (several)
            for (const Sector* s : kept) several->push_back(s->id);
        return nullptr;
    }
    return kept.empty() ? nullptr : kept.front();
}

NoteFolder scan_notes(const fs::path& folder, const Programme& programme, const ImportLimits& limits, NotesFor use) {
    const SourcePosition folder_position = SourcePosition::in_file(folder.string());
    boost::system::error_code error;
    if (!fs::exists(folder, error))
        throw LettrineError(ErrorKind::Io, folder_position, "dossier des notes introuvable");
    if (!fs::is_directory(folder, error))
        throw LettrineError(ErrorKind::Io, folder_position, "ce n’est pas un dossier (il faut le dossier des notes)");

    std::vector<fs::path> files;
    fs::directory_iterator it(folder, error), end;
    if (error)
        throw LettrineError(ErrorKind::Io, folder_position, "lecture du dossier impossible : " + error.message());
    for (; it != end; it.increment(error)) {
        if (error)
            throw LettrineError(ErrorKind::Io, folder_position, "lecture du dossier impossible : " + error.message());
        const fs::path path = it->path();
        if (is_skipped_silently(path.filename().string())) continue;
        if (!fs::is_regular_file(path, error)) continue;  // sub-folders are not notes
        files.push_back(folder / path.filename());
    }
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });

    NoteFolder result;
    std::map<std::string, std::size_t> by_sector;  // sector id -> index in result.notes
    for (const fs::path& file : files) {
        const std::string extension = lower_ascii(file.extension().string());
        std::optional<SectorNote> note;
        if (extension == ".pdf") {
            note = check_pdf_note(file, programme, limits, result.diagnostics);
        } else if (bilan_format_of(file)) {
            note = check_bilan_note(file, programme, use, result.diagnostics);
        } else {
            result.diagnostics.warning(SourcePosition::in_file(file.string()),
                                       "fichier ignoré : ce n’est ni un bilan (.xlsx, .ods, .xml) ni une note en PDF");
            continue;
        }
        if (!note) continue;
        auto [found, inserted] = by_sector.emplace(note->sector_id, result.notes.size());
        if (!inserted) {
            const SectorNote& first = result.notes[found->second];
            const Sector* sector = programme.find_sector(note->sector_id);
            result.diagnostics.error(SourcePosition::in_file(file.string()),
                                     "deux notes pour le secteur « " + (sector ? sector->name : note->sector_id) +
                                         " » : " + quoted_name(first.file) + " et " + quoted_name(file) +
                                         " ; n’en laissez qu’une dans le dossier des notes");
            continue;
        }
        result.notes.push_back(std::move(*note));
    }
    return result;
}

std::string ReportChapter::id() const { return "chapitre-" + slugify(sector->id); }

std::vector<ReportChapter> plan_chapters(const Programme& programme, const std::vector<SectorNote>& notes,
                                         const fs::path& folder, Diagnostics& warnings) {
    std::vector<ReportChapter> chapters;
    for (const Sector& sector : programme.sectors) {
        const SectorNote* note = nullptr;
        for (const SectorNote& candidate : notes)
            if (candidate.sector_id == sector.id) note = &candidate;
        if (!note && sector.contracting != Contracting::Ecossolies) continue;
        if (!note)
            warnings.warning(SourcePosition::in_file(folder.string()),
                             "aucune note pour le secteur « " + sector.name + " » (identifiant « " + sector.id +
                                 " ») : le rapport porte à sa place une page « Note non remise »");
        chapters.push_back({&sector, note});
    }
    return chapters;
}

}  // namespace lettrine
