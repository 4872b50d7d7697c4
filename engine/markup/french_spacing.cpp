#include "markup/french_spacing.hpp"

#include <cstring>

#include "core/text.hpp"
#include "markup/detail/french_text.hpp"

namespace lettrine {

namespace {

using namespace french_detail;

// Amounts of four digits are grouped like longer ones ("1 500 €", as the
// data formatter writes them); other four-digit numbers are not, as the
// Imprimerie nationale asks (and so that years stay "2016").
constexpr std::size_t kGroupedDigits = 5;
constexpr std::size_t kGroupedAmountDigits = 4;

bool is_currency(char32_t c) { return c == 0x20AC || c == '$' || c == 0xA3 || c == 0xA5; }
bool is_percent(char32_t c) { return c == '%' || c == 0x2030; }
// Signs after which a ; ! ? : needs no space of its own ("?!", "(?)").
bool is_opening_or_sign(char32_t c) {
    return c == '(' || c == '[' || c == '!' || c == '?' || c == ';' || c == ':' || c == 0xAB;
}
bool ends_clause(char32_t c) {  // what may follow a ; ! ? : that is a punctuation mark
    return c == 0 || is_white(c) || c == ')' || c == ']' || c == 0xBB || c == '.' || c == ',' || c == 0x2026 ||
           c == '"' || c == 0x201D || c == 0x2019;
}

class Spacer {
public:
    explicit Spacer(std::vector<Char> text) : text_(std::move(text)) {}

    std::vector<Char> run() {
        protect_addresses(text_);
        protect_entity_names(text_);
        punctuation();
        numbers_and_abbreviations();
        insertions();
        return std::move(text_);
    }

private:
    std::vector<Token> tokens() const { return tokens_of(text_); }

    // ; ! ? » and « get a narrow no-break space, : a no-break space.
    void punctuation() {
        std::vector<Char> out;
        out.reserve(text_.size() + text_.size() / 8);
        const std::size_t n = text_.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Char ch = text_[i];
            const char32_t next = i + 1 < n ? text_[i + 1].c : 0;
            if (!ch.on) {
                out.push_back(ch);
                continue;
            }
            const bool after_space = !out.empty() && out.back().c == kSpace && out.back().on;
            const bool after_word = !out.empty() && !is_white(out.back().c) && !is_opening_or_sign(out.back().c);
            auto space_before = [&](char32_t space) {
                if (after_space) out.back() = inserted(space, out.back().run);
                else if (after_word) out.push_back(inserted(space, ch.run));
            };
            switch (ch.c) {
            case ';':
                if (after_space || ends_clause(next)) space_before(kNarrowNoBreakSpace);
                break;
            case '!':
            case '?':
                if (after_space || ends_clause(next) || next == '!' || next == '?') space_before(kNarrowNoBreakSpace);
                break;
            case ':':
                // Not inside 14:30 or 1:2; inserted only when the colon ends a clause ("Objet: …").
                if (after_space) space_before(kNoBreakSpace);
                else if (ends_clause(next) && !(!out.empty() && is_digit(out.back().c) && is_digit(next)))
                    space_before(kNoBreakSpace);
                break;
            case 0xBB:  // »
                if (after_space) out.back() = inserted(kNarrowNoBreakSpace, out.back().run);
                else if (!out.empty() && !is_white(out.back().c) && out.back().c != 0xAB)
                    out.push_back(inserted(kNarrowNoBreakSpace, ch.run));
                break;
            default:
                break;
            }
            out.push_back(ch);
            if (ch.c == 0xAB && i + 1 < n) {  // «
                Char& following = text_[i + 1];
                if (following.c == kSpace && following.on) following = inserted(kNarrowNoBreakSpace, following.run);
                else if (!is_white(following.c)) out.push_back(inserted(kNarrowNoBreakSpace, ch.run));
            }
        }
        text_ = std::move(out);
    }

    std::u32string token_text(const Token& t) const {
        std::u32string s;
        for (std::size_t k = t.begin; k < t.end; ++k) s += text_[k].c;
        return s;
    }
    bool token_on(const Token& t) const {
        for (std::size_t k = t.begin; k < t.end; ++k)
            if (!text_[k].on) return false;
        return true;
    }

