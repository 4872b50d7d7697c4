#pragma once
// The budget's figures, computed once from the programme: the workbook's
// « Budget » sheet stores them as the cached values of its formulas and the
// budget PDF prints them, so both always show the same numbers.
#include <optional>
#include <vector>

#include "data/programme.hpp"

namespace lettrine {

struct BudgetLine {
    const Sector* sector = nullptr;
    // False for a sector the public partner contracts directly: listed « pour
    // mémoire », with no amount, days or rates, and outside the totals.
    bool counted = true;
    std::optional<Money> amount;
    std::optional<int> days_min, days_max, days_agreed;
    // A fixed price spread over more days gives a lower daily rate: the
    // minimum rate is amount / maximum days, the maximum amount / minimum
    // days (research/domain.md §5.1). Absent unless the division is defined.
    std::optional<double> rate_min, rate_max;
};

struct BudgetTotals {
    Money amount;
    long days_min = 0, days_max = 0;
    std::optional<long> days_agreed;  // only when some sector has agreed days
    // Average rates only when every amount counted has its days: otherwise
    // the ratio of the two sums would mean nothing.
    std::optional<double> rate_min, rate_max;
};

struct BudgetFigures {
    std::vector<BudgetLine> lines;  // one per sector, in the programme's order
    BudgetTotals totals;
};

BudgetFigures budget_figures(const Programme& programme);

// Euros as a double (the cells' and the rates' unit).
inline double euros(Money m) { return static_cast<double>(m.cents) / 100.0; }

}  // namespace lettrine
