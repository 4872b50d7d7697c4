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
    double stretch = 0, shrink = 0;  // glue only, points
    uint32_t begin = 0, end = 0;   // the glyph cells this item stands for (builder's index space)
};

// The width available to each line (the first may be indented).
struct LineMeasure {
    double first = 0;
    double rest = 0;
    double at(std::size_t line) const { return line == 0 ? first : rest; }
};

struct BrokenLine {
    std::size_t begin = 0;  // first item of the line (glue and penalties at a line start are skipped)
    std::size_t end = 0;    // one past the last item; items[end] is the break (glue, penalty) or end of list
    double natural = 0;     // natural width of items [begin, end) plus the breaking penalty's width
    double ratio = 0;       // glue adjustment: > 0 stretch, < 0 shrink (>= -1); never > 0 on the last line
    bool ends_paragraph_or_forced = false;  // the last line, or one ended by a forced break
};

class LineBreaker {
public:
    virtual ~LineBreaker() = default;
    // Lines in order, covering every box. Must not throw on overfull
    // material: a line wider than its measure is allowed when unavoidable.
    virtual std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const = 0;
};

// First fit: each line takes as much material as fits (using glue shrink),
// then breaks at the last legal breakpoint. Fast, and good enough for letters.
class GreedyLineBreaker : public LineBreaker {
public:
    std::vector<BrokenLine> break_lines(const std::vector<LineItem>& items, const LineMeasure& measure) const override;
};

}  // namespace lettrine
