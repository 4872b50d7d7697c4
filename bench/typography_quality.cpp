// The quality of Lettrine's line breakers, measured on a fixed French text:
// the seed's full text (the call for applications), justified, 11 pt, on a
// 16 cm measure. Both breakers get exactly the same line items (same glue:
// word space 1/3 em plus 1/6 em minus 1/9 em; same hyphenation points; same
// kerning), because they are fed by the real layout through a recording
// LineBreaker. Figures are recorded in docs/TYPOGRAPHIE.md.
//
// Breakers: "glouton" is GreedyLineBreaker (first fit, spaces shrunk as
// far as they go, as TeX's first pass would), "glouton-TdT" fills lines at
// natural width only, as word processors and browsers do, "Knuth-Plass" is
// the default. The bound is the least mean |ratio| any breaking can reach
// with the same items and rules (least_ratio_sums), with any number of
// hyphens and with at most as many hyphens as each breaker drew.
//
//   bench_typography [texte.txt] [répétitions]
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"

using namespace lettrine;

namespace {

constexpr double kMeasureMm = 160;   // the measure asked for: 16 cm
constexpr double kMarginMm = 10;
constexpr double kFontSize = 11;     // points
constexpr double kOverfullSlack = 1e-3;  // points

// The least sum of |ratio| over the justified lines of some text, and the
// number of those lines, for a given number of hyphens drawn.
struct Bound {
    double sum = 1e300;  // 1e300: no breaking with that many hyphens
    std::size_t lines = 0;
    bool possible() const { return sum < 1e299; }
};

// A paragraph never needs more hyphens than this in the bench text; the
// bound ignores breakings with more.
constexpr int kMaxBoundHyphens = 12;

// Bounds of a whole text from its paragraphs' bounds: element h is the best
// breaking with exactly h hyphens (a min-plus convolution).
std::vector<Bound> combine(const std::vector<Bound>& text, const std::vector<Bound>& paragraph) {
    if (text.empty()) return paragraph;
    std::vector<Bound> out(text.size() + paragraph.size() - 1);
    for (std::size_t a = 0; a < text.size(); ++a)
        for (std::size_t b = 0; b < paragraph.size(); ++b) {
            if (!text[a].possible() || !paragraph[b].possible()) continue;
            const Bound both{text[a].sum + paragraph[b].sum, text[a].lines + paragraph[b].lines};
            if (both.sum < out[a + b].sum) out[a + b] = both;
        }
    return out;
}

// The best of the bounds with at most `hyphens` hyphens.
Bound best_within(const std::vector<Bound>& bounds, std::size_t hyphens) {
    Bound best;
    for (std::size_t h = 0; h < bounds.size() && h <= hyphens; ++h)
        if (bounds[h].sum < best.sum) best = bounds[h];
    return best;
}

struct Figures {
    std::size_t paragraphs = 0, lines = 0, hyphenated = 0, justified = 0, loose = 0, overfull = 0;
    std::size_t letter_spaced = 0;       // lines the word spaces could not fill (BrokenLine::letter_ratio)
    std::size_t protruding = 0;          // lines hanging into a margin (BrokenLine::hang_left, hang_right)
    double max_ratio = 0, sum_ratio = 0;
    std::size_t longest_streak = 0;      // most hyphenated lines in a row (the rule: 2)
    std::size_t before_last_line = 0;    // paragraphs whose penultimate line ends with a hyphen (greedy: never; Knuth-Plass: at a cost)
    std::vector<Bound> bounds;  // least_ratio_sums over the paragraphs, by hyphens drawn
    double seconds = 0;  // in break_lines only
};

// The smallest sum of |ratio| any breaker can reach on a paragraph, under
// the same rules (at most two hyphenated lines in a row, no last line made
// of a word's end alone or shorter than the minimum, no overfull line), for each number of hyphens drawn: a
// dynamic programme over the legal breakpoints minimising the sum of
// |ratio| of the justified lines. Element h: the best breaking with h
// hyphens drawn (a break after a hyphen already in the text draws none).
// Used as a reference only.
std::vector<Bound> least_ratio_sums(const std::vector<LineItem>& items, const LineMeasure& measure) {
    const std::size_t n = items.size();
    auto discardable = [&](std::size_t k) {
        return items[k].kind != LineItem::Kind::Box &&
               !(items[k].kind == LineItem::Kind::Penalty && items[k].penalty <= kForcedBreak);
    };
    std::vector<std::size_t> breaks;  // legal breakpoints
    for (std::size_t b = 0; b < n; ++b) {
        const LineItem& it = items[b];
        if ((it.kind == LineItem::Kind::Penalty && it.penalty < kForbiddenBreak) ||
            (it.kind == LineItem::Kind::Glue && b > 0 && items[b - 1].kind == LineItem::Kind::Box))
            breaks.push_back(b);
    }
    constexpr int kRows = kMaxBoundHyphens + 1;
    // best[i][h][d]: best way to end a line at breaks[i] with h hyphenated
    // lines in a row (h <= 2) and d hyphens drawn so far.
    using Cell = std::array<std::array<Bound, kRows>, 3>;
    std::vector<Cell> best(breaks.size());
    auto start_after = [&](std::size_t b, bool at_start) {
        std::size_t k = at_start ? b : b + 1;
        while (k < n && discardable(k)) ++k;
        return k;
    };
    auto is_flagged = [&](std::size_t b) { return items[b].kind == LineItem::Kind::Penalty && items[b].flagged; };
    for (std::size_t j = 0; j < breaks.size(); ++j) {
        const std::size_t b = breaks[j];
        const bool forced = items[b].kind == LineItem::Kind::Penalty && items[b].penalty <= kForcedBreak;
        const bool flagged = is_flagged(b);
        const int drawn = flagged && items[b].width > 0 ? 1 : 0;
        for (int i = -1; i < static_cast<int>(j); ++i) {
            const std::size_t s = i < 0 ? start_after(0, true) : start_after(breaks[static_cast<std::size_t>(i)], false);
            if (s > b) continue;
            bool interrupted = false;  // a forced break between s and b
            bool word_space = false;   // a breakable space in the line: it is more than a word's end
            double natural = 0, stretch = 0, shrink = 0;
            for (std::size_t k = s; k < b; ++k) {
                if (items[k].kind == LineItem::Kind::Penalty && items[k].penalty <= kForcedBreak) interrupted = true;
                if (items[k].kind != LineItem::Kind::Penalty) natural += items[k].width;
                if (items[k].kind == LineItem::Kind::Glue) { stretch += items[k].stretch; shrink += items[k].shrink; }
                if (items[k].kind == LineItem::Kind::Glue && k > s && items[k - 1].kind == LineItem::Kind::Box) word_space = true;
            }
            if (interrupted) continue;
            if (items[b].kind == LineItem::Kind::Penalty) natural += items[b].width;
            // The bench has no indent; justified lines hang their edge glyphs
            // into the margins (LineItem::protrusion), as the breakers may.
            const double hang_left = s < n && items[s].kind == LineItem::Kind::Box ? items[s].protrusion : 0;
            const double width = measure.rest + hang_left + (forced ? 0 : items[b].protrusion);
            if (natural - shrink > width + kOverfullSlack) continue;
            double r = 0;
            if (!forced) r = natural < width ? (stretch > 0 ? (width - natural) / stretch : 1e6) : (width - natural) / shrink;
            const bool from_flagged = i >= 0 && is_flagged(breaks[static_cast<std::size_t>(i)]);
            // The last line: never a word's end alone nor shorter than the minimum.
            if (forced && b + 1 == n && i >= 0 && ((from_flagged && !word_space) || natural < measure.short_last_line))
                continue;
            for (int h = 0; h < 3; ++h) {
                const int nh = flagged ? h + 1 : 0;
                if (nh > 2) continue;
                for (int d = 0; d + drawn < kRows; ++d) {
                    Bound from;
                    if (i < 0) {
                        if (h == 0 && d == 0) from = Bound{0, 0};
                    } else {
                        from = best[static_cast<std::size_t>(i)][h][d];
                    }
                    if (!from.possible()) continue;
                    const Bound next{from.sum + (forced ? 0 : std::fabs(r)), from.lines + (forced ? 0 : 1)};
                    if (next.sum < best[j][nh][d + drawn].sum) best[j][nh][d + drawn] = next;
                }
            }
        }
        if (forced && b + 1 < n) {  // a forced break ends every line: restart from here
            for (int d = 0; d < kRows; ++d)
                for (int h = 1; h < 3; ++h) {
                    if (best[j][h][d].sum < best[j][0][d].sum) best[j][0][d] = best[j][h][d];
                    best[j][h][d] = Bound{};
                }
        }
    }
    std::vector<Bound> result(kRows);
    for (int d = 0; d < kRows; ++d)
        for (int h = 0; h < 3; ++h)
            if (best.back()[h][d].sum < result[d].sum) result[d] = best.back()[h][d];
    return result;
}

// Wraps a breaker, measures each paragraph it breaks.
class RecordingBreaker : public LineBreaker {
public:
    explicit RecordingBreaker(std::shared_ptr<const LineBreaker> inner) : inner_(std::move(inner)) {}

