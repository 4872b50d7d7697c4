#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/text.hpp"

using namespace lettrine;

TEST(Text, SlugTransliteratesAndSanitizes) {
    EXPECT_EQ(slugify("Déchets et ressources"), "dechets-et-ressources");
    EXPECT_EQ(slugify("  Œuvre / «  Ça » ../../etc "), "oeuvre-ca-etc");
    EXPECT_EQ(slugify("???"), "sans-nom");
    EXPECT_EQ(slugify("CON"), "con-x");
    EXPECT_EQ(slugify(std::string(300, 'a')).size(), 64u);
}

TEST(Text, Utf8RoundTrip) {
    const std::string s = "« Écossolies » 15\u202F000\u00A0€ œ";
    EXPECT_EQ(u32_to_utf8(utf8_to_u32(s)), s);
    EXPECT_TRUE(is_valid_utf8(s));
    EXPECT_FALSE(is_valid_utf8("\xC3("));
}

TEST(Text, UpperKeepsAccents) { EXPECT_EQ(to_upper("économie à café"), "ÉCONOMIE À CAFÉ"); }

TEST(Text, CollapseWhitespaceKeepsNoBreakSpaces) {
    EXPECT_EQ(collapse_whitespace("  a \n\t b\u00A0: c  "), "a b\u00A0: c");
}

TEST(Text, SlugOfDecomposedAccentsAndEveryReservedName) {
    const std::string nfd = "De\xCC\x81" "chets";  // « é » as e + U+0301, as macOS writes file names
    EXPECT_EQ(slugify(nfd), slugify("Déchets"));
    for (const char* name : {"con", "PRN", "aux", "nul", "com1", "COM9", "lpt0", "lpt9"}) {
        const std::string slug = slugify(name);
        EXPECT_EQ(slug.substr(slug.size() - 2), "-x") << name;
    }
    EXPECT_EQ(slugify("COM9"), "com9-x");
    EXPECT_EQ(slugify("lpt0"), "lpt0-x");
    EXPECT_EQ(slugify("com10"), "com10");
}

TEST(Text, ReservedDeviceNames) {
    for (const char* name : {"CON", "con.pdf", "Nul", "aux.tar.gz", "COM1", "lpt9.txt", "conin$", "CONOUT$", "con .pdf"})
        EXPECT_TRUE(is_reserved_device_name(name)) << name;
    for (const char* name : {"console", "com", "com10", "lpt", "nul-x", "icon.pdf", ""})
        EXPECT_FALSE(is_reserved_device_name(name)) << name;
}

TEST(Text, SafeFileNameKeepsLettersAndNeverLeavesItsFolder) {
    EXPECT_EQ(safe_file_name("Déchets & ressources"), "Déchets & ressources");
    EXPECT_EQ(safe_file_name("../../etc/passwd"), "etc-passwd");
    EXPECT_EQ(safe_file_name("/absolu"), "absolu");
    EXPECT_EQ(safe_file_name("C:\\Windows\\win.ini"), "C-Windows-win.ini");
    EXPECT_EQ(safe_file_name("Rapport final..."), "Rapport final");
    EXPECT_EQ(safe_file_name(" .cache "), "cache");
    EXPECT_EQ(safe_file_name("a\tb\nc\x7F" "d"), "a-b-c-d");
    EXPECT_EQ(safe_file_name("Quoi ? « Oui » : non"), "Quoi - « Oui » - non");
    EXPECT_EQ(safe_file_name("<a>|*b"), "a-b");
    EXPECT_EQ(safe_file_name("CON"), "CON-x");
    EXPECT_EQ(safe_file_name("nul.pdf"), "nul-x.pdf");
    EXPECT_EQ(safe_file_name(""), "sans-nom");
    EXPECT_EQ(safe_file_name("..."), "sans-nom");
    // NFC: the decomposed twin gives the same bytes as the precomposed name.
    EXPECT_EQ(safe_file_name("De\xCC\x81" "chets"), "Déchets");
    // At most max_bytes bytes, never cutting a character in two.
    std::string long_name;
    for (int i = 0; i < 150; ++i) long_name += "é";  // 300 bytes
    const std::string cut = safe_file_name(long_name);
    EXPECT_EQ(cut.size(), 200u);
    EXPECT_EQ(cut, long_name.substr(0, 200));
    EXPECT_EQ(safe_file_name(long_name, 9).size(), 8u);
}

// slugify skips ICU's transliterator (slow to create) for ASCII text and for
// accented Latin letters that decompose into ASCII and combining marks; the
// transliterator itself is the oracle for every such letter.
TEST(Text, SlugWithoutTransliteratorMatchesTheTransliterator) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> oracle(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    ASSERT_TRUE(U_SUCCESS(status));
    const auto transliterated = [&](const std::string& text) {
        icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
        oracle->transliterate(unicode);
        std::string out;
        unicode.toUTF8String(out);
        return out;
    };
    std::vector<std::string> samples;
    for (char32_t c = 0x20; c < 0x7F; ++c) samples.push_back("Ab" + u32_to_utf8(c) + "Z9");
    for (char32_t c = 0xA0; c < 0x250; ++c) samples.push_back("x" + u32_to_utf8(c) + "Y");
    for (char32_t c = 0x1E00; c < 0x1F00; ++c) samples.push_back("x" + u32_to_utf8(c) + "Y");
    for (char32_t c = 0x300; c < 0x370; ++c) samples.push_back("Ae" + u32_to_utf8(c) + "t");  // lone marks
    samples.push_back("Nom du r\u00E9f\u00E9rent (\u00C9cossolies) \u2013 ann\u00E9e");
    int compared = 0;
    for (const std::string& text : samples) {
        const std::string reference = transliterated(text);
        bool ascii = true;
        for (char c : reference) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        if (!ascii) continue;
        ++compared;
        EXPECT_EQ(slugify(text), slugify(reference)) << text;
    }
    EXPECT_GT(compared, 500);
}
