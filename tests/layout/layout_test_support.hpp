#pragma once
// Helpers shared by the layout tests: lay out markup text with the real
// Liberation fonts and read the result back as text.
#include <string>
#include <vector>

#include "core/text.hpp"
#include "layout/layout.hpp"
#include "layout/protrusion.hpp"
#include "markup/markup_parser.hpp"

namespace lettrine::testing {

inline LaidOutDocument lay_out(const std::string& xml, LayoutOptions options = {}) {
    return layout_document(parse_markup(xml, "test.xml"), *FontSet::default_set(), options);
}

inline std::string run_text(const GlyphRun& run) {
    std::u32string text;
    for (const PlacedGlyph& g : run.glyphs) text += g.text;
    return u32_to_utf8(text);
}

inline std::vector<const GlyphRun*> runs(const LaidOutPage& page) {
    std::vector<const GlyphRun*> out;
    for (const PageItem& item : page.items)
        if (const auto* r = std::get_if<GlyphRun>(&item)) out.push_back(r);
    return out;
}

// Texts of the lines of a page: runs sharing a baseline are joined.
inline std::vector<std::string> line_texts(const LaidOutPage& page) {
    std::vector<std::string> lines;
    double last_y = -1;
    for (const GlyphRun* r : runs(page)) {
        if (lines.empty() || r->y != last_y) lines.emplace_back();
        lines.back() += run_text(*r);
        last_y = r->y;
    }
    return lines;
}

// Where a run's last glyph ends, less what it hangs into the right margin
// (margin protrusion, layout/protrusion.hpp): a justified line's edge.
inline double optical_end(const GlyphRun& r) {
    const PlacedGlyph& g = r.glyphs.back();
    const char32_t c = g.text.empty() ? 0 : g.text.back();
    return r.x + g.x + g.advance - protrusion_points(protrusion_factors(c).right, g.advance, r.size);
}

inline constexpr double mm(double v) { return v * 72.0 / 25.4; }

}  // namespace lettrine::testing
