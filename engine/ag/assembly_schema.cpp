#include "ag/assembly_schema.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
// The assembly's titles and questions are questions (docs/AG.md): nothing is
// refused as a tentative mark.
constexpr TentativeMarks kUnchecked = TentativeMarks::Unchecked;
}  // namespace

const TableSpec& assembly_settings_table() {
    static const TableSpec t{"ag", "AG", "assemblee-generale", "assemblee-generale", "", {
        {"date", "Date", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"lieu", "Lieu", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"adresse", "Adresse", kOptional, FieldShape::Lines, {}, kUnchecked},
        {"lignes-emargement", "Lignes d’émargement", kOptional, FieldShape::Inline, {"lignes"}, kUnchecked},
        {"lignes-vierges", "Lignes vierges minimum", kOptional, FieldShape::Inline, {"lignes-vierges-minimum"}, kUnchecked},
    }};
    return t;
}

const TableSpec& timetable_table() {
    static const TableSpec t{"horaires", "Horaires", "horaires", "horaire", "intitule", {
        {"debut", "Début", kRequired, FieldShape::Inline, {"heure"}, kUnchecked},
        {"fin", "Fin", kOptional, FieldShape::Inline, {}, kUnchecked},
        {"intitule", "Intitulé", kRequired, FieldShape::Inline, {"moment"}, kUnchecked},
    }};
    return t;
}

const TableSpec& workshops_table() {
    static const TableSpec t{"ateliers", "Ateliers", "ateliers", "atelier", "", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"intitule", "Intitulé", kOptional, FieldShape::Inline, {"titre"}, kUnchecked},
        {"salle", "Salle", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"debut", "Début", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"fin", "Fin", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"animateur", "Animateur", kOptional, FieldShape::Inline, {"animatrice", "animateur-rice"}, kUnchecked},
        {"qualite-animateur", "Qualité de l’animateur", kOptional, FieldShape::Inline, {}, kUnchecked},
        {"structure-animateur", "Structure de l’animateur", kOptional, FieldShape::Inline, {}, kUnchecked},
        {"objectif", "Objectif", kOptional, FieldShape::Inline, {}, kUnchecked},
    }};
    return t;
}

const TableSpec& agenda_table() {
    static const TableSpec t{"ordre-du-jour", "Ordre du jour", "ordre-du-jour", "point", "point", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"horaire", "Horaire", kOptional, FieldShape::Inline, {"heure"}, kUnchecked},
        {"point", "Point", kRequired, FieldShape::Inline, {"texte"}, kUnchecked},
    }};
    return t;
}

const TableSpec& questions_table() {
    static const TableSpec t{"questions", "Questions", "questions", "question", "question", {
        {"secteur", "Secteur", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"question", "Question", kRequired, FieldShape::Inline, {"texte"}, kUnchecked},
    }};
    return t;
}

const TableSpec& registrants_table() {
    static const TableSpec t{"inscrits", "Inscrits", "inscrits", "inscrit", "", {
        {"nom", "Nom", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"prenom", "Prénom", kRequired, FieldShape::Inline, {}, kUnchecked},
        {"organisation", "Organisation", kOptional, FieldShape::Inline, {"structure"}, kUnchecked},
        {"email", "Email", kOptional, FieldShape::Inline, {"courriel", "e-mail", "mel"}, kUnchecked},
        {"atelier", "Atelier", kRequired, FieldShape::Inline, {"secteur"}, kUnchecked},
    }};
    return t;
}

}  // namespace lettrine
