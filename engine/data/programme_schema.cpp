#include "data/programme_schema.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
constexpr TentativeMarks kRefused = TentativeMarks::Refused;
}  // namespace

const TableSpec& programme_fields_spec() {
    static const TableSpec spec{"programme", "Programme", "programme", "programme", "", {
        {"annee", "Année", kRequired, FieldShape::Inline, {}, kRefused},
        {"organisation", "Organisation", kRequired, FieldShape::Inline, {}, kRefused},
        {"adresse", "Adresse", kRequired, FieldShape::Lines, {}, kRefused},
        {"telephone", "Téléphone", kRequired, FieldShape::Inline, {"tel"}, kRefused},
        {"contact", "Contact", kRequired, FieldShape::Inline, {}, kRefused},
        {"email", "Email", kRequired, FieldShape::Inline, {"courriel", "e-mail", "mel"}, kRefused},
        {"partenaire-public", "Partenaire public", kRequired, FieldShape::Inline, {}, kRefused},
        {"lieu", "Lieu des lettres", kRequired, FieldShape::Inline, {}, kRefused},
        {"date", "Date des lettres", kRequired, FieldShape::Inline, {}, kRefused},
        {"signataire", "Signataire", kRequired, FieldShape::Inline, {}, kRefused},
        {"qualite-signataire", "Qualité du signataire", kRequired, FieldShape::Inline, {}, kRefused},
        {"logo", "Logo", kOptional, FieldShape::Inline, {}, kRefused},
        {"date-limite-bilans", "Date limite des bilans", kOptional, FieldShape::Inline, {}, kRefused},
        {"depot-bilans", "Page de dépôt des bilans", kOptional, FieldShape::Inline, {"adresse-depot-bilans"}, kRefused},
    }};
    return spec;
}

const TableSpec& sectors_spec() {
    static const TableSpec spec{"secteurs", "Secteurs", "secteurs", "secteur", "", {
        {"identifiant", "Identifiant", kRequired, FieldShape::Inline, {"id"}, kRefused},
        {"nom", "Secteur", kRequired, FieldShape::Inline, {"secteur"}, kRefused},
        {"structure-referente", "Structure référente", kRequired, FieldShape::Inline, {"referent"}, kRefused},
        {"adresse", "Adresse", kRequired, FieldShape::Lines, {}, kRefused},
        {"intervenant", "Intervenant", kRequired, FieldShape::Inline, {"intervenante", "intervenant-e"}, kRefused},
        {"qualite-intervenant", "Qualité de l’intervenant", kRequired, FieldShape::Inline, {}, kRefused},
        {"email", "Email", kRequired, FieldShape::Inline, {"courriel", "e-mail", "mel"}, kRefused},
        {"soutien-projets", "Soutien aux projets", kRequired, FieldShape::Inline, {}, kRefused},
        {"mode-partenariat", "Mode de partenariat", kRequired, FieldShape::Inline, {}, kRefused},
        {"budget", "Budget", kRequired, FieldShape::Inline, {"montant"}, kRefused},
        {"jours-min", "Jours min", kRequired, FieldShape::Inline, {"jours-minimum"}, kRefused},
        {"jours-max", "Jours max", kRequired, FieldShape::Inline, {"jours-maximum"}, kRefused},
        {"jours-convenus", "Jours convenus", kOptional, FieldShape::Inline, {}, kRefused},
        {"conventionnement", "Conventionnement", kRequired, FieldShape::Inline, {}, kRefused},
    }};
    return spec;
}

const TableSpec& partners_spec() {
    static const TableSpec spec{"partenaires", "Partenaires", "partenaires", "partenaire", "nom", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}, kRefused},
        {"nom", "Partenaire", kRequired, FieldShape::Inline, {"partenaire"}, kRefused},
        {"statut", "Statut", kOptional, FieldShape::Inline, {}, kRefused},
    }};
    return spec;
}

const TableSpec& experiments_spec() {
    static const TableSpec spec{"experimentations", "Expérimentations", "experimentations", "experimentation",
                                "intitule", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}, kRefused},
        {"intitule", "Intitulé", kRequired, FieldShape::Inline, {"experimentation"}, kRefused},
        {"statut", "Statut", kOptional, FieldShape::Inline, {}, kRefused},
    }};
    return spec;
}

const TableSpec& missions_spec() {
    static const TableSpec spec{"missions", "Missions", "missions", "mission", "", {
        {"numero", "Numéro", kRequired, FieldShape::Inline, {"no", "n"}, kRefused},
        {"intitule", "Intitulé", kRequired, FieldShape::Inline, {}, kRefused},
        {"intitule-court", "Intitulé court", kRequired, FieldShape::Inline, {}, kRefused},
        {"actions", "Actions", kRequired, FieldShape::Lines, {"action"}, kRefused},
        {"actions-courtes", "Actions courtes", kRequired, FieldShape::Lines, {"action-courte"}, kRefused},
        {"lien-ecossolies", "Lien avec les activités Ecossolies", kRequired, FieldShape::Inline, {"lien"}, kRefused},
    }};
    return spec;
}

const TableSpec& texts_spec() {
    static const TableSpec spec{"textes", "Textes", "textes", "texte", "texte", {
        {"cle", "Clé", kRequired, FieldShape::Inline, {}, kRefused},
        {"texte", "Texte", kRequired, FieldShape::Inline, {}, TentativeMarks::QuestionsAllowed},
    }};
    return spec;
}

std::vector<const TableSpec*> list_table_specs() {
    return {&sectors_spec(), &partners_spec(), &experiments_spec(), &missions_spec(), &texts_spec()};
}

}  // namespace lettrine
