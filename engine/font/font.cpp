#include "font/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TAGS_H

#include <hb-ot.h>
#include <hb.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <mutex>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace lettrine {

namespace {

[[noreturn]] void font_error(const std::string& path, const std::string& what) {
    throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path), what);
}

struct FreeTypeLibrary {
    FT_Library library = nullptr;
    FreeTypeLibrary() { FT_Init_FreeType(&library); }
    ~FreeTypeLibrary() { FT_Done_FreeType(library); }
};

}  // namespace

// The HarfBuzz objects of one Font, made immutable once built: HarfBuzz
// allows concurrent shaping with an immutable font.
struct HarfBuzzFont {
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    HarfBuzzFont(const std::string& bytes, int units_per_em) {
        // The bytes belong to the Font, which outlives this object.
        blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr);
        face = hb_face_create(blob, 0);
        hb_face_make_immutable(face);
        font = hb_font_create(face);
        hb_ot_font_set_funcs(font);
        hb_font_set_scale(font, units_per_em, units_per_em);  // positions in font units
        hb_font_make_immutable(font);
    }
    ~HarfBuzzFont() {
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    HarfBuzzFont(const HarfBuzzFont&) = delete;
    HarfBuzzFont& operator=(const HarfBuzzFont&) = delete;
};

namespace {

// Kerning from the font's GPOS/kern data; no ligature, so that each character
// keeps its own glyph (PoDoFo-free extraction stays exact, see the PDF writer).
const hb_feature_t kShapingFeatures[] = {
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

// Words cached per thread and font before the cache is emptied (bounded memory).
constexpr std::size_t kShapingCacheWords = 50000;

// One reusable buffer per thread: creating one per call costs more than shaping a word.
struct ThreadBuffer {
    hb_buffer_t* buffer = hb_buffer_create();
    ~ThreadBuffer() { hb_buffer_destroy(buffer); }
};

}  // namespace

bool Font::shape(const char32_t* text, std::size_t length, std::vector<ShapedGlyph>& out) const {
    out.clear();
    if (length == 0 || !harfbuzz_) return false;
    // Per-thread cache: words repeat a lot, and HarfBuzz costs microseconds a
    // call. Keyed by a hash of the font and the text, checked on a hit, so a
    // lookup allocates nothing.
    struct Entry {
        uint64_t font = 0;
        std::u32string text;
        std::vector<ShapedGlyph> glyphs;  // empty: cannot be shaped one glyph per character
    };
    thread_local std::unordered_map<uint64_t, Entry> cache;
    uint64_t key = 14695981039346656037ull ^ id_;  // FNV-1a
    for (std::size_t k = 0; k < length; ++k) key = (key ^ static_cast<uint64_t>(text[k])) * 1099511628211ull;
    auto found = cache.find(key);
    if (found != cache.end()) {
        const Entry& e = found->second;
        if (e.font == id_ && e.text.size() == length && std::char_traits<char32_t>::compare(e.text.data(), text, length) == 0) {
            out.assign(e.glyphs.begin(), e.glyphs.end());
            return !out.empty();
        }
        out = shape_uncached(text, length);  // a hash collision: not cached
        return !out.empty();
    }
    if (cache.size() >= kShapingCacheWords) cache.clear();
    out = shape_uncached(text, length);
    cache.emplace(key, Entry{id_, std::u32string(text, length), out});
    return !out.empty();
}

std::vector<ShapedGlyph> Font::shape(const char32_t* text, std::size_t length) const {
    std::vector<ShapedGlyph> out;
    shape(text, length, out);
    return out;
}

std::vector<ShapedGlyph> Font::shape_uncached(const char32_t* text, std::size_t length) const {
    std::vector<ShapedGlyph> out;
    thread_local ThreadBuffer local;
    hb_buffer_t* buffer = local.buffer;
    hb_buffer_reset(buffer);
    static_assert(sizeof(char32_t) == sizeof(uint32_t), "UTF-32 code units");
    hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(text), static_cast<int>(length), 0,
                        static_cast<int>(length));
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(harfbuzz_->font, buffer, kShapingFeatures, sizeof kShapingFeatures / sizeof kShapingFeatures[0]);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    if (count != length) return out;
    out.resize(length);
    for (unsigned k = 0; k < count; ++k) {
        if (infos[k].cluster != k || infos[k].codepoint == 0) return {};
        out[k] = ShapedGlyph{infos[k].codepoint, positions[k].x_advance, positions[k].x_offset};
    }
    return out;
}

