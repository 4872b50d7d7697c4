#include "core/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string_view>

namespace lettrine {

std::u32string utf8_to_u32(const std::string& text) {
    std::u32string out;
    out.reserve(text.size());
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

std::string u32_to_utf8(char32_t c) {
    std::string out;
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
}

std::string u32_to_utf8(const std::u32string& text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) out += u32_to_utf8(c);
    return out;
}

bool is_valid_utf8(const std::string& text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

static bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string collapse_whitespace(const std::string& text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (is_ascii_space(c)) { pending_space = !out.empty(); continue; }
        if (pending_space) { out += ' '; pending_space = false; }
        out += c;
    }
    return out;
}

std::string trim(const std::string& text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_ascii_space(text[begin])) ++begin;
    while (end > begin && is_ascii_space(text[end - 1])) --end;
    return text.substr(begin, end - begin);
}

namespace {

bool is_ascii(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The ASCII letters of an accented Latin text without ICU's transliterator:
// canonical decomposition (NFD), then the combining diacritics U+0300-U+036F
// dropped ("Dé" -> "De"). False when anything else than ASCII and those
// marks remains ("œ", "ß", Greek...): the transliterator must decide.
// Gives exactly what "Any-Latin; Latin-ASCII" gives for such text (checked
// code point by code point in tests/core/text_test.cpp); creating that
// transliterator costs about 150 million instructions, once per process.
bool ascii_by_decomposition(const std::string& text, std::string& ascii) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return false;
    const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(text), status);
    if (U_FAILURE(status)) return false;
    ascii.clear();
    for (int32_t i = 0; i < decomposed.length(); ++i) {
        const char16_t c = decomposed.charAt(i);
        if (c < 0x80) ascii += static_cast<char>(c);
        else if (c < 0x300 || c > 0x36F) return false;
    }
    return true;
}

std::string ascii_by_transliteration(const std::string& text) {
    static std::once_flag once;
    static std::unique_ptr<icu::Transliterator> to_ascii;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        to_ascii.reset(icu::Transliterator::createInstance(
            "Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) to_ascii.reset();
    });
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    std::string ascii;
    if (to_ascii) {
        static std::mutex transliterator_mutex;  // ICU transliterators are not thread-safe
        std::lock_guard<std::mutex> lock(transliterator_mutex);
        to_ascii->transliterate(unicode);
    }
    unicode.toUTF8String(ascii);
    return ascii;
}

}  // namespace

std::string slugify(const std::string& text) {
    // Upper case is folded below, so ASCII text needs no Unicode work at all.
    std::string ascii;
    if (is_ascii(text)) ascii = text;
    else if (!ascii_by_decomposition(text, ascii)) ascii = ascii_by_transliteration(text);
    std::string slug;
    for (char c : ascii) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) slug += c;
        else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.size() > 64) {
        slug.resize(64);
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
    }
    if (is_reserved_device_name(slug)) slug += "-x";
    return slug.empty() ? "sans-nom" : slug;
}

bool is_reserved_device_name(const std::string& name) {
    // Windows refuses these as a file name, with or without an extension,
    // in any case (CON, con.pdf, Com1.txt).
    std::string stem = name.substr(0, name.find('.'));
    while (!stem.empty() && stem.back() == ' ') stem.pop_back();
    for (char& c : stem)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (stem == "con" || stem == "prn" || stem == "aux" || stem == "nul" || stem == "conin$" || stem == "conout$")
        return true;
    return stem.size() == 4 && (stem.compare(0, 3, "com") == 0 || stem.compare(0, 3, "lpt") == 0) && stem[3] >= '0' &&
           stem[3] <= '9';
}

std::string safe_file_name(const std::string& text, std::size_t max_bytes) {
    // NFC: the same name typed on macOS (decomposed) and elsewhere is one name.
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    if (const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status); U_SUCCESS(status)) {
        icu::UnicodeString normalized = nfc->normalize(unicode, status);
        if (U_SUCCESS(status)) unicode = normalized;
    }
    std::string nfc_text;
    unicode.toUTF8String(nfc_text);
    std::string out;
    for (char32_t c : utf8_to_u32(nfc_text)) {
        const bool forbidden = c < 0x20 || c == 0x7F || c == U'�' || (c >= 0x80 && c < 0xA0) ||
                               std::u32string_view(U"<>:\"/\\|?*").find(c) != std::u32string_view::npos;
        if (forbidden) {
            if (!out.empty() && out.back() != '-') out += '-';
        } else {
            out += u32_to_utf8(c);
        }
    }
    // No leading dots or spaces (hidden files, "..") nor trailing ones (Windows drops them).
    const auto trim_ends = [](std::string& s) {
        std::size_t begin = 0;
        while (begin < s.size() && (s[begin] == '.' || s[begin] == ' ' || s[begin] == '-')) ++begin;
        s.erase(0, begin);
        while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == '-')) s.pop_back();
    };
    trim_ends(out);
    if (out.size() > max_bytes) {
        std::size_t end = max_bytes;
        while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) --end;
        out.resize(end);
        trim_ends(out);
    }
    if (is_reserved_device_name(out)) out.insert(std::min(out.find('.'), out.size()), "-x");  // "nul.pdf" -> "nul-x.pdf"
    return out.empty() ? "sans-nom" : out;
}

std::string to_upper(const std::string& text) {
    std::string out;
    icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

bool is_lower_hex(const std::string& text, std::size_t length) {
    if (text.size() != length) return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                out += c;
        }
    }
    return out;
}

}  // namespace lettrine
