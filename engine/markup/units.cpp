#include "markup/units.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/civil_calendar.hpp"
#include "core/french.hpp"
#include "core/text.hpp"

namespace lettrine {

namespace {

// Parses a non-negative decimal number ("12", "2.5", "2,5") at the start of
// text; returns the number of bytes read (0 when there is no number).
std::size_t read_number(const std::string& text, double& out) {
    std::size_t i = 0;
    double value = 0;
    bool digits = false;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        value = value * 10 + (text[i] - '0');
        ++i;
        digits = true;
    }
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        std::size_t j = i + 1;
        double scale = 0.1;
        bool fraction = false;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
            value += (text[j] - '0') * scale;
            scale /= 10;
            ++j;
            fraction = true;
        }
        if (fraction) { i = j; digits = true; }
    }
    if (!digits) return 0;
    out = value;
    return i;
}

}  // namespace

std::optional<double> parse_length(const std::string& text) {
    double value = 0;
    const std::size_t n = read_number(text, value);
    if (n == 0) return std::nullopt;
    const std::string unit = text.substr(n);
    if (unit == "mm") return value * kPointsPerMm;
    if (unit == "cm") return value * 10 * kPointsPerMm;
    if (unit == "pt") return value;
    return std::nullopt;
}

std::optional<double> parse_font_size(const std::string& text) {
    double value = 0;
    const std::size_t n = read_number(text, value);
    if (n == 0 || value <= 0 || value > 1000) return std::nullopt;
    const std::string unit = text.substr(n);
    if (unit.empty() || unit == "pt") return value;
    return std::nullopt;
}

std::optional<double> parse_factor(const std::string& text) {
    double value = 0;
    const std::size_t n = read_number(text, value);
    if (n == 0 || n != text.size() || value <= 0 || value > 10) return std::nullopt;
    return value;
}

std::optional<Extent> parse_extent(const std::string& text, bool relative_allowed) {
    if (relative_allowed && !text.empty() && text.back() == '*') {
        if (text.size() == 1) return Extent{Extent::Kind::Relative, 1};
        double value = 0;
        const std::string number = text.substr(0, text.size() - 1);
        if (read_number(number, value) == number.size() && value > 0) return Extent{Extent::Kind::Relative, value};
        return std::nullopt;
    }
    if (!text.empty() && text.back() == '%') {
        double value = 0;
        const std::string number = text.substr(0, text.size() - 1);
        if (read_number(number, value) == number.size() && value > 0 && value <= 100)
            return Extent{Extent::Kind::Percent, value};
        return std::nullopt;
    }
    if (auto points = parse_length(text)) return Extent{Extent::Kind::Points, *points};
    return std::nullopt;
}

std::optional<Rgb> parse_color(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = hex_digit_value(text[static_cast<std::size_t>(i) + 1])) < 0) return std::nullopt;
    return Rgb{static_cast<uint8_t>(v[0] * 16 + v[1]), static_cast<uint8_t>(v[2] * 16 + v[3]),
               static_cast<uint8_t>(v[4] * 16 + v[5])};
}

bool is_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9') return false;
    const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
    if (month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
}

bool is_language_tag(const std::string& text) {
    std::size_t letters = 0;
    while (letters < text.size() && ((text[letters] >= 'a' && text[letters] <= 'z') || (text[letters] >= 'A' && text[letters] <= 'Z')))
        ++letters;
    if (letters < 2 || letters > 3) return false;
    for (std::size_t i = letters; i < text.size(); ++i) {
        const char c = text[i];
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        (c == '-' && i + 1 < text.size() && text[i - 1] != '-');
        if (!ok) return false;
    }
    return true;
}

bool is_link_target(const std::string& text) {
    auto starts = [&](const char* prefix) {
        const std::size_t n = std::strlen(prefix);
        return text.size() > n && text.compare(0, n, prefix) == 0;
    };
    return starts("mailto:") || starts("https://") || starts("http://");
}

bool is_blank(const char* text) {
    for (; *text; ++text)
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r') return false;
    return true;
}

std::vector<std::string> split_spaces(const std::string& text) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!current.empty()) parts.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) parts.push_back(std::move(current));
    return parts;
}

std::optional<double> parse_markup_number(const std::string& raw) {
    std::string text;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (raw.compare(i, 2, "\u00A0") == 0) { ++i; continue; }
        if (raw.compare(i, 3, "\u202F") == 0) { i += 2; continue; }
        text += c;
    }
    bool negative = false;
    if (!text.empty() && text[0] == '-') { negative = true; text.erase(0, 1); }
    double value = 0;
    const std::size_t used = read_number(text, value);
    if (used == 0 || used != text.size() || text[0] == '.' || text[0] == ',') return std::nullopt;
    return negative ? -value : value;
}

std::string format_decimal_fr(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string digits = buffer, fraction;
    if (const std::size_t dot = digits.find('.'); dot != std::string::npos) {
        fraction = digits.substr(dot + 1);
        digits.resize(dot);
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    }
    std::string out = group_digits(digits);
    if (!fraction.empty()) out += "," + fraction;
    const bool zero = out.find_first_not_of("0,") == std::string::npos;
    // Chart labels keep the hyphen-minus for now (templates use U+2212): see the typography issue.
    return (value < 0 && !zero ? "-" : "") + out;
}

}  // namespace lettrine
