#pragma once
// A <graphique> as a standalone SVG drawing, for the editable formats (ODT
// embeds it as a picture; the DOCX writer may use it too). The same chart as
// the PDF's (layout/chart.hpp) in its broad lines: title, legend, bars with
// their values, a value axis with round ticks; the text is SVG text, set by
// the program that shows it.
#include <string>

#include "markup/document.hpp"

namespace lettrine {

struct ChartSvg {
    std::string svg;               // a complete SVG 1.1 document, UTF-8
    double width = 0, height = 0;  // points (the SVG's user units are points)
};

// Draws `chart` `width` points wide (its own largeur applies inside).
ChartSvg chart_svg(const Chart& chart, double width);

}  // namespace lettrine
