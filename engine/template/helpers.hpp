#pragma once
// Formatting helpers usable in templates as sections: the helper renders its
// content first, then formats the result (docs/MODELES.md, « Fonctions »):
//   {{#en_euros}}{{budget}}{{/en_euros}}            15000      → 15 000 €
//   {{#en_chiffres}}{{n}}{{/en_chiffres}}           1234.5     → 1 234,5
//   {{#en_jours}}{{jours}}{{/en_jours}}             30         → 30 jours
//   {{#euros_en_lettres}}…{{/euros_en_lettres}}     15000      → quinze mille euros
//   {{#nombre_en_lettres}}…{{/nombre_en_lettres}}   21         → vingt et un
//   {{#date_longue}}…{{/date_longue}}               2015-12-01 → 1er décembre 2015
//   {{#date_avec_jour}}…{{/date_avec_jour}}         2016-06-01 → mercredi 1er juin 2016
//   {{#date_courte}}…{{/date_courte}}               2015-12-01 → 01/12/2015
//   {{#ordinal}}…{{/ordinal}}                       1          → 1er
//   {{#ordinal_feminin}}…{{/ordinal_feminin}}       1          → 1re
//   {{#en_majuscules}}…{{/en_majuscules}}           Économie   → ÉCONOMIE
//   {{#de}}…{{/de}}                                 Les Ecossolies → des Ecossolies, Alex → d’Alex
//   {{#a}}…{{/a}}                                   Le Solilab → au Solilab, L’Atelier → à l’Atelier
//   {{#accord}}{{n}} jour prévu|jours prévus{{/accord}}  1,5 → 1,5 jour prévu, 14 → 14 jours prévus
//   {{#le}}{{qualite}}{{/le}}                       Directrice → la Directrice, Animateur → l’Animateur
//   {{#selon_genre}}{{qualite}}|il|elle{{/selon_genre}}  Chargée de mission → elle
// An empty content gives an empty result (an absent optional value prints nothing).
#include <optional>
#include <string>

#include "core/text.hpp"  // xml_escape
#include <vector>

namespace lettrine {

enum class HelperKind {
    Euros, Figures, Days, EurosInWords, NumberInWords, DateLong, DateWithWeekday, DateShort,
    Ordinal, OrdinalFeminine, Upper, Of, To, InSentence, Agreement, DefiniteArticle, ByGender,
};

struct HelperInfo {
    const char* name;      // as written in templates: "en_euros"
    HelperKind kind;
    const char* expects;   // French, for messages: "un montant en chiffres (par exemple 15000 ou 1250,50)"
};

// Every helper, in the order of the documentation.
const std::vector<HelperInfo>& template_helpers();
// nullptr when `name` is not a helper.
const HelperInfo* find_helper(const std::string& name);

// Applies a helper to its rendered content (XML markup: values already
// escaped). Returns the XML-escaped result, or nullopt when the content does
// not suit the helper (the caller reports « la fonction … attend … »).
std::optional<std::string> apply_helper(HelperKind kind, const std::string& rendered);

// The reverse for the five entities and numeric references (&#233; &#xE9;).
std::string xml_unescape(const std::string& markup);

}  // namespace lettrine