    // "15", "15,5", "000" (a group), "1er", "2e": a token that is a number,
    // possibly ordinal. `year` tells a plain four-digit number from 1000 to
    // 2999 that does not continue a grouped number.
    bool is_number(const Token& t, bool& year, bool& ordinal) const {
        std::u32string s = token_text(t);
        if (!s.empty() && (s[0] == '(' || s[0] == '[')) s.erase(0, 1);
        std::size_t k = 0;
        while (k < s.size() && is_digit(s[k])) ++k;
        if (k == 0) return false;
        const std::size_t digits = k;
        if (k + 1 < s.size() && (s[k] == ',' || s[k] == '.') && is_digit(s[k + 1])) {
            ++k;
            while (k < s.size() && is_digit(s[k])) ++k;
        }
        const std::u32string suffix = s.substr(k);
        static const char32_t* const ordinals[] = {U"er", U"re", U"e", U"es", U"ers", U"res", U"d", U"de", U"nd", U"nde"};
        ordinal = false;
        if (!suffix.empty()) {
            for (const char32_t* o : ordinals)
                if (suffix == o) ordinal = true;
            if (!ordinal) return false;
        }
        const bool continues_group = t.begin >= 2 && text_[t.begin - 1].c != kSpace && is_digit(text_[t.begin - 2].c);
        year = digits == 4 && s.size() == 4 && (s[0] == '1' || s[0] == '2') && !continues_group && !ordinal;
        return true;
    }

    // Whether a unit, a currency or a counted noun starts `t`.
    bool is_quantity(const Token& t, bool year) const {
        const char32_t first = text_[t.begin].c;
        if (is_currency(first) || is_percent(first) || first == 0xB0) return true;
        const std::u32string s = token_text(t);
        static const char32_t* const units[] = {U"EUR", U"HT", U"TTC", U"ETP", U"USD", U"k€", U"M€",
                                                U"kW", U"kWh", U"MW", U"MWh", U"Ko", U"Mo", U"Go", U"To"};
        for (const char32_t* u : units) {
            const std::size_t len = std::char_traits<char32_t>::length(u);
            if (s.compare(0, len, u) == 0 && (s.size() == len || !is_letter(s[len]))) return true;
        }
        if (year || !is_lower(first)) return false;
        // A number is bound to the noun it counts ("30 jours"), not to the
        // little words that may follow it ("de 30 à 45", "n° 12 et").
        std::u32string word;
        for (char32_t c : s) {
            if (!is_letter(c)) break;
            word += c;
        }
        static const char32_t* const function_words[] = {
            U"à", U"a", U"au", U"aux", U"avec", U"ce", U"ces", U"chez", U"dans", U"de", U"des", U"du", U"en",
            U"est", U"et", U"l", U"la", U"le", U"les", U"mais", U"ni", U"ou", U"par", U"pour", U"que", U"qui",
            U"sans", U"se", U"sont", U"sous", U"sur", U"un", U"une", U"d", U"n", U"s", U"y"};
        for (const char32_t* f : function_words)
            if (word == f) return false;
        return true;
    }

