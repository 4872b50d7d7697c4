// Fonts: shaping (kerning, no ligatures) and fallback fonts, on the real
// Liberation and DejaVu files of Debian's font packages.
#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <sys/stat.h>

#include <boost/filesystem.hpp>
#include <thread>

#include "core/diagnostic.hpp"
#include "font/font.hpp"

using namespace lettrine;

namespace {

const Font& serif() { return *FontSet::default_set()->get("serif", {}); }

int shaped_width(const std::vector<ShapedGlyph>& glyphs) {
    int width = 0;
    for (const ShapedGlyph& g : glyphs) width += g.x_advance;
    return width;
}

bool exists(const std::string& path) {
    struct stat info;
    return ::stat(path.c_str(), &info) == 0;
}

}  // namespace

TEST(FontShaping, KernedPairIsNarrowerThanItsGlyphs) {
    const std::u32string av = U"AV";
    const auto shaped = serif().shape(av.data(), av.size());
    ASSERT_EQ(shaped.size(), 2u);
    EXPECT_EQ(shaped[0].glyph, serif().glyph_for(U'A'));
    EXPECT_EQ(shaped[1].glyph, serif().glyph_for(U'V'));
    const int unkerned = serif().advance(serif().glyph_for(U'A')) + serif().advance(serif().glyph_for(U'V'));
    EXPECT_LT(shaped_width(shaped), unkerned);
    // A pair the font does not kern keeps its advances.
    const std::u32string xx = U"xx";
    EXPECT_EQ(shaped_width(serif().shape(xx.data(), xx.size())), 2 * serif().advance(serif().glyph_for(U'x')));
}

TEST(FontShaping, NoLigatureEachCharacterKeepsItsGlyph) {
    const std::u32string word = U"efficace ﬁ";  // "ffi" would be one glyph with default features
    const auto shaped = serif().shape(word.data(), word.size());
    ASSERT_EQ(shaped.size(), word.size());
    for (std::size_t k = 0; k < word.size(); ++k) EXPECT_EQ(shaped[k].glyph, serif().glyph_for(word[k])) << k;
}

TEST(FontShaping, MissingCharacterGivesNothingToShape) {
    const std::u32string text = U"a\U0001F642b";
    EXPECT_TRUE(serif().shape(text.data(), text.size()).empty());
}

TEST(FontShaping, SameResultOnEveryThread) {
    const std::u32string text = U"AVATAR Wagon « Tâche » ; Œuvre";
    const auto here = serif().shape(text.data(), text.size());
    std::vector<ShapedGlyph> there[2];
    std::thread a([&] { there[0] = serif().shape(text.data(), text.size()); });
    std::thread b([&] { there[1] = serif().shape(text.data(), text.size()); });
    a.join();
    b.join();
    for (const auto& t : there) {
        ASSERT_EQ(t.size(), here.size());
        for (std::size_t k = 0; k < t.size(); ++k) {
            EXPECT_EQ(t[k].glyph, here[k].glyph);
            EXPECT_EQ(t[k].x_advance, here[k].x_advance);
        }
    }
}

TEST(FontFallback, DejaVuDrawsWhatLiberationLacks) {
    const auto fonts = FontSet::default_set();
    const char32_t komi = U'\u0514';  // Cyrillic, not in Liberation 2
    ASSERT_FALSE(serif().has_glyph(komi));
    const auto fallback = fonts->fallback_for("serif", {}, komi);
    ASSERT_NE(fallback, nullptr);
    EXPECT_EQ(fallback->postscript_name(), "DejaVuSerif");
    EXPECT_TRUE(fallback->has_glyph(komi));
    EXPECT_EQ(fonts->fallback_for("sans", {true, false}, komi)->postscript_name(), "DejaVuSans-Bold");
    // Italics come from fonts-dejavu-extra when it is installed, else the upright face.
    const bool extra = exists("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf");
    EXPECT_EQ(fonts->fallback_for("serif", {false, true}, komi)->postscript_name(),
              extra ? "DejaVuSerif-Italic" : "DejaVuSerif");
    // Loaded once: the same Font every time.
    EXPECT_EQ(fonts->fallback_for("serif", {}, komi), fallback);
    // What no configured font has.
    EXPECT_EQ(fonts->fallback_for("serif", {}, U'\u4E2D'), nullptr);
}

