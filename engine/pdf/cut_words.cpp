#include "pdf/cut_words.hpp"

#include "core/text.hpp"

namespace lettrine::pdf {

namespace {

bool is_space(const std::u32string& text) {
    if (text.size() != 1) return false;
    const char32_t c = text[0];
    return c == U' ' || c == U'\u00A0' || c == U'\u202F' || (c >= U'\u2000' && c <= U'\u200B') || c == U'\t';
}

}  // namespace

std::optional<CutWord> cut_word(const LaidOutPage& page, std::size_t item) {
    const auto* first = std::get_if<GlyphRun>(&page.items.at(item));
    if (!first || !first->break_hyphen || first->glyphs.size() < 2) return std::nullopt;
    std::size_t next = item + 1;
    while (next < page.items.size() && std::holds_alternative<LinkArea>(page.items[next])) ++next;
    if (next == page.items.size()) return std::nullopt;
    const auto* second = std::get_if<GlyphRun>(&page.items[next]);
    if (!second || second->tag != first->tag || second->glyphs.empty() || is_space(second->glyphs.front().text))
        return std::nullopt;
    CutWord word;
    word.first_item = item;
    word.second_item = next;
    const std::size_t hyphen = first->glyphs.size() - 1;
    word.from = hyphen;
    while (word.from > 0 && !is_space(first->glyphs[word.from - 1].text)) --word.from;
    if (word.from == hyphen) return std::nullopt;
    while (word.to < second->glyphs.size() && !is_space(second->glyphs[word.to].text)) ++word.to;
    std::u32string text;
    for (std::size_t g = word.from; g < hyphen; ++g) text += first->glyphs[g].text;
    for (std::size_t g = 0; g < word.to; ++g) text += second->glyphs[g].text;
    word.text = u32_to_utf8(text);
    return word;
}

}  // namespace lettrine::pdf
