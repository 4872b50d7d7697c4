// Markup features read back from the written PDF by outside tools
// (pdfminer, poppler, PoDoFo): the chart's bars, the table of contents,
// bookmarks, links, reserved and blank pages.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

using namespace lettrine;
using pdf_test::run_command;
using pdf_test::ScratchDirectory;

namespace {

std::string pdf_of(const std::string& xml) {
    return write_pdf(layout_document(parse_markup(xml, "test.xml"), *FontSet::default_set(), {}));
}

// Filled rectangles as pdfminer sees them: page (1-based), box in PDF
// coordinates, fill colour as "r g b" rounded to 3 decimals.
struct PdfRect {
    int page = 0;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    std::string color;
};

const char* const kRectScript = R"py(
import sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTRect, LTCurve
def walk(items):
    for item in items:
        if isinstance(item, LTCurve):
            yield item
        if hasattr(item, '__iter__'):
            yield from walk(item)
for number, page in enumerate(extract_pages(sys.argv[1]), 1):
    for r in walk(page):
        if isinstance(r, LTRect) and r.fill:
            c = r.non_stroking_color
            print(number, r.x0, r.y0, r.x1, r.y1, ' '.join('%.3f' % v for v in c))
)py";

std::vector<PdfRect> filled_rects(const ScratchDirectory& dir, const std::string& pdf_path) {
    const std::string script = dir.write("rects.py", kRectScript);
    std::istringstream in(run_command("/usr/bin/python3 '" + script + "' '" + pdf_path + "'"));
    std::vector<PdfRect> out;
    PdfRect r;
    std::string g, b;
    while (in >> r.page >> r.x0 >> r.y0 >> r.x1 >> r.y1 >> r.color >> g >> b) {
        r.color += " " + g + " " + b;
        out.push_back(r);
    }
    return out;
}

// The text of one page, as pdftotext sees it.
std::string page_text(const std::string& pdf_path, int page) {
    return run_command("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" + pdf_path +
                       "' - 2>/dev/null");
}

const std::string kChart =
    "<graphique titre=\"Jours consacrés à chaque mission\" unite=\"jours\" sens=\"SENS\" hauteur=\"7cm\">"
    "<serie nom=\"Prévus\" couleur=\"#A9C4E0\"/><serie nom=\"Réalisés\" couleur=\"#1F4E79\"/>"
    "<categorie nom=\"Animer la filière et le réseau\"><valeur>12</valeur><valeur>10,5</valeur></categorie>"
    "<categorie nom=\"Accompagner les projets\"><valeur>8</valeur><valeur>9</valeur></categorie>"
    "<categorie nom=\"Expérimenter\"><valeur>3</valeur><valeur/></categorie>"
    "</graphique>";

std::string chart(const std::string& direction) {
    std::string text = kChart;
    text.replace(text.find("SENS"), 4, direction);
    return text;
}

}  // namespace

TEST(DocumentPdf, ChartBarsInThePdfAreProportionalToTheValues) {
    for (const std::string direction : {"horizontal", "vertical"}) {
        ScratchDirectory dir;
        const std::string path = dir.write("note.pdf", pdf_of("<document marges=\"20mm\"><p>Avant.</p>" +
                                                              chart(direction) + "</document>"));
        const auto rects = filled_rects(dir, path);
        std::vector<PdfRect> light, dark;
        for (const PdfRect& r : rects) {
            if (r.color == "0.663 0.769 0.878") light.push_back(r);
            if (r.color == "0.122 0.306 0.475") dark.push_back(r);
        }
        // The legend's swatch, then the bars in document order.
        ASSERT_EQ(light.size(), 4u) << direction;
        ASSERT_EQ(dark.size(), 3u) << direction;
        const bool horizontal = direction == "horizontal";
        auto length = [horizontal](const PdfRect& r) { return horizontal ? r.x1 - r.x0 : r.y1 - r.y0; };
        const double unit = length(light[1]) / 12;
        EXPECT_GT(unit, 5);
        EXPECT_NEAR(length(light[2]), 8 * unit, 0.01);
        EXPECT_NEAR(length(light[3]), 3 * unit, 0.01);
        EXPECT_NEAR(length(dark[1]), 10.5 * unit, 0.01);
        EXPECT_NEAR(length(dark[2]), 9 * unit, 0.01);
        const std::string text = page_text(path, 1);
        for (const char* label : {"Jours consacrés à chaque mission", "Prévus", "Réalisés", "Expérimenter", "10,5", "jours"})
            EXPECT_NE(text.find(label), std::string::npos) << direction << ": " << label << "\n" << text;
    }
}
