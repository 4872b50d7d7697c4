// French typographic normalisation (docs/TYPOGRAPHIE.md, « Normalisation »):
// one test per rule, the traps (words that look like ordinals, URLs,
// opt-outs), idempotence, and the superscripts seen in the document tree.
#include <gtest/gtest.h>

#include "markup/french_punctuation.hpp"
#include "markup/markup_parser.hpp"
#include "french_test_support.hpp"

using namespace lettrine;
using namespace lettrine::french_test;

namespace {


// The paragraph's text with superscript pieces in [brackets].
std::string marked(const std::string& markup) {
    const Document doc = parse_markup("<document><p>" + markup + "</p></document>", "test.xml");
    std::string out;
    for (const Inline& in : inlines_of(doc)) {
        if (in.kind != InlineKind::Text) continue;
        out += in.style.superscript ? "[" + in.text + "]" : in.text;
    }
    return out;
}

}  // namespace

TEST(FrenchPunctuation, ApostrophesAreCurly) {
    EXPECT_EQ(french_typography("l'été, aujourd'hui, qu'il"), "l’été, aujourd’hui, qu’il");
    EXPECT_EQ(french_typography("L'Atelier d'Économie"), "L’Atelier d’Économie");
}

TEST(FrenchPunctuation, DoubleQuotesBecomeGuillemetsWithFines) {
    EXPECT_EQ(french_typography("le secteur \"Habitat\" et"), nb("le secteur «^Habitat^» et"));
    EXPECT_EQ(french_typography("le secteur “Habitat” et"), nb("le secteur «^Habitat^» et"));
    EXPECT_EQ(french_typography("\"Habitat\", dit-il"), nb("«^Habitat^», dit-il"));
}

TEST(FrenchPunctuation, QuotesInsideGuillemetsAreEnglishDoubleQuotes) {
    EXPECT_EQ(french_typography("« il a dit \"non\" hier »"), nb("«^il a dit “non” hier^»"));
    EXPECT_EQ(french_typography("\"il a dit \"non\" hier\""), nb("«^il a dit “non” hier^»"));
}

TEST(FrenchPunctuation, EllipsisAndEtc) {
    EXPECT_EQ(french_typography("et puis..."), "et puis…");
    EXPECT_EQ(french_typography("des outils, etc... et"), "des outils, etc. et");
    EXPECT_EQ(french_typography("des outils, etc…"), "des outils, etc.");
    EXPECT_EQ(french_typography("fin."), "fin.");
}

TEST(FrenchPunctuation, SpacedHyphenIsAnEnDash) {
    EXPECT_EQ(french_typography("un projet - le premier - réussi"), "un projet – le premier – réussi");
    EXPECT_EQ(french_typography("un projet -- réussi"), "un projet – réussi");
    EXPECT_EQ(french_typography("porte-parole, Saint-Herblain"), "porte-parole, Saint-Herblain");
    EXPECT_EQ(french_typography("10 - 5"), "10 - 5");  // a subtraction is not an incise
}

TEST(FrenchPunctuation, HoursAreSpaced) {
    EXPECT_EQ(french_typography("à 14h30 et à 9h."), nb("à 14~h~30 et à 9~h."));
    EXPECT_EQ(french_typography("le 4x4h"), "le 4x4h");
}

TEST(FrenchPunctuation, OrdinalsAreSuperscripts) {
    EXPECT_EQ(marked("le 1er décembre"), nb("le 1[er]~décembre"));
    EXPECT_EQ(marked("la 1re fois, le 2e, les 3es"), nb("la 1[re]~fois, le 2[e], les 3[es]"));
    EXPECT_EQ(marked("le 2d tour, la 2nde"), nb("le 2[d]~tour, la 2[nde]"));
    EXPECT_EQ(marked("le 3ème et le 4ième"), "le 3[e] et le 4[e]");
    EXPECT_EQ(marked("le XIXe siècle, François Ier, la Ve République"), "le XIX[e] siècle, François I[er], la V[e] République");
}

TEST(FrenchPunctuation, WordsThatLookLikeOrdinalsStayAsTheyAre) {
    EXPECT_EQ(marked("Le projet. De plus, Ce mois-ci, Me voici, Vers 2016"), "Le projet. De plus, Ce mois-ci, Me voici, Vers 2016");
    EXPECT_EQ(marked("10km, 3D, A4e, MIDI"), "10km, 3D, A4e, MIDI");
}

TEST(FrenchPunctuation, AbbreviationsAreSuperscripts) {
    EXPECT_EQ(marked("Mme Durand et Mlle Martin, Dr Kante"), nb("M[me]~Durand et M[lle]~Martin, D[r]~Kante"));
    EXPECT_EQ(marked("la convention no 12"), nb("la convention n[o]~12"));
    EXPECT_EQ(marked("il dit no et Mme."), "il dit no et Mme.");  // not before a name or a number
}

TEST(FrenchPunctuation, TypedNoBreakSpacesInsideGuillemetsBecomeFines) {
    EXPECT_EQ(french_typography(nb("«~Habitat~» et quoi~?")), nb("«^Habitat^» et quoi^?"));
    EXPECT_EQ(french_typography(nb("Objet~: lettre")), nb("Objet~: lettre"));
}

TEST(FrenchPunctuation, AddressesLinksAndOptOutsAreLeftAlone) {
    EXPECT_EQ(french_typography("voir https://exemple.org/l'été... ou a.b'c@exemple.org"),
              "voir https://exemple.org/l'été... ou a.b'c@exemple.org");
    EXPECT_EQ(marked("<texte typographie=\"non\">l'été \"x\" 1er</texte>"), "l'été \"x\" 1er");
    EXPECT_EQ(marked("<lien href=\"https://exemple.org\">l'été 1er</lien>"), "l'été 1er");
    EXPECT_EQ(marked("<texte lang=\"en\">it's \"fine\"</texte>"), "it's \"fine\"");
}

TEST(FrenchPunctuation, AcrossInlines) {
    EXPECT_EQ(marked("le 1<b>er</b> et l'<b>été</b>"), nb("le 1[er] et l’été"));
    EXPECT_EQ(marked("\"<b>Habitat</b>\""), nb("«^Habitat^»"));
}

TEST(FrenchPunctuation, Idempotent) {
    for (const std::string text : {"l'été \"Habitat\"... le 1er, 14h30 - Mme Durand, no 5, XIXe",
                                   "« il a dit \"non\" » etc...", "un - deux"}) {
        const std::string once = french_typography(text);
        EXPECT_EQ(french_typography(once), once) << text;
    }
    EXPECT_EQ(marked("1<exposant>er</exposant> et M<exposant>me</exposant> Durand"), nb("1[er] et M[me]~Durand"));
}
