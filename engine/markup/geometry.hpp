#pragma once
// The sizes the document tree implies, whoever draws it: the layout (PDF)
// and the editable writers (ODT, DOCX) resolve widths and an image's natural
// size the same way, so that every format gives a table the same columns.
#include <vector>

#include "markup/document.hpp"

namespace lettrine {

// Natural size of an image given no size: its pixels at 96 per inch (CSS px).
constexpr double kPixelsPerInch = 96.0;

// An extent in points within `available` (Auto: all of it).
double resolve_extent(const Extent& e, double available);

// Column widths in points: fixed and percent columns first, the relative
// shares ("2*") dividing what is left of `total`.
std::vector<double> column_widths(const std::vector<Extent>& columns, double total);

struct PointSize {
    double width = 0, height = 0;
};

// The size an <image> is drawn at, in points: its given width and/or height
// (the other from the picture's proportions), else its natural size, scaled
// down to `max_width`. `pixels` is the picture's size in pixels.
PointSize image_size(const Image& image, PointSize pixels, double max_width);

// Booktabs' proportions: \toprule and \bottomrule are 0.08 em, \midrule 0.05 em.
constexpr double kHeavyRuleFactor = 1.6;

// The horizontal rules of a row of a light table (filets="leger"), as
// widths in points (0: none): above the first row, below the last header
// row and below the last row; none for a grid table.
struct RowRules {
    double top = 0, bottom = 0;
};
RowRules light_rules(const Table& table, std::size_t row);

}  // namespace lettrine
