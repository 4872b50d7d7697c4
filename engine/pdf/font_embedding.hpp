#pragma once
// Embedding fonts into one PDF document as Type0 / CIDFontType2 fonts with
// Identity-H encoding (ISO 32000-1, 9.7).
//
// Design: every distinct (glyph, text) pair painted with a font gets its own
// two-byte code, a CID, in order of first use. Two characters drawn with the
// same glyph (U+0020 and U+00A0 in some fonts) therefore keep distinct codes
// and distinct ToUnicode entries, so the exact text extracts. /CIDToGIDMap
// maps each CID to the glyph in the subset font program (HarfBuzz hb-subset,
// glyphs renumbered); /W gives each CID the width of its glyph in the
// embedded program, so widths stay consistent with the font (as PDF/A
// requires); exact positions come from the TJ offsets of the content stream.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "font/font.hpp"
#include "pdf/pdf_file.hpp"
#include "pdf/sfnt_tables.hpp"

namespace lettrine::pdf {

// A font ready for subsetting: its HarfBuzz face (preprocessed once the font
// has been subset often enough to pay for it) and the tables the descriptor
// needs. One per font per process, shared by every document and thread.
struct FontProgram;
std::shared_ptr<const FontProgram> font_program_for(const std::shared_ptr<const Font>& font);

// A subset font program, ready to embed: deflated, with the glyph numbers
// it gives the original glyphs.
struct SubsetProgram {
    std::string deflated;
    std::size_t length = 0;  // before deflating (/Length1)
    std::vector<std::pair<uint32_t, uint16_t>> new_glyphs;  // sorted by original glyph
    uint16_t new_glyph(uint32_t glyph) const;  // 0 (.notdef) when absent
};

// The subset of `program` with these glyphs and cmap characters (any order,
// repeats allowed): from the font's cache of recent subsets, else made by
// hb-subset. The same glyphs always give the same bytes. Thread-safe.
std::shared_ptr<const SubsetProgram> subset_program(const Font& font, const FontProgram& program,
                                                    const std::vector<uint32_t>& glyphs,
                                                    const std::vector<uint32_t>& unicodes);

// One font as used by one document.
class DocumentFont {
public:
    DocumentFont(std::shared_ptr<const Font> font, std::string resource_name, uint32_t type0_object);

    // The two-byte code showing `glyph` and extracting as `text`.
    uint16_t code_for(uint32_t glyph, const std::u32string& text) {
        if (text.size() <= 1) {
            const uint64_t key = uint64_t{glyph} << 32 | (text.empty() ? 0xFFFFFFFFu : uint32_t{text[0]});
            // A direct-mapped cache in front of the hash map: text is mostly
            // a few dozen distinct pairs repeated thousands of times.
            RecentCode& recent = recent_[(key * 0x9E3779B97F4A7C15ULL) >> (64 - kRecentBits)];
            if (recent.key == key) return recent.code;
            auto found = single_codes_.find(key);
            const uint16_t code = found != single_codes_.end() ? found->second : allocate_single(key, glyph, text);
            recent = RecentCode{key, code};
            return code;
        }
        return multi_code_for(glyph, text);
    }

    // Width the PDF reader assumes for a code, in glyph space (1/1000 text
    // space unit), as written in /W: the glyph's advance to 1/100 unit.
    double width(uint16_t code) const { return codes_[code].width; }

    const std::string& resource_name() const { return resource_name_; }
    uint32_t object() const { return type0_; }  // the Type0 font, numbered at first use
    const Font& font() const { return *font_; }
    // Underline placement, in em: top of the stroke from the baseline (negative: below), thickness.
    double underline_position() const { return underline_position_; }
    double underline_thickness() const { return underline_thickness_; }

    // Subsets the font program and writes the font's dictionaries and
    // streams, the Type0 font under its number.
    void embed(PdfFile& file) const;

    // Page bookkeeping: the last page (index + 1) whose resources list this font.
    std::size_t listed_on_page = 0;

private:
    struct Code {
        uint32_t glyph = 0;
        std::u32string text;
        double width = 0;
    };
    struct RecentCode {
        uint64_t key = ~uint64_t{0};  // never a real key (glyph ids are below 65536)
        uint16_t code = 0;
    };
    static constexpr int kRecentBits = 8;

    uint16_t allocate(uint32_t glyph, const std::u32string& text);
    uint16_t allocate_single(uint64_t key, uint32_t glyph, const std::u32string& text);
    uint16_t multi_code_for(uint32_t glyph, const std::u32string& text);
    std::string subset_tag() const;

    std::shared_ptr<const Font> font_;
    std::shared_ptr<const FontProgram> program_;
    std::string resource_name_;
    uint32_t type0_;
    double underline_position_ = -0.1, underline_thickness_ = 0.05;
    std::vector<Code> codes_;  // index = CID; CID 0 is the .notdef glyph, never painted
    std::unordered_map<uint64_t, uint16_t> single_codes_;
    RecentCode recent_[1 << kRecentBits];
    std::map<std::pair<uint32_t, std::u32string>, uint16_t> multi_codes_;
};

// The fonts of one document, in order of first use ("F1", "F2", ...).
class DocumentFonts {
public:
    explicit DocumentFonts(PdfFile& file) : file_(file) {}

    DocumentFont& get(const std::shared_ptr<const Font>& font);
    void embed_all() const;

private:
    PdfFile& file_;
    std::vector<std::unique_ptr<DocumentFont>> fonts_;
    std::unordered_map<const Font*, DocumentFont*> by_font_;
    const Font* last_font_ = nullptr;
    DocumentFont* last_ = nullptr;
};

}  // namespace lettrine::pdf
