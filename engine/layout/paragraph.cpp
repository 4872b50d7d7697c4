#include "layout/paragraph.hpp"

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "markup/french_spacing.hpp"

namespace lettrine {

namespace {

// Tunables of the paragraph builder (TeX's values: The TeXbook, ch. 14).
constexpr double kSpaceStretch = 0.5;         // of the font's space width (TeX: 1/2)
constexpr double kSpaceShrink = 1.0 / 3.0;    // of the font's space width (TeX: 1/3)
// Breaking at a hyphenation point (TeX's \hyphenpenalty is 50). A little
// dearer than in TeX: with demerits in |r|^4 (line_breaker.hpp) a hyphen at
// 50 would often be traded for a small gain in evenness.
constexpr int kHyphenPenalty = 60;
constexpr int kExplicitHyphenPenalty = 50;    // breaking after a hyphen in the text (TeX's \exhyphenpenalty)
// A word of more characters than this is no word of any language (a pasted
// hash, data run together without spaces): it is cut greedily into pieces
// as wide as the narrowest line, the first starting a line, not hyphenated.
// Below it a word too wide for the line may break between any two
// characters; beyond it that would give the total-fit breaker a breakpoint
// per character, each weighed against a line's worth of active ones: a
// 1 Mo cell took 4.7 s and 360 Mo (docs/ROBUSTESSE.md). Runs of this many
// characters are also the most HarfBuzz shapes at once.
constexpr std::size_t kLongWordCharacters = 1000;
constexpr double kRaggedStretchEm = 3;        // ragged lines: white allowed at the line's end before it is loose
// Ragged text hyphenates only to avoid a line much shorter than its
// neighbours (about 4 em short): a hyphen there buys little evenness.
constexpr int kRaggedHyphenPenalty = 300;
constexpr double kFineSpaceEm = 0.125;        // the French espace fine: 1/8 em (U+202F)
constexpr double kShortLastLineEm = 1.5;      // a paragraph's last line narrower than this is short
// Letter spacing a justified line may take, per gap between two letters,
// when its word spaces stretched to the limit (half their width) cannot fill
// it: the last resort before a loose line or a word's end alone on the last
// line (KnuthPlassParameters::letter_spacing_badness). 0.035 em is 0.39 pt
// in 11 pt, a tracking of +35 (InDesign's units); the sample documents'
// worst line takes 0.030 em (docs/TYPOGRAPHIE.md, « Qualité des lignes »).
constexpr double kLetterSpacingEm = 0.035;
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

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters of a word, for hyphenation: Latin (extended), Greek, Cyrillic.
bool is_letter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
           (c >= 0x370 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1EFF);
}

// The lowercase letters the French patterns know; a part of a word with any
// other letter (a capital: a proper noun, an acronym) is not hyphenated.
bool is_french_lowercase(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0x153;
}

// Scripts that need contextual shaping or right-to-left ordering, which
// Lettrine does not do: such text is refused rather than drawn wrong.
const char* complex_script(char32_t c) {
    if (c < 0x0590) return nullptr;  // Latin, Greek, Cyrillic, Armenian: the common case, at once
    static const struct { char32_t first, last; const char* name; } scripts[] = {
        {0x0590, 0x05FF, "hébraïque"},  {0x0600, 0x06FF, "arabe"},      {0x0700, 0x074F, "syriaque"},
        {0x0750, 0x077F, "arabe"},      {0x0780, 0x07BF, "thâna"},      {0x07C0, 0x07FF, "n’ko"},
        {0x0800, 0x08FF, "arabe"},      {0x0900, 0x0DFF, "indienne"},   {0x0E00, 0x0E7F, "thaïe"},
        {0x0E80, 0x0EFF, "lao"},        {0x0F00, 0x0FFF, "tibétaine"},  {0x1000, 0x109F, "birmane"},
        {0x1780, 0x17FF, "khmère"},     {0x1800, 0x18AF, "mongole"},    {0xFB1D, 0xFB4F, "hébraïque"},
        {0xFB50, 0xFDFF, "arabe"},      {0xFE70, 0xFEFC, "arabe"},      {0x10800, 0x10FFF, "de droite à gauche"},
        {0x1E800, 0x1EFFF, "de droite à gauche"},
    };
    for (const auto& s : scripts)
        if (c >= s.first && c <= s.last) return s.name;
    return nullptr;
}

bool is_forced(const LineItem& item) { return item.kind == LineItem::Kind::Penalty && item.penalty <= kForcedBreak; }

Color to_color(const Rgb& c) { return Color{c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

std::string describe_char(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return "« " + u32_to_utf8(c) + " » (" + code + ")";
}

}  // namespace

const Hyphenator* ParagraphSetter::hyphenator() {
    if (!hyphenator_) hyphenator_ = Hyphenator::french();  // throws LettrineError(Io) when hyphen-fr is missing
    return hyphenator_.get();
}

uint32_t ParagraphSetter::glyph(const Font& font, char32_t c, const SourcePosition& where) {
    const uint32_t g = font.glyph_for(c);
    if (g == 0 && reported_.emplace(c, where.describe()).second)
        diagnostics_.error(where, "le caractère " + describe_char(c) + " n’existe pas dans la police " +
                                      font.family_name() + " (" + font.postscript_name() + ")");
    return g;
}

uint16_t ParagraphSetter::style_for(char32_t c, const InlineStyle& style, uint16_t main, const SourcePosition& where,
                                    uint32_t& g) {
    if (const char* script = complex_script(c)) {
        if (reported_.emplace(c, where.describe()).second)
            diagnostics_.error(where, "le caractère " + describe_char(c) + " est de l’écriture " + script +
                                          ", que Lettrine ne sait pas composer (sens de lecture ou formes contextuelles) : "
                                          "le texte ne serait pas imprimé correctement");
        g = 0;
        return main;
    }
    const Font& font = *styles_[main].font;
    g = font.glyph_for(c);
    if (g != 0) return main;
    if (auto fallback = fonts_.fallback_for(style.family, {style.bold, style.italic}, c)) {
        g = fallback->glyph_for(c);
        return style_index(style, fallback);
    }
    if (reported_.emplace(c, where.describe()).second)
        diagnostics_.error(where, "le caractère " + describe_char(c) + " n’existe pas dans la police " +
                                      font.family_name() + " (" + font.postscript_name() +
                                      ") ni dans ses polices de secours");
    return main;
}

double ParagraphSetter::ascent(const InlineStyle& style) const {
    const auto& font = fonts_.get(style.family, {style.bold, style.italic});
    return font->ascender() * style.size / font->units_per_em();
}

uint16_t ParagraphSetter::style_index(const InlineStyle& style, const std::shared_ptr<const Font>& font) {
    for (std::size_t k = 0; k < styles_.size(); ++k)
        if (styles_[k].font == font && *styles_[k].source == style) return static_cast<uint16_t>(k);
    RunStyle rs;
    rs.font = font;
    rs.nominal = style.size;
    rs.size = style.superscript ? style.size * kSuperscriptScale : style.size;
    rs.shift = style.superscript ? style.size * kSuperscriptRise : 0;
    rs.color = to_color(style.color);
    rs.underline = style.underline;
    rs.hyphenate = options_.hyphenate && style.hyphenate && is_french(style.lang);
    rs.protrude = options_.protrusion && style.french_spacing;
    rs.link = style.link.empty() ? nullptr : &style.link;
    rs.source = &style;
    styles_.push_back(std::move(rs));
    return static_cast<uint16_t>(styles_.size() - 1);
}

void ParagraphSetter::add_text(const std::string& text, const InlineStyle& style, const SourcePosition& where) {
    const uint16_t main = style_index(style, fonts_.get(style.family, {style.bold, style.italic}));
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        if (c == 0x00AD) {  // soft hyphen: a break opportunity, drawn "-" only when used
            soft_hyphens_.push_back(static_cast<uint32_t>(cells_.size()));
            continue;
        }
        if (c == ' ' || c == 0x00A0 || c == 0x202F) {
            add_space(c, main, where);
            continue;
        }
        uint32_t g = 0;
        const uint16_t s = style_for(c, style, main, where, g);
        const RunStyle& rs = styles_[s];
        cells_.push_back(Cell{c, g, rs.font->advance(g) * rs.size / rs.font->units_per_em(), 0, s});
    }
}

// A word space: glue that stretches and shrinks. A no-break space (U+00A0)
// and a fine (U+202F) come after a penalty that forbids breaking there. The
// no-break space is the Imprimerie nationale's « espace-mot insécable »
// (before a colon, « 30 jours », « M. Durand »): a word space that may
// shrink like the others but never stretches (issue 11): a justified line's
// other spaces take its share. The fine is fixed glue of 1/8 em, whatever
// the font draws for U+202F (0.20 em in Liberation Serif), that
// justification never widens nor narrows (inside « », before ; ! ?, in
// « 15 000 »); the glyph stays, so the text extracts as U+202F.
void ParagraphSetter::add_space(char32_t c, uint16_t style, const SourcePosition& where) {
    finish_word();
    const RunStyle& rs = styles_[style];
    const uint32_t g = glyph(*rs.font, c, where);
    LineItem glue;
    glue.kind = LineItem::Kind::Glue;
    if (c == 0x202F) {
        glue.width = kFineSpaceEm * rs.size;  // no stretch, no shrink
    } else if (options_.space_natural) {
        glue.width = *options_.space_natural * rs.size;
        glue.stretch = options_.space_stretch.value_or(0) * rs.size;
        glue.shrink = options_.space_shrink.value_or(0) * rs.size;
    } else {
        glue.width = rs.font->advance(g) * rs.size / rs.font->units_per_em();
        glue.stretch = glue.width * kSpaceStretch;
        glue.shrink = glue.width * kSpaceShrink;
    }
    if (c == 0x00A0) glue.stretch = 0;
    if (c != ' ') {
        LineItem keep;
        keep.kind = LineItem::Kind::Penalty;
        keep.penalty = kForbiddenBreak;
        keep.begin = keep.end = static_cast<uint32_t>(cells_.size());
        items_.push_back(keep);
    }
    cells_.push_back(Cell{c, g, glue.width, 0, style});
    glue.begin = static_cast<uint32_t>(cells_.size() - 1);
    glue.end = static_cast<uint32_t>(cells_.size());
    items_.push_back(glue);
    word_start_ = cells_.size();
}

// Kerning: each run of one style is shaped by HarfBuzz (one glyph per
// character; when that is impossible the cmap's glyphs and advances stay).
void ParagraphSetter::shape_word(std::size_t begin, std::size_t end) {
    std::u32string& text = text_buffer_;
    std::vector<ShapedGlyph>& shaped = shaped_buffer_;
    for (std::size_t k = begin; k < end;) {
        const uint16_t s = cells_[k].style;
        std::size_t e = k;
        text.clear();
        while (e < end && cells_[e].style == s && e - k < kLongWordCharacters) text += cells_[e++].ch;
        const RunStyle& rs = styles_[s];
        if (rs.font->shape(text.data(), text.size(), shaped)) {
            const double scale = rs.size / rs.font->units_per_em();
            for (std::size_t j = 0; j < shaped.size(); ++j) {
                Cell& cell = cells_[k + j];
                cell.glyph = shaped[j].glyph;
                cell.advance = shaped[j].x_advance * scale;
                cell.offset = shaped[j].x_offset * scale;
            }
        }
        k = e;
    }
}

// Hyphenation points of the word [begin, end): in each part made of French
// lowercase letters only (not next to a digit), whose styles allow it.
void ParagraphSetter::hyphenation_points(std::size_t begin, std::size_t end,
                                         std::vector<std::pair<uint32_t, bool>>& breaks) {
    std::u32string& part = text_buffer_;
    for (std::size_t k = begin; k < end;) {
        if (!is_letter(cells_[k].ch)) {
            ++k;
            continue;
        }
        const std::size_t a = k;
        bool eligible = true;
        while (k < end && is_letter(cells_[k].ch)) {
            eligible = eligible && is_french_lowercase(cells_[k].ch) && styles_[cells_[k].style].hyphenate;
            ++k;
        }
        const std::size_t b = k;
        if (!eligible || b - a < static_cast<std::size_t>(kHyphenMinBefore + kHyphenMinAfter)) continue;
        if ((a > begin && is_digit(cells_[a - 1].ch)) || (b < end && is_digit(cells_[b].ch))) continue;
        part.clear();
        for (std::size_t j = a; j < b; ++j) part += cells_[j].ch;
        hyphenator()->points(part, points_buffer_);
        for (uint32_t p : points_buffer_) breaks.emplace_back(static_cast<uint32_t>(a + p), true);
    }
}

// The word [word_start_, cells_.size()) becomes boxes and penalties.
void ParagraphSetter::finish_word() {
    const std::size_t begin = word_start_, end = cells_.size();
    word_start_ = end;
    if (begin == end) {
        soft_hyphens_.clear();
        return;
    }
    shape_word(begin, end);
    if (end - begin > kLongWordCharacters) {
        soft_hyphens_.clear();
        cut_long_word(begin, end);
        return;
    }

    // Break opportunities: (break before cell k, a hyphen is drawn there).
    std::vector<std::pair<uint32_t, bool>>& breaks = breaks_buffer_;
    breaks.clear();
    bool address = end - begin >= 4 && cells_[begin].ch == 'w' && cells_[begin + 1].ch == 'w' &&
                   cells_[begin + 2].ch == 'w' && cells_[begin + 3].ch == '.';
    for (std::size_t k = begin; k < end && !address; ++k)
        address = cells_[k].ch == '@' ||
                  (cells_[k].ch == ':' && k + 2 < end && cells_[k + 1].ch == '/' && cells_[k + 2].ch == '/');
    if (!address) {
        for (std::size_t k = begin + 2; k < end; ++k) {  // "Saint-|Herblain"
            const char32_t c = cells_[k - 1].ch;
            if ((c == '-' || c == 0x2010) && is_word_char(cells_[k - 2].ch) && is_word_char(cells_[k].ch))
                breaks.emplace_back(static_cast<uint32_t>(k), false);
        }
        bool soft = false;
        for (uint32_t k : soft_hyphens_)
            if (k > begin && k < end) {
                breaks.emplace_back(k, true);
                soft = true;
            }
        if (!soft) hyphenation_points(begin, end, breaks);  // soft hyphens replace the patterns, as in TeX
    }
    soft_hyphens_.clear();
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end(),
                             [](const auto& x, const auto& y) { return x.first == y.first; }),
                 breaks.end());

    auto box = [&](std::size_t from, std::size_t to) {
        if (from >= to) return;
        LineItem item;
        item.kind = LineItem::Kind::Box;
        item.begin = static_cast<uint32_t>(from);
        item.end = static_cast<uint32_t>(to);
        for (std::size_t k = from; k < to; ++k) item.width += cells_[k].advance;
        items_.push_back(item);
    };
    std::size_t from = begin;
    for (const auto& [at, hyphen] : breaks) {
        box(from, at);
        LineItem penalty;
        penalty.kind = LineItem::Kind::Penalty;
        penalty.flagged = true;
        penalty.penalty = hyphen ? (ragged_ ? kRaggedHyphenPenalty : kHyphenPenalty) : kExplicitHyphenPenalty;
        if (hyphen) {
            const RunStyle& rs = styles_[cells_[at - 1].style];
            penalty.width = rs.font->advance_points('-', rs.size);
        }
        penalty.begin = penalty.end = at;
        items_.push_back(penalty);
        from = at;
    }
    box(from, end);
}

