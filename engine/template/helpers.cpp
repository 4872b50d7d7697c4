#include "template/helpers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/text.hpp"
#include "data/amount.hpp"
#include "data/calendar.hpp"
#include "template/french_format.hpp"
#include "core/french_grammar.hpp"

namespace lettrine {

namespace {

const char* const kExpectsAmount = "un montant en chiffres (par exemple 15000 ou 1250,50)";
const char* const kExpectsNumber = "un nombre en chiffres (par exemple 1234,5)";
const char* const kExpectsInteger = "un nombre entier en chiffres (par exemple 21)";
const char* const kExpectsDays = "un nombre de jours en chiffres (par exemple 30 ou 2,5)";
const char* const kExpectsDate = "une date (par exemple 2015-12-01 ou 01/12/2015)";

// Upper-cases the text of a markup fragment, leaving tags and entity
// references as they are ("<b>café</b> &amp; co" → "<b>CAFÉ</b> &amp; CO").
std::string upper_markup(const std::string& markup) {
    std::string out, run;
    auto flush = [&] {
        out += to_upper(run);
        run.clear();
    };
    for (std::size_t i = 0; i < markup.size();) {
        const char c = markup[i];
        std::size_t end = std::string::npos;
        if (c == '<') end = markup.find('>', i);
        else if (c == '&') end = markup.find(';', i);
        if (end != std::string::npos) {
            flush();
            out.append(markup, i, end + 1 - i);
            i = end + 1;
        } else {
            run += c;
            ++i;
        }
    }
    flush();
    return out;
}

std::string days_text(const Decimal& d) {
    return format_decimal(d) + kUnitSpace + (is_plural_count(std::stod(d.integer_digits)) ? "jours" : "jour");
}

// « 2 jour prévu|jours prévus » -> « 2 jours prévus », « 1,5 jour » -> « 1,5 jour »:
// a number in figures, then the singular and plural forms (one word: its
// plural by the regular rules). Nothing when the number or the forms are missing.
std::optional<std::string> agreement(const std::string& value) {
    std::size_t end = 0;  // the number: sign, digits, group spaces, one decimal comma or point
    for (bool more = true; more && end < value.size();) {
        const char c = value[end];
        if (value.compare(end, 3, "\u202F") == 0 || (end == 0 && value.compare(0, 3, "\u2212") == 0)) end += 3;
        else if (value.compare(end, 2, "\u00A0") == 0) end += 2;
        else if (std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == ' ' ||
                 (end == 0 && (c == '-' || c == '+')))
            ++end;
        else more = false;
    }
    const std::string number = trim(value.substr(0, end));
    std::string figures;
    for (char c : number)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') figures += c;
        else if (c == ',' || c == '.') figures += '.';
    const std::string forms = trim(value.substr(end));
    if (figures.empty() || figures.find_first_of("0123456789") == std::string::npos || forms.empty()) return std::nullopt;
    char* stop = nullptr;
    const double count = std::strtod(figures.c_str(), &stop);
    if (*stop != '\0') return std::nullopt;
    const std::size_t bar = forms.find('|');
    std::string singular = trim(forms.substr(0, bar)), plural;
    if (bar != std::string::npos) plural = trim(forms.substr(bar + 1));
    else if (singular.find(' ') == std::string::npos) plural = regular_plural(singular);
    if (singular.empty() || plural.empty() || plural.find('|') != std::string::npos) return std::nullopt;
    return number + kUnitSpace + (is_plural_count(count) ? plural : singular);
}

// « Chargée de mission|l’animateur|l’animatrice » -> « l’animatrice »: the
// gender a data field says (core/french_grammar.hpp, gender_of) picks one of
// two forms; a value that does not say it (empty, « Secrétaire ») gives both:
// « l’animateur ou l’animatrice ».
std::optional<std::string> by_gender(const std::string& value) {
    const std::size_t first = value.find('|');
    const std::size_t second = first == std::string::npos ? first : value.find('|', first + 1);
    if (second == std::string::npos || value.find('|', second + 1) != std::string::npos) return std::nullopt;
    const std::string masculine = trim(value.substr(first + 1, second - first - 1));
    const std::string feminine = trim(value.substr(second + 1));
    if (masculine.empty() || feminine.empty()) return std::nullopt;
    const std::optional<Gender> gender = gender_of(value.substr(0, first));
    if (!gender) return masculine + " ou " + feminine;
    return *gender == Gender::Feminine ? feminine : masculine;
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); out += static_cast<char>(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// « de » or « à » before a name (french_grammar.hpp). The name may start
// with markup: « <b>Les Ecossolies</b> » gives « des <b>Ecossolies</b> »
// (the preposition and the contracted article stay outside the styling).
std::string with_preposition(HelperKind kind, const std::string& rendered) {
    const std::string trimmed = trim(rendered);
    if (trimmed.empty()) return std::string();
    std::size_t text_start = 0;  // after the leading opening tags
    while (text_start < trimmed.size() && trimmed[text_start] == '<' && trimmed.compare(text_start, 2, "</") != 0) {
        const std::size_t close = trimmed.find('>', text_start);
        if (close == std::string::npos) break;
        text_start = close + 1;
    }
    const std::size_t text_end = std::min(trimmed.find('<', text_start), trimmed.size());
    const std::string text = xml_unescape(trimmed.substr(text_start, text_end - text_start));
    const Preposition preposition =
        kind == HelperKind::Of ? Preposition::De : kind == HelperKind::To ? Preposition::A : Preposition::None;
    const PrepositionSplit split = split_preposition(preposition, text);
    return xml_escape(split.before) + trimmed.substr(0, text_start) + xml_escape(split.name) + trimmed.substr(text_end);
}

}  // namespace

const std::vector<HelperInfo>& template_helpers() {
    static const std::vector<HelperInfo> kHelpers = {
        {"en_euros", HelperKind::Euros, kExpectsAmount},
        {"en_chiffres", HelperKind::Figures, kExpectsNumber},
        {"en_jours", HelperKind::Days, kExpectsDays},
        {"euros_en_lettres", HelperKind::EurosInWords, kExpectsAmount},
        {"nombre_en_lettres", HelperKind::NumberInWords, kExpectsInteger},
        {"date_longue", HelperKind::DateLong, kExpectsDate},
        {"date_avec_jour", HelperKind::DateWithWeekday, kExpectsDate},
        {"date_courte", HelperKind::DateShort, kExpectsDate},
        {"ordinal", HelperKind::Ordinal, kExpectsInteger},
        {"ordinal_feminin", HelperKind::OrdinalFeminine, kExpectsInteger},
        {"en_majuscules", HelperKind::Upper, "un texte"},
        {"de", HelperKind::Of, "un nom"},
        {"a", HelperKind::To, "un nom"},
        {"en_phrase", HelperKind::InSentence, "un nom"},
        {"accord", HelperKind::Agreement,
         "un nombre en chiffres suivi du nom au singulier, et de son pluriel s’il a plusieurs mots (par exemple "
         "« 2 jour » ou « 2 jour prévu|jours prévus »)"},
        {"le", HelperKind::DefiniteArticle,
         "une qualité qui dit le genre de la personne (par exemple « Directrice », « Chargé de mission », "
         "« Secrétaire générale »)"},
        {"selon_genre", HelperKind::ByGender,
         "une valeur qui dit le genre (« Mme », « M. », une qualité comme « Directrice »), puis le masculin et le "
         "féminin, séparés par « | » (par exemple « Chargée de mission|l’animateur|l’animatrice »)"},
    };
    return kHelpers;
}

const HelperInfo* find_helper(const std::string& name) {
    for (const auto& h : template_helpers())
        if (name == h.name) return &h;
    return nullptr;
}

std::optional<std::string> apply_helper(HelperKind kind, const std::string& rendered) {
    if (kind == HelperKind::Upper) return upper_markup(rendered);
    if (kind == HelperKind::Of || kind == HelperKind::To || kind == HelperKind::InSentence)
        return with_preposition(kind, rendered);

    const std::string value = trim(xml_unescape(rendered));
    if (value.empty()) return std::string();
    std::optional<std::string> result;
    switch (kind) {
        case HelperKind::Euros:
            if (const auto m = parse_amount(value)) result = format_amount(*m);
            break;
        case HelperKind::EurosInWords:
            if (const auto m = parse_amount(value)) result = amount_in_words(*m);
            break;
        case HelperKind::Figures:
            if (const auto d = parse_decimal(value)) result = format_decimal(*d);
            break;
        case HelperKind::Days:
            if (const auto d = parse_decimal(value)) result = days_text(*d);
            break;
        case HelperKind::NumberInWords:
            if (const auto n = parse_integer(value)) result = number_in_words(*n);
            break;
        case HelperKind::Ordinal:
            if (const auto n = parse_integer(value)) result = format_ordinal(*n, Gender::Masculine);
            break;
        case HelperKind::OrdinalFeminine:
            if (const auto n = parse_integer(value)) result = format_ordinal(*n, Gender::Feminine);
            break;
        case HelperKind::DateLong:
            if (const auto d = parse_date(value)) result = format_date_long(*d);
            break;
        case HelperKind::DateWithWeekday:
            if (const auto d = parse_date(value)) result = format_date_with_weekday(*d);
            break;
        case HelperKind::DateShort:
            if (const auto d = parse_date(value)) result = format_date_short(*d);
            break;
        case HelperKind::Agreement: result = agreement(value); break;
        case HelperKind::DefiniteArticle: result = with_definite_article(value); break;
        case HelperKind::ByGender: result = by_gender(value); break;
        case HelperKind::Upper:
        case HelperKind::Of:
        case HelperKind::To:
        case HelperKind::InSentence: break;
    }
    if (!result) return std::nullopt;
    return xml_escape(*result);
}

std::string xml_unescape(const std::string& markup) {
    std::string out;
    out.reserve(markup.size());
    for (std::size_t i = 0; i < markup.size(); ++i) {
        if (markup[i] != '&') { out += markup[i]; continue; }
        const std::size_t semi = markup.find(';', i);
        if (semi == std::string::npos || semi - i > 10) { out += '&'; continue; }
        const std::string entity = markup.substr(i + 1, semi - i - 1);
        if (entity == "amp") out += '&';
        else if (entity == "lt") out += '<';
        else if (entity == "gt") out += '>';
        else if (entity == "quot") out += '"';
        else if (entity == "apos") out += '\'';
        else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x' || entity[1] == 'X';
            char* end = nullptr;
            const std::string digits = entity.substr(hex ? 2 : 1);
            const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) { out += '&'; continue; }
            append_utf8(out, cp);
        } else {
            out += '&';
            continue;
        }
        i = semi;
    }
    return out;
}

}  // namespace lettrine
