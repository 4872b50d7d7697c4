#include "markup/french_punctuation.hpp"

#include "markup/detail/french_text.hpp"
#include "markup/french_spacing.hpp"

namespace lettrine {

namespace {

using namespace french_detail;

constexpr char32_t kApostrophe = 0x2019;        // ’
constexpr char32_t kOpeningSingle = 0x2018;     // ‘
constexpr char32_t kOpeningGuillemet = 0xAB;    // «
constexpr char32_t kClosingGuillemet = 0xBB;    // »
constexpr char32_t kOpeningDouble = 0x201C;     // “ (quotes inside guillemets)
constexpr char32_t kClosingDouble = 0x201D;     // ”
constexpr char32_t kLowDouble = 0x201E;         // „ (typed by some keyboards)
constexpr char32_t kEllipsis = 0x2026;          // …
constexpr char32_t kEnDash = 0x2013;            // –

bool is_space(char32_t c) { return c == kSpace || c == kNoBreakSpace || c == kNarrowNoBreakSpace || c == kThinSpace; }
bool opens_after(char32_t c) {  // what may precede an opening quote
    return c == 0 || is_white(c) || c == '(' || c == '[' || c == 0x2014 || c == kEnDash || c == '/';
}
bool is_roman(char32_t c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
}

// Which rules may apply to a paragraph, from one scan of its UTF-8 text:
// most paragraphs need only a few of them, and many none.
struct Needs {
    bool quotes = false, ellipses = false, dashes = false, hours = false, superscripts = false, fines = false;
    bool any() const { return quotes || ellipses || dashes || hours || superscripts || fines; }
};

Needs needs_of(const std::string& text) {
    Needs needs;
    const std::size_t n = text.size();
    auto byte = [&](std::size_t k) -> unsigned char { return k < n ? static_cast<unsigned char>(text[k]) : 0; };
    auto roman = [](unsigned char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M'; };
    for (std::size_t k = 0; k < n; ++k) {
        const unsigned char c = byte(k), next = byte(k + 1);
        if (c == '\'' || c == '"') needs.quotes = true;
        else if (c == '.' && next == '.') needs.ellipses = true;
        else if (c == '-' && (next == '-' || (next == ' ' && k > 0 && byte(k - 1) == ' '))) needs.dashes = true;
        else if (c >= '0' && c <= '9') {
            if (next == 'h') needs.hours = true;
            if ((next >= 'a' && next <= 'z') || (next == 0xC3 && byte(k + 2) == 0xA8)) needs.superscripts = true;  // 2e, 2ème
        } else if (roman(c) && (roman(next) || next == 'e' || next == 'r' || next == 'm' || next == 'l' || next == 'g')) {
            needs.superscripts = true;  // XIXe, Ier, Mme, Mlle, Mgr, Dr
        } else if ((c == 'n' || c == 'N') && next == 'o' && (k == 0 || byte(k - 1) == ' ')) {
            needs.superscripts = true;  // no 12
        } else if (c == 0xC2 && next == 0xA0) {
            needs.fines = true;
        } else if (c == 0xE2 && next == 0x80) {
            const unsigned char third = byte(k + 2);
            if (third == 0x9C || third == 0x9D || third == 0x9E) needs.quotes = true;  // “ ” „
            if (third == 0xA6) needs.ellipses = true;                                 // …
        }
    }
    return needs;
}

class Normaliser {
public:
    Normaliser(std::vector<Char> text, const Needs& needs) : text_(std::move(text)), needs_(needs) {}

    std::vector<Char> run() {
        protect_addresses(text_);
        protect_entity_names(text_);
        if (needs_.ellipses) ellipses();
        if (needs_.quotes) quotes();
        if (needs_.dashes) dashes();
        if (needs_.hours) hours();
        if (needs_.superscripts) superscripts();
        if (needs_.fines || needs_.quotes) fines_inside_guillemets();
        return std::move(text_);
    }

private:
    char32_t at(std::size_t i) const { return i < text_.size() ? text_[i].c : 0; }
    char32_t before(std::size_t i) const { return i > 0 ? text_[i - 1].c : 0; }
    void replace(std::size_t i, char32_t c) {
        text_[i].c = c;
        text_[i].changed = true;
    }

    // "..." -> "…"; "etc..." and "etc…" -> "etc." (etc. already ends the list).
    void ellipses() {
        std::vector<Char> out;
        out.reserve(text_.size());
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const Char ch = text_[i];
            std::size_t dots = 0;
            while (ch.on && i + dots < text_.size() && text_[i + dots].c == '.' && text_[i + dots].on) ++dots;
            const bool ellipsis = dots >= 3 || (ch.on && ch.c == kEllipsis);
            if (!ellipsis) {
                out.push_back(ch);
                continue;
            }
            const bool after_etc = out.size() >= 3 && out[out.size() - 3].c == 'e' && out[out.size() - 2].c == 't' &&
                                   out[out.size() - 1].c == 'c' && (out.size() == 3 || !is_letter(out[out.size() - 4].c));
            out.push_back(inserted(after_etc ? U'.' : kEllipsis, ch.run));
            if (dots >= 3) i += dots - 1;
        }
        text_ = std::move(out);
    }

    // Apostrophes and quotation marks, by context; guillemets nest with
    // English double quotes inside them.
    void quotes() {
        std::vector<char32_t> open;  // the quotation marks open so far, innermost last
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char32_t c = text_[i].c;
            const bool on = text_[i].on;
            if (on && (c == '"' || c == kOpeningDouble || c == kClosingDouble || c == kLowDouble)) {
                double_quote(i, open);
            } else if (on && c == '\'') {
                const bool opening = opens_after(before(i)) && !is_white(at(i + 1)) && at(i + 1) != 0;
                replace(i, opening ? kOpeningSingle : kApostrophe);
            } else if (c == kOpeningGuillemet || c == kOpeningDouble || c == kLowDouble) {
                open.push_back(c == kOpeningGuillemet ? kOpeningGuillemet : kOpeningDouble);
            } else if ((c == kClosingGuillemet || c == kClosingDouble) && !open.empty()) {
                open.pop_back();
            }
        }
    }

