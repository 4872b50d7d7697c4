#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>

#include "markup/units.hpp"

namespace lettrine {

namespace {

// Proportions of the chart, in ems of its text size unless said otherwise.
// One scale of sizes per document: the title is the text's size in bold,
// the labels one point smaller at 9 pt (8 pt, the documents' small size).
constexpr double kTitleScale = 1.0;          // title size / text size
constexpr double kSmallScale = 8.0 / 9.0;    // value and tick labels / text size
constexpr double kLineFactor = 1.2;          // line height / size of the labels
constexpr double kTitleGapEm = 0.4;          // under the title
constexpr double kLegendSwatchEm = 0.8;      // side of a legend swatch
constexpr double kLegendGapEm = 0.3;         // swatch to its name
constexpr double kLegendSpacingEm = 1.2;     // between two legend entries
constexpr double kLegendAfterEm = 0.6;       // legend to plot
constexpr double kLabelGapEm = 0.6;          // category labels to the value axis
constexpr double kValueGapEm = 0.3;          // bar end to its value
constexpr double kBarEm = 1.0;               // bar thickness when the height is not given
constexpr double kBandPaddingEm = 0.45;      // free space on each side of a group of bars
constexpr double kBandFill = 0.7;            // share of a band the bars fill when the size is given
constexpr double kMaxLabelShare = 0.35;      // label column / chart width (horizontal)
constexpr double kTickLength = 3.0;          // points
constexpr double kAxisWidth = 0.75;          // points
constexpr double kGridWidth = 0.5;           // points
constexpr double kVerticalPlotShare = 0.45;  // plot height / chart width (vertical, no height given)
const Color kAxisColor{0.25, 0.25, 0.25};
const Color kGridColor{0.85, 0.85, 0.85};    // light grid lines (#D9D9D9)

Color to_color(const Rgb& c) { return Color{c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

// Adds `items` to `out`, moved down by dy.
void append_shifted(std::vector<PageItem>& out, std::vector<PageItem>&& items, double dy) {
    for (PageItem& item : items) {
        std::visit(
            [dy](auto& i) {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, Rule>) { i.y1 += dy; i.y2 += dy; }
                else i.y += dy;
            },
            item);
        out.push_back(std::move(item));
    }
}

class ChartPainter {
public:
    ChartPainter(const Chart& chart, ParagraphSetter& setter, const SourcePosition& where)
        : chart_(chart), setter_(setter), where_(where) {
        text_ = chart.style;
        text_.hyphenate = false;  // labels are short: wrapped at spaces only
        small_ = text_;
        small_.size = text_.size * kSmallScale;
        small_.bold = false;
        title_ = text_;
        title_.bold = true;
        title_.size = text_.size * kTitleScale;
        unit_ = small_;
        unit_.italic = true;
        em_ = text_.size;
    }

    ChartDrawing draw(double x, double width);

private:
    // Wrapped text in [x, x + width] from y (top); returns the height used.
    double text_block(const std::string& text, const InlineStyle& style, TextAlign align, double x, double width, double y,
                      ChartDrawing& out) {
        if (text.empty()) return 0;
        Paragraph p;
        p.align = align;
        p.style = style;
        p.line_height = style.size * kLineFactor;
        Inline in;
        in.text = text;
        in.style = style;
        in.position = where_;
        p.inlines.push_back(std::move(in));
        std::vector<SetLine> lines = setter_.set(p, x, std::max(1.0, width), nullptr);
        double h = 0;
        for (SetLine& line : lines) {
            if (out.first_baseline == 0) out.first_baseline = y + h + line.baseline;
            append_shifted(out.items, std::move(line.items), y + h);
            h += line.height;
        }
        return h;
    }
    double text_height(const std::string& text, const InlineStyle& style, double width) {
        ChartDrawing scratch;
        return text_block(text, style, TextAlign::Left, 0, width, 0, scratch);
    }
    double width_of(const std::string& text, const InlineStyle& style) { return setter_.text_width(text, style, where_); }
    // One line whose baseline is at y, starting at x.
    void run(const std::string& text, const InlineStyle& style, double x, double baseline, ChartDrawing& out) {
        out.items.push_back(setter_.single_run(text, style, x, baseline, where_));
    }
    // The baseline that centres a line of `style` on y.
    double centred_baseline(const InlineStyle& style, double y) { return y + 0.35 * style.size; }
    // The first baseline of a line of `style` whose line box starts at y.
    double top_baseline(const InlineStyle& style, double y) {
        return y + (style.size * kLineFactor - style.size) / 2 + setter_.ascent(style);
    }

    double legend(double x, double width, double y, ChartDrawing& out);
    void horizontal(double x, double width, double y, ChartDrawing& out);
    void vertical(double x, double width, double y, ChartDrawing& out);

    std::string value_text(double v) const { return format_decimal_fr(v); }
    double maximum() const {
        double m = 0;
        for (const ChartCategory& c : chart_.categories)
            for (const auto& v : c.values)
                if (v) m = std::max(m, *v);
        return m;
    }
    void bar(ChartDrawing& out, std::size_t category, std::size_t series, double value, double x, double y, double w,
             double h) {
        Rectangle r;
        r.x = x;
        r.y = y;
        r.width = w;
        r.height = h;
        r.fill = true;
        r.fill_color = to_color(chart_.series[series].color);
        out.items.push_back(r);
        out.bars.push_back({category, series, value, r});
    }

    const Chart& chart_;
    ParagraphSetter& setter_;
    const SourcePosition& where_;
    InlineStyle text_, small_, title_, unit_;
    double em_ = 10;
};

double ChartPainter::legend(double x, double width, double y, ChartDrawing& out) {
    const double swatch = kLegendSwatchEm * em_;
    const double row_height = text_.size * kLineFactor;
    struct Entry { std::size_t series; double width; };
    std::vector<std::vector<Entry>> rows(1);
    double row_width = 0;
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
        const double w = swatch + kLegendGapEm * em_ + width_of(chart_.series[s].name, text_);
        const double needed = rows.back().empty() ? w : row_width + kLegendSpacingEm * em_ + w;
        if (!rows.back().empty() && needed > width) {
            rows.emplace_back();
            row_width = w;
        } else {
            row_width = needed;
        }
        rows.back().push_back({s, w});
    }
    double h = 0;
    for (const auto& row : rows) {
        double total = 0;
        for (const Entry& e : row) total += e.width;
        total += kLegendSpacingEm * em_ * static_cast<double>(row.size() - 1);
        double pen = x + std::max(0.0, (width - total) / 2);
        const double middle = y + h + row_height / 2;
        for (const Entry& e : row) {
            Rectangle r;
            r.x = pen;
            r.y = middle - swatch / 2;
            r.width = r.height = swatch;
            r.fill = true;
            r.fill_color = to_color(chart_.series[e.series].color);
            out.items.push_back(r);
            run(chart_.series[e.series].name, text_, pen + swatch + kLegendGapEm * em_, centred_baseline(text_, middle), out);
            pen += e.width + kLegendSpacingEm * em_;
        }
        h += row_height;
    }
    return h;
}

ChartDrawing ChartPainter::draw(double x, double width) {
    ChartDrawing out;
    double y = 0;
    if (!chart_.title.empty()) y += text_block(chart_.title, title_, TextAlign::Center, x, width, y, out) + kTitleGapEm * em_;
    y += legend(x, width, y, out) + kLegendAfterEm * em_;
    if (chart_.horizontal) horizontal(x, width, y, out);
    else vertical(x, width, y, out);
    return out;
}

void ChartPainter::horizontal(double x, double width, double y, ChartDrawing& out) {
    const std::size_t n = chart_.series.size(), count = chart_.categories.size();
    const ChartAxis axis = chart_axis(maximum());
    const std::vector<double> ticks = axis.ticks();

    // Columns: labels | gap | plot | room for the longest value.
    double natural = 0;
    for (const ChartCategory& c : chart_.categories) natural = std::max(natural, width_of(c.name, text_));
    const double label_width = std::min(natural, kMaxLabelShare * width);
    double value_room = 0;
    for (const ChartCategory& c : chart_.categories)
        for (const auto& v : c.values)
            if (v) value_room = std::max(value_room, width_of(value_text(*v), small_));
    value_room += kValueGapEm * em_;
    value_room = std::max(value_room, width_of(value_text(axis.top), small_) / 2);
    const double plot_x0 = x + label_width + kLabelGapEm * em_;
    const double plot_x1 = std::max(plot_x0 + 1, x + width - value_room);
    const double scale = (plot_x1 - plot_x0) / axis.top;

    // Bands: one per category, high enough for its label.
    const double small_line = small_.size * kLineFactor;
    const double below = kTickLength + small_line + (chart_.unit.empty() ? 0 : small_line);
    double band = n * kBarEm * em_ + 2 * kBandPaddingEm * em_;
    double bar_size = kBarEm * em_;
    if (chart_.height > 0) {
        band = std::max(1.0, (chart_.height - y - below) / static_cast<double>(count));
        bar_size = band * kBandFill / static_cast<double>(n);
    }
    std::vector<double> bands;
    for (const ChartCategory& c : chart_.categories)
        bands.push_back(std::max(band, text_height(c.name, text_, label_width) + kBandPaddingEm * em_));
    double plot_height = 0;
    for (double b : bands) plot_height += b;
    const double top = y, bottom = y + plot_height;

    for (double t : ticks)  // grid lines first, under the bars
        if (t > 0) out.items.push_back(Rule{plot_x0 + t * scale, top, plot_x0 + t * scale, bottom, kGridWidth, kGridColor});

    double band_top = top;
    for (std::size_t c = 0; c < count; ++c) {
        const ChartCategory& category = chart_.categories[c];
        const double label_h = text_height(category.name, text_, label_width);
        text_block(category.name, text_, TextAlign::Right, x, label_width, band_top + (bands[c] - label_h) / 2, out);
        const double group_top = band_top + (bands[c] - bar_size * static_cast<double>(n)) / 2;
        for (std::size_t s = 0; s < n && s < category.values.size(); ++s) {
            if (!category.values[s]) continue;
            const double v = *category.values[s];
            const double bar_y = group_top + bar_size * static_cast<double>(s);
            bar(out, c, s, v, plot_x0, bar_y, v * scale, bar_size);
            run(value_text(v), small_, plot_x0 + v * scale + kValueGapEm * em_,
                centred_baseline(small_, bar_y + bar_size / 2), out);
        }
        band_top += bands[c];
    }

    // Axes, ticks and their labels, the unit.
    out.items.push_back(Rule{plot_x0, top, plot_x0, bottom, kAxisWidth, kAxisColor});
    out.items.push_back(Rule{plot_x0, bottom, plot_x1, bottom, kAxisWidth, kAxisColor});
    const double label_baseline = top_baseline(small_, bottom + kTickLength);
    for (double t : ticks) {
        const double tx = plot_x0 + t * scale;
        out.items.push_back(Rule{tx, bottom, tx, bottom + kTickLength, kAxisWidth, kAxisColor});
        const std::string label = value_text(t);
        run(label, small_, tx - width_of(label, small_) / 2, label_baseline, out);
    }
    if (!chart_.unit.empty()) {
        const double w = width_of(chart_.unit, unit_);
        run(chart_.unit, unit_, (plot_x0 + plot_x1 - w) / 2, top_baseline(unit_, bottom + kTickLength + small_line), out);
    }
    out.height = bottom + below;
}

void ChartPainter::vertical(double x, double width, double y, ChartDrawing& out) {
    const std::size_t n = chart_.series.size(), count = chart_.categories.size();
    const ChartAxis axis = chart_axis(maximum());
    const std::vector<double> ticks = axis.ticks();
    const double small_line = small_.size * kLineFactor;

    double tick_width = 0;
    for (double t : ticks) tick_width = std::max(tick_width, width_of(value_text(t), small_));
    const double plot_x0 = x + tick_width + kValueGapEm * em_ + kTickLength;
    const double plot_x1 = x + width;
    const double band = (plot_x1 - plot_x0) / static_cast<double>(count);
    const double bar_size = std::min(band * kBandFill / static_cast<double>(n), 2.5 * em_);

    double labels_h = 0;
    for (const ChartCategory& c : chart_.categories)
        labels_h = std::max(labels_h, text_height(c.name, text_, band - kValueGapEm * em_));
    const double unit_h = chart_.unit.empty() ? 0 : small_line;
    const double above = unit_h + small_line;  // the unit, then room for the tallest bar's value
    double plot_height = kVerticalPlotShare * width;
    if (chart_.height > 0) plot_height = std::max(1.0, chart_.height - y - above - kTickLength - labels_h);
    const double top = y + above, bottom = top + plot_height;
    const double scale = plot_height / axis.top;

    if (!chart_.unit.empty()) run(chart_.unit, unit_, x, top_baseline(unit_, y), out);
    for (double t : ticks)
        if (t > 0) out.items.push_back(Rule{plot_x0, bottom - t * scale, plot_x1, bottom - t * scale, kGridWidth, kGridColor});
    for (std::size_t c = 0; c < count; ++c) {
        const ChartCategory& category = chart_.categories[c];
        const double band_x = plot_x0 + band * static_cast<double>(c);
        const double group_x = band_x + (band - bar_size * static_cast<double>(n)) / 2;
        for (std::size_t s = 0; s < n && s < category.values.size(); ++s) {
            if (!category.values[s]) continue;
            const double v = *category.values[s];
            const double bx = group_x + bar_size * static_cast<double>(s);
            bar(out, c, s, v, bx, bottom - v * scale, bar_size, v * scale);
            const std::string label = value_text(v);
            run(label, small_, bx + (bar_size - width_of(label, small_)) / 2,
                bottom - v * scale - kValueGapEm * em_ - 0.25 * small_.size, out);
        }
        text_block(category.name, text_, TextAlign::Center, band_x + kValueGapEm * em_ / 2, band - kValueGapEm * em_,
                   bottom + kTickLength, out);
    }
    out.items.push_back(Rule{plot_x0, top, plot_x0, bottom, kAxisWidth, kAxisColor});
    out.items.push_back(Rule{plot_x0, bottom, plot_x1, bottom, kAxisWidth, kAxisColor});
    for (double t : ticks) {
        const double ty = bottom - t * scale;
        out.items.push_back(Rule{plot_x0 - kTickLength, ty, plot_x0, ty, kAxisWidth, kAxisColor});
        const std::string label = value_text(t);
        run(label, small_, plot_x0 - kTickLength - kValueGapEm * em_ - width_of(label, small_),
            centred_baseline(small_, ty), out);
    }
    out.height = bottom + kTickLength + labels_h;
}

}  // namespace

std::vector<double> ChartAxis::ticks() const {
    std::vector<double> out;
    const int count = static_cast<int>(std::lround(top / step));
    for (int k = 0; k <= count; ++k) out.push_back(step * k);
    return out;
}

ChartAxis chart_axis(double maximum) {
    constexpr int kMaxIntervals = 6;
    ChartAxis axis;
    if (!(maximum > 0)) return axis;
    const double raw = maximum / kMaxIntervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw * (1 - 1e-9)) { axis.step = m * magnitude; break; }
    axis.top = std::ceil(maximum / axis.step - 1e-9) * axis.step;
    return axis;
}

ChartDrawing draw_chart(const Chart& chart, double x, double width, ParagraphSetter& setter, const SourcePosition& where) {
    double w = width;
    if (chart.width.kind == Extent::Kind::Points) w = std::min(width, chart.width.value);
    else if (chart.width.kind == Extent::Kind::Percent) w = width * chart.width.value / 100.0;
    w = std::min(w, width);
    if (chart.align == BoxAlign::Right) x += width - w;
    else if (chart.align == BoxAlign::Center) x += (width - w) / 2;
    return ChartPainter(chart, setter, where).draw(x, w);
}

}  // namespace lettrine
