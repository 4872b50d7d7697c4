#include <gtest/gtest.h>

#include <algorithm>

#include "core/position.hpp"
#include "data/programme_reader.hpp"
#include "data/programme_validation.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

namespace {

const std::string kSectors = "programme-2016.xlsx, feuille « Secteurs »";

// Errors and warnings of a modified default workbook, described.
std::vector<std::string> problems(const Workbook& workbook) {
    const ProgrammeCheck check = check_programme_workbook(workbook);
    EXPECT_EQ(check.programme.has_value(), !check.diagnostics.has_errors());
    return described(check.diagnostics);
}

std::vector<std::string> one(const std::string& message) { return {message}; }

void remove_sheet(Workbook& wb, const std::string& name) {
    wb.sheets.erase(std::remove_if(wb.sheets.begin(), wb.sheets.end(), [&](const Sheet& s) { return s.name == name; }),
                    wb.sheets.end());
}

// A valid extra sector on row 7 (contracted by Nantes Métropole: few required fields).
void add_sector_row(Workbook& wb, const std::string& id) {
    set_cell(wb, "Secteurs", "A7", id);
    set_cell(wb, "Secteurs", "B7", "Autre secteur");
    set_cell(wb, "Secteurs", "H7", "Quelques projets");
    set_cell(wb, "Secteurs", "I7", "Rencontres");
    set_cell(wb, "Secteurs", "N7", "Nantes Métropole");
}

}  // namespace

TEST(ProgrammeValidation, DefaultWorkbookIsValid) {
    EXPECT_EQ(problems(default_workbook()), std::vector<std::string>{});
}

TEST(ProgrammeValidation, BadAmount) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "J4", "dix mille");
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule J4 : « dix mille » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)"));
}

TEST(ProgrammeValidation, MissingSheet) {
    Workbook wb = default_workbook();
    remove_sheet(wb, "Textes");
    EXPECT_EQ(problems(wb), one("programme-2016.xlsx : la feuille « Textes » est absente"));
}

TEST(ProgrammeValidation, MissingColumnIsReportedOnceNotPerRow) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "J1", "Montant total");
    EXPECT_EQ(problems(wb), one(kSectors + " : la colonne « Budget » est absente (en-têtes attendus en ligne 1)"));
}

TEST(ProgrammeValidation, ColumnsAreFoundByTolerantHeaderNotByPosition) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "J1", "  JOURS   MIN ");  // swap the headers of J and K...
    set_cell(wb, "Secteurs", "K1", "budget");
    for (int row = 2; row <= 6; ++row) {  // ...and their values
        const std::string j = "J" + std::to_string(row), k = "K" + std::to_string(row);
        const Cell budget = *wb.find("Secteurs")->cell(row - 1, 9), days = *wb.find("Secteurs")->cell(row - 1, 10);
        if (days.type == Cell::Number) set_number(wb, "Secteurs", j, days.number); else set_cell(wb, "Secteurs", j, "");
        if (budget.type == Cell::Number) set_number(wb, "Secteurs", k, budget.number); else set_cell(wb, "Secteurs", k, "");
    }
    set_cell(wb, "Secteurs", "P1", "Commentaire libre");  // unknown columns are fine
    set_cell(wb, "Secteurs", "P2", "rien à signaler");
    const ProgrammeCheck check = check_programme_workbook(wb);
    ASSERT_TRUE(check.programme.has_value()) << (check.diagnostics.empty() ? "" : check.diagnostics.items()[0].describe());
    EXPECT_EQ(check.programme->sectors[0].budget, (Money{1000000}));
    EXPECT_EQ(check.programme->sectors[0].days_min, 20);
}

TEST(ProgrammeValidation, EmptyRequiredCellDependsOnContracting) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "C3", "");
    set_cell(wb, "Secteurs", "J2", "");
    set_cell(wb, "Secteurs", "B6", "");
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        kSectors + ", cellule J2 : le champ « Budget » est obligatoire pour un secteur conventionné par Les Ecossolies",
        kSectors + ", cellule C3 : le champ « Structure référente » est obligatoire pour un secteur conventionné par Les Ecossolies",
        kSectors + ", cellule B6 : le champ « Secteur » est obligatoire",
    }));
}

