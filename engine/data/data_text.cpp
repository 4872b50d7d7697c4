#include "data/data_text.hpp"

#include <unicode/uchar.h>

#include <cstdint>
#include <vector>

namespace lettrine {

namespace {

enum class Change : unsigned { None = 0, Control = 1, Separator = 2, NonCharacter = 4, Emoji = 8 };

// Decodes the UTF-8 sequence at text[i] (valid UTF-8 assumed: readers check
// it); returns its length, 1 for a stray byte, which is then kept as is.
std::size_t decode(const std::string& text, std::size_t i, char32_t& c) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    const std::size_t length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) { c = b; return 1; }
    c = length == 1 ? b : b & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) { c = b; return 1; }
        c = (c << 6) | (byte(i + k) & 0x3F);
    }
    return length;
}

bool is_removed_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85);
}

bool is_line_separator(char32_t c) { return c == 0x85 || c == 0x2028 || c == 0x2029; }

bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

// A character that starts an emoji: shown as an emoji by default
// (Emoji_Presentation), a pictograph beyond the symbol blocks the document
// fonts cover, a regional indicator (half a flag), or any character with
// the Emoji property followed by U+FE0F (emoji presentation asked for).
bool starts_emoji(char32_t c, char32_t next) {
    const auto cp = static_cast<UChar32>(c);
    if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) || u_hasBinaryProperty(cp, UCHAR_REGIONAL_INDICATOR))
        return true;
    if (c >= 0x1F000 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) return true;
    return next == 0xFE0F && u_hasBinaryProperty(cp, UCHAR_EMOJI);
}

// What continues the emoji before it within one sequence: variation
// selectors, the combining keycap, tag characters, skin tones.
bool continues_emoji(char32_t c) {
    return (c >= 0xFE00 && c <= 0xFE0F) || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F) ||
           u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_MODIFIER);
}

std::string describe_changes(unsigned changes) {
    std::vector<std::string> parts;
    if (changes & static_cast<unsigned>(Change::Control)) parts.push_back("caractère de contrôle retiré");
    if (changes & static_cast<unsigned>(Change::Separator)) parts.push_back("séparateur de ligne Unicode remplacé par un retour à la ligne");
    if (changes & static_cast<unsigned>(Change::NonCharacter)) parts.push_back("non-caractère Unicode retiré");
    if (changes & static_cast<unsigned>(Change::Emoji))
        parts.push_back(std::string("emoji remplacé par « ") + kEmojiMarker + " » (les polices des documents n’ont pas d’emoji)");
    std::string out;
    for (std::size_t k = 0; k < parts.size(); ++k) out += (k == 0 ? "" : k + 1 == parts.size() ? " et " : ", ") + parts[k];
    return "texte modifié à l’impression : " + out;
}

}  // namespace

std::string printable_data_text(std::string text, const SourcePosition& where, Diagnostics* warnings) {
    // The common case (plain text) costs one scan and no copy.
    bool plain = true;
    for (const char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        if ((b < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || b >= 0x7F) { plain = false; break; }
    }
    if (plain) return text;
    std::string out;
    out.reserve(text.size());
    unsigned changes = 0;
    // Inside an emoji sequence: after an emoji, a joiner (U+200D) makes the
    // next emoji part of the same sequence, as the second regional indicator
    // of a flag is; one marker stands for the whole sequence.
    bool in_emoji = false, joined = false;
    int indicators = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0, next = 0;
        const std::size_t start = i;
        i += decode(text, i, c);
        if (i < text.size()) decode(text, i, next);
        if (in_emoji && (continues_emoji(c) || c == 0x200D)) {
            joined = c == 0x200D;
            continue;
        }
        if (starts_emoji(c, next)) {
            const bool indicator = u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_REGIONAL_INDICATOR);
            const bool same = in_emoji && (joined || (indicator && indicators % 2 == 1));
            if (!same) out += kEmojiMarker;
            indicators = indicator ? (same ? indicators : 0) + 1 : 0;
            in_emoji = true;
            joined = false;
            changes |= static_cast<unsigned>(Change::Emoji);
            continue;
        }
        in_emoji = joined = false;
        indicators = 0;
        if (is_removed_control(c)) changes |= static_cast<unsigned>(Change::Control);
        else if (is_line_separator(c)) {
            out += '\n';
            changes |= static_cast<unsigned>(Change::Separator);
        } else if (i - start > 1 && is_noncharacter(c)) changes |= static_cast<unsigned>(Change::NonCharacter);
        else out.append(text, start, i - start);
    }
    if (changes != 0 && warnings) warnings->warning(where, describe_changes(changes));
    return changes != 0 ? out : text;
}

}  // namespace lettrine
