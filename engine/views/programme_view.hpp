#pragma once
// The December documents' view model: the validated Programme turned into
// the generic data tree the templates see, with every amount, date and
// volume already written the French way. Field names are French because
// Les Ecossolies' staff edit the templates (docs/MODELES.md lists them).
#include "data/programme.hpp"
#include "data/value.hpp"

namespace lettrine {

// The whole programme: { programme, organisation, secteurs: [...], missions: [...], textes, ... }
DataValue programme_view(const Programme& programme);

// The budget PDF: the programme view plus { budget: { lignes: [...], total } }
// (views/budget_view.cpp; the figures are data/budget_figures.hpp's).
DataValue budget_view(const Programme& programme);

// One sector's letter: the programme view plus { secteur: {...}, mission1..3 }.
DataValue letter_view(const Programme& programme, const Sector& sector);

}  // namespace lettrine
