#pragma once
// French alphabetical order (ICU's collation for « fr »): accents and case
// are secondary and tertiary differences, so « Écopole » sorts with the E's
// (eco < Écopole < étienne < Zèbre), never after Z as a byte order would.
#include <string>
#include <vector>

#include "ag/assembly.hpp"

namespace lettrine {

// How finely texts are told apart: Primary ignores accents and case
// (« eco » = « Éco »), Tertiary tells them apart (accents, then case).
enum class CollationStrength { Primary, Tertiary };

// ICU sort key of a UTF-8 text for French collation: comparing keys
// bytewise is comparing texts in French order. Throws
// LettrineError(Internal) when ICU has no collator (a broken installation).
std::string french_sort_key(const std::string& text, CollationStrength strength = CollationStrength::Tertiary);

// `texts` in French order (stable for equal texts).
std::vector<std::string> sorted_in_french(std::vector<std::string> texts);

// Registrants in French order of their name (nom), then first name:
// letters first (« Martin Adèle » before « martin Zoé »), then accents and
// case, then organisation; equal entries keep their order in the file.
std::vector<const Registrant*> sorted_registrants(std::vector<const Registrant*> registrants);

}  // namespace lettrine
