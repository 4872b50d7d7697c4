#pragma once
// Tolerant comparison of names typed by people (sheet names, column headers,
// XML element names): case, accents, apostrophes and spacing do not matter.
#include <string>

namespace lettrine {

// "Qualité de l’intervenant " -> "qualite-de-l-intervenant"; "" for blank text.
std::string normalize_name(const std::string& name);

// A key usable as a Mustache name: "Nom du contact" -> "nom_du_contact".
std::string mustache_key(const std::string& name);

}  // namespace lettrine
