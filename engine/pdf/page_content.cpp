#include "pdf/page_content.hpp"

#include <algorithm>
#include <cmath>

#include "core/diagnostic.hpp"
#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

namespace {

// Decimals written: coordinates to 1/100 pt, colour components to 1/1000
// (finer than 8-bit channels), TJ offsets to 1/10 of a thousandth of an em.
constexpr int kCoordinateDecimals = 2;
constexpr int kColorDecimals = 3;
constexpr int kOffsetDecimals = 1;
// A glyph within half a thousandth of an em of where the previous glyph's
// width leaves the pen is left there (0.005 pt at 10 pt): no offset written.
// The pen is tracked exactly, so this never accumulates.
constexpr double kOffsetTolerance = 0.5;

}  // namespace

void PageContent::begin_page(std::size_t number, double page_height) {
    out_.clear();
    page_fonts_.clear();
    page_images_.clear();
    page_ = number;
    height_ = page_height;
    fill_ = Color{};
    stroke_ = Color{};
    line_width_ = 1;
    font_ = nullptr;
    font_size_ = 0;
}

void PageContent::append_color(const Color& color) {
    append_number(out_, color.r, kColorDecimals);
    out_ += ' ';
    append_number(out_, color.g, kColorDecimals);
    out_ += ' ';
    append_number(out_, color.b, kColorDecimals);
}

void PageContent::set_fill(const Color& color) {
    if (color == fill_) return;
    append_color(color);
    out_ += " rg\n";
    fill_ = color;
}

void PageContent::set_stroke(const Color& color) {
    if (color == stroke_) return;
    append_color(color);
    out_ += " RG\n";
    stroke_ = color;
}

void PageContent::set_line_width(double width) {
    if (width == line_width_) return;
    append_number(out_, width, kCoordinateDecimals);
    out_ += " w\n";
    line_width_ = width;
}

// One run, one TJ: each glyph's code (two bytes of a literal string), and
// before it, when the glyph does not sit where the previous one's width left
// the pen, the offset that moves it there (kerning, justification, narrow
// spaces). The pen is tracked with the rounded offsets actually written, so
// rounding never accumulates.
void PageContent::paint(const GlyphRun& run) { paint(run, 0, run.glyphs.size()); }

void PageContent::paint(const GlyphRun& run, std::size_t from, std::size_t to) {
    to = std::min(to, run.glyphs.size());
    if (from >= to) return;
    if (!run.font) throw LettrineError(ErrorKind::Internal, SourcePosition{}, "ligne de texte sans police");
    if (!(run.size > 0)) return;
    DocumentFont& font = fonts_.get(run.font);
    if (font.listed_on_page != page_) {
        font.listed_on_page = page_;
        page_fonts_.push_back(&font);
    }
    set_fill(run.color);
    out_ += "BT\n";
    if (&font != font_ || run.size != font_size_) {
        out_ += '/';
        out_ += font.resource_name();
        out_ += ' ';
        append_number(out_, run.size, kCoordinateDecimals);
        out_ += " Tf\n";
        font_ = &font;
        font_size_ = run.size;
    }
    const double start = run.glyphs[from].x;
    append_number(out_, run.x + start, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, flip(run.y), kCoordinateDecimals);
    out_ += " Td\n[(";

    const double units_per_point = 1000.0 / run.size;
    double pen = 0;  // realised pen position relative to the first glyph, thousandths of an em
    bool first = true;
    for (std::size_t i = from; i < to; ++i) {
        const PlacedGlyph& glyph = run.glyphs[i];
        // The breaker's hyphen extracts as a soft hyphen (U+00AD): the
        // word's letters are all that is left when the line end is joined.
        const bool soft = run.break_hyphen && i + 1 == run.glyphs.size();
        const uint16_t code = font.code_for(glyph.glyph, soft ? std::u32string(1, U'\u00AD') : glyph.text);
        if (!first) {
            const double wanted = (glyph.x - start) * units_per_point;
            // TJ subtracts its numbers from the pen: a move right is negative.
            const double offset = std::round((pen - wanted) * 10.0) / 10.0;
            if (std::fabs(offset) > kOffsetTolerance) {
                out_ += ')';
                append_number(out_, offset, kOffsetDecimals);
                out_ += '(';
                pen -= offset;
            }
        }
        first = false;
        append_code_bytes(out_, code);
        pen += font.width(code);
    }
    out_ += ")]TJ\nET\n";

    if (run.underline) {
        const PlacedGlyph& last = run.glyphs[to - 1];
        const double left = run.x + start;
        const double right = run.x + last.x + last.advance;
        const double top = flip(run.y) + font.underline_position() * run.size;
        const double thickness = font.underline_thickness() * run.size;
        append_number(out_, left, kCoordinateDecimals);
        out_ += ' ';
        append_number(out_, top - thickness, kCoordinateDecimals);
        out_ += ' ';
        append_number(out_, right - left, kCoordinateDecimals);
        out_ += ' ';
        append_number(out_, thickness, kCoordinateDecimals);
        out_ += " re f\n";
    }
}

void PageContent::begin_marked(const std::string& role, int mcid, const std::string* actual_text) {
    out_ += '/';
    out_ += role;
    out_ += " <</MCID ";
    append_integer(out_, mcid);
    if (actual_text) {
        out_ += " /ActualText ";
        append_text_string(out_, *actual_text);
    }
    out_ += ">> BDC\n";
}

void PageContent::begin_artifact() { out_ += "/Artifact BMC\n"; }

void PageContent::end_marked() { out_ += "EMC\n"; }

void PageContent::paint(const Rule& rule) {
    if (!(rule.width > 0)) return;
    set_stroke(rule.color);
    set_line_width(rule.width);
    append_number(out_, rule.x1, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, flip(rule.y1), kCoordinateDecimals);
    out_ += " m ";
    append_number(out_, rule.x2, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, flip(rule.y2), kCoordinateDecimals);
    out_ += " l S\n";
}

void PageContent::paint(const Rectangle& rectangle) {
    const bool stroke = rectangle.stroke_width > 0;
    if (!rectangle.fill && !stroke) return;
    if (rectangle.fill) set_fill(rectangle.fill_color);
    if (stroke) {
        set_stroke(rectangle.stroke_color);
        set_line_width(rectangle.stroke_width);
    }
    append_number(out_, rectangle.x, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, flip(rectangle.y + rectangle.height), kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, rectangle.width, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, rectangle.height, kCoordinateDecimals);
    out_ += rectangle.fill ? (stroke ? " re B\n" : " re f\n") : " re S\n";
}

void PageContent::paint(const PlacedImage& placed) {
    EmbeddedImage& image = images_.get(placed);
    if (image.listed_on_page != page_) {
        image.listed_on_page = page_;
        page_images_.push_back(&image);
    }
    out_ += "q ";
    append_number(out_, placed.width, kCoordinateDecimals);
    out_ += " 0 0 ";
    append_number(out_, placed.height, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, placed.x, kCoordinateDecimals);
    out_ += ' ';
    append_number(out_, flip(placed.y + placed.height), kCoordinateDecimals);
    out_ += " cm /";
    out_ += image.resource_name;
    out_ += " Do Q\n";
}

}  // namespace lettrine::pdf
