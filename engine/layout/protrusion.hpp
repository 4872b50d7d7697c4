#pragma once
// Margin protrusion (optical margin alignment): at the edges of a justified
// line, light glyphs hang partly into the margin so that the edge looks
// straight. A period or a hyphen set flush with the margin leaves a notch
// of white; hung by most of its width, the line's edge meets the margin
// with the letters' stems (pdfTeX's \rpcode, as set by LaTeX's microtype).
#include <algorithm>

namespace lettrine {

// How far a glyph at a line's edge hangs into the margin, as fractions of
// its advance width (microtype's units are thousandths of it).
struct ProtrusionFactors {
    double left = 0;   // first glyph of a line: opening guillemet, dash, quote
    double right = 0;  // last glyph of a line: period, comma, hyphen, closing guillemet
};

// The factors of character c; zero for letters, digits and anything else.
// Values after microtype's default set, matched to Liberation Serif on the
// rendered pages (docs/TYPOGRAPHIE.md, « Alignement optique des marges »).
ProtrusionFactors protrusion_factors(char32_t c);

// No glyph hangs further than this, in ems of its size: the issue's « last
// half em of the measure », which no factor reaches in Liberation (a
// hyphen hangs 0.17 em); it bounds the hang of a wide glyph of another font.
constexpr double kMaxProtrusionEm = 0.5;

// The hang of a glyph of advance `advance` points at size `size` points
// with factor `factor`: points, at most kMaxProtrusionEm of its size.
inline double protrusion_points(double factor, double advance, double size) {
    return std::min(factor * std::max(advance, 0.0), kMaxProtrusionEm * size);
}

}  // namespace lettrine
