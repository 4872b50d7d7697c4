#pragma once
// French typographic normalisation, before the spacing rules
// (french_spacing.hpp), on text from the templates and the data alike
// (docs/TYPOGRAPHIE.md, « Normalisation ») :
//   - ' -> ’ (apostrophe), ‘ at the start of a word;
//   - "…" and “…” -> « … » (“…” inside guillemets), ... -> …, « etc... » -> « etc. »;
//   - a spaced hyphen in running text -> an en dash (« mot - incise - mot »);
//   - ordinals and abbreviations as superscripts: 1er, 1re, 2e, 2d, 3es (and
//     the wrong 2ème, 2ième), XIXe, Ier (Roman numerals of two letters or
//     more, or I, V, X alone: « Le », « De », « Ce » are words), Mme, Mlle,
//     Dr, Mgr before a name, « no » before a number;
//   - 14h30 -> 14 h 30;
//   - a no-break space typed inside guillemets or before ; ! ? becomes the
//     narrow one, as everywhere else.
// URLs, e-mail addresses, <lien> text, text not in French and text marked
// typographie="non" are left exactly as they are. Idempotent: text that is
// already right is not changed.
#include <string>
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

// Normalises one paragraph's inline content (superscripts split an inline
// into pieces; other characters stay in their inline).
void apply_french_punctuation(std::vector<Inline>& inlines);

// Both passes, normalisation then spacing: what the markup stage applies to
// every paragraph.
void apply_french_typography(std::vector<Inline>& inlines);

// Both passes on one piece of French text (a bookmark's title, a chart's
// label): plain text has no superscript, so ordinals stay on the line.
std::string french_typography(const std::string& text);

}  // namespace lettrine
