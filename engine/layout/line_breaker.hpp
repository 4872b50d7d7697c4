#pragma once
// Line breaking over Knuth & Plass's boxes, glue and penalties ("Breaking
// paragraphs into lines", 1981). The paragraph builder turns text into
// items; a LineBreaker chooses where lines end; the renderer places glyphs.
// A breaker only sees widths, so an optimal (total-fit) breaker or
// hyphenation can replace the greedy one without touching anything else.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace lettrine {

// A penalty at or below this forces a break; at or above forbids one.
constexpr int kForcedBreak = -10000;
constexpr int kForbiddenBreak = 10000;

struct LineItem {
    enum class Kind : uint8_t { Box, Glue, Penalty };
    Kind kind = Kind::Box;
    bool flagged = false;          // penalties: a hyphen ends the line here
    int penalty = 0;               // penalties: cost of breaking here
    double width = 0;              // points; for a penalty, added only when broken there
    // Glue: how far the space stretches and shrinks, points. Box: the
    // letter spacing its letter gaps take at most, points, used only when a
    // justified line cannot be set otherwise (KnuthPlassParameters::
    // letter_spacing_badness); a penalty between two parts of a word holds
    // the gap between them, spaced unless the line breaks there.
    double stretch = 0, shrink = 0;
    // Margin protrusion (optical margin alignment, as pdfTeX's microtype
    // does), points, justified text only. Glue or penalty: how far the line
    // ending at this break may hang into the right margin (its last glyph, a
    // hyphen, a comma, a period); its spaces then fill the measure plus
    // that much. Box: how far its first glyph (an opening « ) hangs into the
    // left margin when the box starts a line.
    double protrusion = 0;
    uint32_t begin = 0, end = 0;   // the glyph cells this item stands for (builder's index space)
};

// The width available to each line (the first may be indented).
struct LineMeasure {
    double first = 0;
    double rest = 0;
    // Ragged text (left, right or centred): when > 0, spaces keep their
    // natural width and a line may fall short of the measure by this many
    // points before it counts as loose (the white goes to the margin, like
    // TeX's \rightskip 0pt plus 3em). 0: justified text.
    double ragged_stretch = 0;
    // A last line narrower than this (points; 0: no minimum) is short
    // (KnuthPlassParameters::short_last_line_demerits).
    double short_last_line = 0;
    double at(std::size_t line) const { return line == 0 ? first : rest; }
};

struct BrokenLine {
    std::size_t begin = 0;  // first item of the line (glue and penalties at a line start are skipped)
    std::size_t end = 0;    // one past the last item; items[end] is the break (glue, penalty) or end of list
    double natural = 0;     // natural width of items [begin, end) plus the breaking penalty's width
    double ratio = 0;       // glue adjustment: > 0 stretch, < 0 shrink (>= -1); never > 0 on the last line
                            // nor on ragged lines
    bool ends_paragraph_or_forced = false;  // the last line, or one ended by a forced break
    bool hyphenated = false;  // ends at a flagged penalty (a hyphen, drawn or already in the text)
    // Letter spacing, as a fraction (0 to 1) of the boxes' and penalties'
    // stretch: > 0 only on a justified line that word spaces stretched to
    // ratio 1 could not fill.
    double letter_ratio = 0;
    // Points the line hangs into the left and right margins (LineItem::
    // protrusion), already taken out of the width its ratio fills: the
    // setter starts the line hang_left to the left of the measure and its
    // last glyph ends hang_right past it. 0 when the breaker ignores
    // protrusion (GreedyLineBreaker).
    double hang_left = 0, hang_right = 0;
};

class LineBreaker {
public:
    virtual ~LineBreaker() = default;
    // Lines in order, covering every box. Must not throw on overfull
    // material: a line wider than its measure is allowed when unavoidable.
    virtual std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const = 0;
};

// First fit: each line takes as much material as fits, then breaks at the
// last legal breakpoint. Never more than two hyphenated lines in a row, no
// hyphen before the paragraph's last line. Kept for comparison
// (bench/typography_quality.cpp).
class GreedyLineBreaker : public LineBreaker {
public:
    // How much a line takes: with its spaces shrunk as far as they go (TeX's
    // first fit), or only what fits at natural width, as word processors
    // and browsers do (spaces then only ever stretch).
    enum class Fill { Shrinking, Natural };
    explicit GreedyLineBreaker(Fill fill = Fill::Shrinking) : fill_(fill) {}
    std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const override;

private:
    Fill fill_;
};

