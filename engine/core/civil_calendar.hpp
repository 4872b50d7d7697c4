#pragma once
// The Gregorian calendar's month lengths, for every stage that checks a
// date (data readers, template filters, markup attributes).
namespace lettrine {

constexpr bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// 28 to 31; month is 1..12.
constexpr int days_in_month(int year, int month) {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// A real day of years 1 to 9999 (the range every date of the engine uses).
constexpr bool is_civil_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

}  // namespace lettrine
