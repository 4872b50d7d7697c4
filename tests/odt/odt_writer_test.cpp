// The ODT writer read back by odfpy (python3-odf, an outside reader): the
// headings and their outline levels, list levels, table rows and header-row
// flags, pictures with their alternative text, the fields of headers and
// footers, the languages, the French spaces; and the CLI's --format.
#include <fstream>
#include <string>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "markup/markup_parser.hpp"
#include "editable/chart_svg.hpp"
#include "odt/odt_writer.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace lettrine::test_support;

namespace {

const char* const kMarkup = R"(<document titre="Essai" auteur="Les Ecossolies" lang="fr-FR" police="serif" taille="11">
  <entete pages="premiere"/>
  <entete><p>En-tête courant</p></entete>
  <pied><p>page <numero-page/> sur <nombre-pages/></p></pied>
  <position ancre="haut-gauche" x="20mm" y="10mm" largeur="60mm" nom="expéditeur">
    <image src="logo-ecossolies.png" largeur="40mm" alt="Logo des Ecossolies"/>
  </position>
  <titre niveau="1">Premier titre</titre>
  <p align="justifie">Du <b>gras</b>, <texte lang="en-GB">English words</texte> et « une citation » : voilà !</p>
  <titre niveau="2">Deuxième titre</titre>
  <liste><element>un<liste type="numeros"><element>un point un</element></liste></element><element>deux</element></liste>
  <tableau colonnes="40mm *">
    <ligne entete="oui"><cellule>Tête A</cellule><cellule>Tête B</cellule></ligne>
    <ligne><cellule fusion="2">Fusion</cellule></ligne>
    <ligne><cellule>C</cellule><cellule>D</cellule></ligne>
  </tableau>
  <titre niveau="3">Troisième titre</titre>
</document>)";

struct TempDir {
    fs::path path = fs::temp_directory_path() / fs::unique_path("lettrine-odt-%%%%-%%%%");
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

EditableInputs test_resources() {
    EditableInputs r;
    r.resources = std::make_shared<const ResourceResolver>(
        ResourceResolver::for_template_folder(fs::path(LETTRINE_SOURCE_DIR) / "templates"));
    return r;
}

std::string write_sample(const fs::path& file, const std::string& markup = kMarkup) {
    const std::string bytes = write_odt(parse_markup(markup, "essai.xml"), test_resources());
    std::ofstream(file.string(), std::ios::binary) << bytes;
    return bytes;
}

// The lines of read_odt.py's report.
std::string read_back(const fs::path& odt) {
    const CommandResult r = run_command("/usr/bin/python3 " + shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "tests/odt/read_odt.py") +
                                        " " + shell_quote(odt));
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out;
}

bool has_line(const std::string& report, const std::string& line) {
    return ("\n" + report).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST(OdtWriter, HeadingsAreHeadingStylesWithOutlineLevels) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(report.find("heading 1 P") != std::string::npos) << report;
    for (const char* h : {"Premier titre", "Deuxième titre", "Troisième titre"})
        EXPECT_NE(report.find(h), std::string::npos) << report;
    // Each heading's automatic style has the named Heading N style as parent.
    const CommandResult styles = run_command("unzip -p " + shell_quote(dir.path / "essai.odt") + " content.xml");
    for (int level = 1; level <= 3; ++level)
        EXPECT_NE(styles.out.find("style:parent-style-name=\"Heading_20_" + std::to_string(level) + "\""),
                  std::string::npos);
}

TEST(OdtWriter, NestedListsKeepTheirLevels) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(has_line(report, "item 1 un")) << report;
    EXPECT_TRUE(has_line(report, "item 2 un point un")) << report;
    EXPECT_TRUE(has_line(report, "item 1 deux")) << report;
}

TEST(OdtWriter, TableRowsKeepTheirHeaderFlagAndSpans) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(has_line(report, "table Tableau1 2")) << report;
    // 40 mm and the rest of the 481.89 pt measure, absolute only: LibreOffice
    // 7.4 misreads the widths when relative widths are also given.
    EXPECT_TRUE(has_line(report, "columns Tableau1 113.386pt 368.504pt")) << report;
    EXPECT_TRUE(has_line(report, "row header 2 1,1 Tête A Tête B")) << report;
    EXPECT_TRUE(has_line(report, "row body 1 2 Fusion")) << report;
    EXPECT_TRUE(has_line(report, "row body 2 1,1 C D")) << report;
}