    std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const override {
        const auto start = std::chrono::steady_clock::now();
        std::vector<BrokenLine> lines = inner_->break_lines(items, measure);
        figures_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!recording_) return lines;
        ++figures_.paragraphs;
        figures_.bounds = combine(figures_.bounds, least_ratio_sums(items, measure));
        std::size_t streak = 0;
        for (std::size_t n = 0; n < lines.size(); ++n) {
            const BrokenLine& line = lines[n];
            streak = line.hyphenated ? streak + 1 : 0;
            figures_.longest_streak = std::max(figures_.longest_streak, streak);
            if (line.hyphenated && n + 2 == lines.size()) ++figures_.before_last_line;
            ++figures_.lines;
            const bool drawn_hyphen = line.end < items.size() && items[line.end].kind == LineItem::Kind::Penalty &&
                                      items[line.end].flagged && items[line.end].width > 0;
            if (drawn_hyphen) ++figures_.hyphenated;
            double shrink = 0;
            for (std::size_t k = line.begin; k < line.end; ++k)
                if (items[k].kind == LineItem::Kind::Glue) shrink += items[k].shrink;
            if (line.natural - shrink > measure.at(n) + line.hang_left + line.hang_right + kOverfullSlack) ++figures_.overfull;
            if (line.hang_left > 0 || line.hang_right > 0) ++figures_.protruding;
            if (line.ends_paragraph_or_forced) continue;  // the last line is not justified
            ++figures_.justified;
            const double r = std::fabs(line.ratio);
            figures_.sum_ratio += r;
            figures_.max_ratio = std::max(figures_.max_ratio, r);
            if (line.ratio > 1) ++figures_.loose;
            if (line.letter_ratio > 0) ++figures_.letter_spaced;

        }
        return lines;
    }