// The tunables of the total-fit breaker (The TeXbook, ch. 14; Knuth & Plass
// 1981, section "The algorithm"). A line's demerits are
// (line_penalty + badness)^2 + penalty^2, plus the two costs below, with
// badness = 100 |ratio|^badness_power. Tuned on the seed text with
// bench/typography_quality.cpp (docs/TYPOGRAPHIE.md, « Mesure de la
// qualité »); TeX's own values are given where they differ.
struct KnuthPlassParameters {
    // The stretch limit: a justified line whose spaces stretch further is
    // loose. The first pass takes no line past it (TeX's \pretolerance); a
    // paragraph that cannot be set so, or only with a faulty last line (see
    // short_last_line_demerits), is set again with letter spacing, then with
    // the tolerance below.
    double stretch_limit = 1.0;
    // Largest adjustment ratio of a line on the pass after letter spacing
    // (TeX's \tolerance 200 is a ratio of 1.26; French text with few
    // stretchable spaces per line needs a little more). A last pass accepts
    // any ratio.
    double tolerance = 2.0;
    double line_penalty = 10;           // \linepenalty: added to each line's badness
    // TeX's badness grows as |r|^3 (demerits as |r|^6), which hardly tells a
    // line at 0.1 from one at 0.4, where the lines of short French
    // paragraphs lie. With 2 (demerits as |r|^4) a very loose line is still
    // far worse than two decent ones, and fairly even lines are told apart.
    // 2 or 3 (TeX). The hyphen penalty (60; TeX: 50) comes with the items
    // (paragraph.cpp).
    int badness_power = 2;
    // \doublehyphendemerits (TeX: 10000): the extra cost of a second
    // hyphenated line in a row. 0: each hyphen already pays its penalty and
    // the French rule below forbids a third; a second one is taken only when
    // it evens the spacing more than a hyphen costs.
    double flagged_demerits = 0;
    // \adjdemerits (TeX: 10000): a very loose line next to a tight one.
    double fitness_demerits = 3000;
    int max_consecutive_hyphens = 2;    // French rule: never three hyphenated lines in a row (0, 1 or 2; more: no limit)
    // \finalhyphendemerits (TeX: 5000): a hyphen at the end of the line
    // before the last one is a cost, not a ban. What the French rule
    // forbids is a last line made of a word's end alone, priced below.
    // 2000 is a line at r = 0.6: in a paragraph of two or three lines the
    // hyphen often evens the spacing more than it costs (bench: mean |r|
    // 0.393 at 5000, 0.379 at 2000, with one hyphen more).
    double final_hyphen_demerits = 2000;
    // A paragraph's last line narrower than LineMeasure::short_last_line
    // (about 1.5 em), or made of nothing but the end of a hyphenated word
    // (« vité. », « sions : »): the French rule's fault. As dear as a line
    // stretched to r = 1.8 ((10 + 100 r^2)^2), far past the stretch limit
    // (12100 at r = 1): a loose line is taken only when it is very loose.
    double short_last_line_demerits = 110000;
    // The emergency pass (justified text only): a line that word spaces at
    // the stretch limit cannot fill spaces its letters too, as far as the
    // boxes' stretch (a few hundredths of an em per gap, paragraph.cpp). Its
    // badness is the stretch limit's plus this times the letter ratio, so
    // that as few lines as possible are spaced, each as little as possible;
    // the pass takes no short last line nor a word's end alone.
    double letter_spacing_badness = 1000;
};

// Knuth and Plass's total-fit algorithm: among all the ways to break the
// paragraph, the one with the fewest demerits (squared badness of each line,
// penalties, hyphens, neighbouring lines of very different tightness). The
// last line is filled with white (TeX's \parfillskip). Active breakpoints
// are dropped as soon as a line from them would be overfull, so the cost is
// linear in the paragraph's length times the breakpoints of one line.
class KnuthPlassLineBreaker : public LineBreaker {
public:
    KnuthPlassLineBreaker() = default;
    explicit KnuthPlassLineBreaker(KnuthPlassParameters parameters) : parameters_(parameters) {}
    std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const override;
    const KnuthPlassParameters& parameters() const { return parameters_; }

private:
    KnuthPlassParameters parameters_;
};

}  // namespace lettrine
