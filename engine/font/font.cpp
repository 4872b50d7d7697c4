#include "font/font.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_TRUETYPE_TABLES_H
#include FT_ADVANCES_H

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

std::shared_ptr<const Font> Font::load(const std::string& path) {
    std::shared_ptr<Font> font(new Font());
    font->path_ = path;
    font->bytes_ = read_file(path);

    // FreeType is used only here, under a lock, to read tables once.
    static std::mutex mutex;
    static FreeTypeLibrary freetype;
    std::lock_guard<std::mutex> lock(mutex);
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(freetype.library, reinterpret_cast<const FT_Byte*>(font->bytes_.data()),
                           static_cast<FT_Long>(font->bytes_.size()), 0, &face) != 0)
        font_error(path, "ce fichier n'est pas une police lisible");
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

    FT_UInt glyph = 0;
    for (FT_ULong c = FT_Get_First_Char(face, &glyph); glyph != 0; c = FT_Get_Next_Char(face, c, &glyph))
        font->cmap_.emplace(static_cast<char32_t>(c), glyph);

    font->advances_.resize(static_cast<std::size_t>(face->num_glyphs));
    for (FT_Long g = 0; g < face->num_glyphs; ++g) {
        FT_Fixed advance = 0;
        FT_Get_Advance(face, static_cast<FT_UInt>(g), FT_LOAD_NO_SCALE, &advance);
        font->advances_[static_cast<std::size_t>(g)] = static_cast<uint16_t>(advance);
    }
    FT_Done_Face(face);
    return font;
}

uint32_t Font::glyph_for(char32_t c) const {
    auto it = cmap_.find(c);
    return it == cmap_.end() ? 0 : it->second;
}

int Font::advance(uint32_t glyph) const {
    return glyph < advances_.size() ? advances_[glyph] : 0;
}

double Font::advance_points(char32_t c, double size) const {
    return advance(glyph_for(c)) * size / units_per_em_;
}

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
            for (const auto& s : styles) fonts->add(f.family, s.style, Font::load(dir + f.file + s.suffix));
        return fonts;
    }();
    return set;
}

void FontSet::add(const std::string& family, FontStyle style, std::shared_ptr<const Font> font) {
    if (first_family_.empty()) first_family_ = family;
    fonts_[{family, style}] = std::move(font);
}

bool FontSet::has_family(const std::string& family) const {
    return fonts_.count({family, FontStyle{}}) > 0;
}

const std::shared_ptr<const Font>& FontSet::get(const std::string& family, FontStyle style) const {
    auto it = fonts_.find({family, style});
    if (it == fonts_.end()) it = fonts_.find({family, FontStyle{}});
    if (it == fonts_.end()) it = fonts_.find({first_family_, style});
    if (it == fonts_.end()) it = fonts_.find({first_family_, FontStyle{}});
    static const std::shared_ptr<const Font> none;
    return it == fonts_.end() ? none : it->second;
}

}  // namespace lettrine
