#pragma once
// The programme's logo, found through the run's resources: every feature
// that prints the programme (December letters, AG packs, the rapport) asks
// here, so a bad Logo cell gives the same positioned error everywhere.
#include "core/diagnostic.hpp"
#include "core/resources.hpp"
#include "data/programme.hpp"

namespace lettrine {

// The programme with its logo resolved to a real path inside the run's
// folders. A logo that cannot be used (outside those folders, missing, not a
// regular file, too large) is an error at the Logo cell, added to `problems`
// (the logo is then left out); the throwing form raises LettrineError(Data).
Programme with_resolved_logo(Programme programme, const ResourceResolver& resources, Diagnostics& problems);
Programme with_resolved_logo(Programme programme, const ResourceResolver& resources);

}  // namespace lettrine
