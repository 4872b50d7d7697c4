// The bilan form: written by Lettrine, inspected and filled by openpyxl (an
// outside tool), read back by Lettrine.
#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

#include "bilan/bilan_form.hpp"
#include "bilan/bilan_reader.hpp"
#include "bilan/note_job.hpp"
#include "bilan_fixtures.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/xlsx_reader.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace lettrine::testing;

namespace {

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

fs::path write_form(const fs::path& folder, const std::string& id) {
    const fs::path form = folder / ("bilan-2016-" + id + ".xlsx");
    write_file_atomically(form, write_bilan_form(default_programme(), sector(id)));
    return form;
}

// The Instructions sheet's text, one line per row (columns joined by a space).
std::string instructions(const std::string& form) {
    const Workbook wb = read_xlsx(form, "bilan.xlsx");
    std::string text;
    for (const auto& row : wb.find("Instructions")->rows) {
        std::string line;
        for (const Cell& c : row) line += (line.empty() || c.text.empty() ? "" : " ") + c.text;
        text += line + "\n";
    }
    return text;
}

}  // namespace

// Where and by when the form goes back: the programme's « Page de dépôt des
// bilans » and « Date limite des bilans », or the référent's own link.
TEST(BilanForm, InstructionsSayWhereAndByWhenToReturnTheForm) {
    Programme p = default_programme();
    const Sector& habitat = *p.find_sector("habitat");
    EXPECT_NE(instructions(write_bilan_form(p, habitat)).find("7. Enregistrez le classeur au format .xlsx (ou .ods), puis "
                                                               "produisez la note : lettrine note --donnees bilan-2016-habitat.xlsx"),
              std::string::npos);
    p.bilan_deadline = Date{2017, 2, 1};
    EXPECT_NE(instructions(write_bilan_form(p, habitat)).find("rendez-le au plus tard le 1er\u00A0février 2017"), std::string::npos);
    p.bilan_page = "https://lettrine.ecossolies.example";
    const std::string general = instructions(write_bilan_form(p, habitat));
    EXPECT_NE(general.find("déposez-le au plus tard le 1er\u00A0février 2017 sur la page https://lettrine.ecossolies.example "
                           "(par le lien de dépôt de votre secteur, reçu de Damien Labrousse)"),
              std::string::npos) << general;
    // « de » before the organisation's name contracts with its article, as in the templates.
    EXPECT_NE(general.find("intégrée au rapport d’activité des Ecossolies."), std::string::npos) << general;
    p.contact = "Alex Exemple";
    EXPECT_NE(instructions(write_bilan_form(p, habitat)).find("reçu d’Alex Exemple)"), std::string::npos);
    const std::string own = instructions(write_bilan_form(p, habitat, "https://lettrine.ecossolies.example/referent/abc"));
    EXPECT_NE(own.find("sur la page https://lettrine.ecossolies.example/referent/abc : vous recevez aussitôt la note"),
              std::string::npos) << own;
}

