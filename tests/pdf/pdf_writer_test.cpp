// The PDF writer, checked by reading its files back with independent tools:
// qpdf (structure), poppler (fonts, text, word boxes, images, rendering),
// pdfminer (exact extracted characters), PoDoFo's parser (catalog, outline,
// annotations).
#include "pdf/pdf_writer.hpp"

#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "core/diagnostic.hpp"
#include "pdf_test_support.hpp"

namespace lettrine {
namespace {

using pdf_test::justified_run;
using pdf_test::run_command;
using pdf_test::ScratchDirectory;
using pdf_test::text_run;

std::shared_ptr<const Font> serif() { return FontSet::default_set()->get("serif", {}); }
std::shared_ptr<const Font> serif_italic() { return FontSet::default_set()->get("serif", {false, true}); }
std::shared_ptr<const Font> sans_bold() { return FontSet::default_set()->get("sans", {true, false}); }

LaidOutDocument one_page(std::vector<PageItem> items) {
    LaidOutDocument document;
    LaidOutPage page;
    page.items = std::move(items);
    document.pages.push_back(std::move(page));
    return document;
}

// Writes the document, checks qpdf finds nothing wrong, returns the file's path.
std::string write_checked(const LaidOutDocument& document, const ScratchDirectory& scratch,
                          const std::string& name = "out.pdf") {
    const std::string path = scratch.write(name, write_pdf(document));
    int status = -1;
    const std::string report = run_command("qpdf --check '" + path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << report;
    return path;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Parsed with PoDoFo; `bytes` must outlive the document (streams are read lazily).
std::unique_ptr<PoDoFo::PdfMemDocument> parse(const std::string& bytes) {
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    auto document = std::make_unique<PoDoFo::PdfMemDocument>();
    document->LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    return document;
}

std::string utf8_of(const PoDoFo::PdfObject* object) {
    return object ? object->GetString().GetStringUtf8() : std::string("(absent)");
}

TEST(PdfWriter, EmbedsEveryFontAsSubsetCidTrueTypeIdentityH) {
    ScratchDirectory scratch;
    const auto document = one_page({text_run(serif(), 12, 72, 100, "Appel à projets 2016"),
                                    text_run(sans_bold(), 18, 72, 140, "Économie sociale"),
                                    text_run(serif_italic(), 10, 72, 180, "et solidaire")});
    const std::string path = write_checked(document, scratch);

    const auto lines = lines_of(run_command("pdffonts '" + path + "'"));
    ASSERT_EQ(lines.size(), 5u) << "two header lines and three fonts";
    const std::regex row(R"(([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s+\d+\s+0)");
    std::set<std::string> names, tags;
    for (std::size_t i = 2; i < lines.size(); ++i) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(lines[i], m, row)) << lines[i];
        tags.insert(m[1].str());
        names.insert(m[2].str());
    }
    EXPECT_EQ(names, (std::set<std::string>{"LiberationSerif", "LiberationSans-Bold", "LiberationSerif-Italic"}));
    EXPECT_EQ(tags.size(), 3u);
    // Subsets, not whole fonts (Liberation Serif alone is over 300 KB).
    EXPECT_LT(boost::filesystem::file_size(path), 40000u);
}

TEST(PdfWriter, TextExtractsExactlyIncludingNoBreakSpaces) {
    ScratchDirectory scratch;
    const std::string line = "Économie : 12\u202F€, « cœur\u00A0» !";
    const std::string path = write_checked(one_page({text_run(serif(), 12, 72, 100, line)}), scratch);

    // pdfminer keeps U+202F and U+00A0 as they are.
    const auto mined = lines_of(run_command("/usr/bin/pdf2txt '" + path + "' 2>/dev/null"));
    ASSERT_FALSE(mined.empty());
    EXPECT_EQ(mined[0], line);
    // poppler turns both into plain spaces.
    const std::string popped = run_command("pdftotext -layout '" + path + "' -");
    EXPECT_NE(popped.find("Économie : 12 €, « cœur »"), std::string::npos) << popped;
}

TEST(PdfWriter, CharactersSharingAGlyphKeepTheirOwnText) {
    // The layout may draw a no-break space with the space glyph, narrower:
    // each (glyph, text) pair has its own code, hence its own ToUnicode entry.
    ScratchDirectory scratch;
    const auto font = serif();
    GlyphRun run = text_run(font, 12, 72, 100, "a b\u00A0c\u202Fd");
    run.glyphs[3].glyph = font->glyph_for(U' ');
    run.glyphs[5].glyph = font->glyph_for(U' ');
    // A ligature glyph standing for two characters.
    GlyphRun ligature = text_run(font, 12, 72, 130, "x");
    ligature.glyphs[0].glyph = font->glyph_for(U'\uFB01');
    ligature.glyphs[0].text = U"fi";
    ASSERT_NE(ligature.glyphs[0].glyph, 0u);
    const std::string path = write_checked(one_page({run, ligature}), scratch);

    const auto mined = lines_of(run_command("/usr/bin/pdf2txt '" + path + "' 2>/dev/null"));
    ASSERT_GE(mined.size(), 3u);
    EXPECT_EQ(mined[0], "a b\u00A0c\u202Fd");
    EXPECT_EQ(mined[2], "fi");
}

TEST(PdfWriter, WordBoxesSitWhereTheRunsArePlaced) {
    ScratchDirectory scratch;
    const auto font = serif();
    LaidOutDocument document = one_page({text_run(font, 12, 72, 100, "Nantes"),
                                         text_run(font, 20, 310.5, 700.25, "Rezé")});
    LaidOutPage landscape;
    landscape.width = 595.276;
    landscape.height = 419.528;  // A5 landscape
    landscape.items.push_back(text_run(font, 10, 40, 400, "Saint-Herblain"));
    document.pages.push_back(landscape);
    const std::string path = write_checked(document, scratch);

    const auto boxes = pdf_test::word_boxes(path);
    ASSERT_EQ(boxes.size(), 3u);
    const double ascent = double(font->ascender()) / font->units_per_em();
    const double descent = double(font->descender()) / font->units_per_em();
    const struct { const char* text; double x, y, size; } expected[] = {
        {"Nantes", 72, 100, 12}, {"Rezé", 310.5, 700.25, 20}, {"Saint-Herblain", 40, 400, 10}};
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(expected[i].text);
        EXPECT_EQ(boxes[i].text, expected[i].text);
        EXPECT_NEAR(boxes[i].x_min, expected[i].x, 0.05);
        EXPECT_NEAR(boxes[i].y_min, expected[i].y - ascent * expected[i].size, 0.05);
        EXPECT_NEAR(boxes[i].y_max, expected[i].y - descent * expected[i].size, 0.05);
    }
}

TEST(PdfWriter, JustifiedRunKeepsEveryWordWhereItWasPlaced) {
    ScratchDirectory scratch;
    const auto font = serif();
    const GlyphRun run =
        justified_run(font, 11, 72, 120, "Les Écossolies accompagnent les projets de territoire", 451);
    const std::string path = write_checked(one_page({run}), scratch);

    const auto boxes = pdf_test::word_boxes(path);
    ASSERT_EQ(boxes.size(), 7u);
    std::vector<double> starts;
    bool word_start = true;
    for (const auto& g : run.glyphs) {
        if (g.text == U" ") {
            word_start = true;
        } else if (word_start) {
            starts.push_back(run.x + g.x);
            word_start = false;
        }
    }
    ASSERT_EQ(starts.size(), 7u);
    for (std::size_t i = 0; i < 7; ++i) EXPECT_NEAR(boxes[i].x_min, starts[i], 0.05) << boxes[i].text;
    EXPECT_NEAR(boxes.back().x_max, 72 + 451, 0.05);
}

TEST(PdfWriter, PageSizesAndInformationDictionary) {
    ScratchDirectory scratch;
    LaidOutDocument document = one_page({text_run(serif(), 12, 72, 100, "Bonjour")});
    LaidOutPage small;
    small.width = 419.528;
    small.height = 595.276;
    document.pages.push_back(small);
    document.metadata.title = "Appel à projets « Économie sociale » 2016";
    document.metadata.author = "Les Écossolies";
    document.metadata.subject = "Sélection des lauréats";
    document.metadata.keywords = "ESS, Nantes";
    document.metadata.creation_date = "D:20151201093000+01'00'";
    const std::string path = write_checked(document, scratch);

    const std::string info = run_command("pdfinfo -isodates -f 1 -l 2 '" + path + "'");
    EXPECT_NE(info.find("Title:           Appel à projets « Économie sociale » 2016\n"), std::string::npos) << info;
    EXPECT_NE(info.find("Author:          Les Écossolies\n"), std::string::npos);
    EXPECT_NE(info.find("Subject:         Sélection des lauréats\n"), std::string::npos);
    EXPECT_NE(info.find("Keywords:        ESS, Nantes\n"), std::string::npos);
    EXPECT_NE(info.find("Creator:         Lettrine\n"), std::string::npos);
    EXPECT_NE(info.find("Producer:        Lettrine\n"), std::string::npos);
    EXPECT_NE(info.find("CreationDate:    2015-12-01T09:30:00+01\n"), std::string::npos);
    EXPECT_NE(info.find("ModDate:         2015-12-01T09:30:00+01\n"), std::string::npos);
    EXPECT_NE(info.find("Pages:           2\n"), std::string::npos);
    EXPECT_NE(info.find("Page    1 size:  595.276 x 841.89 pts (A4)\n"), std::string::npos);
    EXPECT_NE(info.find("Page    2 size:  419.528 x 595.276 pts\n"), std::string::npos) << info;

    // No date in the data: no date in the file (never the clock).
    document.metadata.creation_date.clear();
    const std::string undated = run_command("pdfinfo '" + write_checked(document, scratch, "undated.pdf") + "'");
    EXPECT_EQ(undated.find("CreationDate"), std::string::npos) << undated;
    EXPECT_EQ(undated.find("ModDate"), std::string::npos);
}

TEST(PdfWriter, CatalogHasLanguageAndDisplaysTheTitle) {
    LaidOutDocument document = one_page({text_run(serif(), 12, 72, 100, "Bonjour")});
    const std::string bytes = write_pdf(document);
    auto pdf = parse(bytes);
    const PoDoFo::PdfDictionary& catalog = pdf->GetCatalog()->GetDictionary();
    EXPECT_EQ(utf8_of(catalog.GetKey("Lang")), "fr-FR");
    const PoDoFo::PdfObject* preferences = catalog.GetKey("ViewerPreferences");
    ASSERT_NE(preferences, nullptr);
    ASSERT_TRUE(preferences->GetDictionary().HasKey("DisplayDocTitle"));
    EXPECT_TRUE(preferences->GetDictionary().GetKey("DisplayDocTitle")->GetBool());

    document.metadata.language = "br-FR";
    const std::string breton_bytes = write_pdf(document);
    auto breton = parse(breton_bytes);
    EXPECT_EQ(utf8_of(breton->GetCatalog()->GetDictionary().GetKey("Lang")), "br-FR");
}

TEST(PdfWriter, OutlineIsNestedByLevelAndPointsAtPageAndHeight) {
    ScratchDirectory scratch;
    LaidOutDocument document = one_page({text_run(serif(), 12, 72, 100, "Un")});
    document.pages.push_back(document.pages[0]);
    document.outline = {{"Présentation", 1, 0, 72}, {"Objectifs", 2, 0, 300},
                        {"Calendrier", 2, 1, 100},   {"Annexes", 1, 1, 500}};
    const std::string path = write_checked(document, scratch);
    const std::string bytes = run_command("cat '" + path + "'");
    auto pdf = parse(bytes);

    PoDoFo::PdfOutlines* outlines = pdf->GetOutlines(false);
    ASSERT_NE(outlines, nullptr);
    EXPECT_EQ(outlines->GetObject()->GetDictionary().GetKey("Count")->GetNumber(), 4);
    PoDoFo::PdfOutlineItem* first = outlines->First();
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->GetTitle().GetStringUtf8(), "Présentation");
    EXPECT_EQ(first->GetObject()->GetDictionary().GetKey("Count")->GetNumber(), 2);
    ASSERT_NE(first->First(), nullptr);
    EXPECT_EQ(first->First()->GetTitle().GetStringUtf8(), "Objectifs");
    ASSERT_NE(first->First()->Next(), nullptr);
    PoDoFo::PdfOutlineItem* calendar = first->First()->Next();
    EXPECT_EQ(calendar->GetTitle().GetStringUtf8(), "Calendrier");
    EXPECT_EQ(calendar->Next(), nullptr);
    ASSERT_NE(first->Next(), nullptr);
    EXPECT_EQ(first->Next()->GetTitle().GetStringUtf8(), "Annexes");
    EXPECT_EQ(first->Next()->Next(), nullptr);
    EXPECT_EQ(outlines->Last(), first->Next());

