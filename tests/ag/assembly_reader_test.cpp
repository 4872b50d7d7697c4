// Reading and validating the general assembly's data: both formats give the
// same model; every problem is reported at once with its position.
#include <gtest/gtest.h>

#include "ag/assembly_dump.hpp"
#include "ag/assembly_reader.hpp"
#include "ag/assembly_xlsx_writer.hpp"
#include "ag_fixtures.hpp"
#include "core/output_files.hpp"

using namespace lettrine;
using namespace ag_fixtures;

TEST(AssemblyReader, DefaultDataIsValid) {
    const GeneralAssembly& ag = assembly();
    EXPECT_EQ(ag.year, 2016);
    EXPECT_EQ(ag.date, (Date{2016, 6, 16}));
    ASSERT_EQ(ag.workshops.size(), programme().sectors.size());
    for (const auto& s : programme().sectors) EXPECT_NE(ag.find_workshop(s.id), nullptr) << s.id;
    EXPECT_GE(ag.registrants.size(), 35u);
    EXPECT_LE(ag.registrants.size(), 45u);
    // One workshop has enough people for a two-page attendance sheet.
    std::size_t largest = 0;
    for (const auto& w : ag.workshops) largest = std::max(largest, ag.registrants_of(w.sector_id).size());
    EXPECT_GT(static_cast<int>(largest) + ag.attendance.minimum_blank, ag.attendance.total);
}

TEST(AssemblyReader, WorkbookAndXmlTwinGiveTheSameAssembly) {
    const GeneralAssembly from_xlsx = read_assembly(source_path("input/ag-2016.xlsx"), &programme());
    EXPECT_EQ(dump_assembly(from_xlsx), dump_assembly(assembly()));
}

TEST(AssemblyReader, CommittedWorkbookIsUpToDateWithTheXml) {
    // input/ag-2016.xlsx is generated: `lettrine convertir-ag --donnees-ag input/ag-2016.xml --sortie input/ag-2016.xlsx`.
    EXPECT_TRUE(write_assembly_xlsx(assembly()) == read_file(source_path("input/ag-2016.xlsx")))
        << "régénérer input/ag-2016.xlsx avec lettrine convertir-ag";
}

TEST(AssemblyReader, WriterIsDeterministicAndRoundTrips) {
    const std::string bytes = write_assembly_xlsx(assembly());
    EXPECT_EQ(bytes, write_assembly_xlsx(assembly()));
    const AssemblyCheck check = check_assembly_bytes(bytes, "ag.xlsx", true, &programme());
    ASSERT_TRUE(check.assembly) << described(check.diagnostics).front();
    EXPECT_EQ(dump_assembly(*check.assembly), dump_assembly(assembly()));
}

TEST(AssemblyReader, FacilitatorComesFromTheReferentUnlessGiven) {
    const Workshop* habitat = assembly().find_workshop("habitat");
    const Facilitator f = facilitator_of(*habitat, *programme().find_sector("habitat"));
    EXPECT_EQ(f.person.name, programme().find_sector("habitat")->contact.name);
    EXPECT_EQ(f.organisation, programme().find_sector("habitat")->referent);
    const Workshop* digital = assembly().find_workshop("numerique");
    EXPECT_EQ(facilitator_of(*digital, *programme().find_sector("numerique")).person.name, "Sacha Exemple");
}

