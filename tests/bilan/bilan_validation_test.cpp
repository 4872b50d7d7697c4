// Every message of the bilan contract (docs/BILAN.md), with its exact
// position: XML file:line:column, and workbook sheet and cell.
#include <gtest/gtest.h>

#include "bilan/bilan_form.hpp"
#include "bilan/bilan_reader.hpp"
#include "bilan_fixtures.hpp"
#include "core/position.hpp"
#include "data/xlsx_reader.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("not in the XML: " + from);
    return text.replace(at, from.size(), to);
}

// "bilan.xml:L:C" of the first occurrence of `needle` (at its first character + skip).
std::string at(const std::string& xml, const std::string& needle, std::size_t skip = 0) {
    const auto offset = xml.find(needle);
    if (offset == std::string::npos) throw std::logic_error("not in the XML: " + needle);
    const LineColumn lc = line_column_at(xml, offset + skip);
    return "bilan.xml:" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

struct Case {
    const char* from;
    const char* to;
    const char* needle;  // where the message points (in the mutated XML)
    std::size_t skip;    // characters of `needle` before the position
    const char* message;
    bool warning;
};

}  // namespace

TEST(BilanValidation, ValidXmlGivesTheBilanWithRecomputedTotals) {
    const std::string xml = valid_bilan_xml();
    EXPECT_EQ(xml_problems(xml), "");
    const Bilan b = read_bilan_bytes(xml, "bilan.xml", BilanFormat::Xml);
    EXPECT_EQ(b.year, 2016);
    EXPECT_EQ(b.sector_id, "habitat");
    ASSERT_EQ(b.missions.size(), 3u);
    EXPECT_EQ(b.missions[0].done.halves, 31);
    EXPECT_EQ(b.missions[2].done.halves, 27);
    EXPECT_EQ(b.planned_total().halves, 80);
    EXPECT_EQ(b.done_total().halves, 82);
    EXPECT_EQ(b.projects.size(), 2u);
    EXPECT_EQ(b.projects[1].stage, ProjectStage::Creation);  // « Création »: case does not matter
    EXPECT_EQ(b.opinions_given(), 1u);
    EXPECT_EQ(b.conventions_signed(), 1u);
    ASSERT_EQ(b.highlights.blocks.size(), 2u);
    EXPECT_EQ(b.highlights.blocks[1].items.size(), 2u);
    EXPECT_TRUE(b.difficulties.empty());
    ASSERT_TRUE(b.ag_workshop);
    EXPECT_EQ(b.ag_workshop->month, 6);
}

