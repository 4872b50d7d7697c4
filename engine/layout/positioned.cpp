// <position> blocks: placed on the page outside the flow, checked against
// their own limits (hauteur-max, the page's edges). The flow keeps clear of
// them in pagination.cpp.
#include <cmath>
#include <cstdio>
#include <type_traits>

#include "core/french.hpp"
#include "layout/detail/layouter.hpp"

namespace lettrine::layout_detail {

std::pair<double, double> horizontal_extent(const std::vector<PageItem>& items) {
    double x0 = 0, x1 = 0;
    bool any = false;
    const auto widen = [&](double a, double b) {
        if (b <= a) return;
        if (!any) { x0 = a; x1 = b; any = true; return; }
        x0 = std::min(x0, a);
        x1 = std::max(x1, b);
    };
    for (const PageItem& item : items) {
        std::visit(
            [&](const auto& i) {
                using T = std::decay_t<decltype(i)>;
                if constexpr (std::is_same_v<T, GlyphRun>) {
                    if (!i.glyphs.empty()) widen(i.x, i.x + i.glyphs.back().x + i.glyphs.back().advance);
                } else if constexpr (std::is_same_v<T, Rule>) {
                    widen(std::min(i.x1, i.x2), std::max(i.x1, i.x2) + (i.x1 == i.x2 ? i.width : 0));
                } else if constexpr (!std::is_same_v<T, LinkArea>) {  // a link area only covers text
                    widen(i.x, i.x + i.width);
                }
            },
            item);
    }
    return {x0, x1};
}

std::string millimetres(double points) {
    const double mm = std::round(points * 25.4 / 72.0 * 10) / 10;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", mm);
    std::string s = text;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    for (char& c : s)
        if (c == '.') c = ',';
    return s + " mm";
}

Slice::Float Layouter::blame(const Positioned& pos, const Block& b) const {
    Slice::Float f;
    f.label = "le bloc positionné" + (pos.name.empty() ? std::string() : " " + quoted(pos.name));
    f.origin = b.position.describe();
    f.where = b.position;
    if (!options_.data_position) return f;
    for (const std::string& path : pos.data) {
        const SourcePosition cell = options_.data_position(path);
        if (cell.empty()) continue;
        f.where = cell;
        f.data = true;
        break;
    }
    return f;
}

// A fixed-size block (an envelope window) holding more than fits, or a
// block reaching past the page's edges: the letter would be wrong on paper.
void Layouter::check_positioned(const Positioned& pos, const Stack& st, const Slice::Float& box) {
    const std::string shorten = box.data ? " : raccourcissez cette donnée" : "";
    if (pos.max_height > 0 && st.height > pos.max_height + kFitTolerance) {
        std::size_t fitting = 0;
        for (double cut : st.cuts)
            if (cut <= pos.max_height + kFitTolerance) ++fitting;
        problems_of(box).error(box.where, box.named(true) + " mesure " + millimetres(st.height) + " de haut pour " +
                                              millimetres(pos.max_height) + " au plus (hauteur-max) : " +
                                              std::to_string(st.cuts.size()) + " lignes, dont " +
                                              std::to_string(fitting) + " tiennent" + shorten);
    }
    const double right = box.x + box.width, bottom = box.y + box.height;
    if (box.x < 0 || box.y < 0 || right > doc_.page.width + kFitTolerance || bottom > doc_.page.height + kFitTolerance)
        problems_of(box).error(box.where, box.named(true) + " sort de la page (il s’étend de " + millimetres(box.y) +
                                              " à " + millimetres(bottom) + " depuis le haut d’une page de " +
                                              millimetres(doc_.page.height) + ")" + shorten);
}

void Layouter::content(const Positioned& pos, const Block& b, double, double, std::vector<Slice>& out,
                       const FieldValues* fields) {
    Stack st = stack(pos.content, 0, pos.width, fields);
    const bool right = pos.anchor == Anchor::TopRight || pos.anchor == Anchor::BottomRight;
    const bool bottom = pos.anchor == Anchor::BottomLeft || pos.anchor == Anchor::BottomRight;
    Slice::Float piece = blame(pos, b);
    piece.x = right ? doc_.page.width - pos.x - pos.width : pos.x;
    piece.y = bottom ? doc_.page.height - pos.y - st.height : pos.y;
    piece.width = pos.width;
    piece.height = st.height;
    piece.margin = pos.margin;
    check_positioned(pos, st, piece);
    for (PageItem& item : st.items) {
        shift_item_x(item, piece.x);
        shift_item(item, piece.y);
        piece.items.push_back(std::move(item));
    }
    Slice s{std::move(piece)};
    const double py = std::get<Slice::Float>(s.piece).y;
    for (const BlockAnchor& a : st.anchors) s.anchors.emplace_back(a.first, a.second + py);
    out.push_back(std::move(s));
}

}  // namespace lettrine::layout_detail
