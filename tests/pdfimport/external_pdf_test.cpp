// The import of external PDFs: checks of hostile and broken files (each must
// end in a French error naming the file, never a crash or a hang), and the
// placement of a page made by another producer (LibreOffice) into a PDF
// written by Lettrine, read back with poppler (pdftotext, pdfinfo) and qpdf's
// command line.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_samples.hpp"
#include "pdfimport/external_pdf.hpp"
#include "support/process.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define LETTRINE_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LETTRINE_TEST_ASAN 1
#endif
#endif

namespace lettrine {
namespace {

namespace fs = boost::filesystem;
using test_support::shell_quote;

// The standard output of `command`; its exit code in `*status` when asked.
std::string run(const std::string& command, int* status = nullptr) {
    test_support::CommandResult result = test_support::run_command(command);
    if (status) *status = result.code;
    return result.out;
}

using namespace pdfimport_test;

const fs::path kFixture = fs::path(LETTRINE_SOURCE_DIR) / "tests/pdfimport/fixtures/note-externe.pdf";

class Scratch {
public:
    Scratch() : root_(fs::temp_directory_path() / fs::unique_path("lettrine-pdfimport-%%%%-%%%%-%%%%")) {
        fs::create_directories(root_);
    }
    ~Scratch() {
        boost::system::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    fs::path write(const std::string& name, const std::string& bytes) const {
        std::ofstream out((root_ / name).string(), std::ios::binary);
        out << bytes;
        return root_ / name;
    }
    fs::path path(const std::string& name) const { return root_ / name; }

private:
    fs::path root_;
};

// The error thrown by `action`, or a failure when nothing is thrown.
template <typename Action>
LettrineError error_of(Action action) {
    try {
        action();
    } catch (const LettrineError& e) {
        return e;
    }
    ADD_FAILURE() << "no LettrineError thrown";
    return LettrineError(ErrorKind::Internal, SourcePosition{}, "aucune erreur");
}

// ---------------------------------------------------------------- inspect

TEST(InspectExternalPdf, ReadsLibreOfficePagesAsPdfinfoDoes) {
    const ExternalPdfInfo info = inspect_external_pdf(kFixture);
    // The oracle: poppler's own reading of the same file.
    const std::string pdfinfo = run("pdfinfo -f 1 -l 99 " + shell_quote(kFixture));
    std::istringstream lines(pdfinfo);
    std::string line;
    std::vector<std::pair<double, double>> expected;
    while (std::getline(lines, line)) {
        double w = 0, h = 0;
        int page = 0;
        if (std::sscanf(line.c_str(), "Page %d size: %lf x %lf", &page, &w, &h) == 3) expected.emplace_back(w, h);
    }
    ASSERT_EQ(info.page_count(), 2u);
    ASSERT_EQ(expected.size(), 2u);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_NEAR(info.pages[i].width, expected[i].first, 0.01);
        EXPECT_NEAR(info.pages[i].height, expected[i].second, 0.01);
    }
}

TEST(InspectExternalPdf, AppliesRotateUserUnitAndTrimBox) {
    Scratch scratch;
    const fs::path file = scratch.write("boites.pdf",
        pages_pdf({"/MediaBox [0 0 300 500] /Rotate 90",
                   "/MediaBox [0 0 200 100] /UserUnit 2",
                   "/MediaBox [0 0 400 400] /CropBox [10 10 110 60]",
                   "/MediaBox [0 0 400 400] /CropBox [10 10 110 60] /TrimBox [20 20 50 40] /Rotate -270",
                   "/MediaBox [100 100 0 0] /Rotate 180"},
                  5));
    const ExternalPdfInfo info = inspect_external_pdf(file);
    ASSERT_EQ(info.page_count(), 5u);
    const double expected[][2] = {{500, 300}, {400, 200}, {100, 50}, {20, 30}, {100, 100}};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_DOUBLE_EQ(info.pages[i].width, expected[i][0]) << "page " << i;
        EXPECT_DOUBLE_EQ(info.pages[i].height, expected[i][1]) << "page " << i;
    }
}

TEST(InspectExternalPdf, AcceptsAnOwnerPasswordOnly) {
    Scratch scratch;
    const fs::path file = scratch.path("sans-modification.pdf");
    int status = 0;
    run("qpdf --encrypt '' proprietaire 256 --modify=none -- " + shell_quote(kFixture) + " " + shell_quote(file), &status);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(inspect_external_pdf(file).page_count(), 2u);
}

TEST(InspectExternalPdf, AcceptsObjectStreamsAndLinearization) {
    // What recent Word and Acrobat versions write: PDF 1.5 cross-reference
    // and object streams, "fast web view".
    Scratch scratch;
    const fs::path file = scratch.path("web.pdf");
    int status = 0;
    run("qpdf --object-streams=generate --linearize " + shell_quote(kFixture) + " " + shell_quote(file), &status);
    ASSERT_EQ(status, 0);
    EXPECT_EQ(inspect_external_pdf(file).page_count(), 2u);
}

TEST(InspectExternalPdf, RefusesAUserPassword) {
    Scratch scratch;
    const fs::path file = scratch.path("note protégée.pdf");
    int status = 0;
    run("qpdf --encrypt secret proprietaire 256 -- " + shell_quote(kFixture) + " " + shell_quote(file), &status);
    ASSERT_EQ(status, 0);
    const LettrineError e = error_of([&] { inspect_external_pdf(file); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : ce PDF est protégé par un mot de passe : enregistrez-le ou "
                                                     "exportez-le sans mot de passe");
}

TEST(InspectExternalPdf, RefusesWhatIsNotAPdf) {
    Scratch scratch;
    const fs::path file = scratch.write("note.pdf", "PK\x03\x04 un document Word renommé en .pdf");
    const LettrineError e = error_of([&] { inspect_external_pdf(file); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : ce fichier n’est pas un PDF");
    ASSERT_EQ(e.diagnostics().items().size(), 1u);
    EXPECT_EQ(e.diagnostics().items()[0].position.file, file.string());
}

TEST(InspectExternalPdf, RefusesMissingFilesAndFolders) {
    Scratch scratch;
    const LettrineError missing = error_of([&] { inspect_external_pdf(scratch.path("absente.pdf")); });
    EXPECT_EQ(missing.kind(), ErrorKind::Io);
    EXPECT_EQ(std::string(missing.what()), scratch.path("absente.pdf").string() + " : fichier introuvable");
    fs::create_directories(scratch.path("dossier.pdf"));
    const LettrineError folder = error_of([&] { inspect_external_pdf(scratch.path("dossier.pdf")); });
    EXPECT_EQ(folder.kind(), ErrorKind::Io);
    EXPECT_EQ(std::string(folder.what()), scratch.path("dossier.pdf").string() + " : ce n’est pas un fichier ordinaire");
}

TEST(InspectExternalPdf, RefusesAFileTooLargeBeforeReadingIt) {
    Scratch scratch;
    // Not a PDF either: the size is checked first, without parsing.
    const fs::path file = scratch.write("gros.pdf", std::string(5000, 'x'));
    ImportLimits limits;
    limits.max_file_bytes = 4096;
    const LettrineError e = error_of([&] { inspect_external_pdf(file, limits); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()),
              file.string() + " : fichier trop volumineux pour être importé (5\u00A0Kio ; au plus 4\u00A0Kio)");
}

const std::string kDamaged =
    " : ce PDF est endommagé (il faudrait le réparer pour le lire) : exportez-le à nouveau depuis le logiciel "
    "qui l’a produit";

TEST(InspectExternalPdf, RefusesATruncatedFile) {
    Scratch scratch;
    const std::string whole = read_file(kFixture);
    const fs::path file = scratch.write("coupé.pdf", whole.substr(0, whole.size() / 2));
    const LettrineError e = error_of([&] { inspect_external_pdf(file); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + kDamaged);
}

TEST(InspectExternalPdf, RefusesWhatQpdfWouldRepair) {
    Scratch scratch;
    const std::string good = pages_pdf({"/MediaBox [0 0 200 200]"}, 1);
    ASSERT_EQ(inspect_external_pdf(scratch.write("sain.pdf", good)).page_count(), 1u);

    // A cross-reference offset off by a few bytes: qpdf could rebuild the
    // table by scanning the file; it is not asked to.
    std::string shifted_xref = good;
    const std::size_t entry = shifted_xref.find(" 00000 n \n");
    shifted_xref[entry - 1] = shifted_xref[entry - 1] == '9' ? '1' : '9';
    // A stream whose /Length is wrong.
    std::string wrong_length = good;
    const std::size_t length = wrong_length.find("/Length ");
    wrong_length.replace(length, 8, "/Length 1");
    // A content stream that claims Flate compression but is not compressed.
    const std::string bad_flate = handmade_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                                                stream_object("/Filter /FlateDecode", "0 0 m 10 10 l S")});
    // A page tree whose kid is not a page.
    const std::string bad_tree = handmade_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "(pas une page)"});
    const std::map<std::string, std::string> samples = {
        {"xref.pdf", shifted_xref}, {"longueur.pdf", wrong_length}, {"flate.pdf", bad_flate}, {"arbre.pdf", bad_tree}};
    for (const auto& [name, bytes] : samples) {
        const fs::path file = scratch.write(name, bytes);
        const LettrineError e = error_of([&] { inspect_external_pdf(file); });
        EXPECT_EQ(e.kind(), ErrorKind::Data) << name;
        EXPECT_EQ(std::string(e.what()), file.string() + kDamaged) << name;
    }
}

TEST(InspectExternalPdf, RefusesAPdfWithoutPages) {
    Scratch scratch;
    const fs::path file = scratch.write("vide.pdf", pages_pdf({}, 0));
    const LettrineError e = error_of([&] { inspect_external_pdf(file); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : ce PDF n’a aucune page");
}

TEST(InspectExternalPdf, RefusesTooManyPagesWhateverTheTreeClaims) {
    Scratch scratch;
    ImportLimits limits;
    limits.max_pages = 10;
    const std::vector<std::string> pages(30, "/MediaBox [0 0 100 100]");
    const std::string expected = " : ce PDF a trop de pages pour être importé (plus de 10)";
    // Honest, lying low (the tree is walked), lying high (refused unwalked).
    for (const long long claimed : {30LL, 1LL, 1000000000LL}) {
        const fs::path file = scratch.write("pages-" + std::to_string(claimed) + ".pdf", pages_pdf(pages, claimed));
        const LettrineError e = error_of([&] { inspect_external_pdf(file, limits); });
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_EQ(std::string(e.what()), file.string() + expected) << claimed;
    }
    limits.max_pages = 30;
    EXPECT_EQ(inspect_external_pdf(scratch.path("pages-30.pdf"), limits).page_count(), 30u);
}

// A page with a stream that decodes to 256 GiB of spaces (about 300 kB of
// file): decoding it takes minutes of CPU, holding it all the memory there is.
std::string bomb_pdf(bool as_content) {
    const std::string bomb = stream_object("/Filter [/FlateDecode /FlateDecode]", flate_bomb(256ull << 30));
    const std::string page = as_content
        ? "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"
        : "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /X 4 0 R >> >> >>";
    return handmade_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                         as_content ? bomb : "<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] " + bomb.substr(3)});
}

TEST(InspectExternalPdf, StopsAFileThatTakesTooMuchCpu) {
    Scratch scratch;
    const fs::path file = scratch.write("bombe.pdf", bomb_pdf(false));
    ImportLimits limits;
    limits.cpu_seconds = 1;
    const LettrineError e = error_of([&] { inspect_external_pdf(file, limits); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : la lecture de ce PDF demande trop de calcul (plus de 1\u00A0s) : "
                                                     "le fichier est anormal, peut-être piégé");
}

TEST(InspectExternalPdf, StopsAFileThatTakesTooLong) {
    Scratch scratch;
    const fs::path file = scratch.write("bombe.pdf", bomb_pdf(false));
    ImportLimits limits;
    limits.wall_seconds = 0.5;
    const LettrineError e = error_of([&] { inspect_external_pdf(file, limits); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : la lecture de ce PDF prend trop de temps (arrêtée au bout "
                                                     "de 0,5\u00A0s) : le fichier est anormal, peut-être piégé");
}

TEST(InspectExternalPdf, StopsAFileThatTakesTooMuchMemory) {
#if defined(LETTRINE_TEST_ASAN)
    GTEST_SKIP() << "no RLIMIT_AS under AddressSanitizer";
#endif
    Scratch scratch;
    const fs::path file = scratch.write("bombe.pdf", bomb_pdf(true));
    ImportLimits limits;
    limits.memory_bytes = 128ull << 20;
    const LettrineError e = error_of([&] { inspect_external_pdf(file, limits); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), file.string() + " : la lecture de ce PDF demande trop de mémoire (plus de "
                                                     "128\u00A0Mio) : le fichier est anormal, peut-être piégé");
}

// ------------------------------------------------------------ the helper

// Sets an environment variable for one test.
class ScopedVariable {
public:
    ScopedVariable(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
    ~ScopedVariable() { ::unsetenv(name_); }

private:
    const char* name_;
};

TEST(ImportHelper, IsFoundInTheBuildTree) {
    const fs::path helper = import_helper_path();
    EXPECT_EQ(helper.filename().string(), kImportHelperName);
    EXPECT_TRUE(fs::exists(helper));
}

TEST(ImportHelper, TheVariableOverridesAndMustBeRight) {
    Scratch scratch;
    ScopedVariable variable(kImportHelperVariable, scratch.path("nulle-part").string());
    const LettrineError e = error_of([] { import_helper_path(); });
    EXPECT_EQ(e.kind(), ErrorKind::Internal);
    EXPECT_EQ(std::string(e.what()), scratch.path("nulle-part").string() +
                                         " : programme d’import des PDF introuvable ou non exécutable (désigné par "
                                         "la variable d’environnement LETTRINE_IMPORT_PDF)");
}

TEST(ImportHelper, ACrashIsBlamedOnTheFileBeingRead) {
    // What the library makes of a helper that dies of a signal in the middle
    // of a file: a stand-in helper that does just that.
    Scratch scratch;
    const fs::path crash = scratch.write("plantage.sh", "#!/bin/sh\necho 'file 0'\nkill -SEGV $$\n");
    fs::permissions(crash, fs::owner_all);
    ScopedVariable variable(kImportHelperVariable, crash.string());
    const LettrineError e = error_of([] { inspect_external_pdf(kFixture); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), kFixture.string() + " : la lecture de ce PDF a fait échouer le programme "
                                                         "d’import (SIGSEGV) : le fichier est anormal, peut-être piégé");
}

// ------------------------------------------------------------- placement

// A three-page PDF written by Lettrine: a heading (and bookmark) per page, a
// running footer with the page number.
std::string lettrine_pdf() {
    const std::string markup =
        "<document titre=\"Rapport d'essai\" date=\"2026-01-15\" marges=\"20mm\">"
        "<pied><p align=\"centre\">Rapport d’activité — page <numero-page/> sur <nombre-pages/></p></pied>"
        "<titre>Chapitre un</titre><p>Texte du premier chapitre.</p><saut-page/>"
        "<titre>Annexe importée</titre><saut-page/>"
        "<titre>Chapitre trois</titre><p>Texte du dernier chapitre.</p>"
        "</document>";
    return write_pdf(layout_document(parse_markup(markup, "essai.xml"), *FontSet::default_set(), LayoutOptions{}));
}

// Each bookmark as "title → page number", read by qpdf.
std::string outline_of(const fs::path& pdf) {
    return run("qpdf --json=2 --json-key=outlines " + shell_quote(pdf) +
               " | /usr/bin/python3 -c 'import json, sys\n"
               "def walk(items):\n"
               "    for o in items:\n"
               "        print(o[\"title\"], \"->\", o[\"destpageposfrom1\"])\n"
               "        walk(o[\"kids\"])\n"
               "walk(json.load(sys.stdin)[\"outlines\"])'");
}

std::string page_text(const fs::path& pdf, int page) {
    return run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + shell_quote(pdf) + " -");
}

struct Box {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
};

// Word boxes of a page from pdftotext -bbox (top-left origin, points).
std::multimap<std::string, Box> word_boxes(const fs::path& pdf, int page) {
    const std::string html = run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                                 shell_quote(pdf) + " -");
    std::multimap<std::string, Box> words;
    std::istringstream in(html);
    std::string line;
    while (std::getline(in, line)) {
        Box b;
        char word[256];
        if (std::sscanf(line.c_str(), " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%255[^<]", &b.x_min,
                        &b.y_min, &b.x_max, &b.y_max, word) == 5)
            words.emplace(word, b);
    }
    return words;
}

// The area above the footer, inside 20 mm margins of an A4 page.
PagePlacement placement_on(std::size_t target, const fs::path& file, std::size_t source) {
    PagePlacement p;
    p.target_page = target;
    p.file = file;
    p.source_page = source;
    p.x = 56.693;
    p.y = 56.693;
    p.width = 595.276 - 2 * 56.693;
    p.height = 680;
    return p;
}

TEST(PlaceExternalPages, DrawsALibreOfficePageUnderLettrinesFooter) {
    Scratch scratch;
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const fs::path output = scratch.path("rapport-importé.pdf");
    const PagePlacement placement = placement_on(1, kFixture, 0);
    place_external_pages(ours, {placement}, output);

    int status = 0;
    const std::string check = run("qpdf --check " + shell_quote(output), &status);
    EXPECT_EQ(status, 0) << check;
    EXPECT_NE(check.find("No syntax or stream encoding errors"), std::string::npos) << check;
    EXPECT_EQ(run("qpdf --show-npages " + shell_quote(output)), "3\n");

    // Page 2: the external text and Lettrine's footer; the others untouched.
    const std::string page2 = page_text(output, 2);
    EXPECT_NE(page2.find("Note de bilan externe : filière Réemploi"), std::string::npos) << page2;
    EXPECT_NE(page2.find("Journées réalisées : 42"), std::string::npos) << page2;
    EXPECT_NE(page2.find("Rapport d’activité — page 2 sur 3"), std::string::npos) << page2;
    EXPECT_EQ(page2.find("Deuxième page"), std::string::npos) << page2;
    for (int page : {1, 3}) {
        EXPECT_EQ(page_text(output, page), page_text(ours, page)) << page;
    }

    // The bookmarks still lead to the same pages.
    const std::string outline = outline_of(output);
    EXPECT_EQ(outline, "Chapitre un -> 1\nAnnexe importée -> 2\nChapitre trois -> 3\n");
    EXPECT_EQ(outline, outline_of(ours));

    // Scaled down to fit the area and centred in it: each word where the
    // transformation puts it in LibreOffice's own page (pdftotext on both).
    const double page_w = 595.303937, page_h = 841.889764;
    const double scale = std::min(placement.width / page_w, placement.height / page_h);
    const double left = placement.x + (placement.width - page_w * scale) / 2;
    const double top = placement.y + (placement.height - page_h * scale) / 2;
    const auto source_words = word_boxes(kFixture, 1);
    const auto placed_words = word_boxes(output, 2);
    for (const char* word : {"Note", "Réemploi", "Journées", "42,"}) {
        ASSERT_EQ(source_words.count(word), 1u) << word;
        ASSERT_EQ(placed_words.count(word), 1u) << word;
        const Box s = source_words.find(word)->second, p = placed_words.find(word)->second;
        EXPECT_NEAR(p.x_min, left + s.x_min * scale, 0.5) << word;
        EXPECT_NEAR(p.y_min, top + s.y_min * scale, 0.5) << word;
        EXPECT_NEAR(p.x_max, left + s.x_max * scale, 0.5) << word;
    }

    // Drawn first, under the page's own content.
    const std::string first_stream = run(
        "qpdf --json=2 --json-key=pages " + shell_quote(output) +
        " | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[\"pages\"][1][\"contents\"][0].split()[0])'"
        " | xargs -I{} qpdf --show-object={} --filtered-stream-data " + shell_quote(output));
    EXPECT_NE(first_stream.find("/LettrineImport1 Do"), std::string::npos) << first_stream;

    // Same inputs, same bytes.
    const fs::path again = scratch.path("encore.pdf");
    place_external_pages(ours, {placement}, again);
    EXPECT_TRUE(read_file(output) == read_file(again));
}

TEST(PlaceExternalPages, PlacesSeveralPagesOfSeveralFiles) {
    Scratch scratch;
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const fs::path turned = scratch.path("tournée.pdf");
    int status = 0;
    run("qpdf --rotate=+90:2 " + shell_quote(kFixture) + " " + shell_quote(turned), &status);
    ASSERT_EQ(status, 0);
    const fs::path output = scratch.path("sortie.pdf");
    place_external_pages(ours, {placement_on(0, kFixture, 1), placement_on(2, turned, 1), placement_on(1, kFixture, 0)},
                         output);
    EXPECT_NE(page_text(output, 1).find("Deuxième page : perspectives"), std::string::npos);
    EXPECT_NE(page_text(output, 2).find("Note de bilan externe"), std::string::npos);
    EXPECT_NE(page_text(output, 3).find("Rapport d’activité — page 3 sur 3"), std::string::npos);
    // The turned page keeps its orientation: landscape, so its words are
    // set vertically once placed on the portrait page, its text intact.
    const auto words = word_boxes(output, 3);
    ASSERT_EQ(words.count("perspectives"), 1u);
    const Box b = words.find("perspectives")->second;
    EXPECT_GT(b.y_max - b.y_min, b.x_max - b.x_min);
    run("qpdf --check " + shell_quote(output), &status);
    EXPECT_EQ(status, 0);
}

TEST(PlaceExternalPages, KeepsWhatAnnotationsPrintButNotTheAnnotations) {
    Scratch scratch;
    const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    const fs::path annotated = scratch.write("annotée.pdf", handmade_pdf({
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R /Annots [6 0 R 8 0 R 9 0 R] >>",
        font,
        stream_object("", "BT /F1 12 Tf 20 250 Td (Corps de la page) Tj ET"),
        // Printed (flag 4): a stamp saying VISA.
        "<< /Type /Annot /Subtype /Stamp /Rect [20 100 120 130] /F 4 /AP << /N 7 0 R >> >>",
        stream_object("/Type /XObject /Subtype /Form /BBox [0 0 100 30] /Resources << /Font << /F1 4 0 R >> >>",
                      "BT /F1 12 Tf 5 10 Td (VISA) Tj ET"),
        // Hidden (flags 2 + 4): never shown.
        "<< /Type /Annot /Subtype /Stamp /Rect [20 150 120 180] /F 6 /AP << /N 10 0 R >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [20 250 120 262] /Border [0 0 0] "
        "/A << /S /URI /URI (https://www.ecossolies.fr/) >> >>",
        stream_object("/Type /XObject /Subtype /Form /BBox [0 0 100 30] /Resources << /Font << /F1 4 0 R >> >>",
                      "BT /F1 12 Tf 5 10 Td (CACHE) Tj ET")}));
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const fs::path output = scratch.path("sortie.pdf");
    place_external_pages(ours, {placement_on(0, annotated, 0)}, output);
    const std::string text = page_text(output, 1);
    EXPECT_NE(text.find("Corps de la page"), std::string::npos) << text;
    EXPECT_NE(text.find("VISA"), std::string::npos) << text;
    EXPECT_EQ(text.find("CACHE"), std::string::npos) << text;
    const std::string page = run(
        "qpdf --json=2 --json-key=pages " + shell_quote(output) +
        " | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)[\"pages\"][0][\"object\"].split()[0])'"
        " | xargs -I{} qpdf --show-object={} " + shell_quote(output));
    EXPECT_NE(page.find("/Type /Page"), std::string::npos) << page;
    EXPECT_EQ(page.find("/Annots"), std::string::npos) << page;
    int status = 0;
    run("qpdf --check " + shell_quote(output), &status);
    EXPECT_EQ(status, 0);
}

// Issue 16: a form XObject (and a form inside it) carrying /AA and /A
// actions (JavaScript, Launch) is drawn, but no action reaches the rapport.
TEST(PlaceExternalPages, DropsEveryActionFromImportedObjects) {
    Scratch scratch;
    const std::string font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    const fs::path hostile = scratch.write("piégée.pdf", handmade_pdf({
        "<< /Type /Catalog /Pages 2 0 R /OpenAction 8 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /Font << /F1 4 0 R >> "
        "/XObject << /Fx 5 0 R >> >> /Contents 7 0 R /AA << /O 8 0 R >> >>",
        font,
        stream_object("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /Font << /F1 4 0 R >> "
                      "/XObject << /Fy 6 0 R >> >> /AA << /PO << /S /JavaScript /JS (app.alert\\(1\\)) >> >>",
                      "BT /F1 12 Tf 20 250 Td (Formulaire externe) Tj ET /Fy Do"),
        stream_object("/Type /XObject /Subtype /Form /BBox [0 0 300 300] /Resources << /Font << /F1 4 0 R >> >> "
                      "/A << /S /Launch /F (calc.exe) >>",
                      "BT /F1 12 Tf 20 200 Td (Formulaire imbrique) Tj ET"),
        stream_object("", "q /Fx Do Q"),
        "<< /S /JavaScript /JS (app.launchURL\\(\"https://example.org\"\\)) >>"}));
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const fs::path output = scratch.path("sortie.pdf");
    place_external_pages(ours, {placement_on(0, hostile, 0)}, output);
    const std::string text = page_text(output, 1);
    EXPECT_NE(text.find("Formulaire externe"), std::string::npos) << text;
    EXPECT_NE(text.find("Formulaire imbrique"), std::string::npos) << text;
    const std::string json = run("qpdf --json=2 --json-stream-data=none " + shell_quote(output));
    EXPECT_NE(json.find("\"/XObject\""), std::string::npos);  // the JSON holds the objects
    for (const char* action : {"/AA", "/JavaScript", "/JS", "/Launch", "/OpenAction", "calc.exe"})
        EXPECT_EQ(json.find(action), std::string::npos) << action;
    int status = 0;
    run("qpdf --check " + shell_quote(output), &status);
    EXPECT_EQ(status, 0);
}

TEST(PlaceExternalPages, ThePageLimitBoundsExternalFilesNotLettrines) {
    Scratch scratch;
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());  // 3 pages
    ImportLimits limits;
    limits.max_pages = 2;
    place_external_pages(ours, {placement_on(1, kFixture, 1)}, scratch.path("sortie.pdf"), limits);
    EXPECT_NE(page_text(scratch.path("sortie.pdf"), 2).find("Deuxième page"), std::string::npos);
    limits.max_pages = 1;
    const LettrineError e =
        error_of([&] { place_external_pages(ours, {placement_on(1, kFixture, 1)}, scratch.path("autre.pdf"), limits); });
    EXPECT_EQ(std::string(e.what()), kFixture.string() + " : ce PDF a trop de pages pour être importé (plus de 1)");
}

TEST(PlaceExternalPages, ACorruptNoteWritesNothingAndNamesTheNote) {
    Scratch scratch;
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const std::string whole = read_file(kFixture);
    const fs::path broken = scratch.write("note-dechets.pdf", whole.substr(0, whole.size() - 200));
    const fs::path output = scratch.path("sortie.pdf");
    const LettrineError e = error_of(
        [&] { place_external_pages(ours, {placement_on(0, kFixture, 0), placement_on(1, broken, 0)}, output); });
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(std::string(e.what()), broken.string() + kDamaged);
    EXPECT_FALSE(fs::exists(output));
}

TEST(PlaceExternalPages, RefusesPagesAndAreasThatDoNotExist) {
    Scratch scratch;
    const fs::path ours = scratch.write("rapport.pdf", lettrine_pdf());
    const fs::path output = scratch.path("sortie.pdf");

    const LettrineError source = error_of([&] { place_external_pages(ours, {placement_on(0, kFixture, 2)}, output); });
    EXPECT_EQ(source.kind(), ErrorKind::Internal);
    EXPECT_EQ(std::string(source.what()),
              kFixture.string() + " : la page demandée (placement 1) n’existe pas dans ce PDF");

    const LettrineError target = error_of([&] { place_external_pages(ours, {placement_on(3, kFixture, 0)}, output); });
    EXPECT_EQ(target.kind(), ErrorKind::Internal);
    EXPECT_EQ(std::string(target.what()), ours.string() + " : une page cible demandée n’existe pas dans ce PDF");

    PagePlacement off_page = placement_on(0, kFixture, 0);
    off_page.height = 900;
    const LettrineError area = error_of([&] { place_external_pages(ours, {off_page}, output); });
    EXPECT_EQ(area.kind(), ErrorKind::Internal);
    EXPECT_EQ(std::string(area.what()), ours.string() + " : la zone du placement 1 est vide ou sort de sa page cible");
    EXPECT_FALSE(fs::exists(output));

    // Lettrine's own PDF unreadable: our bug, not the user's data.
    const fs::path not_ours = scratch.write("faux.pdf", "pas un PDF");
    const LettrineError broken = error_of([&] { place_external_pages(not_ours, {}, output); });
    EXPECT_EQ(broken.kind(), ErrorKind::Internal);
    EXPECT_EQ(std::string(broken.what()), not_ours.string() + " : ce fichier n’est pas un PDF");
}

}  // namespace
}  // namespace lettrine
