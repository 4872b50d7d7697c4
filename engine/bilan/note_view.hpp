#pragma once
// The note de bilan's view model: a validated Bilan turned into the data
// tree templates/note-bilan.xml.mustache sees, every number, date and gap
// already written the French way, totals recomputed from the typed values.
// Field names are French (docs/BILAN.md, « Champs du modèle »).
#include <string>
#include <vector>

#include "bilan/bilan.hpp"
#include "data/value.hpp"

namespace lettrine {

// One key figure of the note (also what the rapport d'activité and the AG
// workshop packs may print for the sector).
struct NoteFigure {
    std::string value;   // « 38,5 »
    std::string label;   // « jours réalisés »
    std::string detail;  // « sur 40 prévus », may be empty
    std::string caption; // « Jours réalisés »: the label alone, for a table row (AG packs)
};
// Always five, in this order: days done (of planned), completion rate (« — »
// when no day was planned), projects (funding opinions), partners (conventions
// signed or renewed), experiments (ongoing).
std::vector<NoteFigure> note_key_figures(const Bilan& bilan);

// { annee, secteur{identifiant, nom}, referent, redacteur{nom, qualite}, date, date_iso,
//   chiffres_cles[], temps{missions[], total{}}, graphique{categories[]}, pilotage[],
//   projets[], partenariats[], experimentations[], faits_marquants[], difficultes[],
//   perspectives[], plan_action[], a_des_* booleans }
DataValue note_view(const Bilan& bilan);

// "10,5" from half-days; "+2,5", "−1" (U+2212) and "0" for gaps.
std::string format_days_value(HalfDays days);
std::string format_days_gap(int halves);

}  // namespace lettrine
