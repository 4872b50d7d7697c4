#pragma once
// Words the line breaker cut with a hyphen (issue 11, item 4): copy-paste
// and search must give the whole word, « secteurs », not « sec-teurs ».
// The writer paints both parts in one marked-content sequence of their
// element with the whole word as /ActualText (ISO 32000-1, 14.9.4), and
// the hyphen extracts as a soft hyphen (U+00AD) for readers that ignore it.
#include <cstddef>
#include <optional>
#include <string>

#include "layout/pages.hpp"

namespace lettrine::pdf {

struct CutWord {
    std::size_t first_item = 0, from = 0;  // the first part: glyphs [from, end) of item first_item
    std::size_t second_item = 0, to = 0;   // the second part: glyphs [0, to) of item second_item
    std::string text;                      // the whole word, UTF-8, without the hyphen
};

// The word whose first part ends the glyph run `item` of `page` (a run whose
// break_hyphen is set), when its second part is the next painted item, in
// the same structure element; nullopt otherwise (the soft hyphen alone
// then keeps the word's letters together).
std::optional<CutWord> cut_word(const LaidOutPage& page, std::size_t item);

}  // namespace lettrine::pdf