TEST(ProgrammeValidation, UnknownSectorInPartnersAndExperiments) {
    Workbook wb = default_workbook();
    set_cell(wb, "Partenaires", "A2", "service-aux-personnes");
    set_cell(wb, "Expérimentations", "A3", "habitats");
    const std::string known = " (identifiants connus : services-aux-personnes, circuits-courts, habitat, dechets-ressources, numerique)";
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Partenaires », cellule A2 : secteur inconnu « service-aux-personnes »" + known,
        "programme-2016.xlsx, feuille « Expérimentations », cellule A3 : secteur inconnu « habitats »" + known,
    }));
}

TEST(ProgrammeValidation, DuplicateIdentifier) {
    Workbook wb = default_workbook();
    add_sector_row(wb, "habitat");
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule A7 : l’identifiant « habitat » est déjà utilisé (cellule A4)"));
}

TEST(ProgrammeValidation, IdentifiersMustBeSlugSafe) {
    Workbook wb = default_workbook();
    add_sector_row(wb, "Économie Circulaire");
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule A7 : l’identifiant « Économie Circulaire » ne doit contenir que des "
                                           "minuscules sans accents, des chiffres et des tirets (par exemple « economie-circulaire »)"));
}

TEST(ProgrammeValidation, DaysMinAboveDaysMax) {
    Workbook wb = default_workbook();
    set_number(wb, "Secteurs", "K4", 50);
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule K4 : les jours min (50) dépassent les jours max (45)"));
}

TEST(ProgrammeValidation, AgreedDaysOutsideTheRangeIsAWarning) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "M4", "50 jours");
    const ProgrammeCheck check = check_programme_workbook(wb);
    EXPECT_TRUE(check.programme.has_value());
    EXPECT_EQ(described(check.diagnostics),
              one(kSectors + ", cellule M4 : avertissement : les jours convenus (50) sortent de la fourchette de 30 à 45 jours"));
}

TEST(ProgrammeValidation, MalformedEmail) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "G2", "camille.exemple.org");
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule G2 : « camille.exemple.org » n’est pas une adresse électronique valide"));
}

TEST(ProgrammeValidation, BadDateAndBadInteger) {
    Workbook wb = default_workbook();
    set_cell(wb, "Programme", "B10", "31/02/2015");
    set_cell(wb, "Secteurs", "L2", "trente");
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Programme », cellule B10 : « 31/02/2015 » n’est pas une date "
        "(écrire par exemple 01/12/2015 ou 2015-12-01)",
        kSectors + ", cellule L2 : « trente » n’est pas un nombre entier",
    }));
}

TEST(ProgrammeValidation, DatesAsTextOrSerial) {
    Workbook wb = default_workbook();
    set_cell(wb, "Programme", "B10", "1er décembre 2015");
    EXPECT_EQ(check_programme_workbook(wb).programme->letter_date, (Date{2015, 12, 1}));
    set_number(wb, "Programme", "B10", 42339);
    EXPECT_EQ(check_programme_workbook(wb).programme->letter_date, (Date{2015, 12, 1}));
}

