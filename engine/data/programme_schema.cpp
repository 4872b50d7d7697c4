#include "data/programme_schema.hpp"

#include <stdexcept>

#include "data/names.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
}  // namespace

const FieldSpec* TableSpec::match(const std::string& name) const {
    const std::string wanted = normalize_name(name);
    if (wanted.empty()) return nullptr;
    for (const auto& f : fields) {
        if (normalize_name(f.id) == wanted || normalize_name(f.label) == wanted) return &f;
        for (const auto& alias : f.aliases)
            if (normalize_name(alias) == wanted) return &f;
    }
    return nullptr;
}

const FieldSpec& TableSpec::field(const std::string& wanted) const {
    for (const auto& f : fields)
        if (f.id == wanted) return f;
    throw std::logic_error("unknown programme field " + wanted);
}

const TableSpec& programme_fields_spec() {
    static const TableSpec spec{"programme", "Programme", "programme", "programme", "", {
        {"annee", "Année", kRequired, FieldShape::Inline, {}},
        {"organisation", "Organisation", kRequired, FieldShape::Inline, {}},
        {"adresse", "Adresse", kRequired, FieldShape::Lines, {}},
        {"telephone", "Téléphone", kRequired, FieldShape::Inline, {"tel"}},
        {"contact", "Contact", kRequired, FieldShape::Inline, {}},
        {"email", "Email", kRequired, FieldShape::Inline, {"courriel", "e-mail", "mel"}},
        {"partenaire-public", "Partenaire public", kRequired, FieldShape::Inline, {}},
        {"lieu", "Lieu des lettres", kRequired, FieldShape::Inline, {}},
        {"date", "Date des lettres", kRequired, FieldShape::Inline, {}},
        {"signataire", "Signataire", kRequired, FieldShape::Inline, {}},
        {"qualite-signataire", "Qualité du signataire", kRequired, FieldShape::Inline, {}},
        {"logo", "Logo", kOptional, FieldShape::Inline, {}},
    }};
    return spec;
}

const std::string& programme_key_label() { static const std::string s = "Champ"; return s; }
const std::string& programme_value_label() { static const std::string s = "Valeur"; return s; }

const TableSpec& sectors_spec() {
    static const TableSpec spec{"secteurs", "Secteurs", "secteurs", "secteur", "", {
        {"identifiant", "Identifiant", kRequired, FieldShape::Inline, {"id"}},
        {"nom", "Secteur", kRequired, FieldShape::Inline, {"secteur"}},
        {"structure-referente", "Structure référente", kRequired, FieldShape::Inline, {"referent"}},
        {"adresse", "Adresse", kRequired, FieldShape::Lines, {}},
        {"intervenant", "Intervenant", kRequired, FieldShape::Inline, {"intervenante", "intervenant-e"}},
        {"qualite-intervenant", "Qualité de l'intervenant", kRequired, FieldShape::Inline, {}},
        {"email", "Email", kRequired, FieldShape::Inline, {"courriel", "e-mail", "mel"}},
        {"soutien-projets", "Soutien aux projets", kRequired, FieldShape::Inline, {}},
        {"mode-partenariat", "Mode de partenariat", kRequired, FieldShape::Inline, {}},
        {"budget", "Budget", kRequired, FieldShape::Inline, {"montant"}},
        {"jours-min", "Jours min", kRequired, FieldShape::Inline, {"jours-minimum"}},
        {"jours-max", "Jours max", kRequired, FieldShape::Inline, {"jours-maximum"}},
        {"jours-convenus", "Jours convenus", kOptional, FieldShape::Inline, {}},
        {"conventionnement", "Conventionnement", kRequired, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& partners_spec() {
    static const TableSpec spec{"partenaires", "Partenaires", "partenaires", "partenaire", "nom", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}},
        {"nom", "Partenaire", kRequired, FieldShape::Inline, {"partenaire"}},
        {"statut", "Statut", kOptional, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& experiments_spec() {
    static const TableSpec spec{"experimentations", "Expérimentations", "experimentations", "experimentation",
                                "intitule", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}},
        {"intitule", "Intitulé", kRequired, FieldShape::Inline, {"experimentation"}},
        {"statut", "Statut", kOptional, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& missions_spec() {
    static const TableSpec spec{"missions", "Missions", "missions", "mission", "", {
        {"numero", "Numéro", kRequired, FieldShape::Inline, {"no", "n"}},
        {"intitule", "Intitulé", kRequired, FieldShape::Inline, {}},
        {"intitule-court", "Intitulé court", kRequired, FieldShape::Inline, {}},
        {"actions", "Actions", kRequired, FieldShape::Lines, {"action"}},
        {"actions-courtes", "Actions courtes", kRequired, FieldShape::Lines, {"action-courte"}},
        {"lien-ecossolies", "Lien avec les activités Ecossolies", kRequired, FieldShape::Inline, {"lien"}},
    }};
    return spec;
}

const TableSpec& texts_spec() {
    static const TableSpec spec{"textes", "Textes", "textes", "texte", "texte", {
        {"cle", "Clé", kRequired, FieldShape::Inline, {}},
        {"texte", "Texte", kRequired, FieldShape::Inline, {}},
    }};
    return spec;
}

std::vector<const TableSpec*> list_table_specs() {
    return {&sectors_spec(), &partners_spec(), &experiments_spec(), &missions_spec(), &texts_spec()};
}

}  // namespace lettrine
