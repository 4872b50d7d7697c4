#pragma once
// Amounts and counts typed the way French users type them in a spreadsheet
// or an XML file. Every parser returns nullopt on anything doubtful rather
// than guessing: the caller reports the cell.
#include <optional>
#include <string>

#include "data/programme.hpp"

namespace lettrine {

// Accepted: "15000", "15 000" (space U+0020, no-break U+00A0, narrow no-break
// U+202F or thin U+2009 between groups of three digits), "15 000 €",
// "15 000,00 €", "15000.50", "15 k€", "15K€", "1,5 k€", "15 000 EUR",
// "12 500 euros", "1 euro".
// Refused: words ("dix mille"), a comma or a point as thousands separator
// ("15,000,00", "15.000"), more than two decimals (five with k€), negative
// or empty amounts, more than 10 000 000 000 €.
std::optional<Money> parse_amount(const std::string& text);

// What a refused amount's message shows as accepted.
inline constexpr const char* kAmountExamples = "12 500 €, 12 500,50 € ou 12 500 euros";

// A numeric spreadsheet cell holding euros (rounded to the cent).
std::optional<Money> amount_from_number(double euros);

// A non-negative integer written with digits ("2016", "3"); at most 9 digits.
std::optional<int> parse_integer(const std::string& text);
// A numeric spreadsheet cell holding a non-negative integer.
std::optional<int> integer_from_number(double value);

// A number of days: an integer, optionally followed by "j", "jour" or "jours"
// ("20", "20 j", "30 jours").
std::optional<int> parse_days(const std::string& text);

}  // namespace lettrine
