#include "data/calendar.hpp"

#include <cmath>
#include <cstdio>

#include "core/civil_calendar.hpp"
#include "core/text.hpp"

namespace lettrine {

namespace {

// Reads 1..max_digits ASCII digits at text[pos]; advances pos.
std::optional<int> read_digits(const std::string& text, std::size_t& pos, std::size_t max_digits) {
    std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9')
        value = value * 10 + (text[pos++] - '0');
    if (pos == start) return std::nullopt;
    return value;
}

std::optional<Date> checked(int year, int month, int day) {
    Date d{year, month, day};
    if (!is_calendar_date(d)) return std::nullopt;
    return d;
}

// "2015-12-01" or "01/12/2015"
std::optional<Date> parse_numeric(const std::string& s) {
    std::size_t pos = 0;
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        auto y = read_digits(s, pos, 4);
        if (!y || pos != 4) return std::nullopt;
        ++pos;
        auto m = read_digits(s, pos, 2);
        if (!m || pos != 7) return std::nullopt;
        ++pos;
        auto d = read_digits(s, pos, 2);
        if (!d || pos != 10) return std::nullopt;
        return checked(*y, *m, *d);
    }
    auto d = read_digits(s, pos, 2);
    if (!d || pos >= s.size() || s[pos] != '/') return std::nullopt;
    ++pos;
    auto m = read_digits(s, pos, 2);
    if (!m || pos >= s.size() || s[pos] != '/') return std::nullopt;
    ++pos;
    std::size_t year_start = pos;
    auto y = read_digits(s, pos, 4);
    if (!y || pos != s.size() || (pos - year_start != 4 && pos - year_start != 2)) return std::nullopt;
    return checked(pos - year_start == 2 ? 2000 + *y : *y, *m, *d);
}

// "1er décembre 2015", "12 décembre 2015" (month names compared without accents or case)
std::optional<Date> parse_words(const std::string& s) {
    static const char* months[] = {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
                                   "aout", "septembre", "octobre", "novembre", "decembre"};
    const std::string slug = slugify(s);  // "1er-decembre-2015"
    std::size_t pos = 0;
    auto d = read_digits(slug, pos, 2);
    if (!d) return std::nullopt;
    if (slug.compare(pos, 2, "er") == 0) {
        if (*d != 1) return std::nullopt;
        pos += 2;
    }
    if (pos >= slug.size() || slug[pos] != '-') return std::nullopt;
    ++pos;
    const std::size_t dash = slug.find('-', pos);
    if (dash == std::string::npos) return std::nullopt;
    const std::string month = slug.substr(pos, dash - pos);
    int m = 0;
    for (int i = 0; i < 12; ++i)
        if (month == months[i]) m = i + 1;
    if (m == 0) return std::nullopt;
    pos = dash + 1;
    std::size_t year_start = pos;
    auto y = read_digits(slug, pos, 4);
    if (!y || pos != slug.size() || pos - year_start != 4) return std::nullopt;
    return checked(*y, m, *d);
}

}  // namespace

bool is_calendar_date(const Date& date) { return is_civil_date(date.year, date.month, date.day); }

// Howard Hinnant's days_from_civil / civil_from_days.
long days_since_epoch(const Date& date) {
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (date.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days_since_epoch(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

bool written_with_two_digit_year(const std::string& text) {
    const std::string s = trim(text);
    const auto slash = s.rfind('/');
    return slash != std::string::npos && s.size() - slash == 3 && parse_numeric(s).has_value();
}

std::optional<Date> parse_date(const std::string& text) {
    const std::string s = trim(text);
    if (s.empty()) return std::nullopt;
    if (auto d = parse_numeric(s)) return d;
    return parse_words(s);
}

std::optional<Date> date_from_excel_serial(double serial, bool date1904) {
    // Excel's largest date is 9999-12-31 (serial 2958465).
    if (!std::isfinite(serial) || serial < 0 || serial >= 2958466) return std::nullopt;
    const long whole = static_cast<long>(std::floor(serial));
    if (date1904) return date_from_days_since_epoch(days_since_epoch({1904, 1, 1}) + whole);
    if (whole == 0 || whole == 60) return std::nullopt;  // 1900-01-00 and the fictitious 1900-02-29
    const long offset = whole < 60 ? whole : whole - 1;
    return date_from_days_since_epoch(days_since_epoch({1899, 12, 31}) + offset);
}

double excel_serial_from_date(const Date& date) {
    const long offset = days_since_epoch(date) - days_since_epoch({1899, 12, 31});
    return static_cast<double>(offset < 60 ? offset : offset + 1);
}

std::string iso_date(const Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string french_numeric_date(const Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.day, date.month, date.year);
    return buffer;
}

}  // namespace lettrine
