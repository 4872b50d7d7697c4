#pragma once
// Fast formatting of PDF content-stream tokens into a std::string: numbers
// with a fixed maximum of decimals (trailing zeros trimmed, never an
// exponent), hexadecimal codes. Content streams are built with these instead
// of PoDoFo's painter, which costs microseconds per call.
#include <cmath>
#include <cstdint>
#include <string>

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

}  // namespace lettrine::pdf