    // "Calendrier": page 2, 100 pt from the top of an 841.89 pt page.
    const PoDoFo::PdfArray& destination = calendar->GetObject()->GetDictionary().GetKey("Dest")->GetArray();
    ASSERT_EQ(destination.size(), 5u);
    EXPECT_EQ(destination[0].GetReference(), pdf->GetPage(1)->GetObject()->Reference());
    EXPECT_EQ(destination[1].GetName().GetName(), "XYZ");
    EXPECT_NEAR(destination[3].GetReal(), 841.89 - 100, 1e-6);
}

TEST(PdfWriter, LinkAreasBecomeUriAnnotations) {
    ScratchDirectory scratch;
    LinkArea mail{72, 100, 150, 14, "mailto:contact@ecossolies.fr"};
    LinkArea site{72, 130, 200, 14, "https://www.ecossolies.fr/appel-à-projets"};
    const std::string path =
        write_checked(one_page({text_run(serif(), 12, 72, 110, "contact@ecossolies.fr"), mail, site}), scratch);

    const std::string urls = run_command("pdfinfo -url '" + path + "'");
    EXPECT_NE(urls.find("   1  Annotation    mailto:contact@ecossolies.fr\n"), std::string::npos) << urls;
    EXPECT_NE(urls.find("   1  Annotation    https://www.ecossolies.fr/appel-%C3%A0-projets\n"),
              std::string::npos)
        << urls;

    const std::string bytes = run_command("cat '" + path + "'");
    auto pdf = parse(bytes);
    PoDoFo::PdfPage* page = pdf->GetPage(0);
    ASSERT_EQ(page->GetNumAnnots(), 2);
    PoDoFo::PdfAnnotation* annotation = page->GetAnnotation(0);
    EXPECT_EQ(annotation->GetType(), PoDoFo::ePdfAnnotation_Link);
    const PoDoFo::PdfRect rect = annotation->GetRect();
    EXPECT_NEAR(rect.GetLeft(), 72, 1e-6);
    EXPECT_NEAR(rect.GetBottom(), 841.89 - 114, 1e-6);
    EXPECT_NEAR(rect.GetWidth(), 150, 1e-6);
    EXPECT_NEAR(rect.GetHeight(), 14, 1e-6);
    EXPECT_FALSE(annotation->GetObject()->GetDictionary().HasKey("M")) << "no modification date (no clock)";
}

