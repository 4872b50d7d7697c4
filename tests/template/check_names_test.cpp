#include <gtest/gtest.h>

#include <map>

#include "template/template.hpp"
#include "test_data.hpp"

using namespace lettrine;
using namespace lettrine::test;
using Messages = std::vector<std::string>;

namespace {

DataValue letter_data() {
    return map({{"annee", text("2016")},
                {"secteur", map({{"nom", text("Habitat")}, {"budget", text("15000")}})},
                {"secteurs", list({map({{"nom", text("Habitat")}, {"jours", text("30")}}),
                                   map({{"nom", text("Numérique")}, {"email", text("a@b.fr")}})})},
                {"textes", list({})}});
}

Messages check(const std::string& text, const DataValue& data = letter_data(),
               const std::string& name = "lettre.xml.mustache") {
    return described(check_names(Template::parse(text, name), data));
}

}  // namespace

TEST(CheckNames, UnknownFieldWithPositionAndSuggestion) {
    const std::string text = std::string(11, '\n') + "    {{secteur.budjet}}";
    EXPECT_EQ(check(text), Messages{"lettre.xml.mustache:12:5 : le champ « secteur.budjet » n’existe pas dans les "
                                    "données (vouliez-vous dire « secteur.budget » ?)"});
    EXPECT_EQ(check("{{anee}} {{zzz}}"),
              (Messages{"lettre.xml.mustache:1:1 : le champ « anee » n’existe pas dans les données (vouliez-vous "
                        "dire « annee » ?)",
                        "lettre.xml.mustache:1:10 : le champ « zzz » n’existe pas dans les données"}));
}

TEST(CheckNames, KnownNamesPassIncludingOuterContexts) {
    EXPECT_EQ(check("{{annee}}{{#secteurs}}{{nom}} {{annee}} {{secteur.nom}} {{jours}} {{email}}{{/secteurs}}"
                    "{{#secteur}}{{nom}}{{budget}}{{annee}}{{/secteur}}{{^secteur.nom}}-{{/secteur.nom}}"),
              Messages{});
}

TEST(CheckNames, SectionsAndInvertedSectionsAreChecked) {
    EXPECT_EQ(check("{{#secteurz}}{{pas_vu}}{{/secteurz}}{{^absent}}{{annee}}{{/absent}}"),
              (Messages{"lettre.xml.mustache:1:1 : le champ « secteurz » n’existe pas dans les données (vouliez-vous "
                        "dire « secteur » ?)",
                        "lettre.xml.mustache:1:37 : le champ « absent » n’existe pas dans les données"}));
}

TEST(CheckNames, ItemFieldsAreNotVisibleOutsideTheirSection) {
    EXPECT_EQ(check("{{#secteurs}}{{nom}}{{/secteurs}}{{jours}}"),
              Messages{"lettre.xml.mustache:1:34 : le champ « jours » n’existe pas dans les données"});
}

TEST(CheckNames, DottedNamesDoNotFallBackLikeRendering) {
    const DataValue data = map({{"b", map({{"c", text("x")}})}, {"items", list({map({{"b", map({{"d", text("")}})}})})}});
    EXPECT_EQ(check("{{#items}}{{b.c}}{{b.d}}{{/items}}", data),
              Messages{"lettre.xml.mustache:1:11 : le champ « b.c » n’existe pas dans les données (vouliez-vous dire "
                       "« b.d » ?)"});
}

TEST(CheckNames, EmptyListsCannotBeCheckedAndAreAccepted) {
    EXPECT_EQ(check("{{#textes}}{{texte}}{{/textes}}"), Messages{});
}

TEST(CheckNames, PrintingAListOrAGroupIsAnError) {
    EXPECT_EQ(check("{{secteurs}}{{{secteur}}}{{#secteurs}}{{.}}{{/secteurs}}"),
              (Messages{"lettre.xml.mustache:1:1 : « secteurs » est une liste : pour l’afficher, parcourez-la avec "
                        "« {{#secteurs}}…{{/secteurs}} »",
                        "lettre.xml.mustache:1:13 : « secteur » regroupe plusieurs champs : précisez lequel, par "
                        "exemple « secteur.nom »"}));
}

TEST(CheckNames, HelpersAreKnownNamesAndMisusesAreExplained) {
    EXPECT_EQ(check("{{#en_euros}}{{secteur.budget}}{{/en_euros}}{{#secteurs}}{{#en_majuscules}}{{nom}}"
                    "{{/en_majuscules}}{{/secteurs}}"),
              Messages{});
    EXPECT_EQ(check("{{en_euros}}"),
              Messages{"lettre.xml.mustache:1:1 : « en_euros » est une fonction, pas un champ : elle s’écrit comme une "
                       "section, « {{#en_euros}}…{{/en_euros}} »"});
    const Diagnostics shadowed = check_names(Template::parse("{{#en_jours}}{{en_jours}}{{/en_jours}}", "t.mustache"),
                                             map({{"en_jours", text("3")}}));
    ASSERT_EQ(shadowed.items().size(), 1u);
    EXPECT_EQ(shadowed.items()[0].severity, Severity::Warning);
    EXPECT_EQ(shadowed.items()[0].describe(),
              "t.mustache:1:1 : avertissement : la fonction « en_jours » masque le champ « en_jours » des données : "
              "dans « {{#en_jours}} », c’est la fonction qui s’applique");
}

TEST(CheckNames, PartialNamesAreReportedOnceAtTheirOwnPosition) {
    const PartialLoader loader = [](const std::string& name) -> std::optional<PartialText> {
        if (name != "ligne") return std::nullopt;
        return PartialText{"\n  {{nom}} {{nmo}}", "ligne.mustache"};
    };
    const Template t = Template::parse("{{#secteurs}}{{> ligne}}{{/secteurs}}{{> ligne}}", "t.mustache", loader);
    EXPECT_EQ(described(check_names(t, letter_data())),
              (Messages{"ligne.mustache:2:11 : le champ « nmo » n’existe pas dans les données (vouliez-vous dire "
                        "« nom » ?)",
                        "ligne.mustache:2:3 : le champ « nom » n’existe pas dans les données"}));
}
