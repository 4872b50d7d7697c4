#include "editable/chart_svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/french.hpp"
#include "core/text.hpp"
#include "editable/editable_inputs.hpp"
#include "markup/geometry.hpp"

namespace lettrine {

namespace {

constexpr double kBar = 12;        // points: one bar's thickness
constexpr double kGroupGap = 6;    // points between two categories
constexpr double kLegendRow = 16;  // points

std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

std::string rgb(const Rgb& c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c.r, c.g, c.b);
    return text;
}

// French format: 12 345 (narrow no-break space), one decimal when needed.
std::string french_value(double v) {
    const double rounded = std::round(v * 10) / 10;
    const long long whole = static_cast<long long>(std::floor(rounded));
    std::string s = group_digits(std::to_string(whole));
    const int tenth = static_cast<int>(std::lround((rounded - static_cast<double>(whole)) * 10));
    if (tenth > 0) s += "," + std::to_string(tenth);
    return s;
}

// The value axis: its end and the step of its graduations (at most six).
struct ValueAxis {
    double top = 1;
    double step = 1;
};

ValueAxis value_axis(double maximum) {
    if (maximum <= 0) return {};
    const double magnitude = std::pow(10.0, std::floor(std::log10(maximum)));
    for (double step : {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0})
        if (step * magnitude * 6 >= maximum)
            return {std::ceil(maximum / (step * magnitude)) * step * magnitude, step * magnitude};
    return {maximum, maximum};
}

std::string text_element(double x, double y, const std::string& anchor, const std::string& content, bool bold = false) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\"" +
           (bold ? " font-weight=\"bold\"" : "") + ">" + xml_escape(content) + "</text>\n";
}

// The value axis' graduations with their labels, as the PDF chart has them.
std::string graduations(const ValueAxis& axis, bool horizontal, double x0, double y0, double plot_w, double plot_h,
                        double font) {
    std::string out;
    const int count = static_cast<int>(std::lround(axis.top / axis.step));
    for (int i = 0; i <= count; ++i) {
        const double t = axis.step * i, share = t / axis.top;
        if (horizontal) {
            const double x = x0 + share * plot_w;
            out += "<path d=\"M" + num(x) + " " + num(y0 + plot_h) + " v3\" stroke=\"#000000\" stroke-width=\"0.5\"/>\n";
            out += text_element(x, y0 + plot_h + 3 + font, "middle", french_value(t));
        } else {
            const double y = y0 + plot_h - share * plot_h;
            out += "<path d=\"M" + num(x0 - 3) + " " + num(y) + " h3\" stroke=\"#000000\" stroke-width=\"0.5\"/>\n";
            out += text_element(x0 - 5, y + font * 0.35, "end", french_value(t));
        }
    }
    return out;
}

}  // namespace