namespace {

// The whole file in one read (read_file's streams copy it twice; fonts are
// read at every process start).
std::string read_font_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return read_file(path);  // its French message names the file
    struct stat info {};
    std::string bytes;
    if (::fstat(fd, &info) == 0 && info.st_size > 0) {
        bytes.resize(static_cast<std::size_t>(info.st_size));
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::read(fd, &bytes[done], bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        bytes.resize(done);
    }
    ::close(fd);
    return bytes;
}

// Advance widths in font units straight from the hmtx table (what
// FT_Get_Advance with FT_LOAD_NO_SCALE returns for an unhinted TrueType
// font, without a call per glyph); false when the tables are missing or short.
bool read_hmtx_advances(FT_Face face, std::vector<uint16_t>& advances) {
    const auto* hhea = static_cast<const TT_HoriHeader*>(FT_Get_Sfnt_Table(face, FT_SFNT_HHEA));
    if (!hhea || hhea->number_Of_HMetrics == 0) return false;
    FT_ULong length = 0;
    if (FT_Load_Sfnt_Table(face, TTAG_hmtx, 0, nullptr, &length) != 0) return false;
    const std::size_t metrics = hhea->number_Of_HMetrics;
    if (length < metrics * 4) return false;
    std::vector<unsigned char> table(length);
    if (FT_Load_Sfnt_Table(face, TTAG_hmtx, 0, table.data(), &length) != 0) return false;
    uint16_t last = 0;
    for (std::size_t g = 0; g < advances.size(); ++g) {
        if (g < metrics) last = static_cast<uint16_t>(table[g * 4] << 8 | table[g * 4 + 1]);
        advances[g] = last;  // glyphs past the last metric share its advance
    }
    return true;
}

}  // namespace

std::shared_ptr<const Font> Font::load(const std::string& path) {
    std::shared_ptr<Font> font(new Font());
    font->path_ = path;
    font->bytes_ = read_font_file(path);

    // FreeType is used only here, under a lock, to read tables once.
    static std::mutex mutex;
    static FreeTypeLibrary freetype;
    std::lock_guard<std::mutex> lock(mutex);
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(freetype.library, reinterpret_cast<const FT_Byte*>(font->bytes_.data()),
                           static_cast<FT_Long>(font->bytes_.size()), 0, &face) != 0)
        font_error(path, "ce fichier n’est pas une police lisible");
    if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face)) {
        FT_Done_Face(face);
        font_error(path, "seules les polices TrueType/OpenType sont prises en charge");
    }
    if (const char* ps = FT_Get_Postscript_Name(face)) font->postscript_name_ = ps;
    if (face->family_name) font->family_name_ = face->family_name;
    font->units_per_em_ = face->units_per_EM;
    font->ascender_ = face->ascender;
    font->descender_ = face->descender;
    font->bbox_[0] = static_cast<int>(face->bbox.xMin);
    font->bbox_[1] = static_cast<int>(face->bbox.yMin);
    font->bbox_[2] = static_cast<int>(face->bbox.xMax);
    font->bbox_[3] = static_cast<int>(face->bbox.yMax);
    font->bold_ = (face->style_flags & FT_STYLE_FLAG_BOLD) ? 1 : 0;
    if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2)))
        font->cap_height_ = os2->version >= 2 ? os2->sCapHeight : face->ascender;
    else
        font->cap_height_ = face->ascender;
    if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST)))
        font->italic_angle_ = static_cast<int>(post->italicAngle >> 16);

    // The Basic Multilingual Plane in a table indexed by code point (glyph
    // ids fit 16 bits in TrueType), the rest of Unicode in a map.
    font->bmp_glyphs_.assign(0x10000, 0);
    FT_UInt glyph = 0;
    for (FT_ULong c = FT_Get_First_Char(face, &glyph); glyph != 0; c = FT_Get_Next_Char(face, c, &glyph)) {
        if (c < 0x10000 && glyph <= 0xFFFF) font->bmp_glyphs_[c] = static_cast<uint16_t>(glyph);
        else font->cmap_.emplace(static_cast<char32_t>(c), glyph);
    }

    font->advances_.resize(static_cast<std::size_t>(face->num_glyphs));
    if (!read_hmtx_advances(face, font->advances_)) {
        for (FT_Long g = 0; g < face->num_glyphs; ++g) {
            FT_Fixed advance = 0;
            FT_Get_Advance(face, static_cast<FT_UInt>(g), FT_LOAD_NO_SCALE, &advance);
            font->advances_[static_cast<std::size_t>(g)] = static_cast<uint16_t>(advance);
        }
    }
    FT_Done_Face(face);
    font->harfbuzz_ = std::make_shared<const HarfBuzzFont>(font->bytes_, font->units_per_em_);
    static uint64_t next_id = 0;  // under the FreeType lock
    font->id_ = ++next_id;
    return font;
}

