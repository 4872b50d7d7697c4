#include "layout/line_breaker.hpp"

#include <algorithm>
#include <cmath>

namespace lettrine {

namespace {

constexpr double kEpsilon = 1e-6;  // points: rounding slack when comparing widths

bool is_forced(const LineItem& item) { return item.kind == LineItem::Kind::Penalty && item.penalty <= kForcedBreak; }

bool discardable(const LineItem& item) { return item.kind != LineItem::Kind::Box && !is_forced(item); }

bool is_hyphen_break(const LineItem& item) { return item.kind == LineItem::Kind::Penalty && item.flagged; }

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

// ---- Greedy ----------------------------------------------------------------------

std::vector<BrokenLine> GreedyLineBreaker::break_lines(const std::vector<LineItem>& items,
                                                        const LineMeasure& measure) const {
    std::vector<BrokenLine> lines;
    const std::size_t n = items.size();
    const bool shrinking = fill_ == Fill::Shrinking;
    std::size_t i = 0;
    int hyphens_in_a_row = 0;
    struct Candidate { std::size_t at = 0; double natural = 0, stretch = 0, shrink = 0; bool valid = false; };
    // Whether what follows a break at `at` ends the paragraph on one line.
    auto rest_fits_one_line = [&](std::size_t at, double width) {
        std::size_t k = at + 1;
        while (k < n && discardable(items[k])) ++k;
        double natural = 0, shrink = 0;
        for (; k < n; ++k) {
            if (is_forced(items[k])) return k + 1 == n && natural - (shrinking ? shrink : 0) <= width + kEpsilon;
            if (items[k].kind != LineItem::Kind::Penalty) natural += items[k].width;
            if (items[k].kind == LineItem::Kind::Glue) shrink += items[k].shrink;
        }
        return true;
    };
    while (true) {
        while (i < n && discardable(items[i])) ++i;  // glue and penalties vanish at a line start
        if (i >= n) break;
        const double width = measure.at(lines.size());
        const bool may_hyphenate = hyphens_in_a_row < 2;
        Candidate best, plain;  // plain: the last candidate that is not a hyphen
        double natural = 0, stretch = 0, shrink = 0;
        bool any_box = false;
        std::size_t j = i;
        bool broke = false;
        for (; j < n; ++j) {
            const LineItem& item = items[j];
            const double usable = shrinking ? shrink : 0;
            if (item.kind == LineItem::Kind::Box) {
                if (any_box && best.valid && natural + item.width - usable > width + kEpsilon) break;
                natural += item.width;
                any_box = true;
            } else if (item.kind == LineItem::Kind::Glue) {
                if (j > i && items[j - 1].kind == LineItem::Kind::Box) plain = best = {j, natural, stretch, shrink, true};
                natural += item.width;
                stretch += item.stretch;
                shrink += item.shrink;
            } else {  // penalty
                if (item.penalty <= kForcedBreak) {
                    lines.push_back({i, j, natural, natural > width ? adjustment_ratio(natural, stretch, shrink, width) : 0,
                                     true, false});
                    i = j + 1;
                    broke = true;
                    break;
                }
                if (item.penalty < kForbiddenBreak && any_box && (may_hyphenate || !item.flagged)) {
                    if (natural + item.width - usable <= width + kEpsilon || !best.valid) {
                        best = {j, natural + item.width, stretch, shrink, true};
                        if (!item.flagged) plain = best;
                    }
                }
            }
        }
        if (broke) {
            hyphens_in_a_row = 0;
            continue;
        }
        if (j >= n) {  // the rest fits: last line, ragged
            lines.push_back({i, n, natural, natural > width ? adjustment_ratio(natural, stretch, shrink, width) : 0, true,
                             false});
            break;
        }
        // Break at the last legal breakpoint (best is valid here), unless it is
        // a hyphen that would leave a word's end alone on the last line.
        if (is_hyphen_break(items[best.at]) && plain.valid && rest_fits_one_line(best.at, measure.rest)) best = plain;
        const bool hyphenated = is_hyphen_break(items[best.at]);
        BrokenLine line{i, best.at, best.natural, adjustment_ratio(best.natural, best.stretch, best.shrink, width), false,
                        hyphenated};
        if (measure.ragged_stretch > 0 && line.ratio > 0) line.ratio = 0;
        lines.push_back(line);
        hyphens_in_a_row = hyphenated ? hyphens_in_a_row + 1 : 0;
        i = best.at + (items[best.at].kind == LineItem::Kind::Penalty ? 1 : 0);
    }
    return lines;
}

// ---- Knuth and Plass -----------------------------------------------------------------

namespace {

// Fitness classes (Knuth & Plass): very loose, loose, decent, tight.
constexpr int kFitnessClasses = 4;
constexpr int kDecent = 2;
// A line without stretchable glue that falls short is infinitely bad.
constexpr double kInfiniteRatio = 1e6;
// TeX's largest badness.
constexpr double kMaxBadness = 10000;

int fitness_class(double ratio) {
    if (ratio > 1) return 0;
    if (ratio > 0.5) return 1;
    if (ratio >= -0.5) return kDecent;
    return 3;
}

// 100 |r|^power, at most TeX's largest badness.
double badness(double ratio, int power) {
    const double r = std::fabs(ratio);
    if (r >= kInfiniteRatio) return kMaxBadness;
    return std::min(kMaxBadness, power == 3 ? 100 * r * r * r : 100 * r * r);
}

// A feasible break: the end of a line of the best way found so far to get here.
struct Node {
    std::size_t position = 0;  // the break item (for the start sentinel: 0)
    std::size_t start = 0;     // first item of the line after this break
    double start_hang = 0;     // how far that line hangs into the left margin (justified text)
    std::size_t line = 0;      // number of lines before `start`
    int fitness = kDecent;
    int hyphens = 0;           // hyphenated lines in a row ending here
    bool flagged = false;      // this break is a hyphen
    double demerits = 0;       // total, from the paragraph's start
    double natural = 0;        // the line ending here: natural width (penalty included)
    double ratio = 0;          // ... and its glue adjustment, as reported to the setter
    double letters = 0;        // ... and its letter spacing (BrokenLine::letter_ratio)
    double hang_left = 0, hang_right = 0;  // ... and its protrusion (BrokenLine::hang_left, hang_right)
    int previous = -1;         // node of the previous break; -1 for the start sentinel
    int overfull = 0;          // overfull lines from the paragraph's start (final pass only)
};

// What one pass of the total-fit breaker accepts.
struct Pass {
    double tolerance = 1;     // largest adjustment ratio of a line
    bool final = false;       // any ratio, and overfull lines when unavoidable
    bool relaxed = false;     // the hyphen rules give way too (a lone word with nothing but hyphenation points)
    bool letters = false;     // a line the word spaces cannot fill at the tolerance spaces its letters
    bool sound_end = false;   // no short last line nor a word's end alone
};

class TotalFit {
public:
    TotalFit(const std::vector<LineItem>& items, const LineMeasure& measure, const KnuthPlassParameters& parameters)
        : items_(items), measure_(measure), p_(parameters) {
        const std::size_t n = items.size();
        width_.assign(n + 1, 0);
        stretch_.assign(n + 1, 0);
        shrink_.assign(n + 1, 0);
        glues_.assign(n + 1, 0);
        letters_.assign(n + 1, 0);
        for (std::size_t k = 0; k < n; ++k) {
            const LineItem& item = items[k];
            const bool counts = item.kind != LineItem::Kind::Penalty;
            width_[k + 1] = width_[k] + (counts ? item.width : 0);
            stretch_[k + 1] = stretch_[k] + (item.kind == LineItem::Kind::Glue ? item.stretch : 0);
            shrink_[k + 1] = shrink_[k] + (item.kind == LineItem::Kind::Glue ? item.shrink : 0);
            letters_[k + 1] = letters_[k] + (item.kind == LineItem::Kind::Glue ? 0 : item.stretch);
            const bool breakable = item.kind == LineItem::Kind::Glue && k > 0 && items[k - 1].kind == LineItem::Kind::Box;
            glues_[k + 1] = glues_[k] + (breakable ? 1 : 0);
        }
    }

