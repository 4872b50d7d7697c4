#pragma once
// The characters data text may carry into a document. Readers take cell and
// element texts as written; before they become DataValues, characters that
// no document can print are dealt with here, once, at the data boundary, so
// that a stray character fails nothing downstream (where it would be blamed
// on the template) and the user is told which cell was changed.
#include <string>

#include "core/diagnostic.hpp"
#include "core/position.hpp"

namespace lettrine {

// Printed in place of an emoji (a whole sequence: ZWJ, skin tones,
// variation selectors, flags): U+25A1 WHITE SQUARE, which the document fonts
// (Liberation) have, so it is visible, extractable and the same everywhere.
inline constexpr const char* kEmojiMarker = "\u25A1";

// `text` with:
//  - control characters removed (C0 except tab, line feed and carriage
//    return; DEL; C1 except U+0085);
//  - line separators (U+0085 NEL, U+2028, U+2029) replaced by a line feed;
//  - non-characters (U+FDD0 to U+FDEF, U+xFFFE and U+xFFFF) removed;
//  - each emoji sequence replaced by kEmojiMarker.
// Valid UTF-8 is expected (readers check it); other text passes unchanged.
// When something changed and `warnings` is given, one warning at `where`
// says what.
std::string printable_data_text(std::string text, const SourcePosition& where, Diagnostics* warnings);

}  // namespace lettrine