uint32_t Font::glyph_for(char32_t c) const {
    if (c < bmp_glyphs_.size()) {
        if (const uint16_t glyph = bmp_glyphs_[c]) return glyph;
        if (cmap_.empty()) return 0;
    }
    auto it = cmap_.find(c);
    return it == cmap_.end() ? 0 : it->second;
}

int Font::advance(uint32_t glyph) const {
    return glyph < advances_.size() ? advances_[glyph] : 0;
}

double Font::advance_points(char32_t c, double size) const {
    return advance(glyph_for(c)) * size / units_per_em_;
}

namespace {

bool file_exists(const std::string& path) {
    struct stat info;
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

std::shared_ptr<const FontSet> FontSet::default_set() {
    static std::shared_ptr<const FontSet> set = [] {
        auto fonts = std::make_shared<FontSet>();
        const std::string dir = "/usr/share/fonts/truetype/liberation2/";
        const struct { const char* family; const char* file; } families[] = {
            {"serif", "LiberationSerif"}, {"sans", "LiberationSans"}, {"mono", "LiberationMono"}};
        const struct { FontStyle style; const char* suffix; } styles[] = {
            {{false, false}, "-Regular.ttf"}, {{true, false}, "-Bold.ttf"},
            {{false, true}, "-Italic.ttf"}, {{true, true}, "-BoldItalic.ttf"}};
        for (const auto& f : families)
            for (const auto& s : styles) fonts->add_file(f.family, s.style, dir + f.file + s.suffix);
        // DejaVu covers Latin extended (Vietnamese included), Greek and
        // Cyrillic. fonts-dejavu-core has the upright styles; the italic and
        // oblique ones come with fonts-dejavu-extra and are used when present
        // (otherwise an italic falls back to the upright face of its weight).
        const std::string dejavu = "/usr/share/fonts/truetype/dejavu/";
        const struct { const char* family; const char* file; const char* italic; } fallbacks[] = {
            {"serif", "DejaVuSerif", "Italic"}, {"sans", "DejaVuSans", "Oblique"}, {"mono", "DejaVuSansMono", "Oblique"}};
        for (const auto& f : fallbacks)
            for (const auto& s : styles) {
                const std::string upright = dejavu + f.file + (s.style.bold ? "-Bold" : "") + ".ttf";
                std::string path = upright;
                if (s.style.italic) {
                    const std::string slanted =
                        dejavu + f.file + (s.style.bold ? "-Bold" : "-") + f.italic + ".ttf";
                    if (file_exists(slanted)) path = slanted;
                }
                if (file_exists(path)) fonts->add_fallback(f.family, s.style, path);
            }
        return fonts;
    }();
    return set;
}

void FontSet::add(const std::string& family, FontStyle style, std::shared_ptr<const Font> font) {
    if (first_family_.empty()) first_family_ = family;
    auto loaded = std::make_shared<LazyFont>();
    loaded->font = std::move(font);
    fonts_[{family, style}] = std::move(loaded);
}

void FontSet::add_file(const std::string& family, FontStyle style, std::string path) {
    if (first_family_.empty()) first_family_ = family;
    auto lazy = std::make_shared<LazyFont>();
    lazy->path = std::move(path);
    fonts_[{family, style}] = std::move(lazy);
}

bool FontSet::has_family(const std::string& family) const {
    return fonts_.count({family, FontStyle{}}) > 0;
}

const std::shared_ptr<const Font>& FontSet::LazyFont::get() {
    // A load that throws leaves the flag unset: the next call tries again.
    std::call_once(loaded, [this] {
        if (!font) font = Font::load(path);
    });
    return font;
}

void FontSet::add_fallback(const std::string& family, FontStyle style, std::string path) {
    auto lazy = std::make_shared<LazyFont>();
    lazy->path = std::move(path);
    fallbacks_[{family, style}].push_back(std::move(lazy));
}

std::shared_ptr<const Font> FontSet::fallback_for(const std::string& family, FontStyle style, char32_t c) const {
    for (const FontStyle s : {style, FontStyle{}}) {
        auto it = fallbacks_.find({family, s});
        if (it == fallbacks_.end()) it = fallbacks_.find({first_family_, s});
        if (it == fallbacks_.end()) continue;
        for (const auto& lazy : it->second) {
            lazy->get();
            if (lazy->font->has_glyph(c)) return lazy->font;
        }
    }
    return nullptr;
}

const std::shared_ptr<const Font>& FontSet::get(const std::string& family, FontStyle style) const {
    auto it = fonts_.find({family, style});
    if (it == fonts_.end()) it = fonts_.find({family, FontStyle{}});
    if (it == fonts_.end()) it = fonts_.find({first_family_, style});
    if (it == fonts_.end()) it = fonts_.find({first_family_, FontStyle{}});
    static const std::shared_ptr<const Font> none;
    return it == fonts_.end() ? none : it->second->get();
}

}  // namespace lettrine
