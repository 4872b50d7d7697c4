// The rapport d'activité (engine/report): the notes folder checked, the book
// composed from the example bilans of input/bilans/ and an external PDF made
// by LibreOffice (tests/pdfimport/fixtures), read back with poppler
// (pdftotext, pdfinfo): table of contents against where chapters really
// start, the external note's text and the stamped footer, right-hand pages
// with --recto-verso, every problem at once and nothing written, same bytes.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "bilan/bilan_reader.hpp"
#include "data/programme_reader.hpp"
#include "font/font.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "report/report.hpp"
#include "support/process.hpp"

namespace lettrine {
namespace {

using test_support::command_output;
using test_support::shell_quote;

namespace fs = boost::filesystem;

fs::path source(const std::string& relative) { return fs::path(LETTRINE_SOURCE_DIR) / relative; }

const Programme& programme() {
    static const Programme p = read_programme(source("input/programme-2016.xml"));
    return p;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path.string(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// A fresh folder under the build tree, removed first if a previous run left it.
// Named after the running test too: ctest -j runs each test in its own
// process, and two of them building the shared full report in one folder
// would remove each other's files.
fs::path fresh_folder(const std::string& name) {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string owner = test ? std::string(test->test_suite_name()) + "." + test->name() : "hors-test";
    const fs::path folder = fs::path(LETTRINE_BINARY_DIR) / "tests" / "report" / "work" / owner / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

void copy_into(const fs::path& from, const fs::path& to) { fs::copy_file(from, to, fs::copy_option::overwrite_if_exists); }

// The text of each page (1-based index 0 unused), no-break spaces as spaces.
std::vector<std::string> page_texts(const fs::path& pdf) {
    const std::string info = command_output("pdfinfo " + shell_quote(pdf));
    std::smatch m;
    const std::regex pages_line("Pages:\\s+(\\d+)");
    if (!std::regex_search(info, m, pages_line)) return {};
    const int count = std::stoi(m[1]);
    std::vector<std::string> pages(1);
    for (int i = 1; i <= count; ++i) {
        std::string text = command_output("pdftotext -layout -f " + std::to_string(i) + " -l " + std::to_string(i) + " " +
                               shell_quote(pdf) + " -");
        for (const std::string space : {"\u00A0", "\u202F"}) {
            std::size_t at;
            while ((at = text.find(space)) != std::string::npos) text.replace(at, space.size(), " ");
        }
        pages.push_back(text);
    }
    return pages;
}

// The table of contents' level-1 entries: sector name -> page number, read
// from the printed lines « Habitat ....... 5 ».
std::map<std::string, int> contents_entries(const std::vector<std::string>& pages) {
    std::map<std::string, int> entries;
    for (std::size_t i = 1; i < pages.size(); ++i) {
        if (pages[i].find("Sommaire") == std::string::npos) continue;
        std::istringstream lines(pages[i]);
        std::string line;
        const std::regex entry("^\\s*(.*?)[ .]{3,}(\\d+)\\s*$");
        while (std::getline(lines, line)) {
            std::smatch m;
            if (!std::regex_match(line, m, entry)) continue;
            for (const Sector& sector : programme().sectors)
                if (m[1].str() == sector.name) entries[sector.name] = std::stoi(m[2]);
        }
    }
    return entries;
}

// The first page (1-based) after the contents whose text has `marker`; 0 when none.
int first_page_with(const std::vector<std::string>& pages, const std::string& marker, int from = 3) {
    for (std::size_t i = static_cast<std::size_t>(from); i < pages.size(); ++i)
        if (pages[i].find(marker) != std::string::npos) return static_cast<int>(i);
    return 0;
}

const std::string kExternalText = "Note de bilan externe : filière Réemploi";

template <typename Action>
LettrineError error_of(Action action) {
    try {
        action();
    } catch (const LettrineError& e) {
        return e;
    }
    ADD_FAILURE() << "no LettrineError thrown";
    return LettrineError(ErrorKind::Internal, SourcePosition{}, "");
}

std::string all_messages(const Diagnostics& diagnostics) {
    std::string text;
    for (const Diagnostic& d : diagnostics.items()) text += d.describe() + "\n";
    return text;
}

// ---- Matching a PDF to its sector by name -------------------------------------

TEST(SectorNamedBy, FindsTheIdentifierAsWholeWords) {
    EXPECT_EQ(sector_named_by("note-habitat.pdf", programme())->id, "habitat");
    EXPECT_EQ(sector_named_by("Bilan 2016 - Circuits courts.PDF", programme())->id, "circuits-courts");
    EXPECT_EQ(sector_named_by("note_Numérique.pdf", programme())->id, "numerique");
    EXPECT_EQ(sector_named_by("Bilan annuel 2016 de la structure référente du secteur « Services aux personnes », "
                              "version définitive relue.pdf",
                              programme())
                  ->id,
              "services-aux-personnes");  // longer than a slug's 64 bytes, « aux » a device name on Windows
    EXPECT_EQ(sector_named_by("habitation.pdf", programme()), nullptr);  // not a whole word
    EXPECT_EQ(sector_named_by("note.pdf", programme()), nullptr);
    std::vector<std::string> several;
    EXPECT_EQ(sector_named_by("habitat-et-numerique.pdf", programme(), &several), nullptr);
    EXPECT_EQ(several, (std::vector<std::string>{"habitat", "numerique"}));
}

// ---- The note's document as a chapter ------------------------------------------

// The chapter's blocks, dumped (markup/dump.cpp's readable form).
std::string chapter_dump(const std::string& note_markup) {
    Document chapter;
    chapter.body = note_chapter_blocks(parse_markup(note_markup, "note"), "habitat", "chapitre-habitat");
    return dump(chapter);
}

TEST(NoteChapterBlocks, DropsFurnitureAndPrefixesIds) {
    const std::string dumped = chapter_dump(
        "<?xml version=\"1.0\"?>\n<document titre=\"N\"><pied><p>p. <numero-page/></p></pied>"
        "<p>Début&nbsp;: <b>a</b> <i>b</i> &amp; c</p><titre>Note</titre><titre niveau=\"2\" id=\"t\">Suite</titre>"
        "<p>Voir page <renvoi-page cible=\"t\"/>.</p><tableau colonnes=\"*\"><ligne><cellule>"
        "<p id=\"dedans\">x <renvoi-page cible=\"dedans\"/></p></cellule></ligne></tableau></document>");
    EXPECT_EQ(dumped.find("footer"), std::string::npos) << dumped;  // the book's footer, not the note's
    EXPECT_NE(dumped.find("id=chapitre-habitat"), std::string::npos) << dumped;
    EXPECT_NE(dumped.find("id=habitat-t"), std::string::npos) << dumped;
    EXPECT_NE(dumped.find("page-reference habitat-t"), std::string::npos) << dumped;
    EXPECT_NE(dumped.find("id=habitat-dedans"), std::string::npos) << dumped;  // nested blocks too
    EXPECT_NE(dumped.find("page-reference habitat-dedans"), std::string::npos) << dumped;
    Document doc = parse_markup("<document><titre>Note</titre><titre niveau=\"2\">Suite</titre>"
                                "<signet titre=\"S\"/></document>", "note");
    const std::vector<Block> blocks = note_chapter_blocks(std::move(doc), "habitat", "chapitre-habitat");
    const auto& level1 = std::get<Paragraph>(blocks.at(0).content);
    EXPECT_FALSE(level1.bookmark);
    EXPECT_FALSE(level1.in_contents);
    const auto& level2 = std::get<Paragraph>(blocks.at(1).content);
    EXPECT_TRUE(level2.bookmark);
    EXPECT_TRUE(level2.in_contents);
    EXPECT_FALSE(std::get<OutlineMarker>(blocks.at(2).content).in_contents);
}

TEST(NoteChapterBlocks, FirstBlockWithAnIdBecomesTheChapter) {
    const std::string dumped = chapter_dump("<document><p id=\"x\">A</p><p><renvoi-page cible=\"x\"/></p></document>");
    EXPECT_NE(dumped.find("id=chapitre-habitat"), std::string::npos) << dumped;
    EXPECT_NE(dumped.find("page-reference chapitre-habitat"), std::string::npos) << dumped;
    EXPECT_EQ(dumped.find("habitat-x"), std::string::npos) << dumped;
}

TEST(NoteChapterBlocks, APlaceholderLeftUnfilledIsALayoutError) {
    const Document doc = parse_markup("<document><p>A</p><emplacement nom=\"chapitre-x\"/></document>", "rapport");
    const LettrineError e = error_of([&] { layout_document(doc, *FontSet::default_set(), {}); });
    EXPECT_EQ(e.kind(), ErrorKind::Template);
    EXPECT_NE(e.diagnostics().items().at(0).message.find("<emplacement nom=\"chapitre-x\"> n’a pas été rempli"),
              std::string::npos);
}

// ---- The template ---------------------------------------------------------------

// Every name the report's template uses exists in the view, for each kind of
// chapter (kainjow would print nothing for a misspelt one).
TEST(ReportTemplate, UsesOnlyNamesOfTheView) {
    const Template report = Template::load(source("templates/rapport-activite.xml.mustache"));
    const Template note = Template::load(source("templates/note-bilan.xml.mustache"));
    SectorNote pdf;
    pdf.kind = SectorNote::Kind::ExternalPdf;
    pdf.sector_id = "numerique";
    pdf.file = "notes/note-numerique.pdf";
    pdf.page_count = 3;
    SectorNote bilan;
    bilan.kind = SectorNote::Kind::Bilan;
    bilan.sector_id = "habitat";
    bilan.file = source("input/bilans/bilan-2016-habitat.xlsx");
    bilan.bilan = read_bilan(bilan.file);
    const std::vector<ReportChapter> chapters{{programme().find_sector("habitat"), &bilan},
                                              {programme().find_sector("circuits-courts"), nullptr},
                                              {programme().find_sector("numerique"), &pdf}};
    for (bool duplex : {false, true}) {
        const DataValue view = report_view(programme(), chapters, duplex);
        EXPECT_EQ(all_messages(check_names(report, view)), "");
        const std::string markup = report.render(view);
        EXPECT_NE(markup.find("<pages-reservees id=\"chapitre-numerique\" nombre=\"3\"/>"), std::string::npos);
        EXPECT_NE(markup.find("<emplacement nom=\"chapitre-habitat\"/>"), std::string::npos);
        // The placeholder filled with the note's own document: its first block is the chapter.
        Document book = parse_markup(markup, "rapport");
        fill_note_chapters(book, chapters, note);
        bool found = false;
        for (const Block& b : book.body) {
            EXPECT_FALSE(std::holds_alternative<Placeholder>(b.content));
            found = found || b.id == "chapitre-habitat";
        }
        EXPECT_TRUE(found);
        EXPECT_EQ(markup.find("<saut-page page=\"impaire\"/>") != std::string::npos, duplex);
    }
}

// ---- The whole book -------------------------------------------------------------

// Four bilans of input/bilans/ set by Lettrine, and the LibreOffice note as
// the note of « Numérique et ESS » (contracted directly: a chapter only
// because a note is given).
struct FullReport {
    fs::path notes, output, pdf;
    JobResult result;
    std::vector<std::string> pages;
};

FullReport build_full_report(const std::string& name) {
    FullReport r;
    const fs::path root = fresh_folder(name);
    r.notes = root / "notes";
    r.output = root / "sortie";
    fs::create_directories(r.notes);
    for (fs::directory_iterator it(source("input/bilans")), end; it != end; ++it)
        copy_into(it->path(), r.notes / it->path().filename());
    copy_into(source("tests/pdfimport/fixtures/note-externe.pdf"), r.notes / "note-numerique.pdf");
    ReportOptions options;
    options.programme = source("input/programme-2016.xml");
    options.notes = r.notes;
    options.output = r.output;
    options.templates = source("templates");
    r.result = run_report(options);
    r.pdf = r.output / "rapport-activite-2016.pdf";
    return r;
}

const FullReport& full_report() {
    static const FullReport r = [] {
        FullReport built = build_full_report("complet");
        built.pages = page_texts(built.pdf);
        return built;
    }();
    return r;
}

TEST(Report, WritesOneFileNamedAfterTheYear) {
    const FullReport& r = full_report();
    EXPECT_EQ(r.result.written, std::vector<fs::path>{r.pdf});
    ASSERT_TRUE(fs::exists(r.pdf));
    std::size_t files = 0;
    for (fs::directory_iterator it(r.output), end; it != end; ++it) files += it->path().filename() != ".lettrine";
    EXPECT_EQ(files, 1u);  // no scratch or temporary file left…
    for (fs::directory_iterator it(r.output / ".lettrine"), end; it != end; ++it)
        EXPECT_FALSE(fs::is_directory(it->path())) << it->path();  // …nor the batch's staging folder
    EXPECT_FALSE(r.result.warnings.has_errors());
    EXPECT_EQ(all_messages(r.result.warnings).find("aucune note"), std::string::npos);
}

TEST(Report, ContentsPageNumbersAreWhereChaptersStart) {
    const FullReport& r = full_report();
    ASSERT_GT(r.pages.size(), 8u);
    const std::map<std::string, int> entries = contents_entries(r.pages);
    // Every Ecossolies sector and « Numérique et ESS », in the programme's order.
    std::vector<std::pair<std::string, int>> starts;
    for (const Sector& sector : programme().sectors) {
        const std::string marker = sector.id == "numerique" ? kExternalText : "Secteur « " + sector.name + " »";
        starts.emplace_back(sector.name, first_page_with(r.pages, marker));
    }
    int previous = 2;
    for (const auto& [name, page] : starts) {
        SCOPED_TRACE(name);
        ASSERT_GT(page, previous);  // found, after the previous chapter
        ASSERT_EQ(entries.count(name), 1u);
        EXPECT_EQ(entries.at(name), page);
        previous = page;
    }
}

TEST(Report, CoverHasNoFooterAndPagesAreNumberedContinuously) {
    const FullReport& r = full_report();
    const std::size_t count = r.pages.size() - 1;
    EXPECT_NE(r.pages[1].find("Rapport d’activité 2016"), std::string::npos);
    EXPECT_EQ(r.pages[1].find("page 1 sur"), std::string::npos);
    for (std::size_t i = 2; i <= count; ++i)
        EXPECT_NE(r.pages[i].find("page " + std::to_string(i) + " sur " + std::to_string(count)), std::string::npos)
            << "page " << i;
}

TEST(Report, ExternalNoteKeepsItsTextUnderTheStampedFooter) {
    const FullReport& r = full_report();
    const int first = first_page_with(r.pages, kExternalText);
    ASSERT_GT(first, 0);
    const std::size_t count = r.pages.size() - 1;
    const std::string& page = r.pages[static_cast<std::size_t>(first)];
    EXPECT_NE(page.find("Journées réalisées : 42, dont 12 d’accompagnement."), std::string::npos) << page;
    EXPECT_NE(page.find("page " + std::to_string(first) + " sur " + std::to_string(count)), std::string::npos);
    // Its second page follows, stamped too.
    const std::string& second = r.pages.at(static_cast<std::size_t>(first) + 1);
    EXPECT_NE(second.find("Deuxième page : perspectives et plan d’action."), std::string::npos) << second;
    EXPECT_NE(second.find("page " + std::to_string(first + 1) + " sur"), std::string::npos);
}

// Pages of an outside PDF are neither tagged nor checked by Lettrine: the
// book claims neither PDF/A-2 nor PDF/UA-1, and the warning names the note.
TEST(Report, ABookWithAnImportedNoteClaimsNoConformanceAndSaysWhichNote) {
    const FullReport& r = full_report();
    std::ifstream in(r.pdf.string(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(bytes.find("<pdfaid:part>"), std::string::npos);
    EXPECT_EQ(bytes.find("<pdfuaid:part>"), std::string::npos);
    const std::string messages = all_messages(r.result.warnings);
    EXPECT_NE(messages.find("note-numerique.pdf : avertissement : le rapport n’est déclaré ni PDF/A-2 ni PDF/UA-1"), std::string::npos) << messages;
}

// The outline as "depth|title|page" lines (qpdf's JSON, read by Python).
std::string outline_lines(const fs::path& pdf) {
    return command_output("qpdf --json=2 --json-key=outlines " + shell_quote(pdf) +
               " | /usr/bin/python3 -c \"import json, sys\n"
               "def walk(items, depth):\n"
               "    for it in items:\n"
               "        print('%d|%s|%s' % (depth, it['title'], it.get('destpageposfrom1')))\n"
               "        walk(it.get('kids', []), depth + 1)\n"
               "walk(json.load(sys.stdin)['outlines'], 0)\"");
}

TEST(Report, BookmarksPerChapterAndHeadingLeadWhereChaptersStart) {
    const FullReport& r = full_report();
    const std::string outline = outline_lines(r.pdf);
    for (const Sector& sector : programme().sectors) {
        SCOPED_TRACE(sector.name);
        const std::string marker = sector.id == "numerique" ? kExternalText : "Secteur « " + sector.name + " »";
        const int start = first_page_with(r.pages, marker);
        const std::string line = "0|" + sector.name + "|" + std::to_string(start) + "\n";
        const std::size_t at = outline.find(line);
        ASSERT_NE(at, std::string::npos) << outline;
        // A note set by Lettrine: its headings below the chapter, from its first page on.
        const std::string next = outline.substr(at + line.size(), outline.find("\n0|", at + 1) - at - line.size());
        if (sector.id == "numerique")
            EXPECT_EQ(next, "") << "an external note has no bookmark of its own";
        else
            EXPECT_EQ(next.rfind("1|Faits marquants|" + std::to_string(start) + "\n", 0), 0u) << next;
    }
    EXPECT_EQ(outline.find("Note de bilan annuelle"), std::string::npos);
    EXPECT_EQ(outline.rfind("0|Sommaire|2\n", 0), 0u) << outline;
}

TEST(Report, QpdfFindsNoProblem) {
    const FullReport& r = full_report();
    EXPECT_EQ(command_output("qpdf --check " + shell_quote(r.pdf) + " >/dev/null 2>&1; echo $?"), "0\n");
}

TEST(Report, SameBytesOnRerun) {
    const FullReport& r = full_report();
    const FullReport again = build_full_report("complet-bis");
    EXPECT_EQ(read_all(r.pdf), read_all(again.pdf));
}

// A note missing, an external note, a stray file, double-sided printing.
TEST(Report, MissingNotesGetAMarkedPageAndChaptersStartOnOddPages) {
    const fs::path root = fresh_folder("recto-verso");
    const fs::path notes = root / "notes";
    fs::create_directories(notes);
    copy_into(source("input/bilans/bilan-2016-habitat.xlsx"), notes / "bilan-2016-habitat.xlsx");
    copy_into(source("tests/pdfimport/fixtures/note-externe.pdf"), notes / "Note circuits courts 2016.pdf");
    copy_into(source("input/bilans/bilan-2016-dechets-ressources.xml"), notes / "bilan-2016-dechets-ressources.xml");
    std::ofstream(notes / "LISEZMOI.txt") << "des notes\n";
    ReportOptions options;
    options.programme = source("input/programme-2016.xml");
    options.notes = notes;
    options.output = root / "sortie";
    options.templates = source("templates");
    options.duplex = true;
    const JobResult result = run_report(options);
    const std::string warnings = all_messages(result.warnings);
    EXPECT_NE(warnings.find("aucune note pour le secteur « Services aux personnes » (identifiant "
                            "« services-aux-personnes ») : le rapport porte à sa place une page « Note non remise »"),
              std::string::npos)
        << warnings;
    EXPECT_NE(warnings.find("LISEZMOI.txt : avertissement : fichier ignoré"), std::string::npos) << warnings;
    EXPECT_EQ(warnings.find("Numérique"), std::string::npos) << warnings;  // contracted directly: no chapter

    const std::vector<std::string> pages = page_texts(root / "sortie" / "rapport-activite-2016.pdf");
    const std::map<std::string, int> entries = contents_entries(pages);
    EXPECT_EQ(entries.size(), 4u);
    EXPECT_EQ(entries.count("Numérique et ESS"), 0u);
    const int missing = first_page_with(pages, "Note non remise", 4);  // after the contents (page 3), which names it
    ASSERT_GT(missing, 0);
    EXPECT_NE(pages[static_cast<std::size_t>(missing)].find("Services aux personnes"), std::string::npos);
    for (const auto& [name, page] : entries) {
        SCOPED_TRACE(name);
        EXPECT_EQ(page % 2, 1);
        // The page before a chapter is the previous chapter's, or blank (no footer).
        const std::string& before = pages.at(static_cast<std::size_t>(page) - 1);
        EXPECT_TRUE(before.find("page " + std::to_string(page - 1) + " sur") != std::string::npos ||
                    before.find_first_not_of(" \n\f") == std::string::npos);
    }
    EXPECT_EQ(entries.at(programme().find_sector("circuits-courts")->name), first_page_with(pages, kExternalText));
    EXPECT_EQ(entries.at("Services aux personnes"), missing);
}

// A corrupt PDF, an encrypted one, one named after no sector, an invalid
// bilan and two notes for one sector: all told at once, each naming its
// file, and nothing written.
TEST(Report, EveryProblemAtOnceAndNothingWritten) {
    const fs::path root = fresh_folder("erreurs");
    const fs::path notes = root / "notes";
    fs::create_directories(notes);
    copy_into(source("input/bilans/bilan-2016-habitat.xlsx"), notes / "bilan-2016-habitat.xlsx");
    copy_into(source("tests/pdfimport/fixtures/note-externe.pdf"), notes / "note-habitat.pdf");
    const std::string good = read_all(source("tests/pdfimport/fixtures/note-externe.pdf"));
    std::ofstream(notes / "note-circuits-courts.pdf", std::ios::binary) << good.substr(0, good.size() / 2);
    std::string bilan = read_all(source("input/bilans/bilan-2016-dechets-ressources.xml"));
    bilan.replace(bilan.find("jours-prevus=\"16\""), 17, "jours-prevus=\"seize\"");
    std::ofstream(notes / "bilan-2016-dechets-ressources.xml", std::ios::binary) << bilan;
    std::ofstream(notes / "note-2016.pdf", std::ios::binary) << good;
    // Opens only with a password (made by qpdf's command line).
    command_output("qpdf --encrypt secret secret 256 -- " + shell_quote(source("tests/pdfimport/fixtures/note-externe.pdf")) + " " +
        shell_quote(notes / "note-services-aux-personnes.pdf"));
    ASSERT_TRUE(fs::exists(notes / "note-services-aux-personnes.pdf"));
    ReportOptions options;
    options.programme = source("input/programme-2016.xml");
    options.notes = notes;
    options.output = root / "sortie";
    options.templates = source("templates");
    const LettrineError e = error_of([&] { run_report(options); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    const std::string messages = all_messages(e.diagnostics());
    const std::string folder = notes.string() + "/";
    EXPECT_NE(messages.find(folder + "note-circuits-courts.pdf : ce PDF est endommagé"), std::string::npos) << messages;
    EXPECT_NE(messages.find("bilan-2016-dechets-ressources.xml:"), std::string::npos) << messages;
    EXPECT_NE(messages.find(folder + "note-habitat.pdf : deux notes pour le secteur « Habitat » : "
                                     "« bilan-2016-habitat.xlsx » et « note-habitat.pdf » ; n’en laissez qu’une "
                                     "dans le dossier des notes"),
              std::string::npos)
        << messages;
    EXPECT_NE(messages.find(folder + "note-2016.pdf : le nom de ce fichier ne contient l’identifiant d’aucun secteur"),
              std::string::npos)
        << messages;
    EXPECT_NE(messages.find(folder + "note-services-aux-personnes.pdf : ce PDF est protégé par un mot de passe"),
              std::string::npos)
        << messages;
    EXPECT_EQ(e.diagnostics().error_count(), 5u) << messages;
    EXPECT_FALSE(fs::exists(root / "sortie"));
}

// More pages than <pages-reservees> can reserve: refused before any layout.
TEST(Report, ANoteLongerThanTheReservablePagesIsRefused) {
    const fs::path root = fresh_folder("trop-long");
    const fs::path notes = root / "notes";
    fs::create_directories(notes);
    std::string copies;
    for (int i = 0; i < 1001; ++i) copies += " " + shell_quote(source("tests/pdfimport/fixtures/note-externe.pdf"));
    command_output("qpdf --empty --pages" + copies + " -- " + shell_quote(notes / "note-habitat.pdf"));  // 2,002 pages
    ReportOptions options;
    options.programme = source("input/programme-2016.xml");
    options.notes = notes;
    options.output = root / "sortie";
    options.templates = source("templates");
    const LettrineError e = error_of([&] { run_report(options); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()),
              (notes / "note-habitat.pdf").string() + " : ce PDF a trop de pages pour être importé (plus de 2\u202F000)");
    EXPECT_FALSE(fs::exists(root / "sortie"));
}

// Issue 16: the import helper reads 2,000 pages, the report reserved at most
// 1,000: a 1,998-page note was refused with « plus de 1 000 ». One limit now.
TEST(Report, ANoteJustUnderTheImportLimitIsAccepted) {
    const fs::path root = fresh_folder("presque-trop-long");
    const fs::path notes = root / "notes";
    fs::create_directories(notes);
    std::string copies;
    for (int i = 0; i < 999; ++i) copies += " " + shell_quote(source("tests/pdfimport/fixtures/note-externe.pdf"));
    command_output("qpdf --empty --pages" + copies + " -- " + shell_quote(notes / "note-habitat.pdf"));  // 1,998 pages
    const NoteFolder found = scan_notes(notes, programme());
    EXPECT_FALSE(found.diagnostics.has_errors()) << (found.diagnostics.empty() ? "" : found.diagnostics.items()[0].describe());
    ASSERT_EQ(found.notes.size(), 1u);
    EXPECT_EQ(found.notes[0].page_count, 1998u);
    EXPECT_EQ(kMaxReservedPages, ImportLimits{}.max_pages);
}

TEST(Report, MissingNotesFolderIsAnIoError) {
    const fs::path root = fresh_folder("sans-dossier");
    ReportOptions options;
    options.programme = source("input/programme-2016.xml");
    options.notes = root / "absent";
    options.output = root / "sortie";
    options.templates = source("templates");
    const LettrineError e = error_of([&] { run_report(options); });
    EXPECT_EQ(e.kind(), ErrorKind::Io);
    EXPECT_EQ(std::string(e.what()), (root / "absent").string() + " : dossier des notes introuvable");
}

}  // namespace
}  // namespace lettrine
