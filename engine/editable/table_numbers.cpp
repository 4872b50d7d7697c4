#include "editable/table_numbers.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace lettrine {

namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_space(char32_t c) { return c == U' ' || c == U'\u00A0' || c == U'\u202F'; }

struct Measured {
    char32_t c;
    double advance;  // points
};

double advance(const FontSet& fonts, const InlineStyle& style, char32_t c) {
    const FontStyle font_style{style.bold, style.italic};
    const Font& font = *fonts.get(style.family, font_style);
    if (font.has_glyph(c)) return font.advance_points(c, style.size);
    if (std::shared_ptr<const Font> fallback = fonts.fallback_for(style.family, font_style, c))
        return fallback->advance_points(c, style.size);
    return font.advance_points(c, style.size);
}

// How far the text runs right of where the tab stop aligns it: from its
// decimal comma (the comma included), or from the end of its last digits
// for an integer; 0 for text without digits (it ends at the stop).
double part_after_anchor(const std::vector<Measured>& chars) {
    std::size_t end = chars.size();  // past the last visible character
    while (end > 0 && is_space(chars[end - 1].c)) --end;
    std::size_t last = end;
    for (std::size_t i = end; i-- > 0;)
        if (is_digit(chars[i].c)) { last = i; break; }
    if (last == end) return 0;
    std::size_t anchor = last + 1;
    // Back over the number (digits, group spaces, one comma) to its decimal comma.
    for (std::size_t i = last; i-- > 0;) {
        const char32_t c = chars[i].c;
        const bool after_digit = i > 0 && is_digit(chars[i - 1].c);
        if (is_digit(c) || ((c == U'\u202F' || c == U'\u00A0') && after_digit)) continue;
        if (c == U',' && after_digit) anchor = i;
        break;
    }
    double width = 0;
    for (std::size_t i = anchor; i < end; ++i) width += chars[i].advance;
    return width;
}

std::vector<Measured> measured(const Paragraph& paragraph, const FontSet& fonts) {
    std::vector<Measured> chars;
    for (const Inline& in : paragraph.inlines)
        for (char32_t c : utf8_to_u32(in.text)) chars.push_back({c, advance(fonts, in.style, c)});
    return chars;
}

}  // namespace

const Paragraph* decimal_paragraph(const TableCell& cell) {
    if (!cell.decimal || cell.content.size() != 1) return nullptr;
    const auto* paragraph = std::get_if<Paragraph>(&cell.content.front().content);
    if (!paragraph || paragraph->level > 0 || paragraph->inlines.empty()) return nullptr;
    for (const Inline& in : paragraph->inlines)
        if (in.kind != InlineKind::Text) return nullptr;
    return paragraph;
}

std::vector<double> decimal_tab_stops(const Table& table, const std::vector<double>& inner_widths,
                                      const FontSet& fonts) {
    std::vector<double> after(inner_widths.size(), 0);
    std::vector<bool> any(inner_widths.size(), false);
    for (const TableRow& row : table.rows) {
        std::size_t column = 0;
        for (const TableCell& cell : row.cells) {
            const std::size_t here = column;
            column += static_cast<std::size_t>(std::max(1, cell.span));
            const Paragraph* paragraph = decimal_paragraph(cell);
            if (!paragraph || here >= after.size()) continue;
            after[here] = std::max(after[here], part_after_anchor(measured(*paragraph, fonts)));
            any[here] = true;
        }
    }
    std::vector<double> stops(inner_widths.size(), 0);
    for (std::size_t c = 0; c < stops.size(); ++c)
        if (any[c]) stops[c] = std::max(0.0, inner_widths[c] - after[c]);
    return stops;
}

double number_tab_stop(const Paragraph& paragraph, double comma_stop, const FontSet& fonts) {
    return comma_stop + part_after_anchor(measured(paragraph, fonts));
}

}  // namespace lettrine
