#pragma once
// Fast formatting of PDF tokens into a std::string (ISO 32000-1, 7.3):
// numbers with a fixed maximum of decimals (trailing zeros trimmed, never an
// exponent), hexadecimal codes, names, strings and references. Content
// streams and object dictionaries are both written with these: no ostream,
// no locale, no allocation beyond the output string's.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace lettrine::pdf {

// Integers are written as-is; std::to_chars-style, no locale.
inline void append_integer(std::string& out, long long value) {
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* p = end;
    const bool negative = value < 0;
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(value)
                                            : static_cast<unsigned long long>(value);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (negative) *--p = '-';
    out.append(p, static_cast<std::size_t>(end - p));
}

// A real number rounded to `decimals` (0..4) decimals: "12.5", "-0.25", "3".
// Non-finite values are written 0; magnitudes are clamped to 1e7 (far beyond
// any page coordinate, within every PDF reader's range).
inline void append_number(std::string& out, double value, int decimals = 2) {
    static constexpr long long kScale[] = {1, 10, 100, 1000, 10000};
    if (!std::isfinite(value)) value = 0;
    if (value > 1e7) value = 1e7;
    if (value < -1e7) value = -1e7;
    const long long scale = kScale[decimals];
    long long scaled = std::llround(value * static_cast<double>(scale));
    if (scaled < 0) {
        out += '-';
        scaled = -scaled;
    }
    append_integer(out, scaled / scale);
    long long fraction = scaled % scale;
    if (fraction == 0) return;
    char digits[4];
    int count = decimals;
    for (int i = decimals - 1; i >= 0; --i) {
        digits[i] = static_cast<char>('0' + fraction % 10);
        fraction /= 10;
    }
    while (count > 0 && digits[count - 1] == '0') --count;
    out += '.';
    out.append(digits, static_cast<std::size_t>(count));
}

// Four uppercase hexadecimal digits (a two-byte character code).
inline void append_hex4(std::string& out, uint16_t code) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const char digits[4] = {kHex[(code >> 12) & 15], kHex[(code >> 8) & 15], kHex[(code >> 4) & 15],
                            kHex[code & 15]};
    out.append(digits, 4);
}

// A two-byte character code inside a literal string (7.3.4.2): the two
// bytes as they are, except the three that need a backslash and the
// carriage return (which a reader would turn into a line feed). Half the
// size of hexadecimal, and content streams deflate faster and smaller.
inline void append_code_bytes(std::string& out, uint16_t code) {
    const char bytes[2] = {static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
    for (char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
}

// "12 0 R".
inline void append_reference(std::string& out, uint32_t object) {
    append_integer(out, object);
    out += " 0 R";
}

// A name with its slash: "/FontName". Bytes outside '!'..'~', delimiters and
// '#' are written #xx (7.3.5).
inline void append_name(std::string& out, std::string_view name) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += '/';
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = byte > 0x20 && byte < 0x7F && std::string_view("#()<>[]{}/%").find(c) == std::string_view::npos;
        if (plain) {
            out += c;
        } else {
            out += '#';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
}

// A literal string "(...)": backslash, parentheses and control characters
// escaped (7.3.4.2), other bytes as they are.
inline void append_literal_string(std::string& out, std::string_view bytes) {
    out += '(';
    for (char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\\' || c == '(' || c == ')') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            out += '\\';
            out += static_cast<char>('0' + (byte >> 6));
            out += static_cast<char>('0' + ((byte >> 3) & 7));
            out += static_cast<char>('0' + (byte & 7));
        } else {
            out += c;
        }
    }
    out += ')';
}

// A text string (7.9.2.2) from UTF-8: a literal string when the text is
// ASCII (PDFDocEncoding agrees with ASCII), otherwise UTF-16BE with its byte
// order mark, in hexadecimal. Invalid UTF-8 bytes become U+FFFD.
inline void append_text_string(std::string& out, std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        append_literal_string(out, utf8);
        return;
    }
    out += "<FEFF";
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        char32_t c = 0xFFFD;
        std::size_t length = 1;
        if (lead < 0x80) {
            c = lead;
        } else if (lead >= 0xC2 && lead < 0xF5) {
            length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            if (i + length <= utf8.size()) {
                c = lead & (0x7F >> length);
                for (std::size_t k = 1; k < length; ++k) {
                    const auto next = static_cast<unsigned char>(utf8[i + k]);
                    if ((next & 0xC0) != 0x80) {
                        c = 0xFFFD;
                        length = k;
                        break;
                    }
                    c = c << 6 | (next & 0x3F);
                }
            } else {
                length = 1;
            }
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
        }
        i += length;
        if (c >= 0x10000) {
            const char32_t v = c - 0x10000;
            append_hex4(out, static_cast<uint16_t>(0xD800 + (v >> 10)));
            append_hex4(out, static_cast<uint16_t>(0xDC00 + (v & 0x3FF)));
        } else {
            append_hex4(out, static_cast<uint16_t>(c));
        }
    }
    out += '>';
}

}  // namespace lettrine::pdf
