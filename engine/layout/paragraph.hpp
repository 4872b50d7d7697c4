#pragma once
// Setting one paragraph: text to glyph cells and line items, lines chosen by
// a LineBreaker, then glyph runs placed on each line. Internal to the layout.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/font.hpp"
#include "layout/line_breaker.hpp"
#include "layout/pages.hpp"
#include "markup/document.hpp"

namespace lettrine {

// Values of <numero-page/> and <nombre-pages/>.
struct FieldValues {
    int page = 0, count = 0;
};

// One set line; x are absolute, y relative to the line's top.
struct SetLine {
    double height = 0;
    double baseline = 0;               // from the line's top
    std::vector<PageItem> items;       // GlyphRuns and LinkAreas
};

class ParagraphSetter {
public:
    ParagraphSetter(const FontSet& fonts, const LineBreaker& breaker, Diagnostics& diagnostics)
        : fonts_(fonts), breaker_(breaker), diagnostics_(diagnostics) {}

    // Lines of `p` set in [x, x + width]. `fields` gives page numbers (null
    // outside headers and footers).
    std::vector<SetLine> set(const Paragraph& p, double x, double width, const FieldValues* fields);

    // The run of a single piece of text (list markers), baseline at y.
    GlyphRun single_run(const std::string& text, const InlineStyle& style, double x, double y, const SourcePosition& where);
    double text_width(const std::string& text, const InlineStyle& style, const SourcePosition& where);

    // Ascent of the font of `style`, points.
    double ascent(const InlineStyle& style) const;

private:
    struct RunStyle {
        std::shared_ptr<const Font> font;
        double size = 0;          // drawn size
        double nominal = 0;       // size for line height (superscripts count as their parent)
        double shift = 0;         // baseline shift, points, upwards
        Color color;
        bool underline = false;
        const std::string* link = nullptr;
    };
    struct Cell {
        char32_t ch;
        uint32_t glyph;
        double advance;
        uint16_t style;
    };

    uint16_t style_index(const InlineStyle& style, double parent_size);
    void add_text(const std::string& text, uint16_t style, const SourcePosition& where);
    void close_box();
    void split_long_words(double narrowest);
    uint32_t glyph(const Font& font, char32_t c, const SourcePosition& where);

    const FontSet& fonts_;
    const LineBreaker& breaker_;
    Diagnostics& diagnostics_;
    // Reused between paragraphs to avoid reallocations.
    std::vector<RunStyle> styles_;
    std::vector<const InlineStyle*> style_sources_;
    std::vector<Cell> cells_;
    std::vector<LineItem> items_;
    std::size_t box_start_ = 0;
    std::set<std::pair<char32_t, std::string>> reported_;  // missing glyphs, once per place
};

}  // namespace lettrine
