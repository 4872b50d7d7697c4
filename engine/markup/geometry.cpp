#include "markup/geometry.hpp"

#include <algorithm>

namespace lettrine {

double resolve_extent(const Extent& e, double available) {
    switch (e.kind) {
    case Extent::Kind::Points: return e.value;
    case Extent::Kind::Percent: return available * e.value / 100.0;
    default: return available;
    }
}

std::vector<double> column_widths(const std::vector<Extent>& columns, double total) {
    std::vector<double> widths(columns.size(), 0.0);
    double used = 0, shares = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (columns[k].kind == Extent::Kind::Relative) shares += columns[k].value;
        else used += widths[k] = resolve_extent(columns[k], total);
    }
    const double rest = std::max(0.0, total - used);
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (columns[k].kind == Extent::Kind::Relative) widths[k] = shares > 0 ? rest * columns[k].value / shares : 0;
    return widths;
}

PointSize image_size(const Image& image, PointSize pixels, double max_width) {
    double w = image.width, h = image.height;
    if (w > 0 && h <= 0) h = w * pixels.height / pixels.width;
    else if (h > 0 && w <= 0) w = h * pixels.width / pixels.height;
    else if (w <= 0 && h <= 0) {
        w = pixels.width * 72.0 / kPixelsPerInch;
        h = pixels.height * 72.0 / kPixelsPerInch;
        if (w > max_width) {
            h *= max_width / w;
            w = max_width;
        }
    }
    return {w, h};
}

RowRules light_rules(const Table& t, std::size_t r) {
    RowRules rules;
    if (t.rules != TableRules::Light || t.border_width <= 0) return rules;
    const double light = t.border_width, heavy = t.border_width * kHeavyRuleFactor;
    if (r == 0) rules.top = heavy;
    if (r + 1 == t.rows.size()) rules.bottom = heavy;
    else if (t.rows[r].header && !t.rows[r + 1].header) rules.bottom = light;
    return rules;
}

}  // namespace lettrine
