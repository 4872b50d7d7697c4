#include "core/french_grammar.hpp"

#include "core/text.hpp"

#include <cmath>
#include <vector>

namespace lettrine {

namespace {

const char* const kApostrophe = "\u2019";

// Words whose h is aspirated (no elision: « de Hérouville », « de la Halle »).
bool aspirated_h(const std::string& word) {
    static const char* const words[] = {"hameau", "hameaux", "hall", "halle", "halles", "handicap", "hangar",
                                        "hangars", "hasard", "haut", "haute", "hauts", "hautes", "havre", "héros",
                                        "hérouville", "hollande", "hongrie", "honte", "hutte"};
    const std::string upper = to_upper(word);
    for (const char* w : words)
        if (upper == to_upper(w)) return true;
    return false;
}

bool starts_with_vowel_sound(const std::string& name) {
    const std::u32string s = utf8_to_u32(name);
    if (s.empty()) return false;
    const std::u32string vowels = U"AEIOUYÂÀÄÉÈÊËÎÏÔÖÛÙÜŒaeiouyâàäéèêëîïôöûùüœ";
    if (vowels.find(s[0]) != std::u32string::npos) return true;
    if (s[0] != U'H' && s[0] != U'h') return false;
    // A mute h elides (« d’Habitat »), an aspirated one does not.
    std::size_t end = name.find_first_of(" -’'", 0);
    return !aspirated_h(name.substr(0, end));
}

// The name's leading article: "Les ", "Le ", "La ", "L’" or "L'"; empty when none.
std::string article_of(const std::string& name) {
    for (const char* a : {"Les ", "Le ", "La ", "L\u2019", "L'"}) {
        const std::string article = a;
        if (name.size() > article.size() && name.compare(0, article.size(), article) == 0) return article;
    }
    return "";
}

}  // namespace

PrepositionSplit split_preposition(Preposition preposition, const std::string& name) {
    const std::string article = article_of(name);
    const std::string rest = name.substr(article.size());
    if (preposition == Preposition::None)
        return {article.empty() ? std::string() : "l" + article.substr(1), rest};
    const bool de = preposition == Preposition::De;
    if (article == "Les ") return {de ? "des " : "aux ", rest};
    if (article == "Le ") return {de ? "du " : "au ", rest};
    if (article == "La ") return {de ? "de la " : "à la ", rest};
    if (!article.empty()) return {std::string(de ? "de l" : "à l") + kApostrophe, rest};
    if (de && starts_with_vowel_sound(name)) return {std::string("d") + kApostrophe, name};
    return {de ? "de " : "à ", name};
}

std::string with_de(const std::string& name) {
    const PrepositionSplit split = split_preposition(Preposition::De, name);
    return split.before + split.name;
}

std::string with_a(const std::string& name) {
    const PrepositionSplit split = split_preposition(Preposition::A, name);
    return split.before + split.name;
}

std::string in_sentence(const std::string& name) {
    const PrepositionSplit split = split_preposition(Preposition::None, name);
    return split.before + split.name;
}

bool is_plural_count(double count) { return std::fabs(count) >= 2; }

namespace {

bool ends_with(const std::string& word, const std::string& end) {
    return word.size() >= end.size() && word.compare(word.size() - end.size(), end.size(), end) == 0;
}

bool is_one_of(const std::string& word, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (word == w) return true;
    return false;
}

// The words of `text`, split at spaces (hyphens stay: « Co-présidente »).
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

// One word's gender by its ending (upper case); nothing for an epicene
// word (Secrétaire, Responsable, Membre) or one the endings do not tell.
std::optional<Gender> gender_of_word(const std::string& w) {
    if (is_one_of(w, {"MME", "MMES", "MADAME", "MESDAMES", "MLLE", "MADEMOISELLE", "F", "FEMME", "FÉMININ", "FEMININ",
                      "ELLE"}))
        return Gender::Feminine;
    if (is_one_of(w, {"M.", "MM.", "M", "MONSIEUR", "MESSIEURS", "H", "HOMME", "MASCULIN", "IL"}))
        return Gender::Masculine;
    for (const char* end : {"TRICE", "EUSE", "ESSE", "IÈRE", "ÈRE", "IENNE", "ENNE", "ONNE", "ÉE", "ANTE", "ENTE", "INTE",
                            "IVE", "ELLE", "ETTE", "EURE", "ALE", "AINE", "INE", "UE"})
        if (ends_with(w, end)) return Gender::Feminine;
    if (ends_with(w, "E")) return std::nullopt;  // Secrétaire, Responsable, Comptable, Membre
    for (const char* end : {"EUR", "IER", "ER", "IEN", "EN", "ON", "É", "ANT", "ENT", "INT", "IF", "EL", "ET", "AL",
                            "AIN", "IN", "EF", "U", "T", "D", "S"})
        if (ends_with(w, end)) return Gender::Masculine;
    return std::nullopt;
}

}  // namespace

std::string regular_plural(const std::string& word) {
    const std::string w = to_upper(word);
    if (w.empty() || ends_with(w, "S") || ends_with(w, "X") || ends_with(w, "Z")) return word;
    if (is_one_of(w, {"PNEU", "BLEU", "LANDAU", "ÉMEU"})) return word + "s";
    if (ends_with(w, "EAU") || ends_with(w, "AU") || ends_with(w, "EU")) return word + "x";
    if (ends_with(w, "AL") && !is_one_of(w, {"BAL", "CARNAVAL", "FESTIVAL", "RÉCITAL", "RÉGAL", "CHACAL", "NATAL"}))
        return word.substr(0, word.size() - 1) + "ux";
    return word + "s";
}

std::optional<Gender> gender_of(const std::string& text) {
    const std::vector<std::string> words = words_of(trim(text));
    for (const std::string& word : words) {
        const std::string w = to_upper(word);  // compared in capitals: « directrice », « Directrice »
        // A role's complement says nothing of the person (« Chargée de mission »).
        if (is_one_of(w, {"DE", "DU", "DES", "D’", "À", "AU", "AUX", "EN", "POUR", "CHEZ", "ET"}) ||
            w.rfind("D’", 0) == 0 || w.rfind("D'", 0) == 0)
            return std::nullopt;
        // « Co-présidente », « Vice-président »: the last part is the noun.
        const std::size_t hyphen = w.rfind('-');
        const std::optional<Gender> g = gender_of_word(hyphen == std::string::npos ? w : w.substr(hyphen + 1));
        if (g) return g;
    }
    return std::nullopt;
}

std::optional<std::string> with_definite_article(const std::string& role) {
    const std::string name = trim(role);
    const std::optional<Gender> gender = gender_of(name);
    if (!gender) return std::nullopt;
    if (starts_with_vowel_sound(name)) return std::string("l") + kApostrophe + name;
    return std::string(*gender == Gender::Feminine ? "la " : "le ") + name;
}

}  // namespace lettrine
