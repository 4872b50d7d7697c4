#include "layout/paragraph.hpp"

// Words too long for a line: the emergency breaks of a paragraph's boxes
// (ParagraphSetter::cut_long_word, split_long_words).

namespace lettrine {

namespace {

constexpr int kEmergencyPenalty = 5000;  // breaking inside a word too long for the line

}  // namespace

// The word [begin, end), longer than kLongWordCharacters: boxes as wide as
// the narrowest line (one character at least), an emergency break between
// two. Linear in the word's length, one item per line.
void ParagraphSetter::cut_long_word(std::size_t begin, std::size_t end) {
    auto box = [&](std::size_t from, std::size_t to, double width) {
        LineItem item;
        item.kind = LineItem::Kind::Box;
        item.begin = static_cast<uint32_t>(from);
        item.end = static_cast<uint32_t>(to);
        item.width = width;
        items_.push_back(item);
    };
    std::size_t from = begin;
    double width = 0;
    for (std::size_t k = begin; k < end; ++k) {
        if (k > from && width + cells_[k].advance > narrowest_) {
            box(from, k, width);
            LineItem penalty;
            penalty.kind = LineItem::Kind::Penalty;
            penalty.penalty = kEmergencyPenalty;
            penalty.begin = penalty.end = static_cast<uint32_t>(k);
            items_.push_back(penalty);
            from = k;
            width = 0;
        }
        width += cells_[k].advance;
    }
    box(from, end, width);
}

// A word (consecutive boxes) wider than the narrowest line gets a break
// opportunity between every two characters: overflowing the margin is worse.
void ParagraphSetter::split_long_words(double narrowest) {
    bool needed = false;
    for (std::size_t k = 0; k < items_.size() && !needed;) {
        double width = 0;
        std::size_t e = k;
        while (e < items_.size() && items_[e].kind == LineItem::Kind::Box) width += items_[e++].width;
        needed = width > narrowest;
        k = e == k ? k + 1 : e;
    }
    if (!needed) return;
    std::vector<LineItem> out;
    out.reserve(items_.size() * 2);
    for (std::size_t k = 0; k < items_.size();) {
        double width = 0;
        std::size_t e = k;
        while (e < items_.size() && items_[e].kind == LineItem::Kind::Box) width += items_[e++].width;
        if (e == k) { out.push_back(items_[k++]); continue; }
        if (width <= narrowest) {
            out.insert(out.end(), items_.begin() + static_cast<std::ptrdiff_t>(k), items_.begin() + static_cast<std::ptrdiff_t>(e));
        } else {
            for (std::size_t b = k; b < e; ++b)
                for (uint32_t c = items_[b].begin; c < items_[b].end; ++c) {
                    if (!(b == k && c == items_[b].begin)) {
                        LineItem p;
                        p.kind = LineItem::Kind::Penalty;
                        p.penalty = kEmergencyPenalty;
                        p.begin = p.end = c;
                        out.push_back(p);
                    }
                    LineItem box;
                    box.begin = c;
                    box.end = c + 1;
                    box.width = cells_[c].advance;
                    out.push_back(box);
                }
        }
        k = e;
    }
    items_ = std::move(out);
}

}  // namespace lettrine
