#include "template/french_format.hpp"

#include "data/calendar.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <system_error>
#include <vector>

#include "core/civil_calendar.hpp"
#include "core/diagnostic.hpp"
#include "core/french.hpp"

namespace lettrine {

namespace {

[[noreturn]] void invalid(const std::string& message) {
    throw LettrineError(ErrorKind::Data, SourcePosition{}, message);
}

// "15000000" -> "15 000 000" with U+202F between groups of three.
std::string group_thousands(const std::string& digits) { return group_digits(digits, kThousandsSeparator); }

std::string magnitude_digits(long long value) {
    // Works for LLONG_MIN too: the magnitude is taken as unsigned.
    const unsigned long long magnitude =
        value < 0 ? 0ULL - static_cast<unsigned long long>(value) : static_cast<unsigned long long>(value);
    return std::to_string(magnitude);
}

std::string format_integer(long long value) {
    return signed_grouped_digits(value < 0, magnitude_digits(value), kMinusSign, kThousandsSeparator);
}

// ---- Numbers in words ------------------------------------------------------

const char* const kSmall[17] = {"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
                                "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
const char* const kTens[7] = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante"};

struct Spelling {
    const char* separator;  // between numerals: " " (traditional) or "-" (1990)
    const char* et;         // " et " or "-et-"
};

Spelling spelling_of(NumberSpelling s) {
    return s == NumberSpelling::Traditional ? Spelling{" ", " et "} : Spelling{"-", "-et-"};
}

// 1..99. `final` says whether the number ends the numeral (then
// "quatre-vingts" takes its s; not before "mille").
std::string below_hundred(int n, bool final, const Spelling& sp) {
    if (n < 17) return kSmall[n];
    if (n < 20) return std::string("dix-") + kSmall[n - 10];
    const int tens = n / 10, unit = n % 10;
    if (tens == 7) {  // soixante-dix … soixante-dix-neuf
        if (n == 71) return std::string("soixante") + sp.et + "onze";
        return "soixante-" + below_hundred(n - 60, final, sp);
    }
    if (tens == 8) {
        if (unit == 0) return final ? "quatre-vingts" : "quatre-vingt";
        return std::string("quatre-vingt-") + kSmall[unit];  // quatre-vingt-un: no « et »
    }
    if (tens == 9) return "quatre-vingt-" + below_hundred(n - 80, final, sp);
    if (unit == 0) return kTens[tens];
    if (unit == 1) return std::string(kTens[tens]) + sp.et + "un";
    return std::string(kTens[tens]) + "-" + kSmall[unit];
}

// 1..999. "cent" takes an s when multiplied and ending the numeral.
std::string below_thousand(int n, bool final, const Spelling& sp) {
    const int hundreds = n / 100, rest = n % 100;
    if (hundreds == 0) return below_hundred(rest, final, sp);
    std::string words = hundreds == 1 ? "cent" : std::string(kSmall[hundreds]) + sp.separator + "cent";
    if (rest == 0) {
        if (hundreds > 1 && final) words += "s";
        return words;
    }
    return words + sp.separator + below_hundred(rest, final, sp);
}

// n >= 1. Million and milliard are nouns: their count ends a numeral
// ("quatre-vingts millions") and they are always separated by spaces.
std::string positive_in_words(unsigned long long n, const Spelling& sp) {
    const unsigned long long billions = n / 1000000000ULL;
    const int millions = static_cast<int>((n / 1000000ULL) % 1000);
    const int thousands = static_cast<int>((n / 1000ULL) % 1000);
    const int rest = static_cast<int>(n % 1000);

    std::string words;
    auto add_noun_phrase = [&](const std::string& phrase) {
        if (!words.empty()) words += " ";
        words += phrase;
    };
    if (billions > 0) {
        const std::string count = billions < 1000 ? below_thousand(static_cast<int>(billions), true, sp)
                                                  : positive_in_words(billions, sp);
        add_noun_phrase(count + (billions > 1 ? " milliards" : " milliard"));
    }
    if (millions > 0) add_noun_phrase(below_thousand(millions, true, sp) + (millions > 1 ? " millions" : " million"));

    std::string small;  // thousands and units, joined by the numeral separator
    if (thousands > 0) small = thousands == 1 ? "mille" : below_thousand(thousands, false, sp) + sp.separator + "mille";
    if (rest > 0) {
        if (!small.empty()) small += sp.separator;
        small += below_thousand(rest, true, sp);
    }
    if (!small.empty()) add_noun_phrase(small);
    return words;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void require_valid(const Date& date) {
    if (!is_valid_date(date)) invalid("« " + format_date_iso(date) + " » n’est pas une date valide");
}

// Spaces accepted inside a typed number: ASCII, U+00A0 and U+202F.
std::size_t space_length(const std::string& s, std::size_t i) {
    if (s[i] == ' ') return 1;
    if (s.compare(i, 2, "\u00A0") == 0) return 2;
    if (s.compare(i, 3, "\u202F") == 0) return 3;
    return 0;
}

bool all_digits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

// ---- Figures ---------------------------------------------------------------

std::string format_amount(Money amount) {
    const bool negative = amount.cents < 0;
    const std::string digits = magnitude_digits(amount.cents);
    const std::string padded = digits.size() < 3 ? std::string(3 - digits.size(), '0') + digits : digits;
    const std::string euros = padded.substr(0, padded.size() - 2);
    const std::string cents = padded.substr(padded.size() - 2);
    std::string text = negative ? kMinusSign : "";
    text += group_thousands(euros);
    if (cents != "00") text += "," + cents;
    return text + kUnitSpace + "€";
}

std::string format_number(int value) { return format_integer(value); }
std::string format_number(long value) { return format_integer(value); }
std::string format_number(long long value) { return format_integer(value); }

std::string format_number(double value) {
    if (!std::isfinite(value)) invalid("« " + std::to_string(value) + " » n’est pas un nombre");
    char buffer[512];
    // Shortest decimal that reads back as the same double, never in exponent form.
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (result.ec != std::errc()) invalid("nombre trop grand pour être écrit");
    const auto parsed = parse_decimal(std::string(buffer, result.ptr));
    return format_decimal(*parsed);
}

std::string format_days(long long days) {
    return format_integer(days) + kUnitSpace + (is_plural_count(static_cast<double>(days)) ? "jours" : "jour");
}

std::string format_ordinal(long long n, Gender gender) {
    const std::string number = (n < 0 ? "-" : "") + magnitude_digits(n);
    if (n == 1) return number + (gender == Gender::Masculine ? "er" : "re");
    return number + "e";
}

// ---- Dates -----------------------------------------------------------------

bool is_valid_date(const Date& date) { return is_civil_date(date.year, date.month, date.day); }

int day_of_week(const Date& date) {
    require_valid(date);
    // Sakamoto's method (proleptic Gregorian calendar): 0 = Sunday.
    static const int kOffsets[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = date.year;
    if (date.month < 3) y -= 1;
    const int sunday_based = (y + y / 4 - y / 100 + y / 400 + kOffsets[date.month - 1] + date.day) % 7;
    return (sunday_based + 6) % 7;
}

const char* month_name(int month) {
    static const char* const kMonths[12] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                            "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
    return month >= 1 && month <= 12 ? kMonths[month - 1] : "";
}

const char* weekday_name(int day) {
    static const char* const kDays[7] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
    return day >= 0 && day <= 6 ? kDays[day] : "";
}

std::string format_date_long(const Date& date) {
    require_valid(date);
    // The day never leaves its month at a line end (no-break space).
    const std::string day = date.day == 1 ? "1er" : std::to_string(date.day);
    return day + kUnitSpace + month_name(date.month) + " " + std::to_string(date.year);
}

std::string format_date_with_weekday(const Date& date) {
    return std::string(weekday_name(day_of_week(date))) + " " + format_date_long(date);
}

std::string format_date_short(const Date& date) {
    require_valid(date);
    return french_numeric_date(date);
}

std::string format_date_iso(const Date& date) { return iso_date(date); }

// ---- Words -----------------------------------------------------------------

std::string number_in_words(long long n, NumberSpelling spelling) {
    if (n == 0) return "zéro";
    const Spelling sp = spelling_of(spelling);
    const unsigned long long magnitude =
        n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    return (n < 0 ? "moins " : "") + positive_in_words(magnitude, sp);
}

std::string amount_in_words(Money amount, NumberSpelling spelling) {
    const Spelling sp = spelling_of(spelling);
    const unsigned long long magnitude = amount.cents < 0 ? 0ULL - static_cast<unsigned long long>(amount.cents)
                                                          : static_cast<unsigned long long>(amount.cents);
    const unsigned long long euros = magnitude / 100;
    const int cents = static_cast<int>(magnitude % 100);
    if (euros == 0 && cents == 0) return "zéro euro";

    std::string words = amount.cents < 0 ? "moins " : "";
    if (euros > 0) {
        const std::string number = positive_in_words(euros, sp);
        words += number;
        // « un million d'euros » but « un million deux cents euros ».
        if (ends_with(number, "million") || ends_with(number, "millions") || ends_with(number, "milliard") ||
            ends_with(number, "milliards"))
            words += " d’euros";
        else
            words += euros == 1 ? " euro" : " euros";
    }
    if (cents > 0) {
        if (euros > 0) words += " et ";
        words += positive_in_words(static_cast<unsigned long long>(cents), sp);
        words += cents == 1 ? " centime" : " centimes";
    }
    return words;
}

// ---- Reading what people type ------------------------------------------------

std::optional<Decimal> parse_decimal(const std::string& raw) {
    // Trim surrounding spaces of any of the three kinds.
    std::size_t begin = 0, end = raw.size();
    while (begin < end) {
        const std::size_t len = space_length(raw, begin);
        if (len == 0 && raw[begin] != '\t' && raw[begin] != '\n' && raw[begin] != '\r') break;
        begin += len == 0 ? 1 : len;
    }
    while (end > begin) {
        const char c = raw[end - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { --end; continue; }
        if (end - begin >= 2 && raw.compare(end - 2, 2, "\u00A0") == 0) { end -= 2; continue; }
        if (end - begin >= 3 && raw.compare(end - 3, 3, "\u202F") == 0) { end -= 3; continue; }
        break;
    }
    const std::string s = raw.substr(begin, end - begin);
    if (s.empty()) return std::nullopt;

    Decimal d;
    std::size_t i = 0;
    if (s[i] == '-' || s[i] == '+') {
        d.negative = s[i] == '-';
        ++i;
    } else if (s.compare(i, 3, kMinusSign) == 0) {
        d.negative = true;
        i += 3;
    }
    std::string integer;
    std::vector<std::size_t> groups{0};  // digit runs between spaces: "15 000" → {2, 3}
    for (; i < s.size(); ) {
        const char c = s[i];
        if (c >= '0' && c <= '9') { integer += c; ++groups.back(); ++i; continue; }
        const std::size_t len = space_length(s, i);
        if (len > 0 && groups.back() > 0) { groups.push_back(0); i += len; continue; }
        break;
    }
    if (integer.empty() || groups.back() == 0) return std::nullopt;
    if (groups.size() > 1) {  // spaces must group thousands: "1 5" is not a number
        if (groups.front() > 3) return std::nullopt;
        for (std::size_t g = 1; g < groups.size(); ++g)
            if (groups[g] != 3) return std::nullopt;
    }
    if (i < s.size()) {
        if (s[i] != ',' && s[i] != '.') return std::nullopt;
        d.fraction_digits = s.substr(i + 1);
        if (!all_digits(d.fraction_digits)) return std::nullopt;
    }
    const std::size_t first = integer.find_first_not_of('0');
    d.integer_digits = first == std::string::npos ? "0" : integer.substr(first);
    if (d.integer_digits == "0" && d.fraction_digits.find_first_not_of('0') == std::string::npos) d.negative = false;
    return d;
}

std::string format_decimal(const Decimal& value) {
    std::string text = value.negative ? kMinusSign : "";
    text += group_thousands(value.integer_digits);
    if (!value.fraction_digits.empty()) text += "," + value.fraction_digits;
    return text;
}


}  // namespace lettrine
