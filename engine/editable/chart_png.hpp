#pragma once
// An SVG drawing rasterised to PNG, for the readers that cannot show SVG:
// the DOCX's fallback picture under its asvg:svgBlip (Word before 2016,
// python-docx, LibreOffice's older releases) and the ODT's second
// draw:image. librsvg draws (it is what GNOME and LibreOffice's own
// importers use for SVG, and it sets the text with Pango and fontconfig,
// so the Liberation fonts the SVG names are the ones drawn); cairo writes
// the PNG. The same SVG gives the same bytes on the same system.
#include <string>

namespace lettrine {

// Resolution of the fallback pictures: sharp when printed, a few tens of
// kilobytes for a chart of a page's width.
constexpr double kFallbackDotsPerInch = 150;

// The PNG bytes of `svg`, drawn `width` x `height` points at
// kFallbackDotsPerInch. Throws LettrineError(Internal) if librsvg cannot
// read the SVG (the writers' own drawings: a bug).
std::string svg_to_png(const std::string& svg, double width, double height);

}  // namespace lettrine