ChartSvg chart_svg(const Chart& chart, double available) {
    ChartSvg out;
    const double width = std::min(available, resolve_extent(chart.width, available));
    const double font = chart.style.size;
    const std::size_t groups = chart.categories.size(), series = std::max<std::size_t>(1, chart.series.size());
    double maximum = 0;
    for (const ChartCategory& c : chart.categories)
        for (const auto& v : c.values)
            if (v) maximum = std::max(maximum, *v);
    const ValueAxis value = value_axis(maximum);
    const double top = value.top;
    const double title_h = chart.title.empty() ? 0 : font * 1.8;
    // Vertical bars carry their values above them, and the unit stands
    // above the value axis: a line of room under the legend for them.
    const double plot_top = title_h + kLegendRow + 4 + (chart.horizontal ? 0 : font * 1.6);
    const double group_h = static_cast<double>(series) * kBar + kGroupGap;
    const double label_w = chart.horizontal ? width * 0.3 : font * 2.5;  // vertical: the graduations
    const double plot_w = width - label_w - 30;
    const double plot_h = chart.horizontal ? static_cast<double>(groups) * group_h
                                           : std::max(60.0, chart.height - plot_top - font * 4);
    const double height = chart.height > 0 ? std::max(chart.height, plot_top + plot_h + font * 3)
                                           : plot_top + plot_h + font * 3;
    std::string body;
    if (!chart.title.empty()) body += text_element(width / 2, font * 1.2, "middle", chart.title, true);
    // The legend centred under the title, as in the PDF; each entry's room
    // from its name's characters (UTF-8 continuation bytes not counted).
    const auto entry_width = [font](const std::string& name) {
        std::size_t characters = 0;
        for (char c : name) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return 24 + static_cast<double>(characters) * font * 0.5;
    };
    double legend_w = 0;
    for (const ChartSeries& s : chart.series) legend_w += entry_width(s.name);
    double lx = std::max(0.0, (width - legend_w + 13) / 2);  // 13: the last entry's gap after its name
    for (const ChartSeries& s : chart.series) {
        body += "<rect x=\"" + num(lx) + "\" y=\"" + num(title_h + 2) + "\" width=\"8\" height=\"8\" fill=\"" +
                rgb(s.color) + "\"/>\n" + text_element(lx + 11, title_h + 9.5, "start", s.name);
        lx += entry_width(s.name);
    }
    const double x0 = label_w + 4, y0 = plot_top;
    for (std::size_t g = 0; g < groups; ++g) {
        const ChartCategory& c = chart.categories[g];
        const double slot = chart.horizontal ? group_h : plot_w / static_cast<double>(std::max<std::size_t>(1, groups));
        for (std::size_t k = 0; k < c.values.size() && k < chart.series.size(); ++k) {
            if (!c.values[k]) continue;
            const double length = *c.values[k] / top * (chart.horizontal ? plot_w : plot_h);
            double x, y, w, h;
            if (chart.horizontal) {
                x = x0; y = y0 + static_cast<double>(g) * slot + static_cast<double>(k) * kBar; w = length; h = kBar - 1;
            } else {
                const double bar = (slot - kGroupGap) / static_cast<double>(series);
                x = x0 + static_cast<double>(g) * slot + static_cast<double>(k) * bar; y = y0 + plot_h - length;
                w = bar - 1; h = length;
            }
            body += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
                    "\" fill=\"" + rgb(chart.series[k].color) + "\"/>\n";
            body += chart.horizontal ? text_element(x + w + 2, y + h - 2, "start", french_value(*c.values[k]))
                                     : text_element(x + w / 2, y - 2, "middle", french_value(*c.values[k]));
        }
        body += chart.horizontal
                    ? text_element(label_w, y0 + static_cast<double>(g) * slot + group_h / 2, "end", c.name)
                    : text_element(x0 + (static_cast<double>(g) + 0.5) * slot, y0 + plot_h + font * 1.2, "middle", c.name);
    }
    const std::string axis = chart.horizontal ? "M" + num(x0) + " " + num(y0) + " V" + num(y0 + plot_h)
                                              : "M" + num(x0) + " " + num(y0 + plot_h) + " H" + num(x0 + plot_w);
    body += "<path d=\"" + axis + "\" stroke=\"#000000\" stroke-width=\"0.5\" fill=\"none\"/>\n";
    body += graduations(value, chart.horizontal, x0, y0, plot_w, plot_h, font);
    // The unit: under the graduations of a horizontal chart, above the value
    // axis of a vertical one (as in the PDF), never over bars or labels.
    if (!chart.unit.empty())
        body += chart.horizontal ? text_element(x0 + plot_w / 2, y0 + plot_h + 3 + font * 2.5, "middle", chart.unit)
                                 : text_element(x0 - 5, y0 - font * 1.2, "end", chart.unit);
    const std::string family = editable_font_name(chart.style.family);
    out.width = width;
    out.height = height;
    out.svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" +
              num(width) + "pt\" height=\"" + num(height) + "pt\" viewBox=\"0 0 " + num(width) + " " + num(height) +
              "\">\n<g font-family=\"" + family + "\" font-size=\"" + num(font) + "\" fill=\"#000000\">\n" + body +
              "</g>\n</svg>\n";
    return out;
}

}  // namespace lettrine