    void record(bool on) const { recording_ = on; }
    Figures& figures() const { return figures_; }

private:
    std::shared_ptr<const LineBreaker> inner_;
    mutable bool recording_ = true;
    mutable Figures figures_;
};

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// One paragraph per non-empty line; list markers ("- ", "▶ ") removed.
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        for (bool again = true; again;) {
            again = false;
            while (!line.empty() && (line[0] == ' ' || line[0] == '\t' || line[0] == '\r')) line.erase(0, 1);
            for (const std::string marker : {"- ", "\u25B6 ", "\u25B6"})
                if (line.compare(0, marker.size(), marker) == 0) {
                    line.erase(0, marker.size());
                    again = true;
                }
        }
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

std::string markup(const std::vector<std::string>& paragraphs, bool protrusion) {
    std::ostringstream xml;
    xml << "<document largeur=\"" << kMeasureMm + 2 * kMarginMm << "mm\" hauteur=\"297mm\" marges=\"" << kMarginMm
        << "mm\" taille=\"" << kFontSize << "\" alignement-optique=\"" << (protrusion ? "oui" : "non") << "\">";
    for (const std::string& p : paragraphs) xml << "<p align=\"justifie\">" << escape(p) << "</p>";
    xml << "</document>";
    return xml.str();
}