// Fonts given by file are read only when a document uses them.
TEST(FontSetLoading, AFontFileIsReadOnlyWhenFirstUsed) {
    const std::string regular = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
    FontSet set;
    set.add_file("serif", {}, regular);
    set.add_file("serif", {true, false}, "/nonexistent/Absente-Bold.ttf");  // never read unless asked for
    const std::shared_ptr<const Font>& font = set.get("serif", {});
    ASSERT_TRUE(font);
    EXPECT_EQ(font->path(), regular);
    EXPECT_EQ(font->advance_points(U'M', 10), Font::load(regular)->advance_points(U'M', 10));
    EXPECT_EQ(set.get("serif", {}).get(), font.get()) << "loaded once";
    // Asking for the missing one reports its file, and keeps reporting it.
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            set.get("serif", {true, false});
            ADD_FAILURE() << "expected a LettrineError";
        } catch (const LettrineError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::Io);
            EXPECT_EQ(error.diagnostics().items().at(0).position.file, "/nonexistent/Absente-Bold.ttf");
        }
    }
}

TEST(FontSetLoading, ConcurrentFirstUsesShareOneFont) {
    FontSet set;
    set.add_file("sans", {}, "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf");
    std::vector<const Font*> seen(4, nullptr);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] { seen[t] = set.get("sans", {}).get(); });
    for (auto& thread : threads) thread.join();
    for (const Font* font : seen) EXPECT_EQ(font, seen.front());
    EXPECT_NE(seen.front(), nullptr);
}

// The cmap and the advances are read once into tables of our own: FreeType,
// asked glyph by glyph, is the oracle, on every Liberation and DejaVu file.
TEST(FontTables, GlyphsAndAdvancesAreFreeTypes) {
    FT_Library library = nullptr;
    ASSERT_EQ(FT_Init_FreeType(&library), 0);
    int fonts = 0;
    for (const char* folder : {"/usr/share/fonts/truetype/liberation2/", "/usr/share/fonts/truetype/dejavu/"}) {
        if (!exists(folder)) continue;
        for (const auto& entry : boost::filesystem::directory_iterator(folder)) {
            const std::string path = entry.path().string();
            if (entry.path().extension() != ".ttf") continue;
            const auto font = Font::load(path);
            FT_Face face = nullptr;
            ASSERT_EQ(FT_New_Face(library, path.c_str(), 0, &face), 0) << path;
            for (FT_Long g = 0; g < face->num_glyphs; ++g) {
                FT_Fixed advance = 0;
                FT_Get_Advance(face, static_cast<FT_UInt>(g), FT_LOAD_NO_SCALE, &advance);
                ASSERT_EQ(font->advance(static_cast<uint32_t>(g)), advance) << path << " glyph " << g;
            }
            EXPECT_EQ(font->advance(static_cast<uint32_t>(face->num_glyphs)), 0) << "past the last glyph";
            FT_UInt glyph = 0;
            std::size_t mapped = 0;
            for (FT_ULong c = FT_Get_First_Char(face, &glyph); glyph != 0; c = FT_Get_Next_Char(face, c, &glyph)) {
                ASSERT_EQ(font->glyph_for(static_cast<char32_t>(c)), glyph) << path << " U+" << std::hex << c;
                ++mapped;
            }
            EXPECT_GT(mapped, 200u) << path;
            for (char32_t c : {U'\u0001', U'\uFFFF', U'\U0001F600', U'\U0010FFFF'})
                EXPECT_EQ(font->glyph_for(c), FT_Get_Char_Index(face, c)) << path << " U+" << std::hex << c;
            FT_Done_Face(face);
            ++fonts;
        }
    }
    FT_Done_FreeType(library);
    EXPECT_GE(fonts, 12);
}