// Issue 13, item 12: « 12 500 euros » and « 1/12/15 » are read (the
// two-digit year with a warning saying which year it is taken for); what is
// refused says where and what would be accepted.
TEST(ProgrammeValidation, AmountsInEurosAndTwoDigitYears) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "J4", "12 500 euros");
    set_cell(wb, "Programme", "B10", "1/12/15");
    const ProgrammeCheck check = check_programme_workbook(wb);
    ASSERT_TRUE(check.programme.has_value()) << described(check.diagnostics).front();
    EXPECT_EQ(check.programme->letter_date, (Date{2015, 12, 1}));
    EXPECT_EQ(described(check.diagnostics),
              one("programme-2016.xlsx, feuille « Programme », cellule B10 : avertissement : « 1/12/15 » : année à deux "
                  "chiffres lue comme 2015 (écrire l’année en entier pour le confirmer)"));
    bool found = false;
    for (const Sector& s : check.programme->sectors)
        if (s.budget && s.budget->cents == 1250000) found = true;
    EXPECT_TRUE(found) << "« 12 500 euros » read as 12 500 €";
    set_cell(wb, "Secteurs", "J4", "12.500");
    set_cell(wb, "Programme", "B10", "01/12/2015");
    EXPECT_EQ(problems(wb), one(kSectors + ", cellule J4 : « 12.500 » n’est pas un montant (écrire par exemple 12 500 €, "
                                           "12 500,50 € ou 12 500 euros)"));
}

TEST(ProgrammeValidation, UnknownStatusAndContracting) {
    Workbook wb = default_workbook();
    set_cell(wb, "Partenaires", "C2", "peut-être");
    set_cell(wb, "Secteurs", "N6", "Région");
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        kSectors + ", cellule N6 : conventionnement inconnu « Région » : écrire « Ecossolies » ou « Nantes Métropole »",
        "programme-2016.xlsx, feuille « Partenaires », cellule C2 : statut inconnu « peut-être » : écrire « confirmé » ou « à confirmer »",
    }));
}

TEST(ProgrammeValidation, StatusIsTolerantAndEmptyMeansConfirmed) {
    Workbook wb = default_workbook();
    set_cell(wb, "Partenaires", "C2", "A CONFIRMER");
    set_cell(wb, "Partenaires", "C3", "");
    const auto check = check_programme_workbook(wb);
    ASSERT_TRUE(check.programme.has_value());
    EXPECT_EQ(check.programme->partners[0].status, ItemStatus::ToConfirm);
    EXPECT_EQ(check.programme->partners[1].status, ItemStatus::Confirmed);
}

TEST(ProgrammeValidation, MissionsMustBeExactlyOneTwoThree) {
    Workbook wb = default_workbook();
    set_number(wb, "Missions", "A4", 4);
    EXPECT_EQ(problems(wb), one("programme-2016.xlsx, feuille « Missions » : les missions doivent être numérotées "
                                "exactement 1, 2 et 3 (trouvé : 1, 2, 4)"));
    set_number(wb, "Missions", "A4", 2);
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Missions », cellule A4 : le numéro de mission « 2 » est déjà utilisé (cellule A3)",
        "programme-2016.xlsx, feuille « Missions » : les missions doivent être numérotées exactement 1, 2 et 3 (trouvé : 1, 2)",
    }));
}

TEST(ProgrammeValidation, TentativeItemsMustUseTheStatus) {
    Workbook wb = default_workbook();
    set_cell(wb, "Partenaires", "B17", "Partenariat Veolia ?");
    set_cell(wb, "Partenaires", "B13", "Biocoop, Horizon vert, ...");
    set_cell(wb, "Expérimentations", "B8", "Régie de quartier Bottière\n…");
    set_cell(wb, "Textes", "B2", "Pourquoi un programme ? Pour développer l'ESS.");  // a question in prose is fine
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Partenaires », cellule B13 : « Biocoop, Horizon vert, ... » : des points de "
        "suspension ne doivent pas rester dans les données ; complétez la liste ou retirez-les",
        "programme-2016.xlsx, feuille « Partenaires », cellule B17 : « Partenariat Veolia ? » : un point d’interrogation ne "
        "doit pas rester dans les données ; retirez-le et indiquez plutôt le statut « à confirmer »",
        "programme-2016.xlsx, feuille « Expérimentations », cellule B8 : « Régie de quartier Bottière … » : des points de "
        "suspension ne doivent pas "
        "rester dans les données ; complétez la liste ou retirez-les",
    }));
}

