#pragma once
// French spacing, applied automatically to the text of the markup (what the
// templates and the data produce), as the Imprimerie nationale's rules ask
// (docs/TYPOGRAPHIE.md):
//   - narrow no-break space (U+202F) before ; ! ? and » and after «;
//   - no-break space (U+00A0) before :;
//   - no break between a number and its unit or currency (15 000 €, 30 jours,
//     10 %), after n°, between M., Mme… and a name, inside 14 h 30;
//   - thousands grouped with U+202F (15000 € -> 15 000 €).
// Only breakable spaces (U+0020) are changed, or a missing space inserted: a
// no-break space already in the text is kept, so the pass is idempotent and
// text that is already right is left alone. Times (14:30), URLs, e-mail
// addresses, postal codes and years are recognised and left as they are.
#include <string>
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

// Applies the rules to one paragraph's inline content. Characters never move
// from one inline to another: a space inserted next to a sign belongs to the
// sign's inline. Text whose language is not French (lang="en") or whose
// style opts out (typographie="non", <lien>) is left exactly as it is, and
// is not used as context for its neighbours' rules either (a space between a
// French word and an e-mail address is still the French text's).
void apply_french_spacing(std::vector<Inline>& inlines);

// The same rules on one piece of French text (UTF-8).
std::string french_spacing(const std::string& text);

// True for French language tags: "fr", "fr-FR", "fr-BE"…
bool is_french(const std::string& lang);

}  // namespace lettrine
