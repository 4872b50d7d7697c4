#pragma once
// Attribute values of the markup: lengths, colours, dates... Small, strict,
// locale-independent parsers (no std::regex, no strtod's locale).
#include <optional>
#include <string>
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

constexpr double kPointsPerMm = 72.0 / 25.4;

// "80mm", "2,5cm", "0.5pt" -> points. No unit, negative or garbage: nullopt.
std::optional<double> parse_length(const std::string& text);
// "11" or "11pt" -> points (> 0).
std::optional<double> parse_font_size(const std::string& text);
// A unitless positive factor: "1.2", "1,25".
std::optional<double> parse_factor(const std::string& text);
// A length, "50%" or (when relative_allowed) "*", "2*".
std::optional<Extent> parse_extent(const std::string& text, bool relative_allowed);
// "#1F4E79".
std::optional<Rgb> parse_color(const std::string& text);
// "2016-01-15", a real calendar date.
bool is_iso_date(const std::string& text);
// "fr", "fr-FR", "en-GB": letters, digits and hyphens, starting with 2–3 letters.
bool is_language_tag(const std::string& text);
// "mailto:…", "https://…", "http://…".
bool is_link_target(const std::string& text);
// A chart value: "12", "10,5", "10.5", "1 250,5" (spaces, U+00A0 and U+202F
// between digits ignored), optionally negative ("-3"). nullopt when not a number.
std::optional<double> parse_markup_number(const std::string& text);
// French number format, at most `decimals` decimals, trailing zeros dropped:
// 10.5 -> "10,5", 12 -> "12", 1250 -> "1 250" (U+202F between thousands).
std::string format_decimal_fr(double value, int decimals = 2);
// Only ASCII whitespace.
bool is_blank(const char* text);
std::vector<std::string> split_spaces(const std::string& text);

}  // namespace lettrine
