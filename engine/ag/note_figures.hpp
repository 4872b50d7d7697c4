#pragma once
// The key figures of the sectors' bilans for the workshop packs' « Le
// secteur en bref », from a folder of notes read as the rapport d'activité
// reads it (report/scan_notes: same checks, every problem at once). Shared
// by `lettrine atelier --notes` and the web's Assemblée générale page.
#include <boost/filesystem.hpp>

#include "ag/workshop_view.hpp"
#include "core/diagnostic.hpp"
#include "data/programme.hpp"

namespace lettrine {

// Each sector's latest bilan in `folder`, as the packs show it. A note given
// as a PDF has no figures Lettrine can read: its sector's pack has none.
// Throws LettrineError(Data) with every problem of the folder; its warnings
// are added to `warnings`.
BilanLookup bilans_from_notes(const boost::filesystem::path& folder, const Programme& programme, Diagnostics& warnings);

}  // namespace lettrine
