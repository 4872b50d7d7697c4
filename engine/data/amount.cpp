#include "data/amount.hpp"

#include <cmath>
#include <vector>

#include "core/text.hpp"

namespace lettrine {

namespace {

// Largest accepted amount: 10 000 000 000 € (keeps cents far from int64 limits).
constexpr int64_t kMaxCents = 1'000'000'000'000;

bool is_space(char32_t c) {
    return c == U' ' || c == U'\u00A0' || c == U'\u202F' || c == U'\u2009' || c == U'\t';
}
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

void trim_spaces(std::u32string& s) {
    while (!s.empty() && is_space(s.back())) s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && is_space(s[start])) ++start;
    s.erase(0, start);
}

bool strip_suffix(std::u32string& s, const std::u32string& suffix) {
    if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    s.resize(s.size() - suffix.size());
    trim_spaces(s);
    return true;
}

// Integer part "15 000" / "15000": groups of three after the first when spaced.
std::optional<int64_t> integer_part(const std::u32string& s) {
    if (s.empty()) return std::nullopt;
    std::vector<std::u32string> groups(1);
    for (char32_t c : s) {
        if (is_digit(c)) groups.back() += c;
        else if (is_space(c)) groups.emplace_back();
        else return std::nullopt;
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto n = groups[i].size();
        if (n == 0) return std::nullopt;
        if (groups.size() > 1 && (i == 0 ? n > 3 : n != 3)) return std::nullopt;
    }
    int64_t value = 0;
    int digits = 0;
    for (const auto& g : groups)
        for (char32_t c : g) {
            if (++digits > 12) return std::nullopt;
            value = value * 10 + (c - U'0');
        }
    return value;
}

}  // namespace

std::optional<Money> parse_amount(const std::string& text) {
    std::u32string s = utf8_to_u32(text);
    trim_spaces(s);
    if (!strip_suffix(s, U"\u20AC") && !strip_suffix(s, U"EUR") && !strip_suffix(s, U"euros") &&
        !strip_suffix(s, U"Euros"))
        strip_suffix(s, U"euro");
    int64_t multiplier = 1;
    if (strip_suffix(s, U"k") || strip_suffix(s, U"K")) multiplier = 1000;
    if (s.empty()) return std::nullopt;

    std::u32string whole = s, decimals;
    const std::size_t separator = s.find_first_of(U",.");
    if (separator != std::u32string::npos) {
        whole = s.substr(0, separator);
        decimals = s.substr(separator + 1);
        if (decimals.empty()) return std::nullopt;
        for (char32_t c : decimals)
            if (!is_digit(c)) return std::nullopt;
        if (decimals.size() > (multiplier == 1 ? 2u : 5u)) return std::nullopt;
    }
    if (!whole.empty() && is_space(whole.back())) return std::nullopt;  // "15 ,00"
    const auto integer = integer_part(whole);
    if (!integer) return std::nullopt;

    // cents = (integer + decimals / 10^n) * multiplier * 100, exactly.
    int64_t fraction = 0, scale = 1;
    for (char32_t c : decimals) { fraction = fraction * 10 + (c - U'0'); scale *= 10; }
    const int64_t numerator = (*integer * scale + fraction) * multiplier * 100;
    if (numerator % scale != 0) return std::nullopt;
    const int64_t cents = numerator / scale;
    if (cents > kMaxCents) return std::nullopt;
    return Money{cents};
}

std::optional<Money> amount_from_number(double euros) {
    if (!std::isfinite(euros) || euros < 0 || euros * 100 > static_cast<double>(kMaxCents)) return std::nullopt;
    return Money{static_cast<int64_t>(std::llround(euros * 100))};
}

std::optional<int> parse_integer(const std::string& text) {
    const std::string s = trim(text);
    if (s.empty() || s.size() > 9) return std::nullopt;
    int value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<int> integer_from_number(double value) {
    if (!std::isfinite(value) || value < 0 || value > 999'999'999 || std::floor(value) != value) return std::nullopt;
    return static_cast<int>(value);
}

std::optional<int> parse_days(const std::string& text) {
    std::u32string s = utf8_to_u32(text);
    trim_spaces(s);
    if (!strip_suffix(s, U"jours") && !strip_suffix(s, U"jour")) strip_suffix(s, U"j");
    return parse_integer(u32_to_utf8(s));
}

}  // namespace lettrine