TEST(BilanValidation, EveryMessageOfTheContract) {
    const Case cases[] = {
        // Identity
        {"  <redacteur>Alex Exemple</redacteur>\n", "", "<bilan", 0, "le champ « Rédacteur » est obligatoire", false},
        {"annee=\"2016\"", "annee=\"1999\"", "1999", 0, "« 1999 » n’est pas une année plausible (2000 à 2100)", false},
        {"annee=\"2016\"", "annee=\"deux mille\"", "deux mille", 0, "« deux mille » n’est pas un nombre entier", false},
        {"secteur=\"habitat\"", "secteur=\"Habitat\"", "Habitat\" nom", 0,
         "l’identifiant « Habitat » ne doit contenir que des minuscules sans accents, des chiffres et des tirets", false},
        {"<date>2016-12-15</date>", "<date>32/12/2016</date>", "32/12", 0,
         "« 32/12/2016 » n’est pas une date (écrire par exemple 17/11/2016 ou 2016-11-17)", false},
        {"<date>2016-12-15</date>", "<date>2019-01-10</date>", "2019-01-10", 0,
         "la date de la note (10/01/2019) ne tombe ni en 2016 ni en 2017", true},
        {"<jours-min>30</jours-min>", "<jours-min>50</jours-min>", "50</jours-min>", 0,
         "les jours min (50) dépassent les jours max (45)", false},
        {"<comite-pilotage>2016-11-29</comite-pilotage>", "<comite-pilotage></comite-pilotage>", "<comite-pilotage>", 0,
         "aucune date pour « Comité de pilotage » : la note indiquera qu’il n’a pas eu lieu", true},
        {"<revue-juin>2016-06-28</revue-juin>", "<revue-juin>2014-06-28</revue-juin>", "2014-06-28", 0,
         "« Revue de projets de juin » : la date 28/06/2014 ne tombe ni en 2016 ni en 2017", true},
        // Time
        {"numero=\"3\"", "numero=\"4\"", "4\" intitule", 0,
         "la mission « 4 » n’existe pas : les missions sont numérotées 1, 2 et 3", false},
        {"numero=\"3\"", "numero=\"4\"", "<temps>", 0,
         "le temps passé doit être donné pour chacune des trois missions (manque : 3)", false},
        {"numero=\"2\"", "numero=\"1\"", "1\" intitule=\"Mob", 0, "la mission 1 est déjà donnée (ligne 14)", false},
        {"jours-realises=\"12\"", "jours-realises=\"douze\"", "douze", 0,
         "« douze » n’est pas un nombre de jours (écrire par exemple 12 ou 10,5)", false},
        {"jours-realises=\"12\"", "jours-realises=\"-2\"", "-2\"", 0,
         "« -2 » : un nombre de jours ne peut pas être négatif", false},
        {"jours-realises=\"12\"", "jours-realises=\"10,25\"", "10,25", 0,
         "« 10,25 » : les jours se comptent par demi-journées (par exemple 10 ou 10,5)", false},
        {"jours-realises=\"12\"", "jours-realises=\"400\"", "400", 0,
         "« 400 » : plus de jours qu’une année n’en compte", false},
        {"jours-realises=\"12\"", "jours-realises=\"\"", "jours-realises=\"\"", 16,
         "le champ « Jours réalisés » est obligatoire", false},
        {"jours-prevus=\"12\"", "jours-prevus=\"22\"", "<temps>", 0,
         "la répartition des jours prévus entre les missions (total : 50 jours) sort du volume prévu au programme "
         "(30 à 45 jours)", false},
        // Projects
        {" porteur=\"Régie de quartier\"", "", "<projet projet=\"Auto", 0, "le champ « Porteur » est obligatoire", false},
        {"stade=\"émergence\"", "stade=\"incubation\"", "incubation", 0,
         "valeur inconnue « incubation » pour le champ « Stade » : choisir « idée », « émergence », « création » ou "
         "« développement »", false},
        {" fonds=\"Fonds d'amorçage\"", "", "<projet projet=\"Habitat", 0,
         "le champ « Fonds » est obligatoire quand un avis de financement est donné (indiquer le fonds sollicité)", false},
        {"avis=\"aucun\"", "avis=\"aucun\" fonds=\"RDI\"", "RDI", 0,
         "le fonds « RDI » est indiqué sans avis de financement : choisir l’avis donné (« favorable », « réservé » ou "
         "« défavorable ») ou effacer le fonds", false},
        // Partnerships
        {"<partenariat partenaire=\"Réseau Echobat\" action=\"Instance partenariale\" convention=\"signée\"/>",
         "<partenariat partenaire=\"CAF\"/>", "<partenariat ", 0,
         "partenaire « CAF » : indiquer l’action menée et l’état de la convention, ou effacer la ligne", false},
        {"convention=\"signée\"", "convention=\"oui\"", "oui\"", 0,
         "valeur inconnue « oui » pour le champ « Convention de coopération » : choisir « aucune », « en discussion », "
         "« signée » ou « renouvelée »", false},
        // Experiments
        {"territoire=\"Nantes Métropole\" statut=\"en cours\"\n                     prochaine-etape=\"Règlement du fonds\"",
         "", "<experimentation ", 0,
         "expérimentation « Fonds d'investissement solidaire » : indiquer le territoire, le statut et la prochaine étape, "
         "ou effacer la ligne", false},
        {"\n                     prochaine-etape=\"Règlement du fonds\"", "", "<experimentation ", 0,
         "le champ « Prochaine étape » est obligatoire pour une expérimentation qui n’est ni terminée ni abandonnée", false},
        // Texts
        {"<perspectives>Un fonds opérationnel en 2017.</perspectives>", "<perspectives> </perspectives>", "<perspectives>",
         0, "le texte « Perspectives » est obligatoire", false},
        {"Sept projets reçus.", "Sept projets reçus...", "<faits-marquants>", 17,
         "des points de suspension ne doivent pas rester dans le texte : complétez-le ou retirez-les", false},
        // Structure
        {"<bilan annee", "<bilan couleur=\"bleu\" annee", "bleu", 0, "attribut inconnu « couleur » dans <bilan> : ignoré", true},
        {"<projet projet=\"Auto", "<project projet=\"Auto", "<project ", 0,
         "élément <project> inattendu dans <projets> (attendu : <projet>) : ignoré", true},
        {"<qualite-redacteur>", "<redacteur>B</redacteur><qualite-redacteur>", "B</redacteur>", 0,
         "le champ « redacteur » est donné deux fois (déjà en ligne 4)", false},
        {"<difficultes/>", "<difficultes/><couleur>bleu</couleur>", "<couleur>", 0,
         "élément inconnu <couleur> dans <bilan> : ignoré", true},
        {"<difficultes/>", "<difficultes/><projets/>", "<projets/>", 0,
         "l’élément <projets> apparaît deux fois (déjà en ligne 18)", false},
    };
    for (const auto& c : cases) {
        const std::string xml = replaced(valid_bilan_xml(), c.from, c.to);
        const std::string expected =
            at(xml, c.needle, c.skip) + " : " + (c.warning ? "avertissement : " : "") + c.message + "\n";
        const std::string problems = xml_problems(xml);
        EXPECT_NE(problems.find(expected), std::string::npos) << "expected:\n" << expected << "got:\n" << problems;
    }
}

