#include "template/french_grammar.hpp"

#include "core/text.hpp"

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

}  // namespace lettrine