TEST(PdfWriter, ImagesRenderWithTransparencyAndAreEmbeddedOnce) {
    ScratchDirectory scratch;
    // A logo: left half opaque red, right half fully transparent.
    const auto logo = std::make_shared<const std::string>(pdf_test::make_png(
        16, 8, [](int x, int) { return x < 8 ? pdf_test::Rgba{220, 20, 30, 255} : pdf_test::Rgba{0, 0, 0, 0}; }));
    const auto logo_copy = std::make_shared<const std::string>(*logo);  // same bytes, read twice
    const auto photo = std::make_shared<const std::string>(pdf_test::make_jpeg(32, 32, 20, 40, 200));

    LaidOutDocument document;
    for (int i = 0; i < 3; ++i) {
        LaidOutPage page;
        page.items.push_back(PlacedImage{100, 100, 160, 80, "logo.png", i == 2 ? logo_copy : logo});
        if (i == 0) page.items.push_back(PlacedImage{300, 100, 100, 100, "photo.jpg", photo});
        document.pages.push_back(page);
    }
    const std::string path = write_checked(document, scratch);

    // page num type width height color comp bpc enc interp object ID ...
    const auto rows = lines_of(run_command("pdfimages -list '" + path + "'"));
    ASSERT_EQ(rows.size(), 2u + 3 + 3 + 1) << "3 logos, each with its soft mask, and a photo";
    std::set<std::string> logo_objects, mask_objects;
    int jpegs = 0;
    for (std::size_t i = 2; i < rows.size(); ++i) {
        std::istringstream in(rows[i]);
        std::string page, num, type, width, height, color, comp, bpc, enc, interp, object;
        in >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >> object;
        if (type == "image" && enc == "jpeg") {
            ++jpegs;
            EXPECT_EQ(color + " " + width + "x" + height, "rgb 32x32");
        } else if (type == "image") {
            EXPECT_EQ(color + " " + width + "x" + height, "rgb 16x8");
            logo_objects.insert(object);
        } else {
            EXPECT_EQ(type + " " + color, "smask gray");
            mask_objects.insert(object);
        }
    }
    EXPECT_EQ(jpegs, 1);
    EXPECT_EQ(logo_objects.size(), 1u) << "the same logo on three pages is one image object";
    EXPECT_EQ(mask_objects.size(), 1u);

    int status = -1;
    run_command("pdftoppm -r 72 -f 1 -l 1 '" + path + "' '" + scratch.path("page") + "' 2>&1", &status);
    ASSERT_EQ(status, 0);
    const auto raster = pdf_test::read_ppm(scratch.path("page-1.ppm"));
    const auto red = raster.at(140, 140), clear = raster.at(230, 140), blue = raster.at(350, 150);
    EXPECT_GT(red.r, 200);
    EXPECT_LT(red.g, 60);
    EXPECT_GT(clear.r, 250) << "transparent half shows the white page";
    EXPECT_GT(clear.g, 250);
    EXPECT_LT(blue.r, 60);
    EXPECT_GT(blue.b, 170);
}

