// French grammar in one home (core): the preposition before a name, number
// and gender agreement, for the templates and the workbooks alike.
#include <gtest/gtest.h>

#include "core/french_grammar.hpp"

namespace lettrine {
namespace {

TEST(FrenchGrammar, PrepositionBeforeAName) {
    EXPECT_EQ(with_de("Les Ecossolies"), "des Ecossolies");
    EXPECT_EQ(with_de("Alex Exemple"), "d’Alex Exemple");
    EXPECT_EQ(with_de("Hérouville"), "de Hérouville");
    EXPECT_EQ(with_a("Le Solilab"), "au Solilab");
    EXPECT_EQ(in_sentence("Les Ecossolies"), "les Ecossolies");
    EXPECT_EQ(in_sentence("L'Atelier"), "l'Atelier");
    EXPECT_EQ(in_sentence("Nantes Métropole"), "Nantes Métropole");
}

TEST(FrenchGrammar, PluralFromTwo) {
    EXPECT_FALSE(is_plural_count(0));
    EXPECT_FALSE(is_plural_count(0.5));
    EXPECT_FALSE(is_plural_count(1.5));
    EXPECT_TRUE(is_plural_count(2));
    EXPECT_TRUE(is_plural_count(-2));
}

TEST(FrenchGrammar, RegularPlurals) {
    EXPECT_EQ(regular_plural("jour"), "jours");
    EXPECT_EQ(regular_plural("bureau"), "bureaux");
    EXPECT_EQ(regular_plural("jeu"), "jeux");
    EXPECT_EQ(regular_plural("pneu"), "pneus");
    EXPECT_EQ(regular_plural("local"), "locaux");
    EXPECT_EQ(regular_plural("festival"), "festivals");
    EXPECT_EQ(regular_plural("prix"), "prix");
    EXPECT_EQ(regular_plural("avis"), "avis");
}

TEST(FrenchGrammar, GenderOfARoleOrACivility) {
    EXPECT_EQ(gender_of("Directrice"), Gender::Feminine);
    EXPECT_EQ(gender_of("directeur"), Gender::Masculine);
    EXPECT_EQ(gender_of("Coordinatrice"), Gender::Feminine);
    EXPECT_EQ(gender_of("Chargée de mission"), Gender::Feminine);
    EXPECT_EQ(gender_of("Chargé de développement"), Gender::Masculine);
    EXPECT_EQ(gender_of("Co-présidente"), Gender::Feminine);
    EXPECT_EQ(gender_of("Vice-président"), Gender::Masculine);
    EXPECT_EQ(gender_of("Trésorière"), Gender::Feminine);
    EXPECT_EQ(gender_of("Responsable administrative"), Gender::Feminine);
    EXPECT_EQ(gender_of("Chef de projet"), Gender::Masculine);
    EXPECT_EQ(gender_of("Mme"), Gender::Feminine);
    EXPECT_EQ(gender_of("M."), Gender::Masculine);
    EXPECT_EQ(gender_of("f"), Gender::Feminine);
    // Epicene, and nothing after it to tell: the text does not say.
    EXPECT_EQ(gender_of("Secrétaire"), std::nullopt);
    EXPECT_EQ(gender_of("Responsable du pôle"), std::nullopt);
    EXPECT_EQ(gender_of(""), std::nullopt);
}

TEST(FrenchGrammar, DefiniteArticleBeforeARole) {
    EXPECT_EQ(with_definite_article("Directrice"), "la Directrice");
    EXPECT_EQ(with_definite_article("Directeur"), "le Directeur");
    EXPECT_EQ(with_definite_article("Animatrice"), "l’Animatrice");
    EXPECT_EQ(with_definite_article("Secrétaire"), std::nullopt);
}

}  // namespace
}  // namespace lettrine
