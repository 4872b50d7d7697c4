#include "layout/line_breaker.hpp"

namespace lettrine {

namespace {

bool discardable(const LineItem& item) {
    return item.kind != LineItem::Kind::Box && !(item.kind == LineItem::Kind::Penalty && item.penalty <= kForcedBreak);
}

// Glue adjustment for a line of the given totals in `width`.
double adjustment_ratio(double natural, double stretch, double shrink, double width) {
    if (natural < width) return stretch > 0 ? (width - natural) / stretch : 0;
    if (natural > width) {
        if (shrink <= 0) return 0;
        const double r = (width - natural) / shrink;
        return r < -1 ? -1 : r;
    }
    return 0;
}

}  // namespace

std::vector<BrokenLine> GreedyLineBreaker::break_lines(const std::vector<LineItem>& items,
                                                        const LineMeasure& measure) const {
    std::vector<BrokenLine> lines;
    const std::size_t n = items.size();
    std::size_t i = 0;
    constexpr double kEpsilon = 1e-6;
    while (true) {
        while (i < n && discardable(items[i])) ++i;  // glue and penalties vanish at a line start
        if (i >= n) break;
        const double width = measure.at(lines.size());
        struct Candidate { std::size_t at = 0; double natural = 0, stretch = 0, shrink = 0; bool valid = false; } best;
        double natural = 0, stretch = 0, shrink = 0;
        bool any_box = false;
        std::size_t j = i;
        bool broke = false;
        for (; j < n; ++j) {
            const LineItem& item = items[j];
            if (item.kind == LineItem::Kind::Box) {
                if (any_box && best.valid && natural + item.width - shrink > width + kEpsilon) break;
                natural += item.width;
                any_box = true;
            } else if (item.kind == LineItem::Kind::Glue) {
                if (j > i && items[j - 1].kind == LineItem::Kind::Box)
                    best = {j, natural, stretch, shrink, true};
                natural += item.width;
                stretch += item.stretch;
                shrink += item.shrink;
            } else {  // penalty
                if (item.penalty <= kForcedBreak) {
                    lines.push_back({i, j, natural, natural > width ? adjustment_ratio(natural, stretch, shrink, width) : 0, true});
                    i = j + 1;
                    broke = true;
                    break;
                }
                if (item.penalty < kForbiddenBreak && any_box) {
                    if (natural + item.width - shrink <= width + kEpsilon || !best.valid)
                        best = {j, natural + item.width, stretch, shrink, true};
                }
            }
        }
        if (broke) continue;
        if (j >= n) {  // the rest fits: last line, ragged
            lines.push_back({i, n, natural, natural > width ? adjustment_ratio(natural, stretch, shrink, width) : 0, true});
            break;
        }
        // Overfull: break at the last legal breakpoint (best is valid here).
        BrokenLine line{i, best.at, best.natural, adjustment_ratio(best.natural, best.stretch, best.shrink, width), false};
        lines.push_back(line);
        i = best.at + (items[best.at].kind == LineItem::Kind::Penalty ? 1 : 0);
    }
    return lines;
}

}  // namespace lettrine