    // Whether some box can space its letters.
    bool has_letter_stretch() const { return letters_.back() > 0; }

    // One pass; false when no way through was found.
    bool run(const Pass& pass) {
        const double tolerance = pass.tolerance;
        const bool final = pass.final, relaxed = pass.relaxed;
        nodes_.clear();
        active_.clear();
        Node start;
        start.start = after_break(0, true);
        start.start_hang = left_protrusion(start.start);
        nodes_.push_back(start);
        active_.push_back(0);
        const std::size_t n = items_.size();
        struct Best { double demerits; int from; double natural, ratio, letters, hang_left, hang_right; };
        for (std::size_t b = 0; b < n; ++b) {
            const LineItem& item = items_[b];
            const bool legal = item.kind == LineItem::Kind::Penalty
                                   ? item.penalty < kForbiddenBreak
                                   : item.kind == LineItem::Kind::Glue && b > 0 && items_[b - 1].kind == LineItem::Kind::Box;
            if (!legal) continue;
            const bool forced = is_forced(item);
            const bool flagged = is_hyphen_break(item);
            const bool paragraph_end = forced && b + 1 == n;
            const bool ragged = measure_.ragged_stretch > 0;
            // Justified lines hang their edge glyphs into the margins: the
            // spaces fill the measure plus the protrusion.
            const double break_hang = ragged || forced ? 0 : item.protrusion;
            Best best[kFitnessClasses][3];
            for (auto& row : best)
                for (auto& cell : row) cell.from = -1;
            int rescue = -1;  // final pass: the deactivated node to break from when nothing fits
            std::size_t kept = 0;
            for (std::size_t k = 0; k < active_.size(); ++k) {
                const int a = active_[k];
                const Node& from = nodes_[static_cast<std::size_t>(a)];
                if (from.start > b) {  // b lies in the discarded material right after `from`
                    active_[kept++] = a;
                    continue;
                }
                const double penalty_width = item.kind == LineItem::Kind::Penalty ? item.width : 0;
                const double natural = width_[b] - width_[from.start] + penalty_width;
                const double stretch = stretch_[b] - stretch_[from.start];
                const double shrink = shrink_[b] - shrink_[from.start];
                double hang_left = ragged ? 0 : from.start_hang;
                double hang_right = break_hang;
                const double width = measure_.at(from.line) + hang_left + hang_right;
                // `fit` rates the line; `reported` is the spaces' adjustment the setter applies.
                double fit = 0, reported = 0;
                if (natural > width + kEpsilon) {
                    const double usable = ragged && !forced ? 0 : shrink;
                    fit = usable > 0 ? (width - natural) / usable : -kInfiniteRatio;
                    reported = shrink > 0 ? std::max(-1.0, (width - natural) / shrink) : 0;
                } else if (forced) {
                    fit = 0;  // the last line is filled with white (\parfillskip); so is a line ended by <br/>
                } else if (ragged) {
                    fit = (width - natural) / measure_.ragged_stretch;
                } else if (natural < width - kEpsilon) {
                    fit = stretch > 0 ? (width - natural) / stretch : kInfiniteRatio;
                    reported = stretch > 0 ? fit : 0;
                }
                // A hang is not worth a loose line: when the spaces at the
                // tolerance fill the measure but not the hang too, the line
                // hangs only as far as they reach, its right glyph first.
                if (fit > tolerance && stretch > 0 && hang_left + hang_right > 0) {
                    const double reach = natural + stretch * tolerance - measure_.at(from.line);
                    if (reach >= -kEpsilon) {
                        hang_left = std::min(hang_left, std::max(0.0, reach));
                        hang_right = std::min(hang_right, std::max(0.0, reach - hang_left));
                        fit = reported = (measure_.at(from.line) + hang_left + hang_right - natural) / stretch;
                    }
                }
                // Letter spacing fills what word spaces at the tolerance leave.
                double letters = 0;
                if (pass.letters && !ragged && !forced && fit > tolerance && natural < width - kEpsilon) {
                    const double room = letters_[b] - letters_[from.start];
                    const double spaces = stretch * tolerance;
                    if (room > 0 && width - natural - spaces <= room + kEpsilon) {
                        letters = std::max(0.0, (width - natural - spaces) / room);
                        fit = stretch > 0 ? tolerance : 0;
                        reported = fit;
                    }
                }
                const bool overfull = fit < -1 - kEpsilon;
                if (overfull || forced) {
                    // The rescue, as in TeX: the latest break, whose line sticks out least.
                    if (overfull && final) {
                        const Node* r = rescue < 0 ? nullptr : &nodes_[static_cast<std::size_t>(rescue)];
                        if (!r || from.start > r->start || (from.start == r->start && from.demerits < r->demerits))
                            rescue = a;
                    }
                } else {
                    active_[kept++] = a;
                }
                if (overfull || fit > tolerance) continue;
                const int hyphens = flagged ? std::min(from.hyphens + 1, 2) : 0;
                if (!relaxed && flagged && from.hyphens + 1 > p_.max_consecutive_hyphens) continue;
                if (pass.sound_end && paragraph_end && from.line > 0 && faulty_last_line(from, natural)) continue;
                double d = p_.line_penalty + badness(fit, p_.badness_power) + p_.letter_spacing_badness * letters;
                d *= d;
                if (item.kind == LineItem::Kind::Penalty) {
                    if (item.penalty > 0) d += static_cast<double>(item.penalty) * item.penalty;
                    else if (!forced) d -= static_cast<double>(item.penalty) * item.penalty;
                }
                if (flagged && from.flagged) d += p_.flagged_demerits;
                if (paragraph_end && from.line > 0) d += last_line_demerits(from, natural);
                const int fitness = letters > 0 ? 0 : fitness_class(fit);
                if (std::abs(fitness - from.fitness) > 1) d += p_.fitness_demerits;
                d += from.demerits;
                Best& slot = best[fitness][hyphens];
                if (slot.from < 0 || d < slot.demerits)
                    slot = Best{d, a, natural, reported, letters, hang_left, hang_right};
            }
            active_.resize(kept);
            bool created = false;
            for (int f = 0; f < kFitnessClasses; ++f)
                for (int h = 0; h < 3; ++h) {
                    const Best& slot = best[f][h];
                    if (slot.from < 0) continue;
                    add_node(b, slot.from, f, h, flagged, slot.demerits, slot.natural, slot.ratio);
                    nodes_.back().letters = slot.letters;
                    nodes_.back().hang_left = slot.hang_left;
                    nodes_.back().hang_right = slot.hang_right;
                    created = true;
                }
            if (!created && active_.empty() && rescue >= 0) {
                // Nothing fits: an overfull line is unavoidable (TeX's final pass does the same).
                const Node& from = nodes_[static_cast<std::size_t>(rescue)];
                const double natural = width_[b] - width_[from.start] + (item.kind == LineItem::Kind::Penalty ? item.width : 0);
                const double shrink = shrink_[b] - shrink_[from.start];
                const double ratio = shrink > 0 ? -1 : 0;
                add_node(b, rescue, 3, flagged ? std::min(from.hyphens + 1, 2) : 0, flagged,
                         from.demerits + kMaxBadness * kMaxBadness, natural, ratio);
                nodes_.back().overfull += 1;
            }
            if (active_.empty() && !final) return false;
        }
        return !active_.empty();
    }

