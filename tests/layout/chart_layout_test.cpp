// <graphique> laid out: proportional bars, labels as text, one unbreakable block.
#include <gtest/gtest.h>

#include <cmath>

#include "layout/chart.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

const std::string kChart =
    "<graphique titre=\"Jours consacrés à chaque mission\" unite=\"jours\" sens=\"SENS\">"
    "<serie nom=\"Prévus\" couleur=\"#A9C4E0\"/><serie nom=\"Réalisés\" couleur=\"#1F4E79\"/>"
    "<categorie nom=\"Animer la filière et le réseau des acteurs du territoire\"><valeur>12</valeur><valeur>10,5</valeur></categorie>"
    "<categorie nom=\"Accompagner les projets\"><valeur>8</valeur><valeur/></categorie>"
    "<categorie nom=\"Expérimenter\"><valeur>3</valeur><valeur>0,75</valeur></categorie>"
    "</graphique>";

std::string chart(const std::string& direction) {
    std::string text = kChart;
    text.replace(text.find("SENS"), 4, direction);
    return text;
}

std::vector<Rectangle> filled(const LaidOutPage& page, const Color& color) {
    std::vector<Rectangle> out;
    for (const PageItem& item : page.items)
        if (const auto* r = std::get_if<Rectangle>(&item); r && r->fill && r->fill_color == color) out.push_back(*r);
    return out;
}

const Color kDark{0x1F / 255.0, 0x4E / 255.0, 0x79 / 255.0};
const Color kLight{0xA9 / 255.0, 0xC4 / 255.0, 0xE0 / 255.0};

bool has_line(const LaidOutPage& page, const std::string& text) {
    for (const std::string& line : line_texts(page))
        if (line.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(ChartLayout, AxisTicksAreRound) {
    EXPECT_EQ(chart_axis(12).ticks(), (std::vector<double>{0, 2, 4, 6, 8, 10, 12}));
    EXPECT_EQ(chart_axis(10.5).step, 2);
    EXPECT_EQ(chart_axis(10.5).top, 12);
    EXPECT_EQ(chart_axis(37).step, 10);
    EXPECT_EQ(chart_axis(37).top, 40);
    EXPECT_EQ(chart_axis(0.8).step, 0.2);
    EXPECT_EQ(chart_axis(1800).step, 500);
    EXPECT_EQ(chart_axis(0).top, 1);
}

TEST(ChartLayout, HorizontalBarsAreProportionalToTheValues) {
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\">" + chart("horizontal") + "</document>");
    ASSERT_EQ(doc.pages.size(), 1u);
    const LaidOutPage& page = doc.pages[0];
    // Legend swatch first, then one bar per non-empty value.
    const auto light = filled(page, kLight), dark = filled(page, kDark);
    ASSERT_EQ(light.size(), 1u + 3u);
    ASSERT_EQ(dark.size(), 1u + 2u);
    const double unit = light[1].width / 12;  // points per day
    EXPECT_GT(unit, 5);
    EXPECT_NEAR(light[2].width, 8 * unit, 1e-9);
    EXPECT_NEAR(light[3].width, 3 * unit, 1e-9);
    EXPECT_NEAR(dark[1].width, 10.5 * unit, 1e-9);
    EXPECT_NEAR(dark[2].width, 0.75 * unit, 1e-9);
    // All bars start at the value axis, with the same thickness, inside the measure.
    for (const auto* bars : {&light, &dark})
        for (std::size_t k = 1; k < bars->size(); ++k) {
            EXPECT_NEAR((*bars)[k].x, light[1].x, 1e-9);
            EXPECT_NEAR((*bars)[k].height, light[1].height, 1e-9);
            EXPECT_LE((*bars)[k].x + (*bars)[k].width, mm(190));
        }
    EXPECT_GT(light[1].x, mm(20) + 30);  // the label column is on the left
    // Labels are real text: title, legend, category labels (wrapped), values, ticks, unit.
    for (const char* text : {"Jours consacrés à chaque mission", "Prévus", "Réalisés", "Accompagner les projets",
                             "Expérimenter", "10,5", "0,75", "12", "jours"})
        EXPECT_TRUE(has_line(page, text)) << text;
}

TEST(ChartLayout, VerticalBarsAreProportionalToTheValues) {
    const LaidOutDocument doc =
        lay_out("<document marges=\"20mm\">" + chart("vertical") + "</document>");
    const LaidOutPage& page = doc.pages.at(0);
    const auto light = filled(page, kLight), dark = filled(page, kDark);
    ASSERT_EQ(light.size(), 4u);
    ASSERT_EQ(dark.size(), 3u);
    const double unit = light[1].height / 12;
    EXPECT_NEAR(light[2].height, 8 * unit, 1e-9);
    EXPECT_NEAR(dark[1].height, 10.5 * unit, 1e-9);
    EXPECT_NEAR(dark[2].height, 0.75 * unit, 1e-9);
    // Bars stand on the same baseline.
    EXPECT_NEAR(light[1].y + light[1].height, dark[2].y + dark[2].height, 1e-9);
    EXPECT_NEAR(light[3].y + light[3].height, dark[2].y + dark[2].height, 1e-9);
}

TEST(ChartLayout, GivenHeightIsKeptAndTheChartIsNeverSplit) {
    // Text fills most of the first page: the chart moves whole to the next one.
    std::string filler;
    for (int k = 0; k < 30; ++k) filler += "<p>Ligne de texte " + std::to_string(k) + "</p>";
    const LaidOutDocument doc = lay_out("<document marges=\"20mm\">" + filler +
                                        chart("horizontal").replace(10, 0, " hauteur=\"9cm\"") + "</document>");
    ASSERT_EQ(doc.pages.size(), 2u);
    EXPECT_FALSE(has_line(doc.pages[0], "Prévus"));
    EXPECT_EQ(filled(doc.pages[0], kLight).size(), 0u);
    const auto bars = filled(doc.pages[1], kLight);
    ASSERT_EQ(bars.size(), 4u);
    // The chart's height is the one given: from the title's top to the unit's bottom.
    double top = 1e9, bottom = 0;
    for (const PageItem& item : doc.pages[1].items)
        if (const auto* r = std::get_if<GlyphRun>(&item)) {
            top = std::min(top, r->y - r->size);
            bottom = std::max(bottom, r->y);
        }
    EXPECT_NEAR(top, mm(20), 6);
    EXPECT_NEAR(bottom, mm(20) + mm(90), 6);
}

TEST(ChartLayout, NarrowChartIsPlacedAsAsked) {
    for (const auto& [align, left] : {std::pair<std::string, double>{"gauche", mm(20)}, {"centre", mm(20) + mm(170) / 4},
                                      {"droite", mm(20) + mm(170) / 2}}) {
        const LaidOutDocument doc = lay_out("<document marges=\"20mm\">" +
                                            chart("vertical").replace(10, 0, " largeur=\"50%\" align=\"" + align + "\"") +
                                            "</document>");
        double min_x = 1e9, max_x = 0;
        for (const PageItem& item : doc.pages.at(0).items)
            if (const auto* r = std::get_if<Rule>(&item)) {
                min_x = std::min(min_x, r->x1);
                max_x = std::max(max_x, r->x2);
            }
        EXPECT_NEAR(max_x, left + mm(85), 1e-6) << align;  // the plot ends at the chart's right edge
        EXPECT_GT(min_x, left) << align;                     // tick labels are left of the axis
        EXPECT_LT(min_x, left + 30) << align;
    }
}