TEST(PdfWriter, OpaquePngNeedsNoSoftMask) {
    ScratchDirectory scratch;
    const auto opaque = std::make_shared<const std::string>(pdf_test::make_png(
        4, 4, [](int x, int y) { return pdf_test::Rgba{uint8_t(60 * x), uint8_t(60 * y), 100, 255}; }));
    const std::string path = write_checked(one_page({PlacedImage{10, 10, 40, 40, "carré.png", opaque}}), scratch);
    const auto rows = lines_of(run_command("pdfimages -list '" + path + "'"));
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_NE(rows[2].find(" image       4     4  rgb     3   8  image  no "), std::string::npos) << rows[2];
}

TEST(PdfWriter, RulesRectanglesUnderlinesAndColours) {
    ScratchDirectory scratch;
    Rectangle box;
    box.x = 50;
    box.y = 50;
    box.width = 100;
    box.height = 50;
    box.fill = true;
    box.fill_color = {0.1, 0.7, 0.2};
    box.stroke_width = 2;
    box.stroke_color = {0, 0, 0};
    Rule rule{50, 200, 300, 200, 4, {0.9, 0.1, 0.1}};
    GlyphRun underlined = text_run(sans_bold(), 30, 50, 300, "Souligné");
    underlined.underline = true;
    underlined.color = {0.1, 0.2, 0.9};
    const std::string path = write_checked(one_page({box, rule, underlined}), scratch);

    int status = -1;
    run_command("pdftoppm -r 72 '" + path + "' '" + scratch.path("page") + "' 2>&1", &status);
    ASSERT_EQ(status, 0);
    const auto raster = pdf_test::read_ppm(scratch.path("page-1.ppm"));
    const auto inside = raster.at(100, 75), edge = raster.at(50, 75), line = raster.at(175, 200);
    EXPECT_LT(inside.r, 60);
    EXPECT_GT(inside.g, 150);
    EXPECT_LT(edge.r + edge.g + edge.b, 100) << "black stroke";
    EXPECT_GT(line.r, 200);
    EXPECT_LT(line.g, 60);
    // The underline: a blue stroke a few points below the baseline, under
    // the whole run, even between letters.
    int underline_rows = 0;
    for (int y = 301; y < 310; ++y) {
        bool full = true;
        for (int x = 52; x < 160; ++x) {
            const auto p = raster.at(x, y);
            full = full && p.b > 150 && p.r < 120;
        }
        underline_rows += full;
    }
    EXPECT_GE(underline_rows, 1);
    // The glyphs themselves are blue too: some pixel of the "S".
    bool blue_text = false;
    for (int y = 280; y < 300 && !blue_text; ++y)
        for (int x = 50; x < 70 && !blue_text; ++x) {
            const auto p = raster.at(x, y);
            blue_text = p.b > 150 && p.r < 100;
        }
    EXPECT_TRUE(blue_text);
}