TEST(AssemblyReader, WorkbookProblemsAllAtOnceWithTheirCells) {
    std::vector<SheetRows> sheets = valid_sheets();
    // Ateliers: a time in words (D2) and no workshop for « numerique » (the last row).
    sheets[2].rows[1][2] = "quatorze heures";
    sheets[2].rows.pop_back();
    // Inscrits: a missing first name and a broken address (row 3), an unknown workshop (row 4).
    sheets[5].rows.push_back({"Martin", "", "", "marie.dupont@", "habitat"});
    sheets[5].rows.push_back({"Durand", "Éric", "", "", "jardin"});
    const AssemblyCheck check = check_assembly_bytes(workbook(sheets), "ag-2016.xlsx", true, &programme());
    EXPECT_FALSE(check.assembly);
    EXPECT_EQ(described(check.diagnostics),
              (std::vector<std::string>{
                  "ag-2016.xlsx, feuille « Ateliers », cellule C2 : « quatorze heures » n’est pas un horaire (écrire par exemple 14 h 30 ou 14:30)",
                  "ag-2016.xlsx, feuille « Ateliers » : aucun atelier pour le secteur « Numérique et ESS » (numerique) : chaque secteur du programme a le sien",
                  "ag-2016.xlsx, feuille « Ordre du jour », cellule A6 : aucun atelier pour le secteur « numerique » (ateliers : services-aux-personnes, circuits-courts, habitat, dechets-ressources)",
                  "ag-2016.xlsx, feuille « Questions », cellule A6 : aucun atelier pour le secteur « numerique » (ateliers : services-aux-personnes, circuits-courts, habitat, dechets-ressources)",
                  "ag-2016.xlsx, feuille « Inscrits », cellule B3 : le champ « Prénom » est obligatoire",
                  "ag-2016.xlsx, feuille « Inscrits », cellule D3 : « marie.dupont@ » n’est pas une adresse électronique valide",
                  "ag-2016.xlsx, feuille « Inscrits », cellule E4 : aucun atelier pour le secteur « jardin » (ateliers : services-aux-personnes, circuits-courts, habitat, dechets-ressources)",
              }));
}

TEST(AssemblyReader, MissingSheetAndColumn) {
    std::vector<SheetRows> sheets = valid_sheets();
    sheets.erase(sheets.begin() + 1);     // no « Horaires »
    sheets[4].rows[0][4] = "Groupe";      // « Inscrits » without « Atelier »
    const AssemblyCheck check = check_assembly_bytes(workbook(sheets), "ag-2016.xlsx", true, &programme());
    EXPECT_EQ(described(check.diagnostics),
              (std::vector<std::string>{
                  "ag-2016.xlsx : la feuille « Horaires » est absente",
                  "ag-2016.xlsx, feuille « Inscrits » : la colonne « Atelier » est absente (en-têtes attendus en ligne 1)",
              }));
}

TEST(AssemblyReader, XmlProblemsWithLineAndColumn) {
    const std::string xml = assembly_xml(
        "    <inscrit nom=\"Exemple\" prenom=\"Léa\" atelier=\"habitat\"/>\n"
        "    <inscrit nom=\"EXEMPLE\" prenom=\"léa\" atelier=\"habitat\"/>\n"
        "    <inscrit nom=\"Durand\" prenom=\"Éric\" atelier=\"Habitat\" courriel=\"eric@exemple.org\"/>\n");
    EXPECT_EQ(problems_of_xml(xml),
              (std::vector<std::string>{
                  "ag-test.xml:28:19 : « léa EXEMPLE » figure deux fois parmi les inscrits (déjà en ligne 27)",
                  "ag-test.xml:29:50 : l’identifiant « Habitat » ne doit contenir que des minuscules sans accents, des chiffres et des tirets (par exemple « habitat »)",
              }));
}

TEST(AssemblyReader, WorkshopRules) {
    std::string xml = assembly_xml("");
    // A second workshop for « habitat », one for an unknown sector, one that ends before it starts.
    const std::string extra =
        "    <atelier secteur=\"habitat\" salle=\"B\" debut=\"14 h\" fin=\"16 h\"><ordre-du-jour><point>A</point></ordre-du-jour><questions><question>Q</question></questions></atelier>\n"
        "    <atelier secteur=\"jardin\" salle=\"C\" debut=\"16 h\" fin=\"15 h\"><ordre-du-jour><point>A</point></ordre-du-jour><questions><question>Q</question></questions></atelier>\n";
    xml.insert(xml.find("  </ateliers>"), extra);
    // « Numérique et ESS » has no référent: without an animateur it is an error.
    xml.replace(xml.find(" animateur=\"Sacha Exemple\""), std::string(" animateur=\"Sacha Exemple\"").size(), "");
    EXPECT_EQ(problems_of_xml(xml),
              (std::vector<std::string>{
                  "ag-test.xml:21:5 : le champ « Animateur » est obligatoire pour le secteur « Numérique et ESS », qui n’a pas de structure référente pour animer son atelier",
                  "ag-test.xml:25:23 : le secteur « habitat » a déjà son atelier (en ligne 13) : un seul atelier par secteur",
                  "ag-test.xml:26:23 : secteur inconnu « jardin » (secteurs du programme : services-aux-personnes, circuits-courts, habitat, dechets-ressources, numerique)",
                  "ag-test.xml:26:59 : la fin de l’atelier (15\u00A0h) doit suivre son début (16\u00A0h)",
              }));
}