    void double_quote(std::size_t i, std::vector<char32_t>& open) {
        const char32_t c = text_[i].c;
        const bool opening = c == kOpeningDouble || c == kLowDouble ||
                             (c == '"' && opens_after(before(i)) && !is_white(at(i + 1)) && at(i + 1) != 0);
        if (opening) {
            const char32_t mark = open.empty() ? kOpeningGuillemet : kOpeningDouble;
            if (mark != c) replace(i, mark);
            open.push_back(mark);
            return;
        }
        const char32_t mark = !open.empty() && open.back() == kOpeningDouble ? kClosingDouble : kClosingGuillemet;
        if (mark != c) replace(i, mark);
        if (!open.empty()) open.pop_back();
    }

    // " - " and " -- " between words -> " – " (not between two numbers: 10 - 5).
    void dashes() {
        std::vector<Char> out;
        out.reserve(text_.size());
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const Char ch = text_[i];
            const bool double_hyphen = ch.c == '-' && at(i + 1) == '-' && i + 1 < text_.size() && text_[i + 1].on;
            const std::size_t last = double_hyphen ? i + 1 : i;
            const bool spaced = ch.on && ch.c == '-' && i > 0 && is_space(before(i)) && is_space(at(last + 1)) &&
                                i >= 2 && last + 2 < text_.size();
            if (spaced && !(is_digit(at(i - 2)) && is_digit(at(last + 2)))) {
                out.push_back(inserted(kEnDash, ch.run));
                i = last;
                continue;
            }
            out.push_back(ch);
        }
        text_ = std::move(out);
    }

