#include "layout/protrusion.hpp"

#include "layout/paragraph.hpp"

// Margin protrusion: the factors, and their place on the line items of a
// justified paragraph (ParagraphSetter::add_protrusion).

namespace lettrine {

ProtrusionFactors protrusion_factors(char32_t c) {
    switch (c) {
    // The marks that end a line most. A period's and a comma's width is
    // nearly all white around a small mark: most of it hangs, the mark
    // itself sits just past the letters' edge, as microtype sets them. A hyphen is
    // a bar as wide as a letter: half of it hangs, the other half keeps the
    // word's end in the measure.
    case '.': case ',': return {0, 0.7};
    case '-': case 0x2010: case 0x2011: return {0, 0.5};
    case ':': case ';': return {0, 0.5};     // taller marks: about half
    case '!': case '?': return {0, 0.2};     // a stem: barely
    case 0x2026: return {0, 0.3};            // …
    case 0x00BB: case 0x203A: return {0, 0.4};  // » ›
    case 0x00AB: case 0x2039: return {0.4, 0};  // « ‹
    case 0x2019: case 0x201D: return {0, 0.5};  // ’ ”
    case 0x2018: case 0x201C: return {0.5, 0};  // ‘ “
    case 0x2013: case 0x2014: return {0.2, 0.2};  // – —
    default: return {};
    }
}

// Each break of a justified paragraph learns how far the line ending there
// hangs into the right margin (its last glyph, or the hyphen drawn at a
// hyphenation point), each box how far its first glyph hangs into the left
// margin when it starts a line. Text whose style says typographie="non",
// and a document that says alignement-optique="non", hang nothing.
void ParagraphSetter::add_protrusion() {
    auto hang = [&](uint32_t cell, bool left) {
        const Cell& c = cells_[cell];
        const RunStyle& rs = styles_[c.style];
        if (!rs.protrude) return 0.0;
        const ProtrusionFactors f = protrusion_factors(c.ch);
        return protrusion_points(left ? f.left : f.right, c.advance, rs.size);
    };
    for (std::size_t k = 0; k < items_.size(); ++k) {
        LineItem& item = items_[k];
        item.protrusion = 0;
        if (item.kind == LineItem::Kind::Box) {
            if (item.end > item.begin) item.protrusion = hang(item.begin, true);
            continue;
        }
        const bool breakable = item.kind == LineItem::Kind::Glue ||
                               (item.penalty > kForcedBreak && item.penalty < kForbiddenBreak);
        if (!breakable || k == 0) continue;
        const LineItem& before = items_[k - 1];
        if (item.kind == LineItem::Kind::Penalty && item.flagged && item.width > 0 && item.begin > 0) {
            // The hyphen drawn at a hyphenation point, in the style of the word's first part.
            const RunStyle& rs = styles_[cells_[item.begin - 1].style];
            if (rs.protrude) item.protrusion = protrusion_points(protrusion_factors('-').right, item.width, rs.size);
        } else if (before.kind == LineItem::Kind::Box && before.end > before.begin) {
            item.protrusion = hang(before.end - 1, false);  // after a word, or after « Saint- »
        }
    }
}

}  // namespace lettrine