std::vector<SetLine> ParagraphSetter::set(const Paragraph& p, double x, double width, const FieldValues* fields) {
    styles_.clear();
    cells_.clear();
    items_.clear();
    word_start_ = 0;
    soft_hyphens_.clear();
    ragged_ = p.align != TextAlign::Justify;
    narrowest_ = std::min(width - p.first_indent, width);
    style_index(p.style, fonts_.get(p.style.family, {p.style.bold, p.style.italic}));
    std::string number;
    for (const Inline& in : p.inlines) {
        switch (in.kind) {
        case InlineKind::Text:
            add_text(in.text, in.style, in.position);
            break;
        case InlineKind::PageNumber:
        case InlineKind::PageCount:
            number = std::to_string(fields ? (in.kind == InlineKind::PageNumber ? fields->page : fields->count) : 0);
            add_text(number, in.style, in.position);
            break;
        case InlineKind::PageReference: {
            const auto found = references_ ? references_->find(in.text) : decltype(references_->end()){};
            // Before pagination the page is not known: room for two digits.
            number = references_ && found != references_->end() ? std::to_string(found->second) : "00";
            add_text(number, in.style, in.position);
            break;
        }
        case InlineKind::LineBreak: {
            finish_word();
            LineItem forced;
            forced.kind = LineItem::Kind::Penalty;
            forced.penalty = kForcedBreak;
            forced.begin = forced.end = static_cast<uint32_t>(cells_.size());
            items_.push_back(forced);
            break;
        }
        }
    }
    finish_word();
    if (items_.empty()) return {};
    if (!is_forced(items_.back())) {
        LineItem end;
        end.kind = LineItem::Kind::Penalty;
        end.penalty = kForcedBreak;
        end.begin = end.end = static_cast<uint32_t>(cells_.size());
        items_.push_back(end);
    }
    LineMeasure measure{width - p.first_indent, width, p.align == TextAlign::Justify ? 0 : kRaggedStretchEm * p.style.size,
                        kShortLastLineEm * p.style.size};
    split_long_words(std::min(measure.first, measure.rest));
    if (!ragged_) {
        add_letter_spacing_room();
        add_protrusion();
    }
    const std::vector<BrokenLine> broken = breaker_.break_lines(items_, measure);

    std::vector<SetLine> lines;
    lines.reserve(broken.size());
    const double line_factor = p.line_height / p.style.size;
    for (std::size_t n = 0; n < broken.size(); ++n) {
        const BrokenLine& bl = broken[n];
        SetLine line;
        line.hyphenated = bl.hyphenated && !bl.ends_paragraph_or_forced;
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
        double pen = x + (n == 0 ? p.first_indent : 0) - bl.hang_left;
        if (p.align == TextAlign::Right) pen += line_width - used;
        else if (p.align == TextAlign::Center) pen += (line_width - used) / 2;

        std::size_t line_cells = 1, placed_cells = 0;
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
        auto place = [&](const Cell& cell) {
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
                if (rs.source && rs.source->lang != p.style.lang)
                    line.languages.emplace_back(line.items.size() - 1, rs.source->lang);
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
            placed.x = pen - run->x + cell.offset;
            placed.advance = cell.advance;
            pen += cell.advance;
            ++placed_cells;
        };
        const double letters = justify ? bl.letter_ratio : 0;
        for (std::size_t k = bl.begin; k < bl.end; ++k) {
            const LineItem& item = items_[k];
            if (item.kind == LineItem::Kind::Penalty) {
                pen += letters * item.stretch;  // the gap between two parts of a word
                continue;
            }
            double extra = 0;
            if (item.kind == LineItem::Kind::Glue && ratio != 0)
                extra = ratio > 0 ? ratio * item.stretch : ratio * item.shrink;
            for (uint32_t c = item.begin; c < item.end; ++c) {
                place(cells_[c]);
                if (letters > 0 && item.kind == LineItem::Kind::Box && c + 1 < item.end) pen += letters * letter_gap(c);
            }
            pen += extra;
        }
        // A line ending at a hyphenation point ends with a hyphen, in the style of the word.
        if (bl.end < items_.size() && items_[bl.end].kind == LineItem::Kind::Penalty && items_[bl.end].flagged &&
            items_[bl.end].width > 0 && items_[bl.end].begin > 0) {
            const uint16_t s = cells_[items_[bl.end].begin - 1].style;
            const RunStyle& rs = styles_[s];
            const uint32_t g = rs.font->glyph_for('-');
            place(Cell{'-', g, rs.font->advance(g) * rs.size / rs.font->units_per_em(), 0, s});
            run->break_hyphen = true;
        }
        close_link(pen);
        lines.push_back(std::move(line));
    }
    return lines;
}

