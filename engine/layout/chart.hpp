#pragma once
// Drawing a <graphique>: a grouped bar chart as vectors (filled rectangles
// for bars and legend swatches, rules for axes, ticks and grid lines) and
// glyph runs for every label, set like the rest of the text. Internal to the
// layout stage.
//
// The chart, top to bottom: title (bold, centred, wrapped), legend (one
// swatch and name per series, centred, wrapped onto rows), plot. In the
// horizontal form, category labels sit right-aligned in a column on the
// left (wrapped), bars grow rightwards from the value axis, the tick labels
// and the unit are under the plot. In the vertical form, tick labels are on
// the left, category labels centred under their group, the unit above the
// value axis. Each bar's value is printed at its end in French format.
#include <string>
#include <vector>

#include "layout/pages.hpp"
#include "layout/paragraph.hpp"
#include "markup/document.hpp"

namespace lettrine {

// The round ticks of a value axis from 0 to at least `maximum`: steps of
// 1, 2 or 5 × 10^k, at most 6 intervals. An axis for a maximum of 0 (or no
// value) goes to 1.
struct ChartAxis {
    double step = 1;
    double top = 1;  // the last tick, >= maximum
    std::vector<double> ticks() const;
};
ChartAxis chart_axis(double maximum);

struct ChartDrawing {
    double height = 0;
    double first_baseline = 0;     // of the title, or of the first label
    std::vector<PageItem> items;   // x absolute, y relative to the chart's top
    // Where each bar is (one per non-empty value), for tests and tools:
    // category-major, series-minor order.
    struct Bar { std::size_t category = 0, series = 0; double value = 0; Rectangle box; };
    std::vector<Bar> bars;
};

// Lays `chart` out in [x, x + width] (the chart's own largeur applies
// inside); problems (a character missing from the fonts) go to the setter's
// diagnostics at `where`.
ChartDrawing draw_chart(const Chart& chart, double x, double width, ParagraphSetter& setter, const SourcePosition& where);

}  // namespace lettrine
