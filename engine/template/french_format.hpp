#pragma once
// French formatting of amounts, numbers, days, dates and ordinals, following
// the Imprimerie nationale's usage (Lexique des règles typographiques) and the
// Académie's spelling of numbers. Used by the view models (C++) and by the
// template helpers ({{#en_euros}}…{{/en_euros}}, docs/MODELES.md).
//
// Spaces: U+202F (espace fine insécable) groups thousands, U+00A0 (espace
// insécable) separates a number from its unit (€, jours). Every function is
// pure and deterministic.
#include <cstdint>
#include <optional>
#include <string>

#include "data/programme.hpp"

#include "core/french_grammar.hpp"

namespace lettrine {

// U+202F NARROW NO-BREAK SPACE: thousands separator (CLDR fr since ICU 63).
inline constexpr const char* kThousandsSeparator = "\u202F";
// U+00A0 NO-BREAK SPACE: between a number and its unit.
inline constexpr const char* kUnitSpace = "\u00A0";

// Gender (Masculine, Feminine) comes with the grammar helpers.

// How numbers are spelled out. Traditional: "vingt et un", "deux cent mille"
// (hyphens only between tens and units below one hundred). Rectified1990:
// every numeral joined by hyphens, "vingt-et-un", "deux-cent-mille"
// (« million » and « milliard » are nouns and stay separate words).
enum class NumberSpelling { Traditional, Rectified1990 };

// ---- Figures ---------------------------------------------------------------

// "15 000 €", "15 000,50 €", "0 €", "−1 250 €" (cents only when non-zero;
// U+2212 MINUS SIGN for negative amounts).
std::string format_amount(Money amount);

// "1 234" / "1 234,5" (shortest decimal form of the double, decimal comma).
// Throws LettrineError(Data) for NaN or infinity.
std::string format_number(int value);
std::string format_number(long value);
std::string format_number(long long value);
std::string format_number(double value);

// "1 jour", "30 jours", "0 jour" (French singular below two).
std::string format_days(long long days);

// "1er", "1re", "2e", "21e" (never "1ère" nor "2ème").
std::string format_ordinal(long long n, Gender gender = Gender::Masculine);

// ---- Dates -----------------------------------------------------------------
// Every date function throws LettrineError(Data) for an impossible date
// (2015-02-30): a Date is only a triple of integers.

bool is_valid_date(const Date& date);            // month lengths, leap years
int day_of_week(const Date& date);               // 0 = lundi … 6 = dimanche
const char* month_name(int month);               // 1 → "janvier" (lower case)
const char* weekday_name(int day_of_week);       // 0 → "lundi"

std::string format_date_long(const Date& date);          // "1er décembre 2015", "15 décembre 2015"
std::string format_date_with_weekday(const Date& date);  // "mercredi 1er juin 2016"
std::string format_date_short(const Date& date);         // "01/12/2015"
std::string format_date_iso(const Date& date);           // "2015-12-01"

// ---- Words -----------------------------------------------------------------

// "zéro", "vingt et un", "soixante et onze", "quatre-vingts", "quatre-vingt-un",
// "deux cents", "deux cent mille", "quatre-vingts millions", "moins trois".
std::string number_in_words(long long n, NumberSpelling spelling = NumberSpelling::Traditional);

// "quinze mille euros", "un euro", "un million d'euros",
// "mille deux cent cinquante euros et cinquante centimes", "cinquante centimes".
std::string amount_in_words(Money amount, NumberSpelling spelling = NumberSpelling::Traditional);

// ---- Reading what people type ------------------------------------------------

// A decimal number as written: digits kept as text so nothing is rounded.
struct Decimal {
    bool negative = false;
    std::string integer_digits;   // no leading zeros, "0" for zero
    std::string fraction_digits;  // as written, may be empty
};

// "15000", "15 000", "15 000,50", "1250.5", "-3": an optional sign, digits
// optionally grouped by spaces (U+0020, U+00A0, U+202F), an optional decimal
// comma or point. Surrounding spaces are ignored; anything else → nullopt.
std::optional<Decimal> parse_decimal(const std::string& text);

// "1 234,5" from a Decimal: grouped integer part, fraction kept as written.
std::string format_decimal(const Decimal& value);

// Amounts, integers and dates typed by users are parsed by the data stage
// (data/amount.hpp, data/calendar.hpp): one definition of what French
// users may type.

}  // namespace lettrine