// The letter spacing room of a justified paragraph: each box gets the gaps
// between its letters, each penalty inside a word (a hyphenation point) the
// gap it stands in, spaced unless the line breaks there. No gap next to a
// space: word spaces keep their own stretch.
void ParagraphSetter::add_letter_spacing_room() {
    for (std::size_t k = 0; k < items_.size(); ++k) {
        LineItem& item = items_[k];
        if (item.kind == LineItem::Kind::Box) {
            item.stretch = 0;
            for (uint32_t c = item.begin; c + 1 < item.end; ++c) item.stretch += letter_gap(c);
        } else if (item.kind == LineItem::Kind::Penalty && !is_forced(item) && k > 0 && k + 1 < items_.size() &&
                   items_[k - 1].kind == LineItem::Kind::Box && items_[k + 1].kind == LineItem::Kind::Box) {
            item.stretch = letter_gap(items_[k - 1].end - 1);
        }
    }
}

// The most letter spacing after cell c, points.
double ParagraphSetter::letter_gap(uint32_t cell) const { return kLetterSpacingEm * styles_[cells_[cell].style].size; }

double ParagraphSetter::text_width(const std::string& text, const InlineStyle& style, const SourcePosition& where) {
    const auto& font = fonts_.get(style.family, {style.bold, style.italic});
    double width = 0;
    std::size_t i = 0;
    double fines = 0;  // drawn 1/8 em wide, as in single_run
    while (i < text.size()) {
        const char32_t c = next_code_point(text, i);
        if (c == 0x202F) fines += kFineSpaceEm * style.size;
        else width += font->advance(glyph(*font, c, where));
    }
    return width * style.size / font->units_per_em() + fines;
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
        g.advance = c == 0x202F ? kFineSpaceEm * style.size : run.font->advance(g.glyph) * scale;
        pen += g.advance;
        run.glyphs.push_back(std::move(g));
    }
    return run;
}

}  // namespace lettrine