TEST(OdtWriter, PicturesAndPositionedBlocksAreFrames) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    // 20 mm = 56.693 pt, 10 mm = 28.346 pt, 60 mm = 170.079 pt, 40 mm = 113.386 pt.
    EXPECT_TRUE(has_line(report, "frame page 1 56.693pt 28.346pt 170.079pt")) << report;
    EXPECT_TRUE(has_line(report, "image as-char Pictures/1.png 113.386pt Logo des Ecossolies")) << report;
    const CommandResult list = run_command("unzip -l " + shell_quote(dir.path / "essai.odt"));
    EXPECT_NE(list.out.find("Pictures/1.png"), std::string::npos) << list.out;
}

TEST(OdtWriter, HeadersAndFootersCarryPageFields) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(has_line(report, "footer Standard page-count page-number page 1 sur 1")) << report;
    EXPECT_TRUE(has_line(report, "footer Premiere page-count page-number page 1 sur 1")) << report;
    EXPECT_TRUE(has_line(report, "header Standard  En-tête courant")) << report;
    EXPECT_EQ(report.find("header Premiere"), std::string::npos) << "an empty <entete pages=\"premiere\"/>\n" << report;
}

TEST(OdtWriter, LanguagesAndFontsAreDeclared) {
    TempDir dir;
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(has_line(report, "language fr FR Liberation Serif")) << report;
    EXPECT_TRUE(has_line(report, "span-language en GB English words")) << report;
}

TEST(OdtWriter, FrenchSpacesAreTheSameCharacters) {
    TempDir dir;
    const Document document = parse_markup(kMarkup, "essai.xml");
    int nbsp = 0, narrow = 0;
    for (const Block& b : document.body)
        if (const auto* p = std::get_if<Paragraph>(&b.content))
            for (const Inline& in : p->inlines)
                for (std::size_t at = 0; (at = in.text.find("\u00a0", at)) != std::string::npos; ++at) ++nbsp;
    for (const Block& b : document.body)
        if (const auto* p = std::get_if<Paragraph>(&b.content))
            for (const Inline& in : p->inlines)
                for (std::size_t at = 0; (at = in.text.find("\u202f", at)) != std::string::npos; ++at) ++narrow;
    ASSERT_GT(nbsp + narrow, 0) << "the parser puts French spaces around « » : !";
    write_sample(dir.path / "essai.odt");
    const std::string report = read_back(dir.path / "essai.odt");
    EXPECT_TRUE(has_line(report, "spaces U+00A0=" + std::to_string(nbsp) + " U+202F=" + std::to_string(narrow)))
        << report;
}

TEST(OdtWriter, SameTreeSameBytesMimetypeFirst) {
    TempDir dir;
    const std::string a = write_sample(dir.path / "a.odt"), b = write_sample(dir.path / "b.odt");
    EXPECT_EQ(a, b);
    EXPECT_EQ(a.substr(30, 8 + 39), "mimetypeapplication/vnd.oasis.opendocument.text");
}

TEST(OdtWriter, MissingPictureIsAnErrorAtTheImage) {
    const std::string markup = R"(<document><p>avant</p>
<image src="absente.png" largeur="10mm" alt="x"/></document>)";
    try {
        write_odt(parse_markup(markup, "essai.xml"), test_resources());
        FAIL() << "a missing picture was accepted";
    } catch (const LettrineError& e) {
        EXPECT_NE(std::string(e.what()).find("l’image « absente.png » ne peut pas être utilisée"), std::string::npos)
            << e.what();
        EXPECT_EQ(e.diagnostics().items().front().position.describe(), "essai.xml:2:1");
    }
}

TEST(ChartSvg, BarsAreDrawnForEveryValue) {
    Chart chart;
    chart.title = "Jours";
    chart.series = {{"2016", Rgb{31, 78, 121}, {}}};
    chart.categories = {{"Habitat", {12.0}, {}}, {"Déchets", {std::nullopt}, {}}, {"Services", {30.5}, {}}};
    const ChartSvg svg = chart_svg(chart, 300);
    EXPECT_EQ(svg.width, 300);
    std::size_t bars = 0;
    for (std::size_t at = 0; (at = svg.svg.find("fill=\"#1f4e79\"", at)) != std::string::npos; ++at) ++bars;
    EXPECT_EQ(bars, 3u) << "one legend swatch and two bars\n" << svg.svg;
    EXPECT_NE(svg.svg.find(">30,5<"), std::string::npos) << svg.svg;
    EXPECT_NE(svg.svg.find(">Déchets<"), std::string::npos);
}

