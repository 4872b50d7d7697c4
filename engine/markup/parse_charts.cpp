// <graphique>: series, categories and values, checked against each other.
#include <optional>

#include "core/text.hpp"
#include "markup/detail/parser.hpp"
#include "markup/french_punctuation.hpp"
#include "markup/french_spacing.hpp"

namespace lettrine::markup_detail {

namespace {

// Series colours when <serie> gives none: the charter's blues, then contrasts.
constexpr Rgb kChartPalette[] = {{0x1F, 0x4E, 0x79}, {0xA9, 0xC4, 0xE0}, {0xC5, 0x5A, 0x11},
                                 {0x70, 0xAD, 0x47}, {0x7F, 0x7F, 0x7F}, {0xFF, 0xC0, 0x00}};

}  // namespace

void Parser::read_chart(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    Chart chart;
    chart.title = collapse_whitespace(attrs.text("titre", ""));
    chart.unit = collapse_whitespace(attrs.text("unite", ""));
    attrs.choice<bool>("sens", {{"horizontal", true}, {"vertical", false}}, chart.horizontal);
    attrs.extent("largeur", chart.width, false);
    attrs.box_align(chart.align);
    attrs.length("hauteur", chart.height);
    read_text_style(attrs, ctx, false);
    attrs.finish();
    chart.style = ctx.style;
    chart.style.link.clear();
    // Labels get the same French spacing as running text.
    const bool french = ctx.style.french_spacing && is_french(ctx.style.lang);
    auto label = [french](const std::string& text) { return french ? french_typography(text) : text; };
    chart.title = label(chart.title);
    chart.unit = label(chart.unit);

    // Values are checked against the number of series once all are known.
    struct PendingCategory { std::size_t index; pugi::xml_node node; };
    std::vector<PendingCategory> pending;
    for (pugi::xml_node child : element_children(node)) {
        const std::string child_name = child.name();
        Attributes child_attrs(*this, child);
        if (child_name == "serie") {
            ChartSeries series;
            series.position = position(child);
            series.name = collapse_whitespace(child_attrs.text("nom", ""));
            if (series.name.empty()) error(series.position, "l’attribut nom est obligatoire sur <serie>");
            series.color = kChartPalette[chart.series.size() % (sizeof kChartPalette / sizeof kChartPalette[0])];
            child_attrs.color("couleur", series.color);
            child_attrs.finish();
            for (pugi::xml_node c : child.children())
                if (c.type() == pugi::node_element || !is_blank(c.value())) {
                    error(position(c), "<serie> doit être vide");
                    break;
                }
            series.name = label(series.name);
            chart.series.push_back(std::move(series));
        } else if (child_name == "categorie") {
            ChartCategory category;
            category.position = position(child);
            category.name = collapse_whitespace(child_attrs.text("nom", ""));
            if (category.name.empty()) error(category.position, "l’attribut nom est obligatoire sur <categorie>");
            child_attrs.finish();
            for (pugi::xml_node value_node : element_children(child)) {
                if (std::strcmp(value_node.name(), "valeur") != 0) {
                    wrong_place(value_node, "categorie", "<valeur>");
                    continue;
                }
                Attributes value_attrs(*this, value_node);
                value_attrs.finish();
                std::string text;
                for (pugi::xml_node c : value_node.children()) {
                    if (c.type() == pugi::node_element) {
                        error(position(c), "<valeur> ne contient qu’un nombre");
                        continue;
                    }
                    text += c.value();
                }
                text = trim(text);
                std::optional<double> value;
                if (!text.empty()) {
                    value = parse_markup_number(text);
                    if (!value)
                        error(position(value_node), "la valeur « " + text +
                                                        " » n’est pas un nombre (exemples : « 12 », « 10,5 »)");
                    else if (*value < 0)
                        error(position(value_node), "la valeur « " + text +
                                                        " » est négative : un graphique en barres ne montre que des valeurs positives ou nulles");
                }
                category.values.push_back(value);
            }
            category.name = label(category.name);
            pending.push_back({chart.categories.size(), child});
            chart.categories.push_back(std::move(category));
        } else {
            wrong_place(child, "graphique", element_list({"serie", "categorie"}));
        }
    }
    if (chart.series.empty()) error(block.position, "<graphique> doit contenir au moins une <serie>");
    if (chart.categories.empty()) error(block.position, "<graphique> doit contenir au moins une <categorie>");
    const std::size_t n = chart.series.size();
    for (const PendingCategory& p : pending) {
        const ChartCategory& c = chart.categories[p.index];
        if (n == 0 || c.values.size() == n) continue;
        error(c.position, "la catégorie « " + c.name + " » a " + std::to_string(c.values.size()) + " valeur" +
                              (c.values.size() > 1 ? "s" : "") + " alors que le graphique a " + std::to_string(n) +
                              " série" + (n > 1 ? "s" : "") + " (une <valeur> par <serie>, <valeur/> pour une valeur absente)");
    }
    block.content = std::move(chart);
}

}  // namespace lettrine::markup_detail
