#pragma once
// Name badges for the general assembly: A4 sheets of ten badges (two
// columns of five, 85 × 54 mm, the credit-card size of badge holders),
// centred on the page, with crop marks outside the grid. Laid out here
// directly as pages (glyph runs, rules, rectangles) with the font's own
// metrics: a badge is a fixed-size card, not flowing text.
#include <string>
#include <vector>

#include "ag/assembly.hpp"
#include "data/programme.hpp"
#include "font/font.hpp"
#include "layout/pages.hpp"

namespace lettrine {

namespace badge {
constexpr double kPointsPerMm = 72.0 / 25.4;
// ISO/IEC 7810 ID-1 is 85.6 × 53.98 mm; badge holders take 85 × 54 mm cards.
constexpr double kWidth = 85 * kPointsPerMm;
constexpr double kHeight = 54 * kPointsPerMm;
constexpr int kColumns = 2;
constexpr int kRows = 5;
constexpr int kPerPage = kColumns * kRows;
// Text keeps this far from the badge's left and right edges.
constexpr double kSidePadding = 6 * kPointsPerMm;
// Every text of the sheets takes one of these five sizes, largest first (a
// book's scale rather than a size per badge: the sheets have at most five).
constexpr double kScale[] = {20, 14, 11, 9, 8};
// The name is printed at the largest size of the scale where it fits, from
// kNameLargest down to kNameSmallest on one line (legible at arm's length:
// 14 pt and more for ordinary names); a name that does not fit at
// kNameSmallest goes on two lines (first name, then name).
constexpr double kNameLargest = 20;
constexpr double kNameSmallest = 9;
constexpr double kOrganisationLargest = 11;
constexpr double kOrganisationSmallest = 8;
}  // namespace badge

// Text fitted into a width: its size and its lines (all the text, never cut).
struct FittedText {
    double size = 0;
    std::vector<std::string> lines;
};

// Width of `text` set in `font` at `size`, in points (advance widths).
double text_width(const Font& font, const std::string& text, double size);

// One line at the largest size of badge::kScale in [smallest, largest] where
// it fits `width`; otherwise the words wrapped at `smallest` (a word longer
// than the line is split between characters, as the layout does).
FittedText fit_text(const Font& font, const std::string& text, double width, double largest, double smallest);

// The name on a badge: « Prénom Nom » on one line at a size of badge::kScale
// from badge::kNameLargest down to badge::kNameSmallest; else on two lines,
// first name then name, at the largest such size where both fit; else
// wrapped at the smallest size.
FittedText fit_badge_name(const Font& font, const std::string& first_name, const std::string& last_name, double width);

// The badge sheets: registrants in French alphabetical order (nom, prénom).
// Throws LettrineError(Data) when a character of the data is missing from
// the font (positioned at the registrant).
LaidOutDocument badge_sheets(const GeneralAssembly& assembly, const Programme& programme, const FontSet& fonts);

}  // namespace lettrine
