#pragma once
// Internals of the French typography passes (french_spacing.cpp,
// french_punctuation.cpp): a paragraph's inline content as one flat string
// of code points, each remembering the inline it came from, so that rules
// see across inline boundaries (« <b>Habitat</b> ») and write back only the
// inlines they changed.
#include <string>
#include <vector>

#include "markup/document.hpp"

namespace lettrine::french_detail {

constexpr char32_t kSpace = 0x0020;
constexpr char32_t kNoBreakSpace = 0x00A0;        // before ":" and in "30 jours", "n° 5", "M. Durand"
constexpr char32_t kNarrowNoBreakSpace = 0x202F;  // before ; ! ? », after «, between groups of digits
constexpr char32_t kThinSpace = 0x2009;           // breakable: treated as a space, never produced
constexpr char32_t kObject = 0xFFFC;              // stands for <br/>, <numero-page/>…: a boundary

struct Char {
    char32_t c;
    int run;                   // index of the inline it belongs to; -1 for a boundary
    bool on;                   // the rules may change or insert around it
    bool changed = false;      // inserted or replaced: its inline must be rewritten
    bool superscript = false;  // set as a superscript (1er, Mme): its inline is split around it
};

inline Char inserted(char32_t c, int run) { return Char{c, run, true, true}; }

inline bool is_white(char32_t c) {
    return c == kSpace || c == kNoBreakSpace || c == kNarrowNoBreakSpace || c == kThinSpace || c == '\n' || c == kObject;
}
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_lower(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
           (c >= 0x100 && c <= 0x17F && (c & 1) != 0) || c == 0x153;
}
inline bool is_upper(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && (c & 1) == 0) || c == 0x152;
}
inline bool is_letter(char32_t c) { return is_lower(c) || is_upper(c) || (c >= 0x180 && c < 0x2000); }

// One run of non-white characters of the flat text.
struct Token {
    std::size_t begin = 0, end = 0;
};

std::vector<Token> tokens_of(const std::vector<Char>& text);

// URLs and e-mail addresses are never touched, whatever their language:
// their characters are switched off.
void protect_addresses(std::vector<Char>& text);

// Text that reads like an entity reference (« &amp; », « &#160; »: data
// pasted from HTML, printed as written) is switched off too: its semicolon
// gets no space, its characters no rule.
void protect_entity_names(std::vector<Char>& text);

// The paragraph's text, flat: a Text inline's characters are `on` when its
// style allows French typography (French language, typographie not "non",
// not a <lien>); every other inline is one boundary character.
std::vector<Char> flatten(const std::vector<Inline>& inlines);

// The text of the French inlines (those the rules may change), concatenated.
std::string french_text_of(const std::vector<Inline>& inlines);

// The spacing rules (french_spacing.cpp) on flat text, and whether any of
// them may apply to a paragraph's French text at all.
std::vector<Char> apply_spacing_rules(std::vector<Char> text);
bool spacing_may_apply(const std::string& french_text);

// Rewrites the inlines whose characters changed; an inline with characters
// marked superscript is split into pieces, the marked ones in a copy of its
// style with superscript set.
void write_back(std::vector<Inline>& inlines, const std::vector<Char>& text);

}  // namespace lettrine::french_detail
