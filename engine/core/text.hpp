#pragma once
// UTF-8 helpers shared by every stage. ICU does the Unicode work.
#include <string>

namespace lettrine {

std::u32string utf8_to_u32(const std::string& text);  // invalid bytes become U+FFFD
std::string u32_to_utf8(const std::u32string& text);
std::string u32_to_utf8(char32_t c);
bool is_valid_utf8(const std::string& text);

// Collapses runs of ASCII whitespace (not no-break spaces) into one space and trims.
std::string collapse_whitespace(const std::string& text);
std::string trim(const std::string& text);

// A safe ASCII file-name part from data: "Déchets & ressources" -> "dechets-ressources".
// Accents are transliterated, everything else becomes '-', at most 64 bytes,
// never empty ("sans-nom"), never a Windows reserved name.
std::string slugify(const std::string& text);

// Unicode-aware upper case (keeps accents: "é" -> "É").
std::string to_upper(const std::string& text);

}  // namespace lettrine
