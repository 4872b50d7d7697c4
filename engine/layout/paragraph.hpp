#pragma once
// Setting one paragraph: text to glyph cells and line items, lines chosen by
// a LineBreaker, then glyph runs placed on each line. Internal to the layout.
//
// The steps, per word (the text between two breakable spaces):
//   1. each character gets a glyph from its style's font, or from a fallback
//      font when that font lacks it (scripts needing complex shaping are
//      refused, never drawn wrong);
//   2. the word is shaped with HarfBuzz (kerning) run by run of one style;
//   3. its break opportunities are found: after an explicit hyphen, at soft
//      hyphens (U+00AD), else at the hyphenation points of its French
//      lowercase parts;
//   4. it becomes boxes and penalties; spaces become glue (no-break spaces,
//      glue after a forbidding penalty).
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "font/font.hpp"
#include "layout/hyphenation.hpp"
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
    bool hyphenated = false;           // ends with a word's first part (a hyphen)
    // Runs in another language than the paragraph's (lang="en" on an inline
    // element): (index in items, language), for their Span in the structure.
    std::vector<std::pair<std::size_t, std::string>> languages;
};

// How spaces and hyphens are set (LayoutOptions gives them).
struct SettingOptions {
    // Word space in ems of the text's size; nullopt: the font's own space,
    // stretching by half and shrinking by a third of its width.
    std::optional<double> space_natural, space_stretch, space_shrink;
    bool hyphenate = true;
    // Margin protrusion of justified lines (layout/protrusion.hpp), for text
    // whose style keeps French typography.
    bool protrusion = true;
};

class ParagraphSetter {
public:
    ParagraphSetter(const FontSet& fonts, const LineBreaker& breaker, Diagnostics& diagnostics,
                    SettingOptions options = {})
        : fonts_(fonts), breaker_(breaker), diagnostics_(diagnostics), options_(options) {}

    // Lines of `p` set in [x, x + width]. `fields` gives page numbers (null
    // outside headers and footers).
    std::vector<SetLine> set(const Paragraph& p, double x, double width, const FieldValues* fields);

    // The run of a single piece of text (list markers), baseline at y.
    GlyphRun single_run(const std::string& text, const InlineStyle& style, double x, double y, const SourcePosition& where);
    double text_width(const std::string& text, const InlineStyle& style, const SourcePosition& where);

    // Ascent of the font of `style`, points.
    double ascent(const InlineStyle& style) const;

    // Page numbers of the targets of <renvoi-page> (id -> 1-based page), or
    // null before pagination (a two-digit placeholder is set then).
    void set_references(const std::map<std::string, int>* references) { references_ = references; }

private:
    struct RunStyle {
        std::shared_ptr<const Font> font;
        double size = 0;          // drawn size
        double nominal = 0;       // size for line height (superscripts count as their parent)
        double shift = 0;         // baseline shift, points, upwards
        Color color;
        bool underline = false;
        bool hyphenate = false;   // French text that may be hyphenated
        bool protrude = false;    // may hang into the margins at a justified line's edge
        const std::string* link = nullptr;
        const InlineStyle* source = nullptr;
    };
    struct Cell {
        char32_t ch;
        uint32_t glyph;
        double advance;           // points, kerning included
        double offset;            // points: glyph drawn this far right of the pen (marks)
        uint16_t style;
    };

    uint16_t style_index(const InlineStyle& style, const std::shared_ptr<const Font>& font);
    void add_text(const std::string& text, const InlineStyle& style, const SourcePosition& where);
    void add_space(char32_t c, uint16_t style, const SourcePosition& where);
    void finish_word();
    void shape_word(std::size_t begin, std::size_t end);
    void hyphenation_points(std::size_t begin, std::size_t end, std::vector<std::pair<uint32_t, bool>>& breaks);
    void split_long_words(double narrowest);
    void add_letter_spacing_room();
    void add_protrusion();
    double letter_gap(uint32_t cell) const;
    void cut_long_word(std::size_t begin, std::size_t end);
    // The style (main or fallback font) that draws c; reports what cannot be drawn.
    uint16_t style_for(char32_t c, const InlineStyle& style, uint16_t main, const SourcePosition& where, uint32_t& glyph);
    uint32_t glyph(const Font& font, char32_t c, const SourcePosition& where);
    const Hyphenator* hyphenator();

    const FontSet& fonts_;
    const LineBreaker& breaker_;
    Diagnostics& diagnostics_;
    SettingOptions options_;
    const std::map<std::string, int>* references_ = nullptr;
    std::shared_ptr<const Hyphenator> hyphenator_;  // loaded on the first French word to hyphenate
    // Reused between paragraphs to avoid reallocations.
    std::vector<RunStyle> styles_;
    std::vector<Cell> cells_;
    std::vector<LineItem> items_;
    std::size_t word_start_ = 0;
    bool ragged_ = false;                 // the paragraph is not justified
    double narrowest_ = 0;                // points: the paragraph's narrowest line (cut_long_word)
    std::vector<uint32_t> soft_hyphens_;  // cells before which a U+00AD allows a break (current word)
    // Scratch buffers of the word steps, kept to avoid an allocation per word.
    std::u32string text_buffer_;
    std::vector<ShapedGlyph> shaped_buffer_;
    std::vector<uint32_t> points_buffer_;
    std::vector<std::pair<uint32_t, bool>> breaks_buffer_;
    std::set<std::pair<char32_t, std::string>> reported_;  // problem characters, once per place
};

}  // namespace lettrine
