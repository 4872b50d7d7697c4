#pragma once
// A TrueType font, parsed once (FreeType for its tables, HarfBuzz for
// shaping) and then immutable, so one Font is shared by every document and
// thread of a process. The layout measures and shapes text with it; the PDF
// writer embeds its file. Nothing here knows about PDF.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace lettrine {

struct FontStyle {
    bool bold = false;
    bool italic = false;
    bool operator<(const FontStyle& o) const { return bold != o.bold ? bold < o.bold : italic < o.italic; }
    bool operator==(const FontStyle& o) const { return bold == o.bold && italic == o.italic; }
};

// One glyph of shaped text (Font::shape), in font units.
struct ShapedGlyph {
    uint32_t glyph = 0;
    int x_advance = 0;  // the glyph's advance with kerning applied
    int x_offset = 0;   // horizontal displacement of the glyph from the pen (marks)
};

struct HarfBuzzFont;  // engine/font/font.cpp: the hb_face_t and hb_font_t of a Font

class Font {
public:
    // Throws LettrineError(Io) with the path when the file is missing or not a font.
    static std::shared_ptr<const Font> load(const std::string& path);

    const std::string& path() const { return path_; }
    const std::string& postscript_name() const { return postscript_name_; }
    const std::string& family_name() const { return family_name_; }
    const std::string& file_bytes() const { return bytes_; }

    int units_per_em() const { return units_per_em_; }
    // Font-unit metrics, as in the font's hhea/OS2 tables.
    int ascender() const { return ascender_; }    // > 0
    int descender() const { return descender_; }  // < 0
    int cap_height() const { return cap_height_; }
    int italic_angle() const { return italic_angle_; }
    int flags_bold() const { return bold_; }
    std::vector<int> bbox() const { return {bbox_[0], bbox_[1], bbox_[2], bbox_[3]}; }

    // 0 when the font has no glyph for c (the .notdef glyph).
    uint32_t glyph_for(char32_t c) const;
    bool has_glyph(char32_t c) const { return glyph_for(c) != 0; }
    // Advance width in font units.
    int advance(uint32_t glyph) const;
    // Advance of a character in points at the given size (0 glyph: notdef advance).
    double advance_points(char32_t c, double size) const;

    // Shapes `length` characters of one script needing no complex shaping,
    // left to right, with the font's own OpenType data (HarfBuzz): kerning on,
    // ligatures off (-liga, -clig), so each character keeps its own glyph and
    // extracts exactly. Returns exactly one glyph per character, or an empty
    // vector when that is impossible (a character the font lacks, a
    // composition or decomposition): the caller then uses the cmap as is.
    // Thread-safe; the HarfBuzz face is parsed once per Font. Results are
    // cached per thread (a word is shaped once, however often it occurs).
    std::vector<ShapedGlyph> shape(const char32_t* text, std::size_t length) const;
    // The same into a reused vector; false (and `out` empty) when impossible.
    bool shape(const char32_t* text, std::size_t length, std::vector<ShapedGlyph>& out) const;

private:
    Font() = default;
    std::vector<ShapedGlyph> shape_uncached(const char32_t* text, std::size_t length) const;
    std::string path_, postscript_name_, family_name_, bytes_;
    int units_per_em_ = 1000, ascender_ = 0, descender_ = 0, cap_height_ = 0, italic_angle_ = 0;
    int bold_ = 0;
    int bbox_[4] = {0, 0, 0, 0};
    std::vector<uint16_t> bmp_glyphs_;               // code point < U+10000 -> glyph (0: none)
    std::unordered_map<char32_t, uint32_t> cmap_;  // the rest (and glyph ids above 16 bits)
    std::vector<uint16_t> advances_;
    std::shared_ptr<const HarfBuzzFont> harfbuzz_;
    uint64_t id_ = 0;  // unique per loaded font in the process: the key of the shaping cache
};

// The fonts of a document: a family name ("serif", "sans", "mono") and a
// style map to one loaded Font. Families are configured by file paths; by
// default the Liberation 2 families of Debian's fonts-liberation2.
//
// A font given by its file (add_file) is loaded the first time get() returns
// it (thread-safe, once per process for the default set): a letter set in
// Liberation Serif regular and bold reads two files, not twelve (each costs
// about 3 million instructions to parse).
//
// Each family and style may also have fallback fonts, consulted in order for
// a character the main font lacks (a Vietnamese, Greek or Cyrillic name). A
// fallback file is loaded the first time a character needs it (thread-safe),
// so documents that never need one pay nothing.
class FontSet {
public:
    // Liberation Serif/Sans/Mono, each in four styles, loaded once per
    // process when first used; DejaVu Serif/Sans/Sans Mono (fonts-dejavu-core,
    // italics from fonts-dejavu-extra when installed) as fallbacks.
    static std::shared_ptr<const FontSet> default_set();

    void add(const std::string& family, FontStyle style, std::shared_ptr<const Font> font);
    // The font file for a family and style, loaded by the first get() that returns it.
    void add_file(const std::string& family, FontStyle style, std::string path);
    // Unknown family: falls back to the first family added ("serif" by default).
    // Throws LettrineError(Io) when the font's file cannot be loaded.
    const std::shared_ptr<const Font>& get(const std::string& family, FontStyle style) const;
    bool has_family(const std::string& family) const;

    // Appends a fallback font file for a family and style (loaded lazily).
    void add_fallback(const std::string& family, FontStyle style, std::string path);
    // The first fallback of the family and style (or, failing that, of the
    // family's regular style) that has a glyph for c; null when none has.
    // Throws LettrineError(Io) when a fallback file cannot be loaded.
    std::shared_ptr<const Font> fallback_for(const std::string& family, FontStyle style, char32_t c) const;

private:
    struct LazyFont {
        std::string path;  // empty when `font` was given loaded
        std::once_flag loaded;
        std::shared_ptr<const Font> font;
        const std::shared_ptr<const Font>& get();
    };
    std::map<std::pair<std::string, FontStyle>, std::shared_ptr<LazyFont>> fonts_;
    std::map<std::pair<std::string, FontStyle>, std::vector<std::shared_ptr<LazyFont>>> fallbacks_;
    std::string first_family_;
};

}  // namespace lettrine
