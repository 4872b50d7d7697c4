#include <gtest/gtest.h>

#include "template/helpers.hpp"
#include "template/template.hpp"
#include "test_data.hpp"

using namespace lettrine;
using namespace lettrine::test;
using Messages = std::vector<std::string>;

namespace {
const std::string kFine = "\u202F";
const std::string kNbsp = "\u00A0";

std::string render(const std::string& text, const DataValue& data = map({})) {
    return Template::parse(text, "t.mustache").render(data);
}
std::string apply(const std::string& helper, const std::string& content) {
    return render("{{#" + helper + "}}" + content + "{{/" + helper + "}}");
}
}  // namespace

TEST(Helpers, EachHelperOnATypicalValue) {
    EXPECT_EQ(apply("en_euros", "15000"), "15" + kFine + "000" + kNbsp + "€");
    EXPECT_EQ(apply("en_euros", "1250.5"), "1" + kFine + "250,50" + kNbsp + "€");
    EXPECT_EQ(apply("en_chiffres", "1234.5"), "1" + kFine + "234,5");
    EXPECT_EQ(apply("en_jours", "30"), "30" + kNbsp + "jours");
    EXPECT_EQ(apply("en_jours", "1"), "1" + kNbsp + "jour");
    EXPECT_EQ(apply("en_jours", "1,5"), "1,5" + kNbsp + "jour");
    EXPECT_EQ(apply("en_jours", "2.5"), "2,5" + kNbsp + "jours");
    EXPECT_EQ(apply("euros_en_lettres", "15000"), "quinze mille euros");
    EXPECT_EQ(apply("euros_en_lettres", "1250,50"), "mille deux cent cinquante euros et cinquante centimes");
    EXPECT_EQ(apply("nombre_en_lettres", "71"), "soixante et onze");
    EXPECT_EQ(apply("date_longue", "2015-12-01"), "1er" + kNbsp + "décembre 2015");
    EXPECT_EQ(apply("date_longue", "15/12/2015"), "15" + kNbsp + "décembre 2015");
    EXPECT_EQ(apply("date_avec_jour", "2016-06-01"), "mercredi 1er" + kNbsp + "juin 2016");
    EXPECT_EQ(apply("date_courte", "2015-12-01"), "01/12/2015");
    EXPECT_EQ(apply("ordinal", "1"), "1er");
    EXPECT_EQ(apply("ordinal_feminin", "1"), "1re");
    EXPECT_EQ(apply("ordinal", "3"), "3e");
    EXPECT_EQ(apply("en_majuscules", "Économie à café"), "ÉCONOMIE À CAFÉ");
}

TEST(Helpers, FormatTheRenderedContentOfEachItem) {
    const DataValue data = map({{"secteurs", list({map({{"nom", text("Habitat")}, {"budget", text("15000")}}),
                                                   map({{"nom", text("Numérique")}, {"budget", text("")}})})}});
    EXPECT_EQ(render("{{#secteurs}}{{nom}} : {{#en_euros}}{{budget}}{{/en_euros}}|{{/secteurs}}", data),
              "Habitat : 15" + kFine + "000" + kNbsp + "€|Numérique : |");
}

TEST(Helpers, NestAndKeepMarkup) {
    EXPECT_EQ(render("{{#en_majuscules}}{{#date_longue}}{{d}}{{/date_longue}}{{/en_majuscules}}",
                     map({{"d", text("2015-12-01")}})),
              "1ER" + kNbsp + "DÉCEMBRE 2015");
    EXPECT_EQ(render("{{#en_majuscules}}<b>é</b> {{v}}{{/en_majuscules}}", map({{"v", text("l'été & co")}})),
              "<b>É</b> L&apos;ÉTÉ &amp; CO");
    EXPECT_EQ(apply("en_euros", "  15 000 "), "15" + kFine + "000" + kNbsp + "€");
}

