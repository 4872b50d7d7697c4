// The structure tree the layout hands to the writers (tagged PDF): which
// element each painted item belongs to. Elements are made in document order
// while blocks are laid out, so the tree reads in the markup's (logical)
// order whatever the paint order; running headers and footers make none.
#include <algorithm>
#include <type_traits>

#include "layout/detail/layouter.hpp"
#include "markup/units.hpp"

namespace lettrine::layout_detail {

namespace {

// "Titre : catégorie, 10 prévus, 9,5 réalisés ; …": what a screen reader
// says instead of the bars.
std::string chart_alt(const Chart& chart) {
    std::string alt = chart.title.empty() ? std::string("Graphique") : chart.title;
    if (!chart.unit.empty()) alt += " (" + chart.unit + ")";
    alt += " : ";
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        const ChartCategory& category = chart.categories[c];
        if (c > 0) alt += " ; ";
        alt += category.name;
        for (std::size_t s = 0; s < chart.series.size() && s < category.values.size(); ++s) {
            alt += ", ";
            const auto& value = category.values[s];
            alt += value ? format_decimal_fr(*value) : std::string("sans valeur");
            if (!chart.series[s].name.empty()) alt += " " + chart.series[s].name;
        }
    }
    return alt;
}

template <typename T>
constexpr bool is_graphic = std::is_same_v<T, Rule> || std::is_same_v<T, Rectangle>;

}  // namespace

void tag_untagged(std::vector<PageItem>& items, StructureId element, bool graphics) {
    for (PageItem& item : items)
        std::visit(
            [&](auto& i) {
                using T = std::decay_t<decltype(i)>;
                if (i.tag != kUntagged || (is_graphic<T> && !graphics)) return;
                i.tag = element;
            },
            item);
}

// An <image> without alt="": a warning naming it, and the document claims
// no PDF/UA-1 (its first such image says why).
void Layouter::missing_alt(const Block& b, const Image& image) {
    const std::string message = "<image src=\"" + image.src +
                                "\"> n’a pas d’attribut alt (texte de remplacement ; alt=\"\" pour une image "
                                "décorative) : le document ne se déclare pas accessible (PDF/UA-1)";
    result_.warnings.push_back(Diagnostic{Severity::Warning, b.position, message});
    if (result_.metadata.not_accessible.empty()) result_.metadata.not_accessible = b.position.describe() + " : " + message;
}

StructureId Layouter::open_element(StructureNode node) {
    if (furniture_) return kUntagged;
    node.parent = open_.empty() ? 0 : open_.back();
    result_.structure.push_back(std::move(node));
    const auto id = static_cast<StructureId>(result_.structure.size());
    open_.push_back(id);
    return id;
}

void Layouter::close_element(StructureId element) {
    if (element != kUntagged && element != kArtifact) open_.pop_back();
}

// The structure's level of a <titre niveau>: the document's first heading
// is H1 and no level is skipped (PDF/UA-1, 7.4.2), whatever the levels the
// template chose for their look (a letter's articles are niveau="2").
int Layouter::heading_level(int level) {
    if (heading_shift_ < 0) heading_shift_ = level - 1;
    const int shifted = std::max(1, std::min(level - heading_shift_, last_heading_ + 1));
    last_heading_ = shifted;
    return shifted;
}

// The element a block opens: kUntagged for none (its content goes to the
// enclosing element), kArtifact for a decorative image (alt="").
StructureId Layouter::open_block_element(const Block& b) {
    if (furniture_) return kUntagged;
    StructureNode node;
    if (!b.lang.empty() && b.lang != doc_.info.lang) node.lang = b.lang;
    if (const auto* p = std::get_if<Paragraph>(&b.content)) {
        node.role = p->level > 0 ? "H" + std::to_string(heading_level(p->level)) : "P";
    } else if (std::holds_alternative<List>(b.content)) {
        node.role = "L";
    } else if (std::holds_alternative<Table>(b.content)) {
        node.role = "Table";
    } else if (std::holds_alternative<ContentsTable>(b.content)) {
        node.role = "TOC";
    } else if (const auto* chart = std::get_if<Chart>(&b.content)) {
        node.role = "Figure";
        node.alt = chart_alt(*chart);
        node.has_alt = true;
    } else if (const auto* image = std::get_if<Image>(&b.content)) {
        if (image->alt && image->alt->empty()) return kArtifact;
        node.role = "Figure";
        node.has_alt = image->alt.has_value();
        if (image->alt) node.alt = *image->alt;
        else
            missing_alt(b, *image);
    } else {
        return kUntagged;
    }
    return open_element(std::move(node));
}

void Layouter::close_block_element(const Block& b, StructureId element, std::vector<Slice>& out, std::size_t from) {
    if (element == kUntagged) return;
    close_element(element);
    const bool graphics = element == kArtifact || std::holds_alternative<Chart>(b.content);
    for (std::size_t k = from; k < out.size(); ++k)
        if (Slice::Content* c = out[k].content()) tag_untagged(c->items, element, graphics);
}

// Each <lien> of a paragraph: a Link element holding its text and its
// link areas (one per line it spans).
void Layouter::tag_links(std::vector<SetLine>& lines) {
    if (furniture_) return;
    const std::string* uri = nullptr;
    StructureId link = kUntagged;
    for (SetLine& line : lines)
        for (PageItem& item : line.items) {
            auto* area = std::get_if<LinkArea>(&item);
            if (!area) continue;
            if (!uri || *uri != area->uri) {
                StructureNode node;
                node.role = "Link";
                node.inline_element = true;
                node.alt = area->uri;
                link = open_element(std::move(node));
                close_element(link);
                uri = &area->uri;
            }
            area->tag = link;
            for (PageItem& other : line.items)
                if (auto* run = std::get_if<GlyphRun>(&other); run && run->tag == kUntagged && !run->glyphs.empty()) {
                    const double start = run->x + run->glyphs.front().x;
                    if (start >= area->x - 0.01 && start < area->x + area->width - 0.01) run->tag = link;
                }
        }
}

// Text in another language than its paragraph's: a Span with its /Lang
// (PDF/UA-1, 7.2), one for each stretch of runs in that language, so that
// a screen reader switches voice there. A link keeps its Link element.
void Layouter::tag_languages(std::vector<SetLine>& lines) {
    if (furniture_) return;
    const std::string* lang = nullptr;
    StructureId span = kUntagged;
    for (SetLine& line : lines) {
        std::size_t next = 0;  // lines' languages are in item order
        for (std::size_t k = 0; k < line.items.size(); ++k) {
            auto* run = std::get_if<GlyphRun>(&line.items[k]);
            if (!run) continue;
            const bool foreign = next < line.languages.size() && line.languages[next].first == k;
            if (!foreign) {
                if (!run->glyphs.empty()) lang = nullptr;
                continue;
            }
            const std::string& run_lang = line.languages[next++].second;
            if (!lang || *lang != run_lang) {
                StructureNode node;
                node.role = "Span";
                node.inline_element = true;
                node.lang = run_lang;
                span = open_element(std::move(node));
                close_element(span);
                lang = &run_lang;
            }
            if (run->tag == kUntagged) run->tag = span;
        }
    }
}

// A copy painted again (a table's header rows on the following pages): an
// artifact, the structure has the first one.
Slice::Content as_artifact(Slice::Content content) {
    for (PageItem& item : content.items) std::visit([](auto& i) { i.tag = kArtifact; }, item);
    return content;
}

}  // namespace lettrine::layout_detail