    // "14h30", "9h" -> "14 h 30", "9 h" (the spacing pass binds them).
    void hours() {
        for (const Token& t : tokens_of(text_)) {
            std::size_t k = t.begin;
            while (k < t.end && is_digit(text_[k].c)) ++k;
            const std::size_t digits = k - t.begin;
            if (digits == 0 || digits > 2 || k >= t.end || text_[k].c != 'h' || !all_on(t)) continue;
            std::size_t m = k + 1;
            while (m < t.end && is_digit(text_[m].c)) ++m;
            const std::size_t minutes = m - k - 1;
            if ((minutes != 0 && minutes != 2) || (m < t.end && (is_letter(text_[m].c) || is_digit(text_[m].c)))) continue;
            hour_marks_.push_back({k, minutes == 2});
        }
        if (hour_marks_.empty()) return;
        std::vector<Char> out;
        out.reserve(text_.size() + 2 * hour_marks_.size());
        std::size_t next = 0;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const bool is_h = next < hour_marks_.size() && hour_marks_[next].first == i;
            if (is_h) out.push_back(inserted(kNoBreakSpace, text_[i].run));
            out.push_back(text_[i]);
            if (is_h && hour_marks_[next].second) out.push_back(inserted(kNoBreakSpace, text_[i].run));
            if (is_h) ++next;
        }
        text_ = std::move(out);
        hour_marks_.clear();
    }

    bool all_on(const Token& t) const {
        for (std::size_t k = t.begin; k < t.end; ++k)
            if (!text_[k].on) return false;
        return true;
    }

    void superscripts() {
        const std::vector<Token> ts = tokens_of(text_);
        for (std::size_t k = 0; k < ts.size(); ++k) {
            // Only a number, a Roman numeral or an abbreviation's capital can start one.
            const Token& t = ts[k];
            const char32_t first = text_[t.begin].c == '(' && t.end - t.begin > 1 ? text_[t.begin + 1].c : text_[t.begin].c;
            if (!is_digit(first) && !is_roman(first) && first != 'n' && first != 'N') continue;
            if (t.end - t.begin < 2 || !all_on(t)) continue;
            if (!ordinal(t)) abbreviation(ts, k);
        }
        if (!removals_.empty()) remove_marked();
    }

    // The letters after a number or a Roman numeral that make an ordinal;
    // "ème", "ième" become "e" (the Imprimerie nationale's form).
    bool ordinal(const Token& t) {
        std::size_t k = t.begin;
        if (text_[k].c == '(') ++k;
        const std::size_t first = k;
        bool roman = false;
        while (k < t.end && is_digit(text_[k].c)) ++k;
        if (k == first) {
            while (k < t.end && is_roman(text_[k].c)) ++k;
            const std::size_t letters = k - first;
            roman = letters >= 2 || (letters == 1 && (text_[first].c == 'I' || text_[first].c == 'V' || text_[first].c == 'X'));
            if (!roman) return false;
        }
        std::size_t end = k;
        while (end < t.end && is_lower(text_[end].c)) ++end;
        if (end == k || (end < t.end && is_letter(text_[end].c))) return false;
        std::u32string suffix;
        for (std::size_t j = k; j < end; ++j) suffix += text_[j].c;
        static const char32_t* const kept[] = {U"er", U"re", U"e", U"es", U"ers", U"res", U"d", U"de", U"ds", U"des",
                                               U"nd", U"nde", U"nds", U"ndes"};
        static const char32_t* const roman_kept[] = {U"er", U"re", U"e", U"es"};
        bool ok = false;
        if (roman)
            for (const char32_t* s : roman_kept) ok = ok || suffix == s;
        else
            for (const char32_t* s : kept) ok = ok || suffix == s;
        if (!ok && !roman && (suffix == U"ème" || suffix == U"ième" || suffix == U"èmes" || suffix == U"ièmes")) {
            // Keep the final "e" or "es": mark the rest for removal.
            const std::size_t keep = suffix.back() == U's' ? 2 : 1;
            for (std::size_t j = k; j < end - keep; ++j) removals_.push_back(j);
            k = end - keep;
            ok = true;
        }
        if (!ok) return false;
        for (std::size_t j = k; j < end; ++j) text_[j].superscript = true;
        return true;
    }

    // Mme, Mmes, Mlle, Mlles, Dr, Drs, Mgr before a capitalised name; « no »
    // and « nos » before a number: all but the first letter raised.
    void abbreviation(const std::vector<Token>& ts, std::size_t k) {
        const Token& t = ts[k];
        std::u32string word;
        for (std::size_t j = t.begin; j < t.end; ++j) word += text_[j].c;
        const bool has_next = k + 1 < ts.size() && ts[k + 1].begin == t.end + 1;
        const char32_t next = has_next ? text_[ts[k + 1].begin].c : 0;
        static const char32_t* const titles[] = {U"Mme", U"Mmes", U"Mlle", U"Mlles", U"Dr", U"Drs", U"Mgr"};
        bool raise = false;
        for (const char32_t* w : titles) raise = raise || (word == w && is_upper(next));
        raise = raise || ((word == U"no" || word == U"nos" || word == U"No" || word == U"Nos") && is_digit(next));
        if (!raise || (t.begin > 0 && !is_white(text_[t.begin - 1].c) && text_[t.begin - 1].c != '(')) return;
        for (std::size_t j = t.begin + 1; j < t.end; ++j) text_[j].superscript = true;
    }

    void remove_marked() {
        std::vector<Char> out;
        out.reserve(text_.size());
        std::size_t r = 0;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (r < removals_.size() && removals_[r] == i) {
                ++r;
                // The inline loses a character: make sure it is rewritten.
                if (i + 1 < text_.size() && text_[i + 1].run == text_[i].run) text_[i + 1].changed = true;
                else if (!out.empty() && out.back().run == text_[i].run) out.back().changed = true;
                continue;
            }
            out.push_back(text_[i]);
        }
        text_ = std::move(out);
        removals_.clear();
    }

    // « » hold narrow spaces, and so do ; ! ? (a no-break space typed there
    // is the wider word space that stretches in justified lines).
    void fines_inside_guillemets() {
        for (std::size_t i = 0; i < text_.size(); ++i) {
            if (text_[i].c != kNoBreakSpace || !text_[i].on) continue;
            const char32_t prev = before(i), next = at(i + 1);
            if (prev == kOpeningGuillemet || next == kClosingGuillemet || next == ';' || next == '!' || next == '?')
                replace(i, kNarrowNoBreakSpace);
        }
    }

    std::vector<Char> text_;
    const Needs needs_;
    std::vector<std::pair<std::size_t, bool>> hour_marks_;  // the h of an hour, and whether minutes follow
    std::vector<std::size_t> removals_;                      // in increasing order
};

}  // namespace

void apply_french_punctuation(std::vector<Inline>& inlines) {
    const Needs needs = needs_of(french_text_of(inlines));
    if (!needs.any()) return;
    write_back(inlines, Normaliser(flatten(inlines), needs).run());
}

// One flat copy of the paragraph for both passes.
void apply_french_typography(std::vector<Inline>& inlines) {
    const std::string french = french_text_of(inlines);
    const Needs needs = needs_of(french);
    // Quotes become guillemets, which the spacing rules then space.
    const bool spacing = spacing_may_apply(french) || needs.quotes;
    if (!needs.any() && !spacing) return;
    std::vector<Char> text = flatten(inlines);
    if (needs.any()) text = Normaliser(std::move(text), needs).run();
    if (spacing) text = apply_spacing_rules(std::move(text));
    write_back(inlines, text);
}

std::string french_typography(const std::string& text) {
    std::vector<Inline> one(1);
    one[0].text = text;
    apply_french_typography(one);
    std::string out;
    for (const Inline& in : one) out += in.text;
    return out;
}

}  // namespace lettrine
