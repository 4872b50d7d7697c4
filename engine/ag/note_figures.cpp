#include "ag/note_figures.hpp"

#include <map>
#include <utility>

#include "bilan/note_view.hpp"
#include "report/report.hpp"

namespace lettrine {

BilanLookup bilans_from_notes(const boost::filesystem::path& folder, const Programme& programme, Diagnostics& warnings) {
    NoteFolder found = scan_notes(folder, programme, {}, NotesFor::Assembly);
    if (found.diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, std::move(found.diagnostics));
    for (const auto& d : found.diagnostics.items()) warnings.add(d);
    std::map<std::string, SectorBilan> by_sector;
    for (const SectorNote& note : found.notes) {
        if (!note.bilan) continue;
        SectorBilan bilan;
        bilan.year = note.bilan->year;
        for (const NoteFigure& f : note_key_figures(*note.bilan))
            bilan.figures.push_back({f.detail.empty() ? f.caption : f.caption + " (" + f.detail + ")", f.value});
        by_sector.emplace(note.sector_id, std::move(bilan));
    }
    return [by_sector = std::move(by_sector)](const Sector& sector) -> std::optional<SectorBilan> {
        const auto it = by_sector.find(sector.id);
        if (it == by_sector.end()) return std::nullopt;
        return it->second;
    };
}

}  // namespace lettrine
