// Markup features read back from the written PDF by outside tools
// (pdfminer, poppler, PoDoFo): the chart's bars, the table of contents,
// bookmarks, links, reserved and blank pages.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "core/diagnostic.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"
#include "support/pdf_tools.hpp"

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

// Bookmarks and internal links as pdfminer resolves them, one per line:
// "outline LEVEL PAGE TITLE" and "link FROM-PAGE TO-PAGE" (pages 1-based).
const char* const kNavigationScript = R"py(
import sys
from pdfminer.pdfparser import PDFParser
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.pdfdocument import PDFNoOutlines
with open(sys.argv[1], 'rb') as f:
    doc = PDFDocument(PDFParser(f))
    numbers = {page.pageid: n for n, page in enumerate(PDFPage.create_pages(doc), 1)}
    try:
        for level, title, dest, action, se in doc.get_outlines():
            print('outline', level, numbers[resolve1(dest)[0].objid], title)
    except PDFNoOutlines:
        pass
    for page in PDFPage.create_pages(doc):
        for annot in resolve1(page.annots) or []:
            annot = resolve1(annot)
            if 'Dest' in annot:
                print('link', numbers[page.pageid], numbers[resolve1(annot['Dest'])[0].objid])
)py";

std::vector<std::string> navigation(const ScratchDirectory& dir, const std::string& pdf_path) {
    const std::string script = dir.write("navigation.py", kNavigationScript);
    std::istringstream in(run_command("/usr/bin/python3 '" + script + "' '" + pdf_path + "'"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// 1-based page on which pdftotext finds `text` at the start of a line (after spaces), 0 if none.
int page_with_line(const std::string& pdf_path, const std::string& text) {
    const int count = test_support::pdf_page_count(pdf_path);
    for (int p = 1; p <= count; ++p) {
        std::istringstream in(page_text(pdf_path, p));
        for (std::string line; std::getline(in, line);) {
            const std::size_t start = line.find_first_not_of(' ');
            if (start != std::string::npos && line.compare(start, std::string::npos, text) == 0) return p;
        }
    }
    return 0;
}

// The number ending the contents line that starts with `title` on page `page`.
int contents_number(const std::string& pdf_path, int page, const std::string& title) {
    std::istringstream in(page_text(pdf_path, page));
    for (std::string line; std::getline(in, line);) {
        const std::size_t start = line.find_first_not_of(' ');
        if (start == std::string::npos || line.compare(start, title.size(), title) != 0) continue;
        const std::size_t end = line.find_last_of("0123456789");
        if (end == std::string::npos || end < start + title.size()) continue;
        const std::size_t digits = line.find_last_not_of("0123456789", end);
        return std::stoi(line.substr(digits + 1, end - digits));
    }
    return -1;
}

std::string filler(int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out += "<p>Les Ecossolies animent le réseau des acteurs de l'ESS, paragraphe " + std::to_string(k) + ".</p>";
    return out;
}

}  // namespace

TEST(DocumentPdf, ContentsNumbersAreWhereTheHeadingsAreInThePdf) {
    ScratchDirectory dir;
    const std::string path = dir.write(
        "rapport.pdf",
        pdf_of("<document><pied pages=\"premiere\"/><pied><p align=\"droite\">page <numero-page/></p></pied>"
               "<titre sommaire=\"non\" signet=\"non\">Rapport d'activité 2016</titre><saut-page/>"
               "<titre sommaire=\"non\">Sommaire</titre><table-matieres niveaux=\"2\"/>"
               "<saut-page page=\"impaire\"/><titre>Habitat</titre>" + filler(70) +
               "<titre niveau=\"2\">Les projets accompagnés</titre>" + filler(30) +
               "<saut-page page=\"impaire\"/><signet titre=\"Numérique et ESS\"/><pages-reservees id=\"num\" nombre=\"2\"/>"
               "<titre>Déchets et ressources</titre>" + filler(3) + "</document>"));
    const int habitat = page_with_line(path, "Habitat"), projets = page_with_line(path, "Les projets accompagnés"),
              dechets = page_with_line(path, "Déchets et ressources");
    EXPECT_EQ(habitat, 3);
    EXPECT_GE(projets, 4);
    EXPECT_EQ(contents_number(path, 2, "Habitat"), habitat);
    EXPECT_EQ(contents_number(path, 2, "Les projets accompagnés"), projets);
    EXPECT_EQ(contents_number(path, 2, "Déchets et ressources"), dechets);
    // The external chapter starts on an odd page; its reserved pages show only the footer.
    const int numerique = contents_number(path, 2, "Numérique et ESS");
    EXPECT_EQ(numerique % 2, 1);
    EXPECT_EQ(dechets, numerique + 2);
    for (int p : {numerique, numerique + 1}) {
        const std::string text = page_text(path, p);
        EXPECT_EQ(text.substr(text.find_first_not_of(" \n")), "page " + std::to_string(p) + "\n\f") << p;
    }
    // The blank page before an odd start has no footer.
    if (numerique - 1 > projets) {
        EXPECT_EQ(page_text(path, numerique - 1).find("page"), std::string::npos);
    }
    // Bookmarks and the contents' links go to the same pages.
    const std::vector<std::string> expected{
        "outline 1 2 Sommaire",
        "outline 1 " + std::to_string(habitat) + " Habitat",
        "outline 2 " + std::to_string(projets) + " Les projets accompagnés",
        "outline 1 " + std::to_string(numerique) + " Numérique et ESS",
        "outline 1 " + std::to_string(dechets) + " Déchets et ressources",
        "link 2 " + std::to_string(habitat),
        "link 2 " + std::to_string(projets),
        "link 2 " + std::to_string(numerique),
        "link 2 " + std::to_string(dechets)};
    EXPECT_EQ(navigation(dir, path), expected);
}

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

namespace {

LaidOutDocument linked_pages(std::size_t count) {
    LaidOutDocument doc;
    doc.pages.resize(count);
    for (std::size_t p = 0; p < count; ++p) {
        LinkArea link{10, 10, 100, 20, ""};
        link.internal = true;
        link.target_page = count - 1 - p;  // the first page links to the last, and so on
        doc.pages[p].items.push_back(link);
    }
    return doc;
}

}  // namespace

TEST(DocumentPdf, InternalLinksPointWithinTheirPart) {
    ScratchDirectory dir;
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    writer.add(linked_pages(3));  // pages 1-3: 1 -> 3, 2 -> 2, 3 -> 1
    writer.add(linked_pages(2));  // pages 4-5: 4 -> 5, 5 -> 4
    writer.finish();
    const std::string path = dir.write("liens.pdf", bytes);
    EXPECT_EQ(navigation(dir, path),
              (std::vector<std::string>{"link 1 3", "link 2 2", "link 3 1", "link 4 5", "link 5 4"}));
    EXPECT_EQ(run_command("qpdf --check '" + path + "' >/dev/null 2>&1; echo $?"), "0\n");
    // A link past the last page is refused before anything is written.
    LaidOutDocument broken = linked_pages(2);
    std::get<LinkArea>(broken.pages[0].items[0]).target_page = 2;
    try {
        write_pdf(broken);
        ADD_FAILURE() << "a link to a missing page was written";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Internal);
        EXPECT_EQ(e.diagnostics().items().at(0).message, "un lien de la page 1 renvoie à la page 3, au-delà de la dernière");
    }
}

TEST(DocumentPdf, SameBytesOnRerun) {
    const std::string xml = "<document><table-matieres/><titre>Un</titre>" + filler(80) +
                            "<p>Voir page <renvoi-page cible=\"deux\"/>.</p><signet titre=\"Externe\"/>"
                            "<pages-reservees id=\"ext\" nombre=\"2\"/><titre id=\"deux\">Deux</titre>" + chart("vertical") +
                            "</document>";
    EXPECT_EQ(pdf_of(xml), pdf_of(xml));
}