TEST(OdtFormat, LettersAreWrittenBesideThePdfs) {
    TempDir dir;
    const CommandResult r = run_command(lettrine_exe() + " lettres --format pdf,odt --secteur habitat --sortie " +
                                        shell_quote(dir.path));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.path / "lettres/lettre-de-mission-2016-habitat.pdf"));
    EXPECT_TRUE(fs::exists(dir.path / "lettres/lettre-de-mission-2016-habitat.odt"));
    EXPECT_NE(r.err.find("1 lettre (pdf, odt) dans"), std::string::npos) << r.err;
    const std::string report = read_back(dir.path / "lettres/lettre-de-mission-2016-habitat.odt");
    EXPECT_TRUE(has_line(report, "heading 2 P") || report.find("heading 2 ") != std::string::npos) << report;
    EXPECT_NE(report.find("Article premier — Missions confiées"), std::string::npos) << report;
}

TEST(OdtFormat, OdtAloneWritesNoPdf) {
    TempDir dir;
    const CommandResult r = run_command(lettrine_exe() + " lettres --format odt --secteur habitat --sortie " +
                                        shell_quote(dir.path));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(fs::exists(dir.path / "lettres/lettre-de-mission-2016-habitat.odt"));
    EXPECT_FALSE(fs::exists(dir.path / "lettres/lettre-de-mission-2016-habitat.pdf"));
}

TEST(OdtFormat, UnknownFormatIsRefusedInFrenchBeforeWriting) {
    TempDir dir;
    const CommandResult r = run_command(lettrine_exe() + " lettres --format pdf,rtf --sortie " +
                                        shell_quote(dir.path / "sortie"));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("format inconnu « rtf » : formats possibles pdf, odt, docx"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.path / "sortie"));
}

TEST(OdtFormat, MergeWritesEachRecordInEachFormat) {
    TempDir dir;
    const fs::path samples = fs::path(LETTRINE_SOURCE_DIR) / "samples/fusion";
    const CommandResult r = run_command(lettrine_exe() + " fusion --modele " + shell_quote(samples / "invitation.xml.mustache") +
                                        " --donnees " + shell_quote(samples / "destinataires.xml") +
                                        " --chaque destinataire --format pdf,odt --sortie " + shell_quote(dir.path / "f"));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("3 documents (pdf, odt) dans"), std::string::npos) << r.err;
    for (const char* name : {"invitation-0001", "invitation-0002", "invitation-0003"}) {
        EXPECT_TRUE(fs::exists(dir.path / "f" / (std::string(name) + ".pdf"))) << name;
        EXPECT_TRUE(fs::exists(dir.path / "f" / (std::string(name) + ".odt"))) << name;
    }
    const CommandResult single = run_command(lettrine_exe() + " fusion --modele " +
                                             shell_quote(samples / "invitation.xml.mustache") + " --donnees " +
                                             shell_quote(samples / "destinataires.xml") +
                                             " --chaque destinataire --un-fichier --format odt --sortie " +
                                             shell_quote(dir.path / "livre.pdf"));
    EXPECT_EQ(single.code, 2);
    EXPECT_NE(single.err.find("fusion : --un-fichier n’écrit qu’un PDF"), std::string::npos) << single.err;
}

TEST(OdtFormat, NoteIsWrittenBesideItsPdf) {
    TempDir dir;
    const CommandResult r = run_command(lettrine_exe() + " note --donnees " +
                                        shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "input/bilans/bilan-2016-habitat.xlsx") +
                                        " --format odt,pdf --sortie " + shell_quote(dir.path));
    ASSERT_EQ(r.code, 0) << r.err;
    const fs::path odt = dir.path / "notes/note-bilan-2016-habitat.odt";
    ASSERT_TRUE(fs::exists(odt));
    EXPECT_TRUE(fs::exists(dir.path / "notes/note-bilan-2016-habitat.pdf"));
    EXPECT_NE(read_back(odt).find("heading "), std::string::npos);
}

// <sans-entete-pied/> and page="impaire" as master pages (the same markup as
// the DOCX's sections test), read back by odfpy.
TEST(OdtWriter, PagesSetApartHaveTheirMasterPages) {
    TempDir dir;
    std::ifstream in(LETTRINE_SOURCE_DIR "/tests/docx/sections.xml", std::ios::binary);
    const std::string markup((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    write_sample(dir.path / "sections.odt", markup);
    const CommandResult r = run_command("/usr/bin/python3 " +
                                        shell_quote(fs::path(LETTRINE_SOURCE_DIR) / "tests/odt/check_odt_sections.py") +
                                        " " + shell_quote(dir.path / "sections.odt"));
    EXPECT_EQ(r.code, 0) << r.out << r.err;
}
