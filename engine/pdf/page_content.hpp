#pragma once
// The content stream of one page, built as operator text (ISO 32000-1, 8 and
// 9): glyph runs, rules, rectangles and images, flipped from the layout's
// top-down coordinates to PDF's bottom-up ones. Graphics and text state
// (colours, line width, font and size) are tracked so each operator is
// written only when its value changes.
#include <string>
#include <vector>

#include "layout/pages.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/image_embedding.hpp"

namespace lettrine::pdf {

class PageContent {
public:
    PageContent(DocumentFonts& fonts, DocumentImages& images) : fonts_(fonts), images_(images) {}

    // Starts page `number` (1-based) of the given height: clears operators,
    // resources and the tracked state.
    void begin_page(std::size_t number, double page_height);

    void paint(const GlyphRun& run);
    // Glyphs [from, to) of `run` only (a word cut at a line end gets its
    // own marked content).
    void paint(const GlyphRun& run, std::size_t from, std::size_t to);
    void paint(const Rule& rule);
    void paint(const Rectangle& rectangle);
    void paint(const PlacedImage& image);
    // Marked content (tagged PDF): a sequence of the structure element
    // `role` with its MCID, or an artifact; each closed by end_marked().
    // With `actual_text` (UTF-8), the sequence extracts as that text
    // (ISO 32000-1, 14.9.4).
    void begin_marked(const std::string& role, int mcid, const std::string* actual_text = nullptr);
    void begin_artifact();
    void end_marked();

    const std::string& operators() const { return out_; }
    // Resources the page uses, in order of first use on the page.
    const std::vector<DocumentFont*>& fonts() const { return page_fonts_; }
    const std::vector<EmbeddedImage*>& images() const { return page_images_; }

private:
    void set_fill(const Color& color);
    void set_stroke(const Color& color);
    void set_line_width(double width);
    void append_color(const Color& color);
    double flip(double y) const { return height_ - y; }

    DocumentFonts& fonts_;
    DocumentImages& images_;
    std::string out_;
    std::vector<DocumentFont*> page_fonts_;
    std::vector<EmbeddedImage*> page_images_;
    std::size_t page_ = 0;
    double height_ = 0;

    // Tracked state; the initial values are PDF's defaults.
    Color fill_, stroke_;
    double line_width_ = 1;
    const DocumentFont* font_ = nullptr;
    double font_size_ = 0;
};

}  // namespace lettrine::pdf
