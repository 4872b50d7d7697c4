// French spacing (docs/TYPOGRAPHIE.md): one test per rule, what must not be
// touched, idempotence, and the opt-outs.
#include <gtest/gtest.h>

#include "markup/french_spacing.hpp"
#include "markup/markup_parser.hpp"
#include "french_test_support.hpp"

using namespace lettrine;
using namespace lettrine::french_test;

namespace {


}  // namespace

TEST(FrenchSpacing, NarrowNoBreakSpaceBeforeSemicolonExclamationQuestion) {
    EXPECT_EQ(french_spacing("Vraiment ? Oui ! Donc ; ensuite"), nb("Vraiment^? Oui^! Donc^; ensuite"));
    EXPECT_EQ(french_spacing("Vraiment? Oui! Donc; ensuite"), nb("Vraiment^? Oui^! Donc^; ensuite"));
    EXPECT_EQ(french_spacing("Quoi ?!"), nb("Quoi^?!"));  // one space, before the first sign only
}

TEST(FrenchSpacing, NoBreakSpaceBeforeColon) {
    EXPECT_EQ(french_spacing("Objet : lettre"), nb("Objet~: lettre"));
    EXPECT_EQ(french_spacing("Objet: lettre"), nb("Objet~: lettre"));
    EXPECT_EQ(french_spacing("Réf. :"), nb("Réf.~:"));
}

TEST(FrenchSpacing, NarrowNoBreakSpacesInsideGuillemets) {
    EXPECT_EQ(french_spacing("le secteur « Habitat » est"), nb("le secteur «^Habitat^» est"));
    EXPECT_EQ(french_spacing("le secteur «Habitat» est"), nb("le secteur «^Habitat^» est"));
    EXPECT_EQ(french_spacing("« Quoi ? »"), nb("«^Quoi^?^»"));
}

TEST(FrenchSpacing, NoBreakBetweenANumberAndItsUnit) {
    EXPECT_EQ(french_spacing("un volume de 30 jours"), nb("un volume de 30~jours"));
    EXPECT_EQ(french_spacing("soit 10 % du total"), nb("soit 10~% du total"));
    EXPECT_EQ(french_spacing("soit 10% du total"), nb("soit 10~% du total"));
    EXPECT_EQ(french_spacing("de 15 000 € HT"), nb("de 15^000~€ HT"));
    EXPECT_EQ(french_spacing("le 1er décembre"), nb("le 1er~décembre"));
    EXPECT_EQ(french_spacing("à 14 h 30"), nb("à 14~h~30"));
}

TEST(FrenchSpacing, ThousandsGroupedWithNarrowNoBreakSpaces) {
    EXPECT_EQ(french_spacing("un budget de 15000 €"), nb("un budget de 15^000~€"));
    EXPECT_EQ(french_spacing("1500 €, 1234567,89 euros"), nb("1^500~€, 1^234^567,89~euros"));
    EXPECT_EQ(french_spacing("pour 25000 participants"), nb("pour 25^000~participants"));
}

TEST(FrenchSpacing, NoBreakAfterNumeroAndCivilities) {
    EXPECT_EQ(french_spacing("la convention n° 12 et le n°7"), nb("la convention n°~12 et le n°~7"));
    EXPECT_EQ(french_spacing("M. Durand et Mme Martin"), nb("M.~Durand et Mme~Martin"));
    EXPECT_EQ(french_spacing("Dr Lemoine, MM. Roux et Petit"), nb("Dr~Lemoine, MM.~Roux et Petit"));
}

TEST(FrenchSpacing, LeavesTimesYearsCodesAddressesAndUrlsAlone) {
    for (const std::string text : {"rendez-vous à 14:30 précises", "en 2016 les missions", "44000 Nantes",
                                   "écrire à contact@ecossolies.fr", "voir https://www.ecossolies.fr/page?id=3;x=4",
                                   "réf. 2016-04, le 01/12/2015", "soit 3,14159.", "tél. 02 40 89 33 69",
                                   "de 30 à 45", "un ratio de 1:2"})
        EXPECT_EQ(french_spacing(text), text) << text;
}

TEST(FrenchSpacing, IsIdempotent) {
    const std::string text = "Objet: « Habitat » ; soit 15000 € pour 30 jours, 10% ! M. Durand, n°5 ?";
    const std::string once = french_spacing(text);
    EXPECT_EQ(once, nb("Objet~: «^Habitat^»^; soit 15^000~€ pour 30~jours, 10~%^! M.~Durand, n°~5^?"));
    EXPECT_EQ(french_spacing(once), once);
    // Text that is already right is left exactly as it is, whichever no-break space it uses.
    const std::string right = nb("«~Habitat~» : 15^000~€");
    EXPECT_EQ(french_spacing(right), nb("«~Habitat~»~: 15^000~€"));
    EXPECT_EQ(french_spacing(french_spacing(right)), french_spacing(right));
}

TEST(FrenchSpacing, AppliedByTheParserRunByRunNeverAcrossTags) {
    const Document doc = parse_markup(
        "<document><p><b>Objet :</b> le secteur « <b>Habitat</b> » !</p></document>", "a.xml");
    const auto& in = inlines_of(doc);
    ASSERT_EQ(in.size(), 4u);
    EXPECT_EQ(in[0].text, nb("Objet~:"));
    EXPECT_EQ(in[1].text, nb(" le secteur «^"));
    EXPECT_EQ(in[2].text, "Habitat");
    EXPECT_EQ(in[3].text, nb("^»^!"));
    // A sign at the start of an element gets its space inside that element.
    const Document glued = parse_markup("<document><p><b>Habitat</b>»</p></document>", "a.xml");
    EXPECT_EQ(inlines_of(glued).at(1).text, nb("^»"));
}

TEST(FrenchSpacing, OptOutByAttributeLinkAndLanguage) {
    const Document doc = parse_markup(
        "<document><p>Objet : <texte typographie=\"non\">a : b</texte> "
        "<lien href=\"mailto:a@b.fr\">Écrire : ici</lien> <texte lang=\"en\">Note: yes!</texte></p></document>",
        "a.xml");
    const auto& in = inlines_of(doc);
    ASSERT_EQ(in.size(), 6u);
    EXPECT_EQ(in[0].text, nb("Objet~: "));
    EXPECT_EQ(in[1].text, "a : b");
    EXPECT_FALSE(in[1].style.french_spacing);
    EXPECT_EQ(in[3].text, "Écrire : ici");
    EXPECT_FALSE(in[3].style.french_spacing);
    EXPECT_FALSE(in[3].style.hyphenate);
    EXPECT_EQ(in[5].text, "Note: yes!");
    // The whole document can opt out too.
    const Document off = parse_markup("<document typographie=\"non\"><p>Objet : x</p></document>", "a.xml");
    EXPECT_EQ(inlines_of(off).at(0).text, "Objet : x");
}

TEST(FrenchSpacing, HyphenationSwitchIsReadAndInherited) {
    const Document doc = parse_markup(
        "<document><p cesure=\"non\">un <b>deux</b></p><p>trois</p></document>", "a.xml");
    const auto& first = std::get<Paragraph>(doc.body.at(0).content);
    EXPECT_FALSE(first.inlines.at(1).style.hyphenate);
    EXPECT_TRUE(std::get<Paragraph>(doc.body.at(1).content).inlines.at(0).style.hyphenate);
}