TEST(PdfWriter, OutputIsDeterministicAndItsIdDependsOnTheContent) {
    LaidOutDocument document = one_page({text_run(serif(), 12, 72, 100, "Déterministe")});
    document.metadata.title = "Titre";
    document.metadata.creation_date = "D:20151201000000Z";
    document.outline = {{"Titre", 1, 0, 90}};
    document.pages[0].items.push_back(LinkArea{72, 90, 50, 12, "https://www.ecossolies.fr"});
    const std::string first = write_pdf(document);
    EXPECT_EQ(write_pdf(document), first);
    EXPECT_EQ(first.find("PoDoFo"), std::string::npos) << "no library name or version in the file";

    const std::regex id(R"(/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\])");
    std::smatch a, b;
    ASSERT_TRUE(std::regex_search(first, a, id));
    EXPECT_EQ(a[1].str(), a[2].str());
    document.pages[0].items[0] = text_run(serif(), 12, 72, 100, "Déterministes");
    const std::string second = write_pdf(document);
    ASSERT_TRUE(std::regex_search(second, b, id));
    EXPECT_NE(a[1].str(), b[1].str()) << "same metadata, different content: different /ID";
}

TEST(PdfWriter, ConcurrentWritesSharingFontsGiveTheSequentialBytes) {
    std::vector<LaidOutDocument> documents;
    for (int i = 0; i < 4; ++i) {
        LaidOutDocument document;
        for (int p = 0; p < 5; ++p) {
            LaidOutPage page;
            for (int l = 0; l < 20; ++l)
                page.items.push_back(text_run(l % 2 ? serif() : sans_bold(), 10, 72, 80 + 14 * l,
                                              "Lettre " + std::to_string(i) + ", ligne " + std::to_string(l) +
                                                  " : « coopération »"));
            document.pages.push_back(page);
        }
        documents.push_back(document);
    }
    std::vector<std::string> sequential;
    for (const auto& d : documents) sequential.push_back(write_pdf(d));
    std::vector<std::string> concurrent(documents.size());
    std::thread other([&] {
        for (std::size_t i = 0; i < documents.size(); i += 2) concurrent[i] = write_pdf(documents[i]);
    });
    for (std::size_t i = 1; i < documents.size(); i += 2) concurrent[i] = write_pdf(documents[i]);
    other.join();
    EXPECT_EQ(concurrent, sequential);
}