TEST(BilanValidation, AllProblemsAtOnceAndNothingOnWarningsOnly) {
    std::string xml = replaced(valid_bilan_xml(), "jours-realises=\"12\"", "jours-realises=\"douze\"");
    xml = replaced(xml, "stade=\"émergence\"", "stade=\"incubation\"");
    xml = replaced(xml, "<perspectives>Un fonds opérationnel en 2017.</perspectives>", "");
    const BilanCheck check = check_bilan_bytes(xml, "bilan.xml", BilanFormat::Xml);
    EXPECT_FALSE(check.bilan);
    EXPECT_EQ(check.diagnostics.error_count(), 3u) << xml_problems(xml);

    const std::string warned = replaced(valid_bilan_xml(), "<date>2016-12-15</date>", "<date>2019-01-10</date>");
    const BilanCheck ok = check_bilan_bytes(warned, "bilan.xml", BilanFormat::Xml);
    EXPECT_TRUE(ok.bilan);
    EXPECT_EQ(ok.diagnostics.items().size(), 1u);
}

TEST(BilanValidation, StructuralXmlProblems) {
    EXPECT_EQ(xml_problems("<rapport annee=\"2016\"/>"), "bilan.xml:1:1 : l’élément racine doit être <bilan> (trouvé : <rapport>)\n");
    const std::string xml = replaced(valid_bilan_xml(), "<temps>", "<temps-passe>");
    const std::string without = replaced(xml, "</temps>", "</temps-passe>");
    EXPECT_NE(xml_problems(without).find("bilan.xml:2:1 : l’élément <temps> est absent de <bilan>"), std::string::npos)
        << xml_problems(without);
    EXPECT_NE(xml_problems("<bilan").find("bilan.xml:1:"), std::string::npos);  // not XML: positioned
    const BilanCheck unknown = check_bilan("notes/bilan.txt");
    ASSERT_EQ(unknown.diagnostics.items().size(), 1u);
    EXPECT_EQ(unknown.diagnostics.items()[0].describe(),
              "bilan.txt : format de bilan non reconnu : l’extension doit être .xlsx, .ods ou .xml");
}

namespace {

// The habitat form as written by Lettrine, read back as a workbook to edit in memory.
Workbook habitat_form() {
    return read_xlsx(write_bilan_form(default_programme(), sector("habitat")), "bilan-2016-habitat.xlsx");
}

Sheet& sheet_of(Workbook& w, const std::string& name) {
    for (auto& s : w.sheets)
        if (s.name == name) return s;
    throw std::logic_error("no sheet " + name);
}

void type(Workbook& w, const std::string& sheet, const std::string& ref, const std::string& text) {
    Sheet& s = sheet_of(w, sheet);
    const auto index = parse_cell_reference(ref);
    if (s.rows.size() <= static_cast<std::size_t>(index->row)) s.rows.resize(index->row + 1);
    auto& row = s.rows[index->row];
    if (row.size() <= static_cast<std::size_t>(index->column)) row.resize(index->column + 1);
    Cell& cell = row[index->column];
    cell.type = Cell::String;
    cell.text = text;
    cell.position = SourcePosition::at_cell(w.file, sheet, ref);
}

std::string workbook_problems(const Workbook& w) {
    Diagnostics diagnostics;
    validate_bilan(bilan_source_from_workbook(w), diagnostics);
    std::string out;
    for (const auto& d : diagnostics.items()) out += d.describe() + "\n";
    return out;
}

}  // namespace

