#include "layout/paragraph.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"

namespace lettrine {

namespace {

// Tunables of the paragraph builder.
constexpr double kSpaceStretch = 0.5;         // of a space's width (TeX: 1/2)
constexpr double kSpaceShrink = 1.0 / 3.0;    // of a space's width (TeX: 1/3)
constexpr int kHyphenPenalty = 50;            // breaking after an explicit hyphen (TeX's \exhyphenpenalty)
constexpr int kEmergencyPenalty = 5000;       // breaking inside a word too long for the line
constexpr double kSuperscriptScale = 0.65;    // of the parent size
constexpr double kSuperscriptRise = 0.35;     // of the parent size

// Decodes one UTF-8 sequence at text[i], advancing i; invalid bytes give U+FFFD.
char32_t next_code_point(const std::string& text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) { ++i; return c; }
    const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) { ++i; return 0xFFFD; }
    char32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const unsigned char cc = byte(i + static_cast<std::size_t>(k));
        if ((cc & 0xC0) != 0x80) { i += static_cast<std::size_t>(k); return 0xFFFD; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_word_char(char32_t c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0;
}

Color to_color(const Rgb& c) { return Color{c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

std::string describe_char(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return "« " + u32_to_utf8(c) + " » (" + code + ")";
}

}  // namespace

uint32_t ParagraphSetter::glyph(const Font& font, char32_t c, const SourcePosition& where) {
    const uint32_t g = font.glyph_for(c);
    if (g == 0 && reported_.emplace(c, where.describe()).second)
        diagnostics_.error(where, "le caractère " + describe_char(c) + " n'existe pas dans la police " +
                                      font.family_name() + " (" + font.postscript_name() + ")");
    return g;
}

double ParagraphSetter::ascent(const InlineStyle& style) const {
    const auto& font = fonts_.get(style.family, {style.bold, style.italic});
    return font->ascender() * style.size / font->units_per_em();
}

uint16_t ParagraphSetter::style_index(const InlineStyle& style, double parent_size) {
    for (std::size_t k = 0; k < style_sources_.size(); ++k)
        if (*style_sources_[k] == style) return static_cast<uint16_t>(k);
    RunStyle rs;
    rs.font = fonts_.get(style.family, {style.bold, style.italic});
    rs.nominal = style.size;
    rs.size = style.superscript ? style.size * kSuperscriptScale : style.size;
    rs.shift = style.superscript ? style.size * kSuperscriptRise : 0;
    rs.color = to_color(style.color);
    rs.underline = style.underline;
    rs.link = style.link.empty() ? nullptr : &style.link;
    (void)parent_size;
    styles_.push_back(std::move(rs));
    style_sources_.push_back(&style);
    return static_cast<uint16_t>(styles_.size() - 1);
}

void ParagraphSetter::close_box() {
    if (box_start_ < cells_.size()) {
        LineItem box;
        box.kind = LineItem::Kind::Box;
        box.begin = static_cast<uint32_t>(box_start_);
        box.end = static_cast<uint32_t>(cells_.size());
        for (std::size_t k = box_start_; k < cells_.size(); ++k) box.width += cells_[k].advance;
        items_.push_back(box);
    }
    box_start_ = cells_.size();
}

void ParagraphSetter::add_text(const std::string& text, uint16_t style, const SourcePosition& where) {
    const RunStyle& rs = styles_[style];
    const Font& font = *rs.font;
    const double scale = rs.size / font.units_per_em();
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        if (c == 0x00AD) continue;  // soft hyphen: a break opportunity once hyphenation exists
        const uint32_t g = glyph(font, c, where);
        const double advance = font.advance(g) * scale;
        if (c == ' ') {
            close_box();
            cells_.push_back({c, g, advance, style});
            LineItem glue;
            glue.kind = LineItem::Kind::Glue;
            glue.width = advance;
            glue.stretch = advance * kSpaceStretch;
            glue.shrink = advance * kSpaceShrink;
            glue.begin = static_cast<uint32_t>(cells_.size() - 1);
            glue.end = static_cast<uint32_t>(cells_.size());
            items_.push_back(glue);
            box_start_ = cells_.size();
            continue;
        }
        const bool after_word = box_start_ < cells_.size() && is_word_char(cells_.back().ch);
        cells_.push_back({c, g, advance, style});
        if ((c == '-' || c == 0x2010) && after_word && i < text.size()) {
            std::size_t peek = i;
            if (is_word_char(next_code_point(text, peek))) {
                close_box();
                LineItem hyphen;
                hyphen.kind = LineItem::Kind::Penalty;
                hyphen.penalty = kHyphenPenalty;
                hyphen.flagged = true;
                hyphen.begin = hyphen.end = static_cast<uint32_t>(cells_.size());
                items_.push_back(hyphen);
            }
        }
    }
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

std::vector<SetLine> ParagraphSetter::set(const Paragraph& p, double x, double width, const FieldValues* fields) {
    styles_.clear();
    style_sources_.clear();
    cells_.clear();
    items_.clear();
    box_start_ = 0;
    style_index(p.style, p.style.size);
    std::string number;
    for (const Inline& in : p.inlines) {
        switch (in.kind) {
        case InlineKind::Text:
            add_text(in.text, style_index(in.style, p.style.size), in.position);
            break;
        case InlineKind::PageNumber:
        case InlineKind::PageCount:
            number = std::to_string(fields ? (in.kind == InlineKind::PageNumber ? fields->page : fields->count) : 0);
            add_text(number, style_index(in.style, p.style.size), in.position);
            break;
        case InlineKind::LineBreak: {
            close_box();
            LineItem forced;
            forced.kind = LineItem::Kind::Penalty;
            forced.penalty = kForcedBreak;
            forced.begin = forced.end = static_cast<uint32_t>(cells_.size());
            items_.push_back(forced);
            break;
        }
        }
    }
    close_box();
    if (items_.empty()) return {};
    if (!(items_.back().kind == LineItem::Kind::Penalty && items_.back().penalty <= kForcedBreak)) {
        LineItem end;
        end.kind = LineItem::Kind::Penalty;
        end.penalty = kForcedBreak;
        end.begin = end.end = static_cast<uint32_t>(cells_.size());
        items_.push_back(end);
    }
    LineMeasure measure{width - p.first_indent, width};
    split_long_words(std::min(measure.first, measure.rest));
    const std::vector<BrokenLine> broken = breaker_.break_lines(items_, measure);

    std::vector<SetLine> lines;
    lines.reserve(broken.size());
    const double line_factor = p.line_height / p.style.size;
    for (std::size_t n = 0; n < broken.size(); ++n) {
        const BrokenLine& bl = broken[n];
        SetLine line;
        // Line box: the tallest text sets the height; half-leading above and below.
        double max_size = p.style.size;
        uint16_t tallest = 0;
        for (std::size_t k = bl.begin; k < bl.end; ++k)
            for (uint32_t c = items_[k].begin; c < items_[k].end; ++c)
                if (styles_[cells_[c].style].nominal > max_size) {
                    max_size = styles_[cells_[c].style].nominal;
                    tallest = cells_[c].style;
                }
        const Font& tall_font = *styles_[tallest].font;
        const double ascent = tall_font.ascender() * max_size / tall_font.units_per_em();
        const double descent = -tall_font.descender() * max_size / tall_font.units_per_em();
        line.height = std::max(p.line_height, max_size * line_factor);
        line.baseline = (line.height - ascent - descent) / 2 + ascent;

        const double line_width = measure.at(n);
        const bool justify = p.align == TextAlign::Justify && !bl.ends_paragraph_or_forced;
        const double ratio = justify || bl.ratio < 0 ? bl.ratio : 0;
        double used = bl.natural;
        if (ratio != 0) {
            double stretch = 0, shrink = 0;
            for (std::size_t k = bl.begin; k < bl.end; ++k)
                if (items_[k].kind == LineItem::Kind::Glue) { stretch += items_[k].stretch; shrink += items_[k].shrink; }
            used += ratio > 0 ? ratio * stretch : ratio * shrink;
        }
        double pen = x + (n == 0 ? p.first_indent : 0);
        if (p.align == TextAlign::Right) pen += line_width - used;
        else if (p.align == TextAlign::Center) pen += (line_width - used) / 2;

        std::size_t line_cells = 0, placed_cells = 0;
        for (std::size_t k = bl.begin; k < bl.end; ++k) line_cells += items_[k].end - items_[k].begin;
        line.items.reserve(4);
        GlyphRun* run = nullptr;
        uint16_t run_style = 0;
        const std::string* link = nullptr;
        double link_start = 0;
        auto close_link = [&](double end) {
            if (link) line.items.push_back(LinkArea{link_start, 0, end - link_start, line.height, *link});
            link = nullptr;
        };
        for (std::size_t k = bl.begin; k < bl.end; ++k) {
            const LineItem& item = items_[k];
            if (item.kind == LineItem::Kind::Penalty) continue;
            double extra = 0;
            if (item.kind == LineItem::Kind::Glue && ratio != 0)
                extra = ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
            for (uint32_t c = item.begin; c < item.end; ++c) {
                const Cell& cell = cells_[c];
                const RunStyle& rs = styles_[cell.style];
                if (!run || run_style != cell.style) {
                    GlyphRun fresh;
                    fresh.x = pen;
                    fresh.y = line.baseline - rs.shift;
                    fresh.font = rs.font;
                    fresh.size = rs.size;
                    fresh.color = rs.color;
                    fresh.underline = rs.underline;
                    fresh.glyphs.reserve(line_cells - placed_cells);
                    line.items.push_back(std::move(fresh));
                    run = &std::get<GlyphRun>(line.items.back());
                    run_style = cell.style;
                }
                if (rs.link != link) {
                    close_link(pen);
                    if (rs.link) { link = rs.link; link_start = pen; }
                    // Keep `run` valid: pushing a LinkArea may reallocate items.
                    for (std::size_t r = line.items.size(); r-- > 0;)
                        if (auto* g = std::get_if<GlyphRun>(&line.items[r])) { run = g; break; }
                }
                PlacedGlyph& placed = run->glyphs.emplace_back();  // built in place: no string move
                placed.glyph = cell.glyph;
                placed.text.assign(1, cell.ch);
                placed.x = pen - run->x;
                placed.advance = cell.advance;
                pen += cell.advance;
                ++placed_cells;
            }
            pen += extra;
        }
        close_link(pen);
        lines.push_back(std::move(line));
    }
    return lines;
}

double ParagraphSetter::text_width(const std::string& text, const InlineStyle& style, const SourcePosition& where) {
    const auto& font = fonts_.get(style.family, {style.bold, style.italic});
    double width = 0;
    std::size_t i = 0;
    while (i < text.size()) width += font->advance(glyph(*font, next_code_point(text, i), where));
    return width * style.size / font->units_per_em();
}

GlyphRun ParagraphSetter::single_run(const std::string& text, const InlineStyle& style, double x, double y,
                                     const SourcePosition& where) {
    GlyphRun run;
    run.x = x;
    run.y = y;
    run.font = fonts_.get(style.family, {style.bold, style.italic});
    run.size = style.size;
    run.color = to_color(style.color);
    const double scale = style.size / run.font->units_per_em();
    double pen = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        PlacedGlyph g;
        g.glyph = glyph(*run.font, c, where);
        g.text.assign(1, c);
        g.x = pen;
        g.advance = run.font->advance(g.glyph) * scale;
        pen += g.advance;
        run.glyphs.push_back(std::move(g));
    }
    return run;
}

}  // namespace lettrine
