#include "core/text.hpp"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>

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

std::string slugify(const std::string& text) {
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
    static const char* reserved[] = {"con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
                                     "lpt1", "lpt2", "lpt3"};
    for (const char* name : reserved)
        if (slug == name) slug += "-x";
    return slug.empty() ? "sans-nom" : slug;
}

std::string to_upper(const std::string& text) {
    std::string out;
    icu::UnicodeString::fromUTF8(text).toUpper(icu::Locale::getFrench()).toUTF8String(out);
    return out;
}

}  // namespace lettrine
