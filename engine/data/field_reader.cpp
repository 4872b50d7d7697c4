#include "data/data_text.hpp"
#include "data/field_reader.hpp"

#include <cmath>

#include "core/text.hpp"
#include "data/amount.hpp"
#include "data/calendar.hpp"
#include "data/names.hpp"
#include "data/programme_validation.hpp"

namespace lettrine {

namespace {

std::string clean(const std::string& text, FieldShape shape) {
    if (shape == FieldShape::Inline) return collapse_whitespace(text);
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = collapse_whitespace(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// "12", "10,5", "10.5", "10,5 j", "10,5 jours" -> 21 halves; nullopt otherwise.
std::optional<int> parse_half_days(std::string text) {
    text = trim(text);
    for (const char* unit : {"jours", "jour", "j"}) {
        const std::string u = unit;
        if (text.size() > u.size() && text.compare(text.size() - u.size(), u.size(), u) == 0) {
            text = trim(text.substr(0, text.size() - u.size()));
            break;
        }
    }
    if (text.empty() || text.size() > 9) return std::nullopt;
    long whole = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) whole = whole * 10 + (text[i] - '0');
    if (i == 0) return std::nullopt;
    int half = 0;
    if (i < text.size()) {
        if (text[i] != ',' && text[i] != '.') return std::nullopt;
        const std::string fraction = text.substr(i + 1);
        if (fraction.empty() || fraction.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
        const std::string digits = fraction.substr(0, fraction.find_last_not_of('0') + 1);
        if (digits.empty() || fraction.find_first_not_of('0') == std::string::npos) half = 0;
        else if (digits == "5") half = 1;
        else return -1;  // a fraction other than a half: reported by the caller
    }
    return static_cast<int>(whole * 2 + half);
}

}  // namespace

FieldReader::FieldReader(const SourceTable& table, const SourceRow& row, Diagnostics& diagnostics, bool date1904)
    : table_(table), row_(row), diagnostics_(diagnostics), date1904_(date1904) {}

const SourceField* FieldReader::raw(const std::string& id) const {
    const auto it = row_.fields.find(id);
    return it == row_.fields.end() ? nullptr : &it->second;
}

SourcePosition FieldReader::where(const std::string& id) const {
    const SourceField* f = raw(id);
    return f ? f->position : row_.position;
}

bool FieldReader::blank(const std::string& id) const {
    const SourceField* f = raw(id);
    return !f || (trim(f->text).empty() && !f->number);
}

bool FieldReader::inherited(const std::string& id) const {
    const SourceField* f = raw(id);
    return f && f->inherited;
}

bool FieldReader::require(const std::string& id, const std::string& why) {
    if (!blank(id)) return true;
    if (table_.column_missing(id) && !raw(id)) return false;
    if (inherited(id)) return false;
    diagnostics_.error(where(id), "le champ " + quoted(spec(id).label) + " est obligatoire" + why);
    return false;
}

std::string FieldReader::text(const std::string& id) {
    const SourceField* f = raw(id);
    if (!f) return "";
    const FieldSpec& field = spec(id);
    const std::string value = clean(printable_data_text(f->text, f->position, &diagnostics_), field.shape);
    if (field.marks == TentativeMarks::Unchecked) return value;
    const bool questions_allowed = field.marks == TentativeMarks::QuestionsAllowed;
    std::size_t start = 0;
    while (start <= value.size()) {
        const auto end = value.find('\n', start);
        const std::string problem =
            tentative_text_problem(value.substr(start, end == std::string::npos ? std::string::npos : end - start),
                                   questions_allowed);
        if (!problem.empty()) diagnostics_.error(f->position, problem);  // every line at fault
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return value;
}

std::string FieldReader::free_text(const std::string& id) {
    const SourceField* f = raw(id);
    if (!f) return "";
    const std::string text = printable_data_text(f->text, f->position, &diagnostics_);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    if (out.find("...") != std::string::npos || out.find("\u2026") != std::string::npos)
        diagnostics_.error(f->position, "des points de suspension ne doivent pas rester dans le texte : "
                                        "complétez-le ou retirez-les");
    return out;
}

std::optional<int> FieldReader::integer(const std::string& id) {
    if (blank(id)) return std::nullopt;
    const SourceField& f = *raw(id);
    std::optional<int> value = f.number ? integer_from_number(*f.number) : parse_integer(trim(f.text));
    if (!value) diagnostics_.error(f.position, quoted(trim(f.text)) + " n’est pas un nombre entier");
    return value;
}

std::optional<int> FieldReader::whole_days(const std::string& id) {
    if (blank(id)) return std::nullopt;
    const SourceField& f = *raw(id);
    std::optional<int> value = f.number ? integer_from_number(*f.number) : parse_days(f.text);
    if (!value) diagnostics_.error(f.position, quoted(trim(f.text)) + " n’est pas un nombre entier");
    return value;
}

std::optional<Money> FieldReader::amount(const std::string& id) {
    if (blank(id)) return std::nullopt;
    const SourceField& f = *raw(id);
    std::optional<Money> value = f.number ? amount_from_number(*f.number) : parse_amount(f.text);
    if (!value)
        diagnostics_.error(f.position,
                           quoted(trim(f.text)) + " n’est pas un montant (écrire par exemple " + kAmountExamples + ")");
    return value;
}

std::string FieldReader::email(const std::string& id) {
    const std::string value = text(id);
    if (!value.empty() && !is_plausible_email(value))
        diagnostics_.error(where(id), quoted(value) + " n’est pas une adresse électronique valide");
    return value;
}

std::string FieldReader::identifier(const std::string& id) {
    const std::string value = text(id);
    if (value.empty() || is_slug_identifier(value)) return value;
    if (!inherited(id))
        diagnostics_.error(where(id), "l’identifiant " + quoted(value) +
                                          " ne doit contenir que des minuscules sans accents, des chiffres et des tirets "
                                          "(par exemple " + quoted(slugify(value)) + ")");
    return "";
}

std::optional<int> FieldReader::half_days(const std::string& id) {
    if (blank(id)) return std::nullopt;
    const SourceField& f = *raw(id);
    std::optional<int> halves;
    if (f.number) {
        const double twice = *f.number * 2;
        if (std::isfinite(twice) && twice >= 0 && twice <= 2.0 * kMaxHalfDays + 1)
            halves = std::abs(twice - std::round(twice)) < 1e-9 ? static_cast<int>(std::lround(twice)) : -1;
        else if (std::isfinite(twice) && twice < 0)
            halves = -2;
        else
            halves = kMaxHalfDays + 1;
    } else {
        halves = parse_half_days(f.text);
        if (!halves && trim(f.text).rfind('-', 0) == 0) halves = -2;
    }
    const std::string shown = quoted(trim(f.text));
    if (!halves) {
        diagnostics_.error(f.position, shown + " n’est pas un nombre de jours (écrire par exemple 12 ou 10,5)");
        return std::nullopt;
    }
    if (*halves == -2) {
        diagnostics_.error(f.position, shown + " : un nombre de jours ne peut pas être négatif");
        return std::nullopt;
    }
    if (*halves == -1) {
        diagnostics_.error(f.position, shown + " : les jours se comptent par demi-journées (par exemple 10 ou 10,5)");
        return std::nullopt;
    }
    if (*halves > kMaxHalfDays) {
        diagnostics_.error(f.position, shown + " : plus de jours qu’une année n’en compte");
        return std::nullopt;
    }
    return halves;
}

std::optional<Date> FieldReader::date(const std::string& id, const std::string& examples) {
    if (blank(id)) return std::nullopt;
    const SourceField& f = *raw(id);
    std::optional<Date> value = f.number ? date_from_excel_serial(*f.number, date1904_) : parse_date(f.text);
    if (!value)
        diagnostics_.error(f.position, quoted(trim(f.text)) + " n’est pas une date (écrire par exemple " + examples + ")");
    else if (!f.number && written_with_two_digit_year(f.text))
        diagnostics_.warning(f.position, quoted(trim(f.text)) + " : année à deux chiffres lue comme " +
                                             std::to_string(value->year) + " (écrire l’année en entier pour le confirmer)");
    return value;
}

std::optional<std::size_t> FieldReader::choice(const std::string& id, const std::vector<std::string>& labels) {
    const std::string value = text(id);
    const std::string key = normalize_name(value);
    if (key.empty()) return std::nullopt;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (normalize_name(labels[i]) == key) return i;
    diagnostics_.error(where(id), "valeur inconnue " + quoted(value) + " pour le champ " + quoted(spec(id).label) +
                                      " : choisir " + french_alternatives(labels));
    return std::nullopt;
}

std::string format_half_days(int halves) {
    return std::to_string(halves / 2) + (halves % 2 ? ",5" : "");
}

}  // namespace lettrine