TEST(ProgrammeValidation, RequiredTextKeys) {
    Workbook wb = default_workbook();
    for (const char* cell : {"A10", "A11"}) set_cell(wb, "Textes", cell, "autre");  // the two « contrat » rows
    EXPECT_EQ(problems(wb), one("programme-2016.xlsx, feuille « Textes » : aucun texte pour la clé « contrat » : "
                                "ajouter au moins une ligne"));
}

TEST(ProgrammeValidation, ProgrammeSheetFieldsAndUnknownChamps) {
    Workbook wb = default_workbook();
    set_cell(wb, "Programme", "A11", "Signature");  // unknown champ: its row is ignored, so « Signataire » is missing
    EXPECT_EQ(problems(wb), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Programme », cellule A11 : avertissement : champ inconnu « Signature » : ligne ignorée",
        "programme-2016.xlsx, feuille « Programme » : le champ « Signataire » est obligatoire",
    }));
}

TEST(ProgrammeValidation, FiveMistakesGiveFiveMessagesThroughTheWholeReader) {
    Workbook wb = default_workbook();
    set_cell(wb, "Secteurs", "J4", "dix mille");
    set_cell(wb, "Secteurs", "G5", "pas-une-adresse");
    set_cell(wb, "Partenaires", "A2", "inconnu");
    set_cell(wb, "Missions", "B2", "");
    set_cell(wb, "Programme", "B2", "deux mille seize");
    const std::string bytes = write_workbook(sheets_of(wb));
    const ProgrammeCheck check = check_programme_bytes(bytes, "programme-2016.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_FALSE(check.programme.has_value());
    EXPECT_EQ(check.diagnostics.error_count(), 5u);
    EXPECT_EQ(described(check.diagnostics), (std::vector<std::string>{
        "programme-2016.xlsx, feuille « Programme », cellule B2 : « deux mille seize » n’est pas un nombre entier",
        kSectors + ", cellule J4 : « dix mille » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)",
        kSectors + ", cellule G5 : « pas-une-adresse » n’est pas une adresse électronique valide",
        "programme-2016.xlsx, feuille « Partenaires », cellule A2 : secteur inconnu « inconnu » (identifiants connus : "
        "services-aux-personnes, circuits-courts, habitat, dechets-ressources, numerique)",
        "programme-2016.xlsx, feuille « Missions », cellule B2 : le champ « Intitulé » est obligatoire",
    }));
    try {
        read_programme_bytes(bytes, "programme-2016.xlsx", ProgrammeFormat::Xlsx);
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(e.diagnostics().error_count(), 5u);
    }
}

// ---- The XML twin goes through the same validator --------------------------

namespace {
std::string default_xml() { return read_bytes(source_path("input/programme-2016.xml")); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

// "programme-2016.xml:L:C" of the first occurrence of `needle` (plus an offset) in `text`.
std::string xml_place(const std::string& text, const std::string& needle, std::size_t offset = 0) {
    const LineColumn lc = line_column_at(text, text.find(needle) + offset);
    return "programme-2016.xml:" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

std::vector<std::string> xml_problems(const std::string& xml) {
    return described(check_programme_bytes(xml, "programme-2016.xml", ProgrammeFormat::Xml).diagnostics);
}
}  // namespace

TEST(ProgrammeValidationXml, SameMessagesPositionedByLineAndColumn) {
    std::string xml = replaced(default_xml(), "budget=\"15 000 €\" jours-min=\"30\"", "budget=\"quinze mille\" jours-min=\"30\"");
    xml = replaced(xml, "<partenaire secteur=\"habitat\">HEN", "<partenaire secteur=\"habitats\">HEN");
    xml = replaced(xml, "statut=\"à confirmer\">Veolia", ">Partenariat Veolia ?");
    EXPECT_EQ(xml_problems(xml), (std::vector<std::string>{
        xml_place(xml, "quinze mille") + " : « quinze mille » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)",
        xml_place(xml, "habitats") + " : secteur inconnu « habitats » (identifiants connus : services-aux-personnes, "
                                     "circuits-courts, habitat, dechets-ressources, numerique)",
        xml_place(xml, "Partenariat Veolia") + " : « Partenariat Veolia ? » : un point d’interrogation ne doit pas rester "
                                               "dans les données ; retirez-le et indiquez plutôt le statut « à confirmer »",
    }));
}

TEST(ProgrammeValidationXml, MissingFieldsListsAndUnknownNames) {
    std::string xml = replaced(default_xml(), " jours-max=\"45\">", " jours-maxi=\"45\">");
    xml = replaced(xml, "<textes>", "<textes-libres>");
    xml = replaced(xml, "</textes>", "</textes-libres>");
    EXPECT_EQ(xml_problems(xml), (std::vector<std::string>{
        xml_place(xml, "textes-libres", -1) + " : avertissement : élément inconnu <textes-libres> dans <programme> : ignoré",
        xml_place(xml, "jours-maxi", 12) + " : avertissement : attribut inconnu « jours-maxi » dans <secteur> : ignoré",
        xml_place(xml, "<programme annee") + " : l’élément <textes> est absent de <programme>",
        xml_place(xml, "<secteur identifiant=\"habitat\"") +
            " : le champ « Jours max » est obligatoire pour un secteur conventionné par Les Ecossolies",
    }));
}

TEST(ProgrammeValidationXml, WrongRootAndRepeatedField) {
    EXPECT_EQ(xml_problems("<lettres/>"), (std::vector<std::string>{
        "programme-2016.xml:1:1 : l’élément racine doit être <programme> (trouvé : <lettres>)"}));
    const std::string xml = replaced(default_xml(), "<intervenant>Alex Exemple</intervenant>",
                                     "<intervenant>Alex Exemple</intervenant><intervenant>Autre</intervenant>");
    EXPECT_EQ(xml_problems(xml), (std::vector<std::string>{
        xml_place(xml, "Autre") + " : le champ « intervenant » est donné deux fois (déjà en ligne " +
            std::to_string(line_column_at(xml, xml.find("Alex Exemple")).line) + ")"}));
}

// The bilans' return (optional): « Date limite des bilans » and « Page de
// dépôt des bilans », two rows added below « Logo » (row 13).
TEST(ProgrammeValidation, BilanDeadlineAndPageAreReadWhenGiven) {
    Workbook wb = default_workbook();
    set_cell(wb, "Programme", "A14", "Date limite des bilans");
    set_cell(wb, "Programme", "B14", "31/01/2017");
    set_cell(wb, "Programme", "A15", "Page de dépôt des bilans");
    set_cell(wb, "Programme", "B15", "https://lettrine.ecossolies.example/");
    const ProgrammeCheck check = check_programme_workbook(wb);
    ASSERT_TRUE(check.programme) << described(check.diagnostics).front();
    ASSERT_TRUE(check.programme->bilan_deadline);
    EXPECT_EQ(check.programme->bilan_deadline->day, 31);
    EXPECT_EQ(check.programme->bilan_deadline->year, 2017);
    EXPECT_EQ(check.programme->bilan_page, "https://lettrine.ecossolies.example");
    EXPECT_TRUE(check.diagnostics.empty());
}

TEST(ProgrammeValidation, BilanReturnFieldsAreCheckedAtTheirCells) {
    Workbook wb = default_workbook();
    set_cell(wb, "Programme", "A14", "Date limite des bilans");
    set_cell(wb, "Programme", "B14", "2020-01-31");
    set_cell(wb, "Programme", "A15", "Page de dépôt des bilans");
    set_cell(wb, "Programme", "B15", "lettrine chez nous");
    const std::vector<std::string> found = problems(wb);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_NE(found[0].find("cellule B14 : avertissement : la date limite des bilans (31/01/2020) ne tombe ni en 2016 ni en 2017"),
              std::string::npos) << found[0];
    EXPECT_NE(found[1].find("cellule B15 : « lettrine chez nous » n’est pas l’adresse d’une page web"), std::string::npos)
        << found[1];
}
