#pragma once
// The workshop pack's view model: the programme, the assembly and one
// workshop turned into the data tree templates/atelier.xml.mustache sees,
// everything already written the French way (dates, times, amounts) and the
// attendance sheet already sorted and padded with blank rows. Field names
// are French; docs/AG.md lists them.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ag/assembly.hpp"
#include "data/programme.hpp"
#include "data/value.hpp"

namespace lettrine {

// The hook for the sector's yearly review (bilan): when a bilan exists for a
// sector, its key figures are printed in « Le secteur en bref »; when none is
// given the part is left out. Bilans are not part of the data yet: a later
// stage provides a BilanLookup.
struct KeyFigure {
    std::string label;  // « Projets accompagnés »
    std::string value;  // « 12 » (already formatted)
};
struct SectorBilan {
    int year = 0;                    // the year the bilan covers
    std::vector<KeyFigure> figures;  // in print order
};
using BilanLookup = std::function<std::optional<SectorBilan>(const Sector&)>;

// One row of the feuille d'émargement: a registrant, or blank (all fields "").
// No e-mail address: the sheet goes from hand to hand in the room.
struct AttendanceRow {
    std::string last_name, first_name, organisation;
    bool blank() const { return last_name.empty() && first_name.empty(); }
};

// The workshop's registrants in French order (nom, then prénom), followed
// by blank rows up to assembly.attendance.rows_for(registrants).
std::vector<AttendanceRow> attendance_rows(const GeneralAssembly& assembly, const Workshop& workshop);

// The pack's data (docs/AG.md, « Champs des modèles »). The sector must be
// the workshop's.
DataValue workshop_view(const Programme& programme, const GeneralAssembly& assembly, const Workshop& workshop,
                        const Sector& sector, const std::optional<SectorBilan>& bilan);

}  // namespace lettrine
