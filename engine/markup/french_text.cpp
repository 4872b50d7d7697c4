#include "markup/detail/french_text.hpp"

#include <cstring>

#include "core/text.hpp"
#include "markup/french_spacing.hpp"

namespace lettrine::french_detail {

std::vector<Token> tokens_of(const std::vector<Char>& text) {
    std::vector<Token> out;
    std::size_t k = 0;
    while (k < text.size()) {
        while (k < text.size() && is_white(text[k].c)) ++k;
        const std::size_t begin = k;
        while (k < text.size() && !is_white(text[k].c)) ++k;
        if (k > begin) out.push_back({begin, k});
    }
    return out;
}

namespace {

// Whether the text may hold an address at all: an @, "://", "www." or
// "mailto:" (a cheap scan; most paragraphs have none).
bool may_hold_address(const std::vector<Char>& text) {
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char32_t c = text[k].c;
        if (c == '@') return true;
        if (c == ':' && k + 2 < text.size() && text[k + 1].c == '/' && text[k + 2].c == '/') return true;
        if (c == ':' && k >= 6 && text[k - 1].c == 'o' && text[k - 6].c == 'm') return true;  // mailto:
        if (c == '.' && k >= 3 && text[k - 1].c == 'w' && text[k - 2].c == 'w' && text[k - 3].c == 'w') return true;
    }
    return false;
}

}  // namespace

void protect_addresses(std::vector<Char>& text) {
    if (!may_hold_address(text)) return;
    auto starts_with = [&](const Token& t, const char* prefix) {
        const std::size_t len = std::strlen(prefix);
        if (t.end - t.begin < len) return false;
        for (std::size_t k = 0; k < len; ++k)
            if (text[t.begin + k].c != static_cast<char32_t>(prefix[k])) return false;
        return true;
    };
    for (const Token& t : tokens_of(text)) {
        bool address = starts_with(t, "www.") || starts_with(t, "mailto:");
        for (std::size_t k = t.begin; k < t.end && !address; ++k)
            address = text[k].c == '@' ||
                      (text[k].c == ':' && k + 2 < t.end && text[k + 1].c == '/' && text[k + 2].c == '/');
        if (address)
            for (std::size_t k = t.begin; k < t.end; ++k) text[k].on = false;
    }
}

void protect_entity_names(std::vector<Char>& text) {
    const auto is_name = [](char32_t c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
    };
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k].c != '&') continue;
        std::size_t end = k + 1;
        while (end < text.size() && is_name(text[end].c)) ++end;
        if (end == k + 1 || end == text.size() || text[end].c != ';') continue;
        for (std::size_t j = k; j <= end; ++j) text[j].on = false;
        k = end;
    }
}

std::vector<Char> flatten(const std::vector<Inline>& inlines) {
    std::vector<Char> flat;
    std::size_t bytes = 0;
    for (const Inline& in : inlines) bytes += in.text.size() + 1;
    flat.reserve(bytes);
    for (std::size_t r = 0; r < inlines.size(); ++r) {
        const Inline& in = inlines[r];
        if (in.kind != InlineKind::Text) {
            flat.push_back(Char{in.kind == InlineKind::LineBreak ? U'\n' : kObject, -1, false});
            continue;
        }
        const bool on = in.style.french_spacing && is_french(in.style.lang);
        for (char32_t c : utf8_to_u32(in.text)) flat.push_back(Char{c, static_cast<int>(r), on});
    }
    return flat;
}

namespace {

// The pieces of one inline: runs of characters with the same superscript flag.
std::vector<Inline> split_superscripts(const Inline& in, const std::vector<const Char*>& chars) {
    std::vector<Inline> pieces;
    std::u32string text;
    bool superscript = false;
    auto flush = [&] {
        if (text.empty()) return;
        Inline piece = in;
        piece.text = u32_to_utf8(text);
        piece.style.superscript = in.style.superscript || superscript;
        pieces.push_back(std::move(piece));
        text.clear();
    };
    for (const Char* ch : chars) {
        if (ch->superscript != superscript) {
            flush();
            superscript = ch->superscript;
        }
        text += ch->c;
    }
    flush();
    return pieces;
}

}  // namespace

void write_back(std::vector<Inline>& inlines, const std::vector<Char>& text) {
    // Only the inlines that changed are rewritten; those with superscripts are split.
    std::vector<char> changed(inlines.size(), 0), split(inlines.size(), 0);
    bool any = false, any_split = false;
    for (const Char& ch : text) {
        if (ch.run < 0) continue;
        if (ch.changed) changed[static_cast<std::size_t>(ch.run)] = any = true;
        if (ch.superscript) split[static_cast<std::size_t>(ch.run)] = any_split = true;
    }
    if (!any && !any_split) return;
    std::vector<std::u32string> texts(inlines.size());
    std::vector<std::vector<const Char*>> pieces(any_split ? inlines.size() : 0);
    for (const Char& ch : text) {
        if (ch.run < 0) continue;
        const auto r = static_cast<std::size_t>(ch.run);
        if (split[r]) pieces[r].push_back(&ch);
        else if (changed[r]) texts[r] += ch.c;
    }
    for (std::size_t r = 0; r < inlines.size(); ++r)
        if (changed[r] && !split[r]) inlines[r].text = u32_to_utf8(texts[r]);
    if (!any_split) return;
    std::vector<Inline> out;
    out.reserve(inlines.size() + 4);
    for (std::size_t r = 0; r < inlines.size(); ++r) {
        if (!split[r]) {
            out.push_back(std::move(inlines[r]));
            continue;
        }
        for (Inline& piece : split_superscripts(inlines[r], pieces[r])) out.push_back(std::move(piece));
    }
    inlines = std::move(out);
}

}  // namespace lettrine::french_detail
