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
// Accents are transliterated (precomposed or not: NFC and NFD twins give the
// same slug), everything else becomes '-', at most 64 bytes, never empty
// ("sans-nom"), never a Windows reserved name ("con" -> "con-x").
std::string slugify(const std::string& text);

// A file name from data that keeps its letters: "Déchets / ressources." ->
// "Déchets - ressources". NFC; control characters and the characters Windows
// forbids (< > : " / \ | ? *) become '-', so the name can never leave its
// folder; leading and trailing dots, spaces and dashes are removed (no hidden
// file, no ".."); a Windows reserved name gets "-x" ("nul.pdf" -> "nul-x.pdf"); at most max_bytes bytes,
// cut on a character boundary (leave room for an extension within 255);
// never empty ("sans-nom").
std::string safe_file_name(const std::string& text, std::size_t max_bytes = 200);

// CON, PRN, AUX, NUL, COM0-9, LPT0-9, CONIN$, CONOUT$, in any case, with or
// without an extension: names Windows gives to devices, not files.
bool is_reserved_device_name(const std::string& name);

// Unicode-aware upper case (keeps accents: "é" -> "É").
std::string to_upper(const std::string& text);

// 0..15 for '0'-'9', 'a'-'f', 'A'-'F'; -1 for any other character.
constexpr int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A hexadecimal text of `length` lower-case digits (a SHA-256, a token).
bool is_lower_hex(const std::string& text, std::size_t length);

// `text` escaped for XML character data and attribute values (&, <, >, ",
// '); C0 control characters other than tab, line feed and carriage return,
// which XML 1.0 cannot hold, are dropped.
std::string xml_escape(const std::string& text);

}  // namespace lettrine
