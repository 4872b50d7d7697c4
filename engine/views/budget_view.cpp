// The budget PDF's view: the Annexe 1 table and the budget table, with the
// figures of data/budget_figures.hpp (the same the workbook stores).
#include <cmath>

#include "data/budget_figures.hpp"
#include "data/volume_text.hpp"
#include "template/french_format.hpp"
#include "views/programme_view.hpp"

namespace lettrine {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

// "333,33 €", "500,00 €": a rate always shows its cents, as the workbook's
// « #,##0.00 € » format does.
std::string rate_text(double rate) {
    const long long cents = std::llround(rate * 100.0);
    const std::string whole = format_amount(Money{cents - cents % 100});  // "333 €"
    const std::string unit = std::string(kUnitSpace) + "€";
    const long long fraction = cents % 100;
    const std::string digits = (fraction < 10 ? "0" : "") + std::to_string(fraction);
    return whole.substr(0, whole.size() - unit.size()) + "," + digits + unit;
}

template <typename T, typename F>
DataValue optional_text(const std::optional<T>& value, F format) {
    return text(value ? format(*value) : "");
}

std::string integer(long long n) { return format_number(n); }

DataValue line_view(const BudgetLine& line, const Programme& programme) {
    const Sector& s = *line.sector;
    DataValue v = DataValue::map(s.position);
    v.set("identifiant", text(s.id));
    v.set("nom", text(s.name));
    v.set("referent", text(s.referent));
    v.set("pour_memoire", DataValue::boolean(!line.counted));
    v.set("conventionnement", text(line.counted ? programme.organisation : describe_annual_volume(s, programme)));
    v.set("montant", optional_text(line.amount, format_amount));
    v.set("jours_min", optional_text(line.days_min, integer));
    v.set("jours_max", optional_text(line.days_max, integer));
    v.set("taux_min", optional_text(line.rate_min, rate_text));
    v.set("taux_max", optional_text(line.rate_max, rate_text));
    v.set("jours_convenus", optional_text(line.days_agreed, integer));
    return v;
}

DataValue totals_view(const BudgetTotals& t) {
    DataValue v = DataValue::map();
    v.set("montant", text(format_amount(t.amount)));
    v.set("jours_min", text(integer(t.days_min)));
    v.set("jours_max", text(integer(t.days_max)));
    v.set("taux_min", optional_text(t.rate_min, rate_text));
    v.set("taux_max", optional_text(t.rate_max, rate_text));
    v.set("jours_convenus", optional_text(t.days_agreed, integer));
    return v;
}

}  // namespace

DataValue budget_view(const Programme& programme) {
    DataValue root = programme_view(programme);
    const BudgetFigures figures = budget_figures(programme);
    DataValue budget = DataValue::map();
    DataValue lines = DataValue::list();
    bool any_memo = false;
    for (const BudgetLine& line : figures.lines) {
        lines.push_back(line_view(line, programme));
        any_memo |= !line.counted;
    }
    budget.set("lignes", lines);
    budget.set("total", totals_view(figures.totals));
    budget.set("a_des_secteurs_pour_memoire", DataValue::boolean(any_memo));
    root.set("budget", budget);
    return root;
}

}  // namespace lettrine