    // Breakable spaces that become no-break ones: after a number (before
    // its unit), after n°, after a civility, inside "14 h 30", and between
    // groups of digits already separated by a space.
    void numbers_and_abbreviations() {
        const std::vector<Token> ts = tokens();
        for (std::size_t k = 0; k + 1 < ts.size(); ++k) {
            const Token& prev = ts[k];
            const Token& next = ts[k + 1];
            if (next.begin != prev.end + 1) continue;  // separated by more than one character
            Char& space = text_[prev.end];
            if (space.c != kSpace || !space.on) continue;
            // Every rule below is about a number, n°, a civility or the h of 14 h 30 before the space.
            const char32_t head = text_[prev.begin].c;
            if (!is_digit(text_[prev.end - 1].c) &&
                !(prev.end - prev.begin <= 5 && (is_digit(head) || head == '(' || head == 'M' || head == 'D' ||
                                                 head == 'P' || head == 'n' || head == 'N' || head == 'h')))
                continue;
            if (!token_on(prev) || !token_on(next)) continue;
            bool year = false, ordinal = false;
            const std::u32string p = token_text(prev), nx = token_text(next);
            const bool prev_starts_word = prev.begin == 0 || is_white(text_[prev.begin - 1].c) || text_[prev.begin - 1].c == '(';
            static const char32_t* const numero[] = {U"n°", U"N°", U"nº", U"Nº", U"n°s", U"nos", U"no", U"No", U"Nos"};
            auto is_numero_token = [&](const std::u32string& w) {
                for (const char32_t* n : numero)
                    if (w == n) return true;
                return false;
            };
            const bool after_numero = k > 0 && ts[k - 1].end + 1 == prev.begin && is_numero_token(token_text(ts[k - 1]));
            if (prev_starts_word && !after_numero && is_number(prev, year, ordinal)) {
                // "15 000": a group of one to three digits, then exactly three.
                bool plain = !p.empty();
                for (char32_t c : p) plain = plain && is_digit(c);
                std::size_t digits = 0;
                while (digits < nx.size() && is_digit(nx[digits])) ++digits;
                if (plain && p.size() <= 3 && digits == 3 && (nx.size() == 3 || !is_digit(nx[3])) &&
                    (nx.size() == 3 || nx[3] == ',' || nx[3] == '.' || !is_letter(nx[3])) && is_grouped_amount_end(k + 1, ts)) {
                    space = inserted(kNarrowNoBreakSpace, space.run);
                    continue;
                }
                if (is_quantity(next, year) && (!ordinal || is_lower(nx[0]))) {
                    space = inserted(kNoBreakSpace, space.run);
                    continue;
                }
            }
            if (is_numero_token(p) && prev_starts_word && is_digit(nx[0])) {
                space = inserted(kNoBreakSpace, space.run);
                continue;
            }
            static const char32_t* const civilities[] = {U"M.", U"MM.", U"Mme", U"Mmes", U"Mlle", U"Mlles",
                                                         U"Me", U"Dr", U"Pr"};
            bool civility = false;
            for (const char32_t* w : civilities) civility = civility || p == w;
            if (civility && prev_starts_word && is_upper(nx[0])) {
                space = inserted(kNoBreakSpace, space.run);
                continue;
            }
            // "14 h 30": the space after the h (the one before it is a number's).
            if (p == U"h" && k > 0 && is_digit(nx[0]) && prev.begin >= 2 && is_digit(text_[prev.begin - 2].c))
                space = inserted(kNoBreakSpace, space.run);
        }
    }

    // The number ending at token `k` ("000" of "15 000") is followed by what
    // an amount or a count is followed by: a unit, a currency, a noun, or the
    // end of the clause.
    bool is_grouped_amount_end(std::size_t k, const std::vector<Token>& ts) const {
        const Token& t = ts[k];
        const std::u32string s = token_text(t);
        if (s.size() > 3) return !is_letter(s[3]);  // "000," "000." "000)"
        if (k + 1 >= ts.size()) return true;
        bool year = false;
        return is_quantity(ts[k + 1], year) || !is_letter(text_[ts[k + 1].begin].c);
    }

    // Digits grouped by three; a no-break space inserted in "10%", "15€", "n°5".
    void insertions() {
        std::vector<Char> out;
        out.reserve(text_.size() + 8);
        const std::size_t n = text_.size();
        for (std::size_t i = 0; i < n;) {
            const Char ch = text_[i];
            if (!ch.on) {
                out.push_back(ch);
                ++i;
                continue;
            }
            if (is_digit(ch.c) && starts_number(i)) {
                std::size_t e = i;
                bool all_on = true;
                while (e < n && is_digit(text_[e].c)) all_on = all_on && text_[e++].on;
                const std::size_t digits = e - i;
                const bool group = all_on && digits >= kGroupedAmountDigits && (e >= n || !is_letter(text_[e].c)) &&
                                   followed_by_quantity(e, digits);
                for (std::size_t k = i; k < e; ++k) {
                    if (group && k > i && (e - k) % 3 == 0) out.push_back(inserted(kNarrowNoBreakSpace, text_[k].run));
                    out.push_back(text_[k]);
                }
                if (e < n && text_[e].on && (is_percent(text_[e].c) || is_currency(text_[e].c)) && all_on)
                    out.push_back(inserted(kNoBreakSpace, text_[e].run));
                i = e;
                continue;
            }
            out.push_back(ch);
            ++i;
            // "n°5" -> "n° 5"
            if ((ch.c == 0xB0 || ch.c == 0xBA) && i < n && is_digit(text_[i].c) && text_[i].on && out.size() >= 2 &&
                (out[out.size() - 2].c == 'n' || out[out.size() - 2].c == 'N') &&
                (out.size() == 2 || is_white(out[out.size() - 3].c) || out[out.size() - 3].c == '('))
                out.push_back(inserted(kNoBreakSpace, ch.run));
        }
        text_ = std::move(out);
    }

