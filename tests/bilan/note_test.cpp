// The note de bilan: its view model, its markup (the chart), the PDF job.
#include <gtest/gtest.h>

#include <cstdio>

#include <boost/filesystem.hpp>

#include "bilan/note_job.hpp"
#include "bilan/note_view.hpp"
#include "bilan_fixtures.hpp"
#include "core/output_files.hpp"
#include "support/pdf_tools.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace lettrine::testing;

namespace {

Bilan valid_bilan() { return read_bilan_bytes(valid_bilan_xml(), "bilan.xml", BilanFormat::Xml); }

}  // namespace

TEST(NoteView, KeyFiguresAndGapsAreWrittenTheFrenchWay) {
    const auto figures = note_key_figures(valid_bilan());
    ASSERT_EQ(figures.size(), 5u);
    EXPECT_EQ(figures[0].value, "41");
    EXPECT_EQ(figures[0].detail, "sur 40 prévus");
    EXPECT_EQ(figures[1].value, "103\u00A0%");
    EXPECT_EQ(figures[2].value, "2");
    EXPECT_EQ(figures[2].detail, "1 avis de financement");
    EXPECT_EQ(figures[3].detail, "1 convention signée");
    EXPECT_EQ(format_days_gap(3), "+1,5");
    EXPECT_EQ(format_days_gap(-4), "\u22122");
    EXPECT_EQ(format_days_gap(0), "0");
}

TEST(NoteView, MarkupHoldsTheChartOfPlannedAndDoneDays) {
    const Template t = Template::load(source_path("templates/" + std::string(kNoteTemplate)));
    const std::string markup = note_markup(valid_bilan(), t);
    EXPECT_NE(markup.find("<categorie nom=\"Soutien aux projets\"><valeur>14</valeur><valeur>15,5</valeur></categorie>"),
              std::string::npos)
        << markup;
    EXPECT_NE(markup.find("<categorie nom=\"Coordination d&apos;expérimentations\"><valeur>12</valeur><valeur>13,5</valeur>"),
              std::string::npos);
    // The total gap, in the column of numbers aligned on the comma (colonnes-nombres).
    EXPECT_NE(markup.find("<cellule><b>+1</b></cellule>"), std::string::npos);
    EXPECT_NE(markup.find("colonnes-nombres=\"3 4 5\" filets=\"leger\""), std::string::npos);
    EXPECT_NE(markup.find("(40\u00A0jours prévus)"), std::string::npos) << markup;  // accord
    EXPECT_NE(markup.find("<liste><element>Instance réunie trois fois</element><element>Premiers chantiers</element></liste>"),
              std::string::npos);
    EXPECT_EQ(markup.find("Difficultés et enseignements"), std::string::npos);  // none given: no section
}

TEST(NoteJob, WritesTwoToSixPagesAndTheSameBytesTwice) {
    const fs::path folder = temp_folder("note");
    const fs::path bilan = folder / "bilan-2016-habitat.xml";
    write_file_atomically(bilan, valid_bilan_xml());
    NoteOptions options;
    options.bilan = bilan;
    options.output = folder / "a";
    options.templates = source_path("templates");
    const fs::path first = run_note(options).written.at(0);
    options.output = folder / "b";
    const fs::path second = run_note(options).written.at(0);
    EXPECT_EQ(read_file(first), read_file(second));
    const int pages = test_support::pdf_page_count(first);
    EXPECT_GE(pages, 2);
    EXPECT_LE(pages, 6);
    const std::string text = test_support::command_output("pdftotext " + first.string() + " -");
    EXPECT_NE(text.find("Note de bilan annuelle 2016"), std::string::npos) << text;
    EXPECT_NE(text.find("Jours consacrés à chaque mission"), std::string::npos);  // the chart's title is real text
    EXPECT_NE(text.find("Habitat participatif"), std::string::npos);
    fs::remove_all(folder);
}

TEST(NoteJob, AnInvalidBilanWritesNothing) {
    const fs::path folder = temp_folder("note-invalid");
    const fs::path bilan = folder / "bilan-2016-habitat.xml";
    std::string xml = valid_bilan_xml();
    xml.replace(xml.find("stade=\"émergence\""), 17, "stade=\"incubation\"");
    write_file_atomically(bilan, xml);
    NoteOptions options;
    options.bilan = bilan;
    options.output = folder / "sortie";
    options.templates = source_path("templates");
    EXPECT_THROW(run_note(options), LettrineError);
    EXPECT_FALSE(fs::exists(folder / "sortie"));
    fs::remove_all(folder);
}
