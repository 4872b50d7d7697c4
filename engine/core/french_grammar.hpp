#pragma once
// The little words before a name, as French grammar wants them
// (docs/MODELES.md, « Fonctions ») : the preposition « de » elides before a
// vowel or a mute h and contracts with the name's article, and so does « à ».
//   de("Les Ecossolies")  -> "des Ecossolies"     a("Le Solilab")    -> "au Solilab"
//   de("Le Solilab")      -> "du Solilab"         a("Les Ecossolies") -> "aux Ecossolies"
//   de("La Fabrique")     -> "de la Fabrique"     a("La Fabrique")   -> "à la Fabrique"
//   de("L’Atelier")       -> "de l’Atelier"       a("L’Atelier")     -> "à l’Atelier"
//   de("Alex Exemple")    -> "d’Alex Exemple"     a("Alex Exemple")  -> "à Alex Exemple"
//   de("Habitat")         -> "d’Habitat"          (mute h)
//   de("Hérouville")      -> "de Hérouville"      (aspirated h: a list of words)
//   in_sentence("Les Ecossolies") -> "les Ecossolies" (after « pour », « avec »…)
// A name's leading « Le », « La », « Les », « L’ » is taken as its article
// (the names in the data are written with their article capitalised, as
// they are on their own); a name whose first word is not an article keeps
// its capital.
// Agreement, for the places where a count or a person decides the form:
//   is_plural_count(1.5) -> false (« 1,5 jour »), is_plural_count(2) -> true;
//   regular_plural("jour") -> "jours", ("bureau") -> "bureaux", ("local") -> "locaux";
//   gender_of("Directrice") -> Feminine, ("Chargé de mission") -> Masculine,
//   ("Mme") -> Feminine, ("Secrétaire") -> nothing (either: the text cannot say);
//   with_definite_article("Directrice") -> "la Directrice", ("Animateur") -> "l’Animateur".
#include <optional>
#include <string>

namespace lettrine {

enum class Gender { Masculine, Feminine };

// None: the name inside a sentence, its article in lower case
// (« pour les Ecossolies », « avec l’Atelier »).
enum class Preposition { De, A, None };

// The words before the name and what is left of it: {"des ", "Ecossolies"}.
struct PrepositionSplit {
    std::string before;  // "des ", "d’", "de la ", "à l’", "de "
    std::string name;    // the name without its article
};
PrepositionSplit split_preposition(Preposition preposition, const std::string& name);

std::string with_de(const std::string& name);
std::string with_a(const std::string& name);
std::string in_sentence(const std::string& name);

// French number agreement: the plural starts at two, whatever the decimals
// (« 0,5 jour », « 1,5 jour », « 2 jours »).
bool is_plural_count(double count);

// The plural of one French noun or adjective by the regular rules: -s, but
// -x after -eau, -au, -eu (pneu, bleu, landau take -s), -al -> -aux (but bal,
// carnaval, festival, récital, régal, chacal take -s), unchanged after -s, -x, -z.
std::string regular_plural(const std::string& word);

// The gender a role, a civility or a marker says: « Mme », « M. », « f »,
// « h », « femme », « féminin »…, or a role written in the data as the
// person's own (« Directrice », « Chargée de mission », « Co-présidente »,
// « Secrétaire générale »): its first word, or when that word is the same
// for both (Secrétaire, Responsable), the next one before « de », « du »…
// Nothing when the text does not say.
std::optional<Gender> gender_of(const std::string& text);

// « le », « la » or « l’ » before a role: "la Directrice", "l’Animatrice".
// Nothing when its gender cannot be read (gender_of).
std::optional<std::string> with_definite_article(const std::string& role);

}  // namespace lettrine
