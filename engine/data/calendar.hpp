#pragma once
// Calendar dates as users and spreadsheets write them: ISO (2015-12-01),
// French numeric (01/12/2015), French words (1er décembre 2015), and Excel
// serial numbers (1900 and 1904 systems).
#include <optional>
#include <string>

#include "data/programme.hpp"

namespace lettrine {

// True when the date exists in the proleptic Gregorian calendar (no 31 April).
bool is_calendar_date(const Date& date);

// Days since 1970-01-01 (negative before); the date must be a calendar date.
long days_since_epoch(const Date& date);
Date date_from_days_since_epoch(long days);

// "2015-12-01", "01/12/2015", "1/12/2015", "1/12/15", "1er décembre 2015",
// "1 décembre 2015". A two-digit year is 20xx ("1/12/15" is 2015-12-01: the
// programmes are of this century, and a 19xx date has no use in them); the
// readers say so in a warning (written_with_two_digit_year). Surrounding
// spaces are ignored; anything else (or a non-existent day) is nullopt.
std::optional<Date> parse_date(const std::string& text);

// True for a date parse_date reads with a two-digit year ("1/12/15").
bool written_with_two_digit_year(const std::string& text);

// An Excel date serial (fraction of day ignored) to a date.
// 1900 system: serial 1 is 1900-01-01 and Excel's fictitious 1900-02-29
// (serial 60, inherited from Lotus 1-2-3) has no date: nullopt.
// 1904 system (workbookPr date1904): serial 0 is 1904-01-01.
std::optional<Date> date_from_excel_serial(double serial, bool date1904 = false);
// The inverse, in the 1900 system (what libxlsxwriter writes).
double excel_serial_from_date(const Date& date);

// "2015-12-01"
std::string iso_date(const Date& date);
// "01/12/2015"
std::string french_numeric_date(const Date& date);

}  // namespace lettrine
