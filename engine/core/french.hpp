#pragma once
// Small French writing rules every stage uses, in one home: « guillemets »,
// lists of alternatives, digit grouping. Typography of running text (spaces
// before « ; : ! ? », etc.) belongs to the markup stage (markup/french_spacing.hpp).
#include <string>
#include <vector>

namespace lettrine {

inline constexpr const char* kNarrowNoBreakSpace = "\u202F";  // between digit groups, before « ; »
inline constexpr const char* kNoBreakSpace = "\u00A0";        // before a unit, inside « »
inline constexpr const char* kMinusSign = "\u2212";           // typographic minus, not the hyphen

// « text », as the engine's messages quote a value (the spaces inside are
// plain: messages are read in terminals and logs).
std::string quoted(const std::string& text);

// « « a », « b » ou « c » »: the accepted values, for messages.
std::string french_alternatives(const std::vector<std::string>& labels);

// "15000000" -> "15 000 000": `separator` between groups of three digits
// from the right (French rules: U+202F in print; XLSX cells use U+00A0,
// which every spreadsheet font has).
std::string group_digits(const std::string& digits, const std::string& separator = kNarrowNoBreakSpace);

// A non-negative magnitude's digits grouped, preceded by `minus` when
// `negative`. The sign is a parameter because the stages still disagree
// (U+2212 in templates and workbooks, '-' in chart labels): see the typography issue.
std::string signed_grouped_digits(bool negative, const std::string& digits, const std::string& minus,
                                  const std::string& separator = kNarrowNoBreakSpace);

}  // namespace lettrine
