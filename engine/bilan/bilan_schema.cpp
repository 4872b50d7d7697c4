#include "bilan/bilan_schema.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
}  // namespace

const TableSpec& bilan_identity_spec() {
    static const TableSpec spec{"bilan", "Bilan", "bilan", "bilan", "", {
        {"annee", "Année", kRequired, FieldShape::Inline, {}},
        {"secteur", "Identifiant du secteur", kRequired, FieldShape::Inline, {"identifiant"}},
        {"nom-secteur", "Nom du secteur", kRequired, FieldShape::Inline, {}},
        {"structure-referente", "Structure référente", kRequired, FieldShape::Inline, {"referent"}},
        {"redacteur", "Rédacteur", kRequired, FieldShape::Inline, {"redactrice", "redacteur-rice"}},
        {"qualite-redacteur", "Qualité du rédacteur", kOptional, FieldShape::Inline, {}},
        {"date", "Date de la note", kRequired, FieldShape::Inline, {}},
        {"jours-min", "Jours min", kOptional, FieldShape::Inline, {}},
        {"jours-max", "Jours max", kOptional, FieldShape::Inline, {}},
        {"comite-pilotage", "Comité de pilotage", kRequired, FieldShape::Inline, {"copil"}},
        {"atelier-ag", "Atelier de l'AG", kRequired, FieldShape::Inline, {}},
        {"revue-juin", "Revue de projets de juin", kRequired, FieldShape::Inline, {}},
        {"revue-decembre", "Revue de projets de décembre", kRequired, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& bilan_time_spec() {
    static const TableSpec spec{"temps", "Temps", "temps", "mission", "", {
        {"numero", "N°", kRequired, FieldShape::Inline, {"numero", "no", "n"}},
        {"intitule", "Mission", kRequired, FieldShape::Inline, {"intitule"}},
        {"jours-prevus", "Jours prévus", kRequired, FieldShape::Inline, {"prevus"}},
        {"jours-realises", "Jours réalisés", kRequired, FieldShape::Inline, {"realises"}},
        {"commentaire", "Commentaire", kOptional, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& bilan_projects_spec() {
    static const TableSpec spec{"projets", "Projets", "projets", "projet", "", {
        {"projet", "Projet", kRequired, FieldShape::Inline, {"nom"}},
        {"porteur", "Porteur", kRequired, FieldShape::Inline, {"porteuse", "porteur-euse"}},
        {"stade", "Stade", kRequired, FieldShape::Inline, {}},
        {"accompagnement", "Accompagnement apporté", kRequired, FieldShape::Inline, {}},
        {"avis", "Avis de financement", kRequired, FieldShape::Inline, {"avis-financement"}},
        {"fonds", "Fonds", kRequired, FieldShape::Inline, {"fonds-sollicite"}},
        {"resultat", "Résultat", kRequired, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& bilan_partnerships_spec() {
    static const TableSpec spec{"partenariats", "Partenariats", "partenariats", "partenariat", "", {
        {"partenaire", "Partenaire", kRequired, FieldShape::Inline, {}},
        {"action", "Action menée", kRequired, FieldShape::Inline, {"action"}},
        {"convention", "Convention de coopération", kRequired, FieldShape::Inline, {"convention"}},
    }};
    return spec;
}

const TableSpec& bilan_experiments_spec() {
    static const TableSpec spec{"experimentations", "Expérimentations", "experimentations", "experimentation", "", {
        {"intitule", "Expérimentation", kRequired, FieldShape::Inline, {"intitule"}},
        {"territoire", "Territoire", kRequired, FieldShape::Inline, {}},
        {"statut", "Statut", kRequired, FieldShape::Inline, {}},
        {"prochaine-etape", "Prochaine étape", kRequired, FieldShape::Inline, {}},
    }};
    return spec;
}

const TableSpec& bilan_texts_spec() {
    static const TableSpec spec{"textes", "Textes", "textes", "bilan", "", {
        {"faits-marquants", "Faits marquants", kRequired, FieldShape::Lines, {}},
        {"difficultes", "Difficultés", kRequired, FieldShape::Lines, {}},
        {"perspectives", "Perspectives", kRequired, FieldShape::Lines, {}},
        {"plan-action", "Plan d'action", kRequired, FieldShape::Lines, {"plan-d-action"}},
    }};
    return spec;
}

std::vector<const TableSpec*> bilan_list_specs() {
    return {&bilan_time_spec(), &bilan_projects_spec(), &bilan_partnerships_spec(), &bilan_experiments_spec()};
}

}  // namespace lettrine
