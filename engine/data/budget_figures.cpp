#include "data/budget_figures.hpp"

namespace lettrine {

namespace {

std::optional<double> rate(const std::optional<Money>& amount, const std::optional<int>& days) {
    if (!amount || !days || *days <= 0) return std::nullopt;
    return euros(*amount) / *days;
}

BudgetLine line_of(const Sector& sector) {
    BudgetLine line;
    line.sector = &sector;
    line.counted = sector.contracting == Contracting::Ecossolies;
    if (!line.counted) return line;
    line.amount = sector.budget;
    line.days_min = sector.days_min;
    line.days_max = sector.days_max;
    line.days_agreed = sector.days_agreed;
    line.rate_min = rate(line.amount, line.days_max);
    line.rate_max = rate(line.amount, line.days_min);
    return line;
}

}  // namespace

BudgetFigures budget_figures(const Programme& programme) {
    BudgetFigures figures;
    BudgetTotals& t = figures.totals;
    bool any_amount = false, every_amount_has_min = true, every_amount_has_max = true;
    for (const Sector& sector : programme.sectors) {
        const BudgetLine line = line_of(sector);
        figures.lines.push_back(line);
        if (line.amount) {
            t.amount.cents += line.amount->cents;
            any_amount = true;
            every_amount_has_min &= line.days_min && *line.days_min > 0;
            every_amount_has_max &= line.days_max && *line.days_max > 0;
        }
        if (line.days_min) t.days_min += *line.days_min;
        if (line.days_max) t.days_max += *line.days_max;
        if (line.days_agreed) t.days_agreed = t.days_agreed.value_or(0) + *line.days_agreed;
    }
    if (any_amount && every_amount_has_max && t.days_max > 0) t.rate_min = euros(t.amount) / static_cast<double>(t.days_max);
    if (any_amount && every_amount_has_min && t.days_min > 0) t.rate_max = euros(t.amount) / static_cast<double>(t.days_min);
    return figures;
}

}  // namespace lettrine
