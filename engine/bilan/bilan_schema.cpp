#include "bilan/bilan_schema.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
// Bilan fields refuse only a bare « ? » (its free texts ask questions).
constexpr TentativeMarks kQuestionsAllowed = TentativeMarks::QuestionsAllowed;
}  // namespace

const TableSpec& bilan_identity_spec() {
    static const TableSpec spec{"bilan", "Bilan", "bilan", "bilan", "", {
        {"annee", "Année", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"secteur", "Identifiant du secteur", kRequired, FieldShape::Inline, {"identifiant"}, kQuestionsAllowed},
        {"nom-secteur", "Nom du secteur", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"structure-referente", "Structure référente", kRequired, FieldShape::Inline, {"referent"}, kQuestionsAllowed},
        {"redacteur", "Rédacteur", kRequired, FieldShape::Inline, {"redactrice", "redacteur-rice"}, kQuestionsAllowed},
        {"qualite-redacteur", "Qualité du rédacteur", kOptional, FieldShape::Inline, {}, kQuestionsAllowed},
        {"date", "Date de la note", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"jours-min", "Jours min", kOptional, FieldShape::Inline, {}, kQuestionsAllowed},
        {"jours-max", "Jours max", kOptional, FieldShape::Inline, {}, kQuestionsAllowed},
        {"comite-pilotage", "Comité de pilotage", kRequired, FieldShape::Inline, {"copil"}, kQuestionsAllowed},
        {"atelier-ag", "Atelier de l’AG", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"revue-juin", "Revue de projets de juin", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"revue-decembre", "Revue de projets de décembre", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
    }};
    return spec;
}

const TableSpec& bilan_time_spec() {
    static const TableSpec spec{"temps", "Temps", "temps", "mission", "", {
        {"numero", "N°", kRequired, FieldShape::Inline, {"numero", "no", "n"}, kQuestionsAllowed},
        {"intitule", "Mission", kRequired, FieldShape::Inline, {"intitule"}, kQuestionsAllowed},
        {"jours-prevus", "Jours prévus", kRequired, FieldShape::Inline, {"prevus"}, kQuestionsAllowed},
        {"jours-realises", "Jours réalisés", kRequired, FieldShape::Inline, {"realises"}, kQuestionsAllowed},
        {"commentaire", "Commentaire", kOptional, FieldShape::Inline, {}, kQuestionsAllowed},
    }};
    return spec;
}

const TableSpec& bilan_projects_spec() {
    static const TableSpec spec{"projets", "Projets", "projets", "projet", "", {
        {"projet", "Projet", kRequired, FieldShape::Inline, {"nom"}, kQuestionsAllowed},
        {"porteur", "Porteur", kRequired, FieldShape::Inline, {"porteuse", "porteur-euse"}, kQuestionsAllowed},
        {"stade", "Stade", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"accompagnement", "Accompagnement apporté", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"avis", "Avis de financement", kRequired, FieldShape::Inline, {"avis-financement"}, kQuestionsAllowed},
        {"fonds", "Fonds", kRequired, FieldShape::Inline, {"fonds-sollicite"}, kQuestionsAllowed},
        {"resultat", "Résultat", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
    }};
    return spec;
}

const TableSpec& bilan_partnerships_spec() {
    static const TableSpec spec{"partenariats", "Partenariats", "partenariats", "partenariat", "", {
        {"partenaire", "Partenaire", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"action", "Action menée", kRequired, FieldShape::Inline, {"action"}, kQuestionsAllowed},
        {"convention", "Convention de coopération", kRequired, FieldShape::Inline, {"convention"}, kQuestionsAllowed},
    }};
    return spec;
}

const TableSpec& bilan_experiments_spec() {
    static const TableSpec spec{"experimentations", "Expérimentations", "experimentations", "experimentation", "", {
        {"intitule", "Expérimentation", kRequired, FieldShape::Inline, {"intitule"}, kQuestionsAllowed},
        {"territoire", "Territoire", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"statut", "Statut", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
        {"prochaine-etape", "Prochaine étape", kRequired, FieldShape::Inline, {}, kQuestionsAllowed},
    }};
    return spec;
}

const TableSpec& bilan_texts_spec() {
    static const TableSpec spec{"textes", "Textes", "textes", "bilan", "", {
        {"faits-marquants", "Faits marquants", kRequired, FieldShape::Lines, {}, kQuestionsAllowed},
        {"difficultes", "Difficultés", kRequired, FieldShape::Lines, {}, kQuestionsAllowed},
        {"perspectives", "Perspectives", kRequired, FieldShape::Lines, {}, kQuestionsAllowed},
        {"plan-action", "Plan d’action", kRequired, FieldShape::Lines, {"plan-d-action"}, kQuestionsAllowed},
    }};
    return spec;
}

std::vector<const TableSpec*> bilan_list_specs() {
    return {&bilan_time_spec(), &bilan_projects_spec(), &bilan_partnerships_spec(), &bilan_experiments_spec()};
}

}  // namespace lettrine
