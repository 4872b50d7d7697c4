#pragma once
// Reading one positioned row (table_source.hpp's SourceRow) field by field,
// for any data contract built on TableSpec (the programme, the bilan, the
// general assembly): every getter cleans and
// parses the value the way French users type it, reports a problem at the
// field's own position (« feuille « Temps », cellule D5 : … », file:line:col)
// and returns nothing for an absent or invalid value, so a validator can go
// on and report every problem at once.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "data/programme.hpp"
#include "data/table_source.hpp"

namespace lettrine {

class FieldReader {
public:
    FieldReader(const SourceTable& table, const SourceRow& row, Diagnostics& diagnostics, bool date1904);

    const FieldSpec& spec(const std::string& id) const { return table_.spec->field(id); }
    const SourceField* raw(const std::string& id) const;       // nullptr when not given
    SourcePosition where(const std::string& id) const;         // the field, else the row
    bool blank(const std::string& id) const;                   // absent, or only spaces
    bool inherited(const std::string& id) const;               // given by an enclosing XML element
    Diagnostics& diagnostics() { return diagnostics_; }        // for a contract's own parsers

    // Reports an empty field: « le champ « Porteur » est obligatoire<why> »
    // (not when its whole column is missing: that was reported once already;
    // not when inherited: reported at the enclosing element).
    bool require(const std::string& id, const std::string& why = "");

    // Cleaned per the field's shape (Inline: one line; Lines: one item per
    // line), checked for tentative marks as the field's spec says
    // (tentative_text_problem); "" when absent.
    std::string text(const std::string& id);
    // As written, line breaks and blank lines kept (CR LF and CR become LF);
    // for free texts whose blank lines mean something. Checked for « … ».
    std::string free_text(const std::string& id);

    // A non-negative integer (a numeric cell or digits).
    std::optional<int> integer(const std::string& id);
    // A whole number of days: « 20 », « 20 j », « 30 jours », a numeric cell.
    std::optional<int> whole_days(const std::string& id);
    // An amount in euros (data/amount.hpp: « 15 000 € », « 1,5 k€ », a numeric cell).
    std::optional<Money> amount(const std::string& id);
    // Text that must look like an e-mail address (is_plausible_email).
    std::string email(const std::string& id);
    // A slug-safe identifier ([a-z0-9-]+), or "" after reporting (with a
    // suggested slug; not reported when inherited).
    std::string identifier(const std::string& id);
    // A number of days counted in half-days, returned as a count of halves:
    // « 12 », « 10,5 », « 10.5 », « 10,5 j », a numeric cell. Refuses
    // negative values, quarters and more than kMaxHalfDays.
    std::optional<int> half_days(const std::string& id);
    // A date: a date cell, 01/12/2015, 2015-12-01, 1er décembre 2015.
    // `examples` ends the message for anything else, in the contract's own
    // year (« 17/11/2016 ou 2016-11-17 »).
    std::optional<Date> date(const std::string& id, const std::string& examples);
    // One of `labels` (case, accents and spacing ignored), as its index; nullopt
    // when blank; an unknown value is reported with the list of accepted ones.
    std::optional<std::size_t> choice(const std::string& id, const std::vector<std::string>& labels);

private:
    const SourceTable& table_;
    const SourceRow& row_;
    Diagnostics& diagnostics_;
    bool date1904_;
};

// 366 days a year: more cannot be worked on one mission.
inline constexpr int kMaxHalfDays = 2 * 366;

// "12", "10,5" from a count of half-days (decimal comma, no unit).
std::string format_half_days(int halves);

}  // namespace lettrine