void print(const char* name, const Figures& f, int repetitions) {
    const double per_paragraph_us = f.seconds / (static_cast<double>(f.paragraphs) * repetitions) * 1e6;
    std::printf("%-16s %6zu %8zu %9.3f %9.3f %7zu %8zu %9zu %8zu %12.1f\n", name, f.lines, f.hyphenated, f.max_ratio,
                f.justified ? f.sum_ratio / static_cast<double>(f.justified) : 0.0, f.loose, f.letter_spaced, f.overfull,
                f.protruding, per_paragraph_us);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : std::string(LETTRINE_SOURCE_DIR) + "/../shared/seed/000_8042c1080207ccb1.txt";
    const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::cerr << path << " : fichier illisible\n";
        return 1;
    }
    std::ostringstream content;
    content << file.rdbuf();
    const std::vector<std::string> paragraphs = paragraphs_of(content.str());
    try {
        const Document document = parse_markup(markup(paragraphs, true), path);
        const Document flush = parse_markup(markup(paragraphs, false), path);  // alignement-optique="non"
        std::printf("Texte : %s\n%zu paragraphes, justifiés, %.0f pt, mesure %.0f mm ; espace : 1/3 em, +1/6 em, -1/9 em\n\n",
                    path.c_str(), paragraphs.size(), kFontSize, kMeasureMm);
        std::printf("%-16s %6s %8s %9s %9s %7s %8s %9s %8s %12s\n", "algorithme", "lignes", "césures", "|r| max",
                    "|r| moyen", "lâches", "interl.", "trop_pl.", "débords", "µs/paragr.");
        // The greedy breakers ignore margin protrusion; Knuth-Plass is
        // measured without it (the document says alignement-optique="non")
        // and with it, the default, last: the bound is its items'.
        const struct { const char* name; std::shared_ptr<const LineBreaker> breaker; const Document& doc; } breakers[] = {
            {"glouton", std::make_shared<GreedyLineBreaker>(), document},
            {"glouton-TdT", std::make_shared<GreedyLineBreaker>(GreedyLineBreaker::Fill::Natural), document},
            {"K-P sans débord", std::make_shared<KnuthPlassLineBreaker>(), flush},
            {"Knuth-Plass", std::make_shared<KnuthPlassLineBreaker>(), document},
        };
        std::vector<double> layout_us;
        std::vector<std::size_t> hyphenated;
        std::vector<std::pair<std::size_t, std::size_t>> rules;  // longest streak, hyphens before the last line
        std::vector<Bound> bounds;  // the same for every breaker: same items
        for (const auto& b : breakers) {
            auto recorder = std::make_shared<RecordingBreaker>(b.breaker);
            LayoutOptions options;
            options.line_breaker = recorder;
            options.space_glue = SpaceGlue{1.0 / 3, 1.0 / 6, 1.0 / 9};
            layout_document(b.doc, *FontSet::default_set(), options);  // figures, and warm-up
            Figures figures = recorder->figures();
            recorder->record(false);
            recorder->figures().seconds = 0;
            const auto start = std::chrono::steady_clock::now();
            for (int r = 0; r < repetitions; ++r) layout_document(b.doc, *FontSet::default_set(), options);
            const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            figures.seconds = recorder->figures().seconds;
            print(b.name, figures, repetitions);
            layout_us.push_back(total / (static_cast<double>(figures.paragraphs) * repetitions) * 1e6);
            hyphenated.push_back(figures.hyphenated);
            rules.emplace_back(figures.longest_streak, figures.before_last_line);
            bounds = figures.bounds;
        }
        std::printf("\nRègles de césure (au plus 2 lignes coupées de suite ; césures à l'avant-dernière ligne, permises à Knuth-Plass à un coût) :");
        for (std::size_t k = 0; k < rules.size(); ++k)
            std::printf(" %s %zu de suite au plus, %zu à l'avant-dernière%s", breakers[k].name, rules[k].first,
                        rules[k].second, k + 1 < rules.size() ? " ;" : "\n");
        auto mean = [](const Bound& b) { return b.lines ? b.sum / static_cast<double>(b.lines) : 0.0; };
        std::size_t free_hyphens = 0;
        for (std::size_t h = 0; h < bounds.size(); ++h)
            if (bounds[h].sum < bounds[free_hyphens].sum) free_hyphens = h;
        std::printf("Borne : aucune coupure respectant les mêmes règles n'a un |r| moyen inférieur à %.3f (%zu césures).\n",
                    mean(bounds[free_hyphens]), free_hyphens);
        std::printf("Borne avec au plus autant de césures que l'algorithme :");
        for (std::size_t k = 0; k < hyphenated.size(); ++k)
            std::printf(" %s (%zu) %.3f%s", breakers[k].name, hyphenated[k], mean(best_within(bounds, hyphenated[k])),
                        k + 1 < hyphenated.size() ? " ;" : "\n");
        std::printf("Borne selon le nombre de césures :");
        double previous = 1e300;
        for (std::size_t h = 0; h <= free_hyphens; ++h) {
            const Bound b = best_within(bounds, h);
            if (!b.possible() || b.sum >= previous - 1e-9) continue;
            previous = b.sum;
            std::printf(" %zu : %.3f ;", h, mean(b));
        }
        std::printf("\n");
        std::printf("Mise en page complète (espaces français, césure, crénage, coupure, placement), µs par paragraphe :");
        for (std::size_t k = 0; k < layout_us.size(); ++k) std::printf(" %s %.1f%s", breakers[k].name, layout_us[k],
                                                                      k + 1 < layout_us.size() ? " ;" : "\n");
    } catch (const LettrineError& e) {
        for (const Diagnostic& d : e.diagnostics().items()) std::cerr << d.describe() << "\n";
        return 1;
    }
    return 0;
}