TEST(PdfWriter, EveryUnreadableImageIsReportedWithItsPath) {
    LaidOutDocument document;
    LaidOutPage page;
    const auto broken_png = std::make_shared<const std::string>(std::string("\x89PNG\r\n\x1a\n", 8) + "garbage");
    const auto gif = std::make_shared<const std::string>("GIF89a....");
    page.items.push_back(PlacedImage{0, 0, 10, 10, "images/cassé.png", broken_png});
    page.items.push_back(PlacedImage{0, 20, 10, 10, "images/logo.gif", gif});
    page.items.push_back(PlacedImage{0, 40, 10, 10, "images/logo.gif", gif});  // reported once
    document.pages.push_back(page);
    try {
        write_pdf(document);
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Io);
        const auto& items = error.diagnostics().items();
        ASSERT_EQ(items.size(), 2u);
        EXPECT_EQ(items[0].position.file, "images/cassé.png");
        EXPECT_EQ(items[0].message.rfind("image PNG illisible (", 0), 0u) << items[0].message;
        EXPECT_EQ(items[1].position.file, "images/logo.gif");
        EXPECT_EQ(items[1].message, "format d’image non pris en charge (PNG ou JPEG attendu)");
    }
}

TEST(PdfWriter, InconsistentDocumentsAreRejectedWithTheReason) {
    LaidOutDocument document = one_page({text_run(serif(), 12, 72, 100, "Un")});
    document.outline = {{"Annexes", 1, 2, 0}};
    try {
        write_pdf(document);
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Internal);
        EXPECT_STREQ(error.what(), "le signet « Annexes » renvoie à la page 3, au-delà de la dernière");
    }

    document.outline.clear();
    document.metadata.creation_date = "2015-12-01";
    try {
        write_pdf(document);
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Data);
        EXPECT_STREQ(error.what(),
                     "date de création « 2015-12-01 » invalide : le format attendu est D:AAAAMMJJHHmmSS");
    }
}

}  // namespace
}  // namespace lettrine