TEST(BilanForm, OpenpyxlSeesListsProtectionFormulasAndInputCells) {
    const fs::path folder = temp_folder("inspect");
    std::string out;
    ASSERT_EQ(run_python("inspect_form.py", write_form(folder, "habitat").string(), out), 0) << out;
    EXPECT_TRUE(has_line(out, "sheets Instructions,Bilan,Temps,Projets,Partenariats,Expérimentations,Textes")) << out;
    EXPECT_TRUE(has_line(out, "active Instructions"));
    for (const char* sheet : {"Instructions", "Bilan", "Temps", "Projets", "Partenariats", "Expérimentations", "Textes"})
        EXPECT_TRUE(has_line(out, std::string("protected ") + sheet + " True")) << sheet;
    // Pre-filled from the programme.
    EXPECT_TRUE(has_line(out, "value Bilan B5 2016"));
    EXPECT_TRUE(has_line(out, "value Bilan B6 habitat"));
    EXPECT_TRUE(has_line(out, "value Bilan B9 Alex Exemple"));
    EXPECT_TRUE(has_line(out, "value Bilan B12 30"));
    EXPECT_TRUE(has_line(out, "value Bilan B13 45"));
    EXPECT_TRUE(has_line(out, "value Temps B5 Soutien aux projets"));
    EXPECT_TRUE(has_line(out, "value Partenariats A6 HEN, Echo-habitants, Matière sociale"));
    EXPECT_TRUE(has_line(out, "value Expérimentations A6 Régie de quartier Bottière"));
    // Drop-down lists and typed checks.
    EXPECT_TRUE(has_line(out, "validation Projets C5:C34 list \"idée,émergence,création,développement\""));
    EXPECT_TRUE(has_line(out, "validation Projets E5:E34 list \"aucun,favorable,réservé,défavorable\""));
    EXPECT_TRUE(has_line(out, "validation Partenariats C5:C16 list \"aucune,en discussion,signée,renouvelée\""));
    EXPECT_TRUE(has_line(out, "validation Expérimentations C5:C16 list \"en projet,en cours,terminée,reportée,abandonnée\""));
    EXPECT_TRUE(has_line(out, "validation Temps C5:C7 decimal 0"));
    EXPECT_TRUE(has_line(out, "validation Bilan B11 date 42005"));  // 01/01/2015
    // Computed cells: locked formulas.
    EXPECT_TRUE(has_line(out, "formula Temps E5 =D5-C5"));
    EXPECT_TRUE(has_line(out, "formula Temps C8 =SUM(C5:C7)"));
    EXPECT_TRUE(has_line(out, "formula Temps D8 =SUM(D5:D7)"));
    EXPECT_TRUE(has_line(out, "formula Temps C11 =IF(AND(C8>=30,C8<=45),\"Répartition conforme au volume prévu (30 à 45 "
                              "jours)\",\"À corriger : le total des jours prévus doit faire 30 à 45 jours\")"))
        << out;
    EXPECT_FALSE(has_line(out, "input Temps E5 FFFFF2CC"));
    EXPECT_FALSE(has_line(out, "input Temps C8 FFFFF2CC"));
    EXPECT_FALSE(has_line(out, "input Bilan B6 FFFFF2CC"));  // the sector's identifier is not to be changed
    // Input cells: unlocked and tinted.
    for (const char* cell : {"Bilan B9", "Bilan B11", "Temps C5", "Temps D7", "Temps F5", "Projets A5", "Projets G34",
                             "Partenariats B5", "Expérimentations D16", "Textes B5", "Textes B8"})
        EXPECT_TRUE(has_line(out, std::string("input ") + cell + " FFFFF2CC")) << cell;
    fs::remove_all(folder);
}

TEST(BilanForm, ADirectlyContractedSectorGetsAFormWithoutVolume) {
    const fs::path folder = temp_folder("numerique");
    std::string out;
    ASSERT_EQ(run_python("inspect_form.py", write_form(folder, "numerique").string(), out), 0) << out;
    EXPECT_TRUE(has_line(out, "input Bilan B8 FFFFF2CC"));  // structure référente: typed by whoever fills it
    EXPECT_TRUE(has_line(out, "value Temps C11 Pas de volume au programme : aucun contrôle"));
    fs::remove_all(folder);
}