    // Overfull lines of the best way found (call after a successful run).
    int overfull() const { return nodes_[static_cast<std::size_t>(best())].overfull; }

    std::vector<BrokenLine> lines() const {
        const int best = this->best();
        std::vector<BrokenLine> out;
        for (int k = best; k > 0; k = nodes_[static_cast<std::size_t>(k)].previous) {

            const Node& node = nodes_[static_cast<std::size_t>(k)];
            const Node& from = nodes_[static_cast<std::size_t>(node.previous)];
            BrokenLine line;
            line.begin = from.start;
            line.end = node.position;
            line.natural = node.natural;
            line.ratio = node.ratio;
            line.letter_ratio = node.letters;
            line.hang_left = node.hang_left;
            line.hang_right = node.hang_right;
            line.ends_paragraph_or_forced = is_forced(items_[node.position]);
            line.hyphenated = node.flagged;
            out.push_back(line);
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

private:
    int best() const {
        int best = -1;
        for (int a : active_) {
            const Node& node = nodes_[static_cast<std::size_t>(a)];
            if (node.position + 1 != items_.size()) continue;
            const Node* current = best < 0 ? nullptr : &nodes_[static_cast<std::size_t>(best)];
            if (!current || node.overfull < current->overfull ||
                (node.overfull == current->overfull && node.demerits < current->demerits))
                best = a;
        }
        return best;
    }

    // The extra cost of a paragraph's last line from `from`, of natural
    // width `natural`: a hyphen before it (\finalhyphendemerits), and a line
    // too short or made of a word's end alone.
    double last_line_demerits(const Node& from, double natural) const {
        double d = 0;
        if (from.flagged) d += p_.final_hyphen_demerits;
        if (faulty_last_line(from, natural)) d += p_.short_last_line_demerits;
        return d;
    }

    // A paragraph's last line from `from` is shorter than the minimum, or
    // made of nothing but a word's end.
    bool faulty_last_line(const Node& from, double natural) const {
        const bool fragment = from.flagged && glues_[items_.size()] == glues_[from.start];
        return fragment || natural < measure_.short_last_line;
    }

public:
    // The best way found ends with a faulty last line (call after a successful run).
    bool faulty_end() const {
        const Node& last = nodes_[static_cast<std::size_t>(best())];
        if (last.previous <= 0) return false;
        return faulty_last_line(nodes_[static_cast<std::size_t>(last.previous)], last.natural);
    }

private:

    // How far a line starting at item `start` hangs into the left margin.
    double left_protrusion(std::size_t start) const {
        return start < items_.size() && items_[start].kind == LineItem::Kind::Box ? items_[start].protrusion : 0;
    }

    // The first item of the line that starts after a break at `b`.
    std::size_t after_break(std::size_t b, bool at_start) const {
        std::size_t k = at_start ? b : b + 1;
        while (k < items_.size() && discardable(items_[k])) ++k;
        return k;
    }

    void add_node(std::size_t b, int from, int fitness, int hyphens, bool flagged, double demerits, double natural,
                  double ratio) {
        Node node;
        node.position = b;
        node.start = after_break(b, false);
        node.start_hang = left_protrusion(node.start);
        node.line = nodes_[static_cast<std::size_t>(from)].line + 1;
        node.fitness = fitness;
        node.hyphens = hyphens;
        node.flagged = flagged;
        node.demerits = demerits;
        node.natural = natural;
        node.ratio = ratio;
        node.previous = from;
        node.overfull = nodes_[static_cast<std::size_t>(from)].overfull;
        nodes_.push_back(node);
        active_.push_back(static_cast<int>(nodes_.size() - 1));
    }

    const std::vector<LineItem>& items_;
    const LineMeasure& measure_;
    const KnuthPlassParameters& p_;
    std::vector<double> width_, stretch_, shrink_;  // prefix sums: totals of items [0, k)
    std::vector<std::size_t> glues_;                 // breakable glue (a word space) among [0, k)
    std::vector<double> letters_;                    // letter spacing room of boxes and penalties among [0, k)
    std::vector<Node> nodes_;
    std::vector<int> active_;
};

}  // namespace

std::vector<BrokenLine> KnuthPlassLineBreaker::break_lines(const std::vector<LineItem>& items,
                                                            const LineMeasure& measure) const {
    if (items.empty()) return {};
    if (!is_forced(items.back())) {  // the contract of the setter; be lenient with other callers
        std::vector<LineItem> closed = items;
        LineItem end;
        end.kind = LineItem::Kind::Penalty;
        end.penalty = kForcedBreak;
        end.begin = end.end = items.back().end;
        closed.push_back(end);
        std::vector<BrokenLine> lines = break_lines(closed, measure);
        for (BrokenLine& line : lines) line.end = std::min(line.end, items.size());
        return lines;
    }
    // Justified text: first no loose line; then, when that fails or leaves
    // a faulty last line, letter spacing where word spaces are not enough.
    // Then (ragged text starts here) lines within the tolerance, which
    // weighs a loose line against a faulty last line; then any
    // ratio, overfull lines when unavoidable; then, when that needed an
    // overfull line or found nothing, the hyphenation rules give way (a
    // hyphen before the last line beats a line sticking into the margin).
    TotalFit fit(items, measure, parameters_);
    const bool justified = measure.ragged_stretch <= 0;
    const bool sound_end_matters = parameters_.short_last_line_demerits > 0;
    if (justified) {
        Pass tight;
        tight.tolerance = parameters_.stretch_limit;
        if (fit.run(tight) && (!sound_end_matters || !fit.faulty_end())) return fit.lines();
        Pass spaced = tight;
        spaced.letters = true;
        spaced.sound_end = sound_end_matters;
        if (fit.has_letter_stretch() && fit.run(spaced)) return fit.lines();
    }
    Pass tolerant;
    tolerant.tolerance = parameters_.tolerance;
    if (fit.run(tolerant)) return fit.lines();
    std::vector<BrokenLine> strict;
    int strict_overfull = -1;
    Pass last;
    last.tolerance = kInfiniteRatio;
    last.final = true;
    if (fit.run(last)) {
        strict_overfull = fit.overfull();
        if (strict_overfull == 0) return fit.lines();
        strict = fit.lines();
    }
    last.relaxed = true;
    if (fit.run(last) && (strict_overfull < 0 || fit.overfull() < strict_overfull))
        return fit.lines();
    if (strict_overfull >= 0) return strict;
    return GreedyLineBreaker().break_lines(items, measure);  // unreachable in practice: the relaxed pass always ends

}

}  // namespace lettrine
