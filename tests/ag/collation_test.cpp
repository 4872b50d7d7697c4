// French alphabetical order with ICU: accents and case never push a name
// after Z, and names are compared before first names.
#include <gtest/gtest.h>

#include "ag/collation.hpp"

using namespace lettrine;

namespace {

Registrant person(std::string last, std::string first, std::string organisation = "") {
    Registrant r;
    r.last_name = std::move(last);
    r.first_name = std::move(first);
    r.organisation = std::move(organisation);
    return r;
}

std::vector<std::string> names_of(const std::vector<const Registrant*>& sorted) {
    std::vector<std::string> out;
    for (const Registrant* r : sorted) out.push_back(r->last_name + " " + r->first_name);
    return out;
}

}  // namespace

TEST(Collation, AccentsAndCaseSortWithTheirLetter) {
    EXPECT_EQ(sorted_in_french({"Zèbre", "étienne", "Écopole", "eco"}),
              (std::vector<std::string>{"eco", "Écopole", "étienne", "Zèbre"}));
}

TEST(Collation, ByteOrderWouldBeWrong) {
    // The reason for ICU: in UTF-8 byte order « É » (0xC3 0x89) comes after « Z ».
    EXPECT_GT(std::string("Écopole"), std::string("Zèbre"));
    EXPECT_LT(french_sort_key("Écopole"), french_sort_key("Zèbre"));
}

TEST(Collation, LowerCaseBeforeUpperCaseOnlyAsALastResort) {
    EXPECT_EQ(sorted_in_french({"B", "a", "A", "b"}), (std::vector<std::string>{"a", "A", "b", "B"}));
    EXPECT_EQ(sorted_in_french({"cote", "côte", "Cote", "coté"}),
              (std::vector<std::string>{"cote", "Cote", "coté", "côte"}));
}

TEST(Collation, PrimaryStrengthIgnoresAccentsAndCase) {
    EXPECT_EQ(french_sort_key("Écopole", CollationStrength::Primary), french_sort_key("ecopole", CollationStrength::Primary));
    EXPECT_NE(french_sort_key("Écopole"), french_sort_key("ecopole"));
}

TEST(Collation, RegistrantsByNameThenFirstName) {
    const std::vector<Registrant> people = {
        person("Zèbre", "Yasmine"), person("étienne", "Paul"),  person("Écopole", "Nina"),
        person("eco", "Jules"),     person("Martin", "Zoé"),    person("martin", "Adèle"),
        person("Martin", "Émile"),  person("de l'Exemple", "Léa"), person("Delacroix", "Marc"),
    };
    std::vector<const Registrant*> pointers;
    for (const auto& p : people) pointers.push_back(&p);
    EXPECT_EQ(names_of(sorted_registrants(pointers)),
              (std::vector<std::string>{"de l'Exemple Léa", "Delacroix Marc", "eco Jules", "Écopole Nina",
                                        "étienne Paul", "martin Adèle", "Martin Émile", "Martin Zoé", "Zèbre Yasmine"}));
}

TEST(Collation, EqualNamesKeepTheirOrderThenOrganisation) {
    const std::vector<Registrant> people = {person("Exemple", "Léa", "Zeta"), person("Exemple", "Léa", "Alpha"),
                                            person("Exemple", "Léa", "Alpha")};
    std::vector<const Registrant*> pointers{&people[0], &people[1], &people[2]};
    const auto sorted = sorted_registrants(pointers);
    EXPECT_EQ(sorted[0], &people[1]);
    EXPECT_EQ(sorted[1], &people[2]);
    EXPECT_EQ(sorted[2], &people[0]);
}
