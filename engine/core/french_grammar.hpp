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
// A name's leading « Le », « La », « Les », « L’ » is taken as its article
// (the names in the data are written with their article capitalised, as
// they are on their own); a name whose first word is not an article keeps
// its capital.
#include <string>

namespace lettrine {

enum class Preposition { De, A };

// The words before the name and what is left of it: {"des ", "Ecossolies"}.
struct PrepositionSplit {
    std::string before;  // "des ", "d’", "de la ", "à l’", "de "
    std::string name;    // the name without its article
};
PrepositionSplit split_preposition(Preposition preposition, const std::string& name);

std::string with_de(const std::string& name);
std::string with_a(const std::string& name);

}  // namespace lettrine