TEST(Helpers, OutputIsEscaped) {
    // Helpers build their output from plain text, then escape it like any value.
    EXPECT_EQ(xml_escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
    EXPECT_EQ(xml_unescape("&lt;&#233;&#xE9;&amp;&bogus;&"), "<éé&&bogus;&");
}

TEST(Helpers, UnsuitableContentIsAPositionedError) {
    const Template t = Template::parse("<p>\n  {{#secteurs}}{{#en_euros}}{{budget}}{{/en_euros}}{{/secteurs}}\n"
                                       "  {{#date_longue}}{{date}}{{/date_longue}}</p>",
                                       "lettre.xml.mustache");
    const DataValue data = map({{"date", text("1er décembre")},
                                {"secteurs", list({map({{"budget", text("quinze mille")}}),
                                                   map({{"budget", text("15000")}}),
                                                   map({{"budget", text("quinze mille")}})})}});
    EXPECT_EQ(error_messages([&] { t.render(data); }, ErrorKind::Data),
              (Messages{"lettre.xml.mustache:2:16 : la fonction « en_euros » attend un montant en chiffres (par "
                        "exemple 15000 ou 1250,50), pas « quinze mille »",
                        "lettre.xml.mustache:3:3 : la fonction « date_longue » attend une date (par exemple "
                        "2015-12-01 ou 01/12/2015), pas « 1er décembre »"}));
}

TEST(Helpers, EveryHelperIsListedOnce) {
    std::vector<std::string> names;
    for (const auto& h : template_helpers()) {
        EXPECT_EQ(find_helper(h.name), &h);
        names.push_back(h.name);
    }
    EXPECT_EQ(names.size(), 17u);
    EXPECT_EQ(find_helper("montant"), nullptr);
}

// « de » and « à » before a name: elision, contraction with the name's
// article, mute and aspirated h, a name that starts with markup.
TEST(Helpers, PrepositionsElideAndContract) {
    EXPECT_EQ(apply("de", "Les Ecossolies"), "des Ecossolies");
    EXPECT_EQ(apply("de", "Le Solilab"), "du Solilab");
    EXPECT_EQ(apply("de", "La Fabrique"), "de la Fabrique");
    EXPECT_EQ(apply("de", "L'Atelier d'Économie"), "de l’Atelier d&apos;Économie");
    EXPECT_EQ(apply("de", "L’Atelier"), "de l’Atelier");
    EXPECT_EQ(apply("de", "Alex Exemple"), "d’Alex Exemple");
    EXPECT_EQ(apply("de", "Émilie"), "d’Émilie");
    EXPECT_EQ(apply("de", "Habitat et Humanisme"), "d’Habitat et Humanisme");
    EXPECT_EQ(apply("de", "Hérouville"), "de Hérouville");
    EXPECT_EQ(apply("de", "Nantes Métropole"), "de Nantes Métropole");
    EXPECT_EQ(apply("de", "Lebrun"), "de Lebrun");  // « Le » is an article only as a word
    EXPECT_EQ(apply("a", "Le Solilab"), "au Solilab");
    EXPECT_EQ(apply("a", "Les Ecossolies"), "aux Ecossolies");
    EXPECT_EQ(apply("a", "La Fabrique"), "à la Fabrique");
    EXPECT_EQ(apply("a", "L’Atelier"), "à l’Atelier");
    EXPECT_EQ(apply("a", "Alex"), "à Alex");
    EXPECT_EQ(apply("a", "<b>L’Atelier</b>"), "à l’<b>Atelier</b>");
    EXPECT_EQ(apply("de", "<b>Les Ecossolies</b>"), "des <b>Ecossolies</b>");
    EXPECT_EQ(apply("de", ""), "");
}

// A name inside a sentence: its article in lower case, nothing else touched.
TEST(Helpers, NameInsideASentenceLowersItsArticle) {
    EXPECT_EQ(apply("en_phrase", "Les Ecossolies"), "les Ecossolies");
    EXPECT_EQ(apply("en_phrase", "Le Solilab"), "le Solilab");
    EXPECT_EQ(apply("en_phrase", "La Fabrique"), "la Fabrique");
    EXPECT_EQ(apply("en_phrase", "L’Atelier d’Économie"), "l’Atelier d’Économie");
    EXPECT_EQ(apply("en_phrase", "Lebrun"), "Lebrun");
    EXPECT_EQ(apply("en_phrase", "Alex Exemple"), "Alex Exemple");
    EXPECT_EQ(apply("en_phrase", "Structure Habitat"), "Structure Habitat");
}

// Number agreement: French plural from two, whatever the decimals; the
// forms given, or one word's regular plural.
TEST(Helpers, AgreementInNumber) {
    EXPECT_EQ(apply("accord", "1 jour"), "1" + kNbsp + "jour");
    EXPECT_EQ(apply("accord", "2 jour"), "2" + kNbsp + "jours");
    EXPECT_EQ(apply("accord", "0,5 jour"), "0,5" + kNbsp + "jour");
    EXPECT_EQ(apply("accord", "1,5 jour"), "1,5" + kNbsp + "jour");
    EXPECT_EQ(apply("accord", "15,5 jour prévu|jours prévus"), "15,5" + kNbsp + "jours prévus");
    EXPECT_EQ(apply("accord", "1 jour prévu|jours prévus"), "1" + kNbsp + "jour prévu");
    EXPECT_EQ(apply("accord", "3 bureau"), "3" + kNbsp + "bureaux");
    EXPECT_EQ(apply("accord", "2 local"), "2" + kNbsp + "locaux");
    EXPECT_EQ(::apply("accord", "15" + kFine + "000 participant"), "15" + kFine + "000" + kNbsp + "participants");
    EXPECT_EQ(apply("accord", "\u22122 jour"), "\u22122" + kNbsp + "jours");
    EXPECT_EQ(render("{{#accord}}{{n}} projet accompagné|projets accompagnés{{/accord}}", map({{"n", text("4")}})),
              "4" + kNbsp + "projets accompagnés");
}

// Gender: from a role written as the person's own, a civility or a marker.
TEST(Helpers, AgreementInGender) {
    EXPECT_EQ(apply("le", "Directrice"), "la Directrice");
    EXPECT_EQ(apply("le", "Directeur"), "le Directeur");
    EXPECT_EQ(apply("le", "Animatrice"), "l’Animatrice");
    EXPECT_EQ(apply("le", "Chargée de mission"), "la Chargée de mission");
    EXPECT_EQ(apply("le", "Chargé de développement"), "le Chargé de développement");
    EXPECT_EQ(apply("le", "Co-présidente"), "la Co-présidente");
    EXPECT_EQ(apply("le", "Secrétaire générale"), "la Secrétaire générale");
    EXPECT_EQ(apply("selon_genre", "Chargée de mission|l’animateur|l’animatrice"), "l’animatrice");
    EXPECT_EQ(apply("selon_genre", "Directeur|l’animateur|l’animatrice"), "l’animateur");
    EXPECT_EQ(apply("selon_genre", "Mme|il|elle"), "elle");
    EXPECT_EQ(apply("selon_genre", "M.|il|elle"), "il");
    // A value that does not say the gender, or no value: both forms.
    EXPECT_EQ(apply("selon_genre", "Secrétaire|l’animateur|l’animatrice"), "l’animateur ou l’animatrice");
    EXPECT_EQ(apply("selon_genre", "|l’animateur|l’animatrice"), "l’animateur ou l’animatrice");
    EXPECT_EQ(apply("le", ""), "");
}

TEST(Helpers, AnAgreementTheValueCannotDecideIsAPositionedError) {
    const Template t = Template::parse("<p>{{#le}}{{q}}{{/le}} {{#accord}}{{n}} jour prévu{{/accord}}</p>", "n.mustache");
    const DataValue data = map({{"q", text("Secrétaire")}, {"n", text("2")}});
    const Messages messages = error_messages([&] { t.render(data); }, ErrorKind::Data);
    ASSERT_EQ(messages.size(), 2u);
    EXPECT_NE(messages[0].find("n.mustache:1:4 : la fonction « le » attend une qualité qui dit le genre"), std::string::npos)
        << messages[0];
    EXPECT_NE(messages[0].find("pas « Secrétaire »"), std::string::npos) << messages[0];
    EXPECT_NE(messages[1].find("la fonction « accord » attend un nombre en chiffres suivi du nom"), std::string::npos)
        << messages[1];
}