TEST(AssemblyReader, AttendanceSettings) {
    std::string xml = assembly_xml("");
    xml.replace(xml.find("lieu=\"Le Solilab\""), 17, "lieu=\"Le Solilab\" lignes-emargement=\"30\" lignes-vierges=\"2\"");
    const GeneralAssembly ag = read_xml_assembly(xml);
    EXPECT_EQ(ag.attendance.total, 30);
    EXPECT_EQ(ag.attendance.minimum_blank, 2);
    EXPECT_EQ(ag.attendance.rows_for(10), 30);
    EXPECT_EQ(ag.attendance.rows_for(29), 31);
    xml.replace(xml.find("\"30\""), 4, "\"beaucoup\"");
    EXPECT_EQ(problems_of_xml(xml),
              (std::vector<std::string>{"ag-test.xml:2:76 : « beaucoup » n’est pas un nombre entier de 0 à 200"}));
}

TEST(AssemblyReader, Times) {
    EXPECT_EQ(parse_time("14 h")->minutes, 14 * 60);
    EXPECT_EQ(parse_time("14h30")->minutes, 14 * 60 + 30);
    EXPECT_EQ(parse_time(" 9 h 05 ")->minutes, 9 * 60 + 5);
    EXPECT_EQ(parse_time("14:30")->minutes, 14 * 60 + 30);
    EXPECT_EQ(parse_time("14\u00A0h\u00A030")->minutes, 14 * 60 + 30);
    EXPECT_FALSE(parse_time("25 h"));
    EXPECT_FALSE(parse_time("14 h 75"));
    EXPECT_FALSE(parse_time("14:"));
    EXPECT_FALSE(parse_time("quatorze heures"));
    EXPECT_FALSE(parse_time("14"));
    EXPECT_EQ(time_from_day_fraction(0.5625)->minutes, 13 * 60 + 30);
    EXPECT_EQ(format_time({14 * 60}), "14\u00A0h");
    EXPECT_EQ(format_time({9 * 60 + 5}), "9\u00A0h\u00A005");
    EXPECT_EQ(format_time_range({14 * 60}, TimeOfDay{16 * 60 + 30}), "14\u00A0h\u00A0\u2013 16\u00A0h\u00A030");
}

TEST(AssemblyReader, NotAnAssemblyFile) {
    const AssemblyCheck check = check_assembly_bytes("<programme annee=\"2016\"/>", "x.xml", false, &programme());
    EXPECT_EQ(described(check.diagnostics).front(),
              "x.xml:1:1 : l’élément racine doit être <assemblee-generale> (trouvé : <programme>)");
}

// The AG checks e-mail addresses with engine/data's is_plausible_email, as the
// programme does (it had its own looser pattern, which let a comma through).
TEST(AssemblyReader, EmailCheckedAsTheProgrammeChecksIt) {
    const std::string xml = assembly_xml(
        "    <inscrit nom=\"Durand\" prenom=\"Éric\" atelier=\"habitat\" courriel=\"eric,durand@exemple.org\"/>\n");
    EXPECT_EQ(problems_of_xml(xml),
              (std::vector<std::string>{
                  "ag-test.xml:27:69 : « eric,durand@exemple.org » n’est pas une adresse électronique valide"}));
}

// The AG contract refuses no tentative mark (docs/AG.md): its titles and
// questions are questions, unlike the programme's data (docs/DONNEES.md).
TEST(AssemblyReader, QuestionMarksAndEllipsisAreAcceptedInTheAssembly) {
    std::string xml = assembly_xml("");
    const std::string question = "<question>";
    xml.insert(xml.find(question) + question.size(), "Et après… ? ");
    EXPECT_TRUE(problems_of_xml(xml).empty());
}