    // A digit that begins a number: not inside a word, a decimal part, a
    // reference ("2016-04"), a date ("01/12") or an already grouped number.
    bool starts_number(std::size_t i) const {
        if (i == 0) return true;
        const char32_t before = text_[i - 1].c;
        if (is_digit(before) || is_letter(before) || before == ',' || before == '.' || before == '-' || before == '/' ||
            before == 0xB0 || before == 0xBA || before == '+' || before == 0x2212 || before == '#')
            return false;
        if ((before == kNarrowNoBreakSpace || before == kNoBreakSpace || before == kSpace) && i >= 2 &&
            is_digit(text_[i - 2].c))
            return false;
        return true;
    }

    // After the digits ending at e: an optional decimal part, an optional
    // space, then a currency, a percent sign or (for five digits and more)
    // a counted noun.
    bool followed_by_quantity(std::size_t e, std::size_t digits) const {
        const std::size_t n = text_.size();
        std::size_t k = e;
        if (k + 1 < n && (text_[k].c == ',' || text_[k].c == '.') && is_digit(text_[k + 1].c)) {
            ++k;
            while (k < n && is_digit(text_[k].c)) ++k;
        }
        if (k < n && (text_[k].c == kSpace || text_[k].c == kNoBreakSpace || text_[k].c == kNarrowNoBreakSpace)) ++k;
        if (k >= n) return false;
        const char32_t c = text_[k].c;
        if (is_currency(c) || is_percent(c)) return true;
        if (digits < kGroupedDigits) {
            static const char32_t euros[] = U"euro";
            for (std::size_t j = 0; j < 4; ++j)
                if (k + j >= n || text_[k + j].c != euros[j]) return false;
            return true;
        }
        return is_lower(c);
    }

    std::vector<Char> text_;
};

}  // namespace

bool is_french(const std::string& lang) {
    return lang.size() >= 2 && (lang[0] == 'f' || lang[0] == 'F') && (lang[1] == 'r' || lang[1] == 'R') &&
           (lang.size() == 2 || lang[2] == '-' || lang[2] == '_');
}

namespace {

// Whether a rule may apply to this UTF-8 text at all: most paragraphs of a
// letter have no sign, digit or abbreviation the rules look at.
bool may_need_spacing(const std::string& text) {
    const std::size_t n = text.size();
    for (std::size_t k = 0; k < n; ++k) {
        const unsigned char c = static_cast<unsigned char>(text[k]);
        const unsigned char next = k + 1 < n ? static_cast<unsigned char>(text[k + 1]) : 0;
        switch (c) {
        case ';': case '!': case '?': case ':': case '%': case '$':
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
            return true;
        case 0xC2:  // « » ° º £
            if (next == 0xAB || next == 0xBB || next == 0xB0 || next == 0xBA || next == 0xA3) return true;
            break;
        case 0xE2:  // € (E2 82 AC) ‰ (E2 80 B0)
            if ((next == 0x82 && k + 2 < n && static_cast<unsigned char>(text[k + 2]) == 0xAC) ||
                (next == 0x80 && k + 2 < n && static_cast<unsigned char>(text[k + 2]) == 0xB0))
                return true;
            break;
        case 'M':  // M. MM. Mme Mlle Me
            if (next == '.' || next == 'M' || next == 'm' || next == 'l' || next == 'e') return true;
            break;
        case 'D': case 'P':  // Dr Pr
            if (next == 'r') return true;
            break;
        default:
            break;
        }
    }
    return false;
}

}  // namespace

namespace french_detail {

std::string french_text_of(const std::vector<Inline>& inlines) {
    std::string french;
    for (const Inline& in : inlines)
        if (in.kind == InlineKind::Text && in.style.french_spacing && is_french(in.style.lang)) french += in.text;
    return french;
}

std::vector<Char> apply_spacing_rules(std::vector<Char> text) { return Spacer(std::move(text)).run(); }

bool spacing_may_apply(const std::string& text) { return may_need_spacing(text); }

}  // namespace french_detail

void apply_french_spacing(std::vector<Inline>& inlines) {
    // The French text of the paragraph, as one string: a sign may be split
    // across inlines (« M<exposant>me</exposant> »).
    if (!may_need_spacing(french_text_of(inlines))) return;
    write_back(inlines, Spacer(flatten(inlines)).run());
}

std::string french_spacing(const std::string& text) {
    std::vector<Inline> one(1);
    one[0].text = text;
    apply_french_spacing(one);
    return one[0].text;
}

}  // namespace lettrine