TEST(BilanValidation, WorkbookMessagesNameTheSheetAndCell) {
    Workbook w = habitat_form();
    type(w, "Temps", "D5", "douze");
    const std::string problems = workbook_problems(w);
    EXPECT_NE(problems.find("bilan-2016-habitat.xlsx, feuille « Temps », cellule D5 : « douze » n’est pas un nombre de "
                            "jours (écrire par exemple 12 ou 10,5)\n"),
              std::string::npos)
        << problems;
    // The untouched form: every required input reported where it is to be typed.
    EXPECT_NE(problems.find("feuille « Bilan », cellule B11 : le champ « Date de la note » est obligatoire"), std::string::npos)
        << problems;
    EXPECT_NE(problems.find("feuille « Temps », cellule C5 : le champ « Jours prévus » est obligatoire"), std::string::npos);
    EXPECT_NE(problems.find("feuille « Partenariats », cellule A5 : partenaire « Réseau Echobat, collectivités, bailleurs "
                            "sociaux, Compagnons bâtisseurs » : indiquer l’action menée"),
              std::string::npos);
    EXPECT_NE(problems.find("feuille « Textes », cellule B5 : le texte « Faits marquants » est obligatoire"), std::string::npos);
    EXPECT_NE(problems.find("bilan-2016-habitat.xlsx, feuille « Bilan », cellule B14 : avertissement : aucune date "
                            "pour « Comité de pilotage »"),
              std::string::npos);
    EXPECT_NE(problems.find("bilan-2016-habitat.xlsx, feuille « Projets » : avertissement : aucun projet accompagné n’est indiqué"),
              std::string::npos);
}

TEST(BilanValidation, WorkbookStructure) {
    Workbook w = habitat_form();
    w.sheets.erase(w.sheets.begin() + 2);  // « Temps »
    type(w, "Bilan", "A18", "Couleur préférée");
    type(w, "Bilan", "B18", "bleu");
    type(w, "Projets", "H4", "Stade");
    Sheet& texts = sheet_of(w, "Textes");
    texts.rows[6][0].text = "Autre chose";  // « Perspectives » row renamed: its key is missing
    const std::string problems = workbook_problems(w);
    EXPECT_NE(problems.find("bilan-2016-habitat.xlsx : la feuille « Temps » est absente\n"), std::string::npos) << problems;
    EXPECT_NE(problems.find("bilan-2016-habitat.xlsx, feuille « Bilan », cellule A18 : avertissement : champ inconnu "
                            "« Couleur préférée » : ligne ignorée"),
              std::string::npos);
    EXPECT_NE(problems.find("feuille « Projets », cellule H4 : la colonne « Stade » apparaît deux fois (déjà en cellule C4)"),
              std::string::npos);
    EXPECT_NE(problems.find("feuille « Textes » : la ligne « Perspectives » est absente de la colonne « Champ »"),
              std::string::npos);

    Workbook headless = habitat_form();
    sheet_of(headless, "Projets").rows[3][0].text = "Intitulé du projet";
    sheet_of(headless, "Bilan").rows[3][1].text = "Contenu";
    const std::string structure = workbook_problems(headless);
    EXPECT_NE(structure.find("feuille « Projets » : la ligne d’en-têtes est introuvable : elle doit porter les colonnes "
                             "« Projet », « Porteur », « Stade », « Accompagnement apporté », « Avis de financement », "
                             "« Fonds », « Résultat » dans les 12 premières lignes"),
              std::string::npos)
        << structure;
    EXPECT_NE(structure.find("feuille « Bilan » : les en-têtes « Champ » et « Valeur » sont introuvables (attendus sur une "
                             "même ligne, dans les 12 premières lignes)"),
              std::string::npos);
}
