#include "ag/badges.hpp"

#include <cstdio>
#include <set>

#include "ag/collation.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "markup/french_punctuation.hpp"
#include "layout/layout.hpp"
#include "template/french_format.hpp"

namespace lettrine {

namespace {

// The French fine (U+202F) is drawn 1/8 em wide, as in the documents
// (layout/paragraph.cpp), not at the font's 0.20 em.
constexpr double kFineSpaceEm = 0.125;

}  // namespace

namespace {

using badge::kPointsPerMm;

// Page furniture of a badge, in millimetres from its edges.
constexpr double kBandInset = 3 * kPointsPerMm;   // coloured bands stay inside the cut
constexpr double kBandHeight = 8 * kPointsPerMm;
constexpr double kGapAfterName = 2 * kPointsPerMm;
constexpr double kNameLeading = 1.15;             // line height as a factor of the size
constexpr double kSmallLeading = 1.2;
constexpr double kBandTextLargest = 9, kBandTextSmallest = 8;  // sizes of badge::kScale
// Crop marks: start 2 mm outside the grid, 6 mm long, hairline.
constexpr double kMarkGap = 2 * kPointsPerMm;
constexpr double kMarkLength = 6 * kPointsPerMm;
constexpr double kMarkWidth = 0.25;

const Color kWhite{1, 1, 1};
const Color kInk{0.1, 0.1, 0.1};
const Color kGrey{0.3, 0.3, 0.3};
const Color kTopBand{0x1F / 255.0, 0x4E / 255.0, 0x79 / 255.0};
// One colour per workshop, in the workshops' order: tells at a glance who
// goes where. Dark enough for white text (contrast ≥ 4.5:1).
const Color kWorkshopColors[] = {
    {0x2E / 255.0, 0x7D / 255.0, 0x32 / 255.0}, {0xAD / 255.0, 0x14 / 255.0, 0x57 / 255.0},
    {0x15 / 255.0, 0x65 / 255.0, 0xC0 / 255.0}, {0xB2 / 255.0, 0x4A / 255.0, 0x00 / 255.0},
    {0x6A / 255.0, 0x1B / 255.0, 0x9A / 255.0}, {0x00 / 255.0, 0x69 / 255.0, 0x5C / 255.0},
};

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : collapse_whitespace(text) + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

// Splits a word too long for the line between characters (never drops any).
std::vector<std::string> split_word(const Font& font, const std::string& word, double width, double size) {
    std::vector<std::string> pieces;
    std::string piece;
    for (char32_t c : utf8_to_u32(word)) {
        const std::string next = piece + u32_to_utf8(c);
        if (!piece.empty() && text_width(font, next, size) > width) {
            pieces.push_back(piece);
            piece = u32_to_utf8(c);
        } else {
            piece = next;
        }
    }
    if (!piece.empty()) pieces.push_back(piece);
    return pieces;
}

// Greedy line filling at one size.
std::vector<std::string> wrap(const Font& font, const std::string& text, double width, double size) {
    std::vector<std::string> lines;
    std::string line;
    for (const auto& word : words_of(text)) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (text_width(font, candidate, size) <= width) {
            line = candidate;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line.clear();
        if (text_width(font, word, size) <= width) {
            line = word;
            continue;
        }
        auto pieces = split_word(font, word, width, size);
        for (std::size_t i = 0; i + 1 < pieces.size(); ++i) lines.push_back(pieces[i]);
        line = pieces.back();
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// The largest size of the scale in [smallest, largest] at which every text fits on one line.
std::optional<double> largest_fitting(const Font& font, const std::vector<std::string>& texts, double width,
                                      double largest, double smallest) {
    for (const double size : badge::kScale) {
        if (size > largest || size < smallest) continue;
        bool fits = true;
        for (const auto& t : texts) fits = fits && text_width(font, t, size) <= width;
        if (fits) return size;
    }
    return std::nullopt;
}

class SheetBuilder {
public:
    SheetBuilder(const GeneralAssembly& ag, const Programme& programme, const FontSet& fonts)
        : ag_(ag), programme_(programme),
          bold_(fonts.get("sans", {true, false})), regular_(fonts.get("sans", {false, false})) {}

    LaidOutDocument build() {
        LaidOutDocument doc;
        doc.metadata.title = french_typography("Badges — assemblée générale " + std::to_string(ag_.year));
        doc.metadata.author = french_typography(programme_.organisation);
        doc.metadata.subject =
            french_typography("Badges des inscrits aux ateliers de l’assemblée générale du " + format_date_long(ag_.date));
        doc.metadata.creation_date = pdf_date(format_date_iso(ag_.date));
        std::vector<const Registrant*> all;
        for (const auto& r : ag_.registrants) all.push_back(&r);
        const auto sorted = sorted_registrants(all);
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            if (i % badge::kPerPage == 0) doc.pages.push_back(new_page());
            const int slot = static_cast<int>(i % badge::kPerPage);
            badge_at(doc.pages.back(), *sorted[i], origin_x() + (slot % badge::kColumns) * badge::kWidth,
                     origin_y() + (slot / badge::kColumns) * badge::kHeight);
        }
        if (problems_.has_errors()) throw LettrineError(ErrorKind::Data, problems_);
        return doc;
    }

private:
    static double page_width() { return LaidOutPage{}.width; }
    static double page_height() { return LaidOutPage{}.height; }
    static double origin_x() { return (page_width() - badge::kColumns * badge::kWidth) / 2; }
    static double origin_y() { return (page_height() - badge::kRows * badge::kHeight) / 2; }

    // An A4 page with its crop marks: one pair per cut line, outside the grid.
    LaidOutPage new_page() const {
        LaidOutPage page;
        const double left = origin_x(), top = origin_y();
        const double right = left + badge::kColumns * badge::kWidth, bottom = top + badge::kRows * badge::kHeight;
        auto mark = [&](double x1, double y1, double x2, double y2) {
            Rule r;
            r.x1 = x1, r.y1 = y1, r.x2 = x2, r.y2 = y2;
            r.width = kMarkWidth;
            r.color = Color{0, 0, 0};
            page.items.push_back(r);
        };
        for (int c = 0; c <= badge::kColumns; ++c) {
            const double x = left + c * badge::kWidth;
            mark(x, top - kMarkGap, x, top - kMarkGap - kMarkLength);
            mark(x, bottom + kMarkGap, x, bottom + kMarkGap + kMarkLength);
        }
        for (int r = 0; r <= badge::kRows; ++r) {
            const double y = top + r * badge::kHeight;
            mark(left - kMarkGap, y, left - kMarkGap - kMarkLength, y);
            mark(right + kMarkGap, y, right + kMarkGap + kMarkLength, y);
        }
        return page;
    }

    GlyphRun run(const Font& font, const std::shared_ptr<const Font>& shared, const std::string& text, double size,
                 double x, double baseline, Color color, const SourcePosition& where) {
        GlyphRun r;
        r.x = x;
        r.y = baseline;
        r.font = shared;
        r.size = size;
        r.color = color;
        double pen = 0;
        for (char32_t c : utf8_to_u32(text)) {
            PlacedGlyph g;
            g.glyph = font.glyph_for(c);
            if (g.glyph == 0 && reported_.insert(c).second) {
                char code[16];
                std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
                problems_.error(where, "le caractère « " + u32_to_utf8(c) + " » (" + code +
                                           ") n’existe pas dans la police " + font.family_name() + " : badge impossible");
            }
            g.text.assign(1, c);
            g.x = pen;
            g.advance = c == U'\u202F' ? kFineSpaceEm * size : font.advance(g.glyph) * size / font.units_per_em();
            pen += g.advance;
            r.glyphs.push_back(std::move(g));
        }
        return r;
    }

    // Lines centred between left and left + width, the first line's top at `top`.
    double centred_lines(LaidOutPage& page, const std::shared_ptr<const Font>& font, const FittedText& fitted,
                         double leading, double left, double width, double top, Color color,
                         const SourcePosition& where) {
        const double ascent = font->ascender() * fitted.size / font->units_per_em();
        const double line_height = fitted.size * leading;
        double y = top;
        for (const auto& line : fitted.lines) {
            const double w = text_width(*font, line, fitted.size);
            page.items.push_back(run(*font, font, line, fitted.size, left + (width - w) / 2,
                                     y + ascent + (line_height - fitted.size * 1.0) / 2, color, where));
            y += line_height;
        }
        return y;
    }

    double block_height(const FittedText& fitted, double leading) const {
        return fitted.lines.size() * fitted.size * leading;
    }

    void band(LaidOutPage& page, double x, double y, Color fill, const std::string& text, const SourcePosition& where) {
        Rectangle rect;
        rect.x = x + kBandInset;
        rect.y = y;
        rect.width = badge::kWidth - 2 * kBandInset;
        rect.height = kBandHeight;
        rect.fill = true;
        rect.fill_color = fill;
        page.items.push_back(rect);
        const double inner = rect.width - 2 * (badge::kSidePadding - kBandInset);
        FittedText fitted = fit_text(*bold_, text, inner, kBandTextLargest, kBandTextSmallest);
        if (fitted.lines.size() > 1) fitted.size = kBandTextSmallest;  // wrapped: keep every word, band grows
        const double h = block_height(fitted, kSmallLeading);
        centred_lines(page, bold_, fitted, kSmallLeading, x, badge::kWidth, y + (kBandHeight - h) / 2, kWhite, where);
    }

    void badge_at(LaidOutPage& page, const Registrant& r, double x, double y) {
        const double width = badge::kWidth - 2 * badge::kSidePadding;
        band(page, x, y + kBandInset, kTopBand,
             programme_.organisation + " · Assemblée générale du " + format_date_long(ag_.date), r.position);

        const Workshop* w = ag_.find_workshop(r.workshop);
        const Sector* sector = programme_.find_sector(r.workshop);
        std::size_t index = 0;
        for (std::size_t i = 0; i < ag_.workshops.size(); ++i)
            if (&ag_.workshops[i] == w) index = i;
        const Color color = kWorkshopColors[index % (sizeof kWorkshopColors / sizeof kWorkshopColors[0])];
        std::string workshop = "Atelier « " + (sector ? sector->name : r.workshop) + " »";
        if (w && !w->room.empty()) workshop += " · " + w->room;
        band(page, x, y + badge::kHeight - kBandInset - kBandHeight, color, workshop, r.position);

        // Name and organisation, centred vertically between the bands.
        const FittedText name = fit_badge_name(*bold_, r.first_name, r.last_name, width);
        FittedText organisation;
        if (!r.organisation.empty())
            organisation = fit_text(*regular_, r.organisation, width, badge::kOrganisationLargest,
                                    badge::kOrganisationSmallest);
        const double top = y + kBandInset + kBandHeight, bottom = y + badge::kHeight - kBandInset - kBandHeight;
        double total = block_height(name, kNameLeading);
        if (!organisation.lines.empty()) total += kGapAfterName + block_height(organisation, kSmallLeading);
        double cursor = top + std::max(0.0, (bottom - top - total) / 2);
        cursor = centred_lines(page, bold_, name, kNameLeading, x + badge::kSidePadding, width, cursor, kInk, r.position);
        if (!organisation.lines.empty())
            centred_lines(page, regular_, organisation, kSmallLeading, x + badge::kSidePadding, width,
                          cursor + kGapAfterName, kGrey, r.position);
    }

    const GeneralAssembly& ag_;
    const Programme& programme_;
    std::shared_ptr<const Font> bold_, regular_;
    Diagnostics problems_;
    std::set<char32_t> reported_;
};

}  // namespace

double text_width(const Font& font, const std::string& text, double size) {
    double units = 0;
    for (char32_t c : utf8_to_u32(text))
        units += c == U'\u202F' ? kFineSpaceEm * font.units_per_em() : font.advance(font.glyph_for(c));
    return units * size / font.units_per_em();
}

// The text is set as the documents' is: French typography (’ « » and the
// no-break spaces) applied; a no-break space joins words on one line.
FittedText fit_text(const Font& font, const std::string& text, double width, double largest, double smallest) {
    const std::string line = french_typography(collapse_whitespace(text));
    if (auto size = largest_fitting(font, {line}, width, largest, smallest)) return {*size, {line}};
    return {smallest, wrap(font, line, width, smallest)};
}

FittedText fit_badge_name(const Font& font, const std::string& first_name, const std::string& last_name, double width) {
    const std::string first = french_typography(collapse_whitespace(first_name));
    const std::string last = french_typography(collapse_whitespace(last_name));
    const std::string whole = first.empty() ? last : last.empty() ? first : first + " " + last;
    if (auto size = largest_fitting(font, {whole}, width, badge::kNameLargest, badge::kNameSmallest))
        return {*size, {whole}};
    if (!first.empty() && !last.empty())
        if (auto size = largest_fitting(font, {first, last}, width, badge::kNameLargest, badge::kNameSmallest))
            return {*size, {first, last}};
    FittedText fitted{badge::kNameSmallest, wrap(font, first, width, badge::kNameSmallest)};
    for (auto& line : wrap(font, last, width, badge::kNameSmallest)) fitted.lines.push_back(line);
    return fitted;
}

LaidOutDocument badge_sheets(const GeneralAssembly& assembly, const Programme& programme, const FontSet& fonts) {
    return SheetBuilder(assembly, programme, fonts).build();
}

}  // namespace lettrine