TEST(BilanForm, FilledByOpenpyxlAndReadBackWithTotalsFromTypedValues) {
    const fs::path folder = temp_folder("fill");
    const fs::path filled = folder / "rempli" / "bilan-2016-habitat.xlsx";
    fs::create_directories(filled.parent_path());
    std::string out;
    ASSERT_EQ(run_python("fill_form.py", write_form(folder, "habitat").string() + " " + filled.string(), out), 0) << out;
    const BilanCheck check = check_bilan(filled);
    std::string problems;
    for (const auto& d : check.diagnostics.items()) problems += d.describe() + "\n";
    ASSERT_TRUE(check.bilan) << problems;
    EXPECT_EQ(problems,
              "bilan-2016-habitat.xlsx, feuille « Bilan », cellule B17 : avertissement : aucune date pour « Revue de projets de "
              "décembre » : "
              "la note indiquera qu’il n’a pas eu lieu\n");
    const Bilan& b = *check.bilan;
    EXPECT_EQ(b.sector_id, "habitat");
    EXPECT_EQ(b.referent, "Structure référente Habitat (exemple)");
    EXPECT_EQ(b.planned_total().halves, 81);  // 14 + 14,5 + 12, not the 999 typed over the total
    EXPECT_EQ(b.done_total().halves, 82);     // 15,5 + 12 + « 13,5 » typed as text
    ASSERT_TRUE(b.date && b.ag_workshop && b.review_june);
    EXPECT_EQ(b.date->day, 15);
    EXPECT_EQ(b.ag_workshop->month, 6);
    EXPECT_FALSE(b.review_december);
    ASSERT_EQ(b.projects.size(), 2u);
    EXPECT_EQ(b.projects[0].fund, "Fonds d'amorçage");
    ASSERT_EQ(b.partnerships.size(), 2u);
    EXPECT_EQ(b.partnerships[1].partner, "Bailleur social Atlantique");
    EXPECT_EQ(b.partnerships[1].convention, ConventionStatus::InDiscussion);
    ASSERT_EQ(b.experiments.size(), 2u);
    EXPECT_EQ(b.experiments[1].status, ExperimentStatus::Completed);
    ASSERT_EQ(b.highlights.blocks.size(), 2u);
    EXPECT_EQ(b.action_plan.blocks.at(0).items.size(), 2u);

    // … and on to the note.
    NoteOptions options;
    options.bilan = filled;
    options.output = folder / "sortie";
    options.templates = source_path("templates");
    const JobResult result = run_note(options);
    ASSERT_EQ(result.written.size(), 1u);
    EXPECT_EQ(result.written[0], folder / "sortie" / "notes" / "note-bilan-2016-habitat.pdf");
    EXPECT_TRUE(fs::exists(result.written[0]));
    fs::remove_all(folder);
}

TEST(BilanForm, SameBytesOnEveryRun) {
    EXPECT_EQ(write_bilan_form(default_programme(), sector("habitat")), write_bilan_form(default_programme(), sector("habitat")));
    EXPECT_NE(write_bilan_form(default_programme(), sector("habitat")),
              write_bilan_form(default_programme(), sector("dechets-ressources")));
}

TEST(BilanForm, FormsJobWritesContractedSectorsOrTheNamedOnes) {
    const fs::path folder = temp_folder("job");
    FormOptions options;
    options.programme = source_path("input/programme-2016.xml");
    options.output = folder;
    const JobResult all = run_forms(options);
    ASSERT_EQ(all.written.size(), 4u);
    for (const char* id : {"services-aux-personnes", "circuits-courts", "habitat", "dechets-ressources"})
        EXPECT_TRUE(fs::exists(folder / "formulaires" / (std::string("bilan-2016-") + id + ".xlsx"))) << id;
    EXPECT_FALSE(fs::exists(folder / "formulaires" / "bilan-2016-numerique.xlsx"));

    options.sectors = {"numerique"};
    EXPECT_EQ(run_forms(options).written.size(), 1u);
    EXPECT_TRUE(fs::exists(folder / "formulaires" / "bilan-2016-numerique.xlsx"));

    options.sectors = {"jardinage"};
    try {
        run_forms(options);
        FAIL() << "unknown sector accepted";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_EQ(e.diagnostics().items().at(0).message,
                  "secteur inconnu « jardinage » (secteurs du programme : services-aux-personnes, circuits-courts, habitat, "
                  "dechets-ressources, numerique)");
    }
    fs::remove_all(folder);
}

// WorkbookFile named every workbook « le classeur budgétaire » in its errors,
// a bilan form included; each workbook now gives its own name.
TEST(BilanForm, WorkbookErrorsNameTheForm) {
    const fs::path folder = temp_folder("no-tmp");
    fs::remove_all(folder);  // TMPDIR names a folder that does not exist: no temporary file can be made
    const char* saved = std::getenv("TMPDIR");
    const std::string previous = saved ? saved : "";
    ::setenv("TMPDIR", folder.c_str(), 1);
    std::string message;
    try {
        write_bilan_form(default_programme(), sector("habitat"));
    } catch (const LettrineError& e) {
        message = e.what();
    }
    if (saved) ::setenv("TMPDIR", previous.c_str(), 1); else ::unsetenv("TMPDIR");
    EXPECT_NE(message.find("le formulaire de bilan"), std::string::npos) << message;
    EXPECT_EQ(message.find("budgétaire"), std::string::npos) << message;
}
