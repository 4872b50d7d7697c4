#pragma once
// Knuth–Plass items for the line breaker's tests, built by hand: words,
// interword spaces, the paragraph's forced end, and the two properties some
// tests add to them (letter spacing a word may take, a hang into the margin).
#include "layout/line_breaker.hpp"

namespace lettrine::testing {

// A word `w` wide.
inline LineItem box(double w) {
    LineItem i;
    i.kind = LineItem::Kind::Box;
    i.width = w;
    return i;
}

inline LineItem glue(double w, double stretch, double shrink) {
    LineItem i;
    i.kind = LineItem::Kind::Glue;
    i.width = w;
    i.stretch = stretch;
    i.shrink = shrink;
    return i;
}

// An interword space `w` wide that stretches by half and shrinks by a third.
inline LineItem glue(double w) { return glue(w, w / 2, w / 3); }

// The forced break that ends a paragraph.
inline LineItem end() {
    LineItem i;
    i.kind = LineItem::Kind::Penalty;
    i.penalty = kForcedBreak;
    return i;
}

// `word` able to take `stretch` of letter spacing (the emergency pass).
inline LineItem letter_spaced(LineItem word, double stretch) {
    word.stretch = stretch;
    return word;
}

// `item` hanging `hang` into the margin (margin protrusion): a box, into the
// left margin when it starts a line; a glue, into the right margin when the
// line breaks there.
inline LineItem hanging(LineItem item, double hang) {
    item.protrusion = hang;
    return item;
}

}  // namespace lettrine::testing
