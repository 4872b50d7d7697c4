#pragma once
// French wording of amounts and day volumes, as the Annexe 1 table prints
// them: « 10 000 € (20 à 30 jours) ». No-break spaces (U+00A0) group the
// thousands and tie every number to its unit, so a narrow cell never breaks
// « 10 000 » or « 30 jours » across lines. U+00A0 rather than CLDR's narrow
// U+202F because spreadsheet fonts and viewers do not all draw U+202F
// (research/domain.md §5.3).
#include <optional>
#include <string>

#include "core/french.hpp"  // kNoBreakSpace
#include "data/programme.hpp"

namespace lettrine {

// "10 000 €", "1 234,50 €", "−500 €": cents only when there are some.
std::string format_euros(Money amount);

// "20 à 30 jours", "30 jours" (equal bounds or a single bound), "1 jour";
// empty when both bounds are absent.
std::string format_day_range(std::optional<int> days_min, std::optional<int> days_max);

// The « Volume annuel » cell of a sector: "10 000 € (20 à 30 jours)";
// "Conventionné directement par Nantes Métropole" for a sector the public
// partner contracts itself; whichever of the amount and the days is known.
std::string describe_annual_volume(const Sector& sector, const Programme& programme);

}  // namespace lettrine
