#pragma once
// « vouliez-vous dire … ? »: the known name a mistyped one was meant to be,
// for commands, options, sector identifiers, data fields. One home, so that
// every message suggests the same way.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lettrine {

// Damerau–Levenshtein distance in its optimal-string-alignment form
// (insertions, deletions, substitutions and swaps of two neighbours, each
// costing 1), counted in characters (code points), not bytes: « civilité »
// and « civilite » are one apart.
std::size_t edit_distance(const std::string& a, const std::string& b);

// The name of `known` that `typed` most likely means: first one equal to it
// but for case (« Habitat » → « habitat »), else the closest within
// max(1, length / 3) edits, at most 2 (a longer distance suggests a word the
// user did not mean). Ties go to the first in `known`; nothing when none is
// close or `typed` is itself known.
std::optional<std::string> closest_name(const std::string& typed, const std::vector<std::string>& known);

// " : vouliez-vous dire « x » ?" when a name is close, "" otherwise: to end
// a message about `typed`.
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& known);

}  // namespace lettrine
