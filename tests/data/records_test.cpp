#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/records.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;
namespace fs = boost::filesystem;

namespace {
fs::path scratch(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-records-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    write_file_atomically(dir / name, bytes);
    return dir / name;
}
std::string text_at(const DataValue& map, const std::string& key) {
    const DataValue* v = map.find(key);
    return v && v->is_text() ? v->as_text() : "<absent>";
}
}  // namespace

TEST(Records, SheetRowsKeyedByHeaderAndMustacheKey) {
    const std::string bytes = write_workbook({
        {"Autre", {{text("x")}}},
        {"Destinataires", {{text("Nom du contact"), text("Montant"), text("Date limite"), text("Adhérent"), empty(), text("Ville")},
                           {text("Camille Exemple"), number(1500.5), date(2015, 12, 1), boolean(true), text("sans en-tête"), text("Nantes")},
                           {},
                           {text("Dominique Exemple"), number(10000), empty(), boolean(false)}}},
    });
    const fs::path file = scratch("fusion.xlsx", bytes);
    const DataValue records = read_records(file, "destinataires");
    ASSERT_TRUE(records.is_list());
    ASSERT_EQ(records.items().size(), 2u);  // the blank row is skipped
    const DataValue& first = records.items()[0];
    EXPECT_EQ(text_at(first, "Nom du contact"), "Camille Exemple");
    EXPECT_EQ(text_at(first, "nom_du_contact"), "Camille Exemple");
    EXPECT_EQ(text_at(first, "Montant"), "1500,5");
    EXPECT_EQ(text_at(first, "montant"), "1500,5");
    EXPECT_EQ(text_at(first, "date_limite"), "01/12/2015");
    EXPECT_EQ(text_at(first, "adherent"), "oui");
    EXPECT_EQ(text_at(first, "E"), "sans en-tête");
    EXPECT_EQ(first.find("ville")->position().describe(), "fusion.xlsx, feuille « Destinataires », cellule F2");
    EXPECT_EQ(first.position().describe(), "fusion.xlsx, feuille « Destinataires », cellule A2");
    const DataValue& second = records.items()[1];
    EXPECT_EQ(text_at(second, "Adhérent"), "");
    EXPECT_EQ(text_at(second, "ville"), "");
    EXPECT_EQ(second.find("ville")->position().cell, "F4");

    const DataValue tree = read_data_tree(file);
    ASSERT_NE(tree.find("destinataires"), nullptr);
    EXPECT_EQ(tree.find("Destinataires")->items().size(), 2u);
    EXPECT_EQ(tree.find("Autre")->items().size(), 0u);

    try {
        read_records(file, "Adhérents");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "fusion.xlsx : la feuille « Adhérents » n’existe pas (feuilles du classeur : « Autre », « Destinataires »)");
    }
}

TEST(Records, XmlItemsByPath) {
    const std::string xml =
        "<fusion>\n"
        "  <destinataires>\n"
        "    <destinataire civilite=\"Madame\" date-limite=\"15/01/2016\">\n"
        "      <nom>Camille Exemple</nom>\n"
        "      <adresse>\n        1 rue de l'Exemple\n        44000 Nantes\n      </adresse>\n"
        "      <projet>Popcorn</projet><projet>Incubateur</projet>\n"
        "    </destinataire>\n"
        "    <destinataire><nom>Dominique Exemple</nom><structure sigle=\"SE\">Structure exemple</structure></destinataire>\n"
        "  </destinataires>\n"
        "</fusion>\n";
    const fs::path file = scratch("fusion.xml", xml);
    for (const std::string each : {"destinataires/destinataire", "fusion/destinataires/destinataire"}) {
        const DataValue records = read_records(file, each);
        ASSERT_EQ(records.items().size(), 2u) << each;
        const DataValue& first = records.items()[0];
        EXPECT_EQ(text_at(first, "civilite"), "Madame");
        EXPECT_EQ(text_at(first, "date_limite"), "15/01/2016");
        EXPECT_EQ(text_at(first, "nom"), "Camille Exemple");
        EXPECT_EQ(text_at(first, "adresse"), "1 rue de l'Exemple\n44000 Nantes");
        ASSERT_TRUE(first.find("projet")->is_list());
        EXPECT_EQ(first.find("projet")->items()[1].as_text(), "Incubateur");
        EXPECT_EQ(first.find("nom")->position().describe(), "fusion.xml:4:12");
        EXPECT_EQ(first.find("civilite")->position().describe(), "fusion.xml:3:29");
        const DataValue* structure = records.items()[1].find("structure");
        ASSERT_TRUE(structure && structure->is_map());
        EXPECT_EQ(text_at(*structure, "sigle"), "SE");
        EXPECT_EQ(text_at(*structure, "texte"), "Structure exemple");
    }
    // issue 13, item 11: the element holding the repeated ones, or the root,
    // would be merged as one record with blanks.
    for (const auto& wrong : std::vector<std::pair<std::string, std::string>>{
             {"destinataires", "fusion.xml:2:3 : « --chaque destinataires » désigne un seul élément, <destinataires> : les "
                               "éléments à fusionner sont ses enfants répétés, « --chaque destinataires/destinataire »"},
             {"fusion", "fusion.xml:1:1 : « --chaque fusion » désigne l’élément racine <fusion>, qui ne se répète pas"}}) {
        try {
            read_records(file, wrong.first);
            ADD_FAILURE() << wrong.first;
        } catch (const LettrineError& e) {
            EXPECT_EQ(e.diagnostics().items().front().describe(), wrong.second);
        }
    }
    const DataValue tree = read_data_tree(file);
    EXPECT_EQ(tree.find_path("destinataires.destinataire")->items().size(), 2u);
    try {
        read_records(file, "destinataire");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(std::string(e.what()), "fusion.xml:1:1 : aucun élément ne correspond au chemin « destinataire » sous <fusion>");
    }
}

TEST(Records, UnknownExtension) {
    try {
        read_records("donnees.txt", "x");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(std::string(e.what()), "donnees.txt : format de données non reconnu : l’extension doit être .xlsx, "
                                         ".ods, .csv ou .xml, ou le chemin un dossier de fichiers CSV");
    }
}
