// The streamed PDF writer (PdfStreamWriter) and the file syntax under both
// writers: parts written as they come give the bytes of one document, the
// sink receives pages before the end, names and strings are escaped so that
// PoDoFo's parser and poppler read back exactly what was written, images
// and font programs are prepared once per process without changing a byte.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <set>

#include "core/diagnostic.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/image_embedding.hpp"
#include "pdf/pdf_writer.hpp"
#include "pdf_test_support.hpp"

namespace lettrine {
namespace {

using pdf_test::run_command;
using pdf_test::ScratchDirectory;
using pdf_test::text_run;

std::shared_ptr<const Font> serif() { return FontSet::default_set()->get("serif", {}); }
std::shared_ptr<const Font> sans() { return FontSet::default_set()->get("sans", {}); }

std::shared_ptr<const std::string> red_png() {
    static const auto png = std::make_shared<const std::string>(
        pdf_test::make_png(8, 4, [](int x, int) { return pdf_test::Rgba{200, 10, 10, uint8_t(x < 4 ? 255 : 0)}; }));
    return png;
}

std::shared_ptr<const std::string> blue_jpeg() {
    static const auto jpeg = std::make_shared<const std::string>(pdf_test::make_jpeg(16, 16, 10, 10, 200));
    return jpeg;
}

// Two letters: the first with a link, a bookmark and the logo on its second
// page; the second with a bookmark, a photo the first lacks and other text.
LaidOutDocument first_letter() {
    LaidOutDocument letter;
    letter.metadata.title = "Première lettre";
    letter.metadata.creation_date = "D:20160502000000Z";
    LaidOutPage one, two;
    one.items.push_back(text_run(serif(), 11, 72, 100, "Madame, nous avons le plaisir…"));
    one.items.push_back(LinkArea{72, 90, 80, 12, "mailto:contact@ecossolies.example"});
    two.items.push_back(PlacedImage{400, 40, 80, 40, "logo.png", red_png()});
    two.items.push_back(text_run(sans(), 10, 72, 140, "Suite de la lettre"));
    letter.pages = {one, two};
    letter.outline = {{"Lettre 1", 1, 1, 130}};
    return letter;
}

LaidOutDocument second_letter() {
    LaidOutDocument letter;
    letter.metadata.title = "Seconde lettre";
    LaidOutPage page;
    page.items.push_back(PlacedImage{400, 40, 80, 40, "logo.png", red_png()});
    page.items.push_back(PlacedImage{72, 200, 50, 50, "photo.jpg", blue_jpeg()});
    page.items.push_back(text_run(serif(), 11, 72, 100, "Monsieur, œuvres « solidaires » à 15 €"));
    letter.pages = {page};
    letter.outline = {{"Lettre 2", 1, 0, 90}};
    return letter;
}

// What appending the parts gives, as the merge did before streaming.
LaidOutDocument book_of(const std::vector<LaidOutDocument>& parts) {
    LaidOutDocument book;
    book.metadata = parts.front().metadata;
    for (const auto& part : parts) {
        const std::size_t offset = book.pages.size();
        for (auto entry : part.outline) {
            entry.page += offset;
            book.outline.push_back(entry);
        }
        for (const auto& page : part.pages) book.pages.push_back(page);
    }
    return book;
}

std::string streamed(const std::vector<LaidOutDocument>& parts) {
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    for (const auto& part : parts) writer.add(part);
    writer.finish();
    return bytes;
}

TEST(PdfStreamWriter, PartsGiveTheBytesOfOneDocumentOfTheirPages) {
    const std::vector<LaidOutDocument> parts{first_letter(), second_letter(), first_letter()};
    const std::string bytes = streamed(parts);
    EXPECT_TRUE(bytes == write_pdf(book_of(parts)));

    ScratchDirectory scratch;
    const std::string path = scratch.write("book.pdf", bytes);
    int status = -1;
    const std::string report = run_command("qpdf --check '" + path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << report;
    const std::string info = run_command("pdfinfo '" + path + "'");
    EXPECT_NE(info.find("Title:           Première lettre\n"), std::string::npos) << "the first part's metadata";
    EXPECT_NE(info.find("Pages:           5\n"), std::string::npos) << info;
    const std::string text = run_command("pdftotext '" + path + "' -");
    EXPECT_LT(text.find("Madame"), text.find("Monsieur"));
    EXPECT_LT(text.find("Monsieur"), text.rfind("Madame"));
    // Each distinct image once in the whole file: the logo (with its mask)
    // and the photo; pdfimages gives a mask the object number of its image.
    std::set<std::string> objects;
    const std::string list = run_command("pdfimages -list '" + path + "'");
    std::istringstream rows(list);
    std::string row;
    std::getline(rows, row);
    std::getline(rows, row);
    int placements = 0;
    while (std::getline(rows, row)) {
        std::istringstream in(row);
        std::string page, num, type, width, height, color, comp, bpc, enc, interp, object;
        in >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >> object;
        objects.insert(object);
        ++placements;
    }
    EXPECT_EQ(placements, 2 * 3 + 1) << list;
    EXPECT_EQ(objects.size(), 2u) << list;
}

TEST(PdfStreamWriter, OutlineEntriesPointIntoTheirOwnPart) {
    const std::string bytes = streamed({first_letter(), second_letter()});
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfMemDocument pdf;
    pdf.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    PoDoFo::PdfOutlineItem* first = pdf.GetOutlines(false)->First();
    ASSERT_NE(first, nullptr);
    ASSERT_NE(first->Next(), nullptr);
    EXPECT_EQ(first->GetTitle().GetStringUtf8(), "Lettre 1");
    EXPECT_EQ(first->Next()->GetTitle().GetStringUtf8(), "Lettre 2");
    const auto target = [&pdf](PoDoFo::PdfOutlineItem* item) {
        const auto& dest = item->GetObject()->GetDictionary().GetKey("Dest")->GetArray();
        for (int i = 0; i < pdf.GetPageCount(); ++i)
            if (pdf.GetPage(i)->GetObject()->Reference() == dest[0].GetReference()) return i;
        return -1;
    };
    EXPECT_EQ(target(first), 1);
    EXPECT_EQ(target(first->Next()), 2);
}

TEST(PdfStreamWriter, PagesReachTheSinkBeforeTheDocumentEnds) {
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    writer.add(first_letter());
    EXPECT_EQ(writer.page_count(), 2u);
    const std::size_t after_first = bytes.size();
    EXPECT_NE(bytes.find("/Type /Page "), std::string::npos);
    EXPECT_NE(bytes.find("/Subtype /Image"), std::string::npos);
    EXPECT_EQ(bytes.find("/Type /Catalog"), std::string::npos) << "the catalog comes with finish()";
    EXPECT_EQ(bytes.find("/FontFile2"), std::string::npos) << "fonts are subset at the end";
    writer.add(second_letter());
    EXPECT_GT(bytes.size(), after_first);
    writer.finish();
    EXPECT_NE(bytes.find("/Type /Catalog"), std::string::npos);
    EXPECT_EQ(bytes.compare(bytes.size() - 6, 6, "%%EOF\n"), 0);
}

TEST(PdfStreamWriter, NoPagesOrUseAfterTheEndAreInternalErrors) {
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter empty(sink);
    try {
        empty.finish();
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Internal);
        EXPECT_STREQ(error.what(), "le document mis en page ne contient aucune page");
    }

    std::string other;
    pdf::StringSink other_sink(other);
    PdfStreamWriter writer(other_sink);
    writer.add(first_letter());
    writer.finish();
    try {
        writer.add(second_letter());
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Internal);
        EXPECT_STREQ(error.what(), "le PDF ne peut plus recevoir de pages (déjà terminé ou en échec)");
    }
}

TEST(PdfStreamWriter, APartWithAnUnreadableImageIsRejectedBeforeItsPagesAreWritten) {
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    writer.add(first_letter());
    const std::size_t before = bytes.size();
    LaidOutDocument broken = second_letter();
    broken.pages[0].items.push_back(
        PlacedImage{0, 0, 10, 10, "images/cassé.png", std::make_shared<const std::string>("\x89PNG\r\n\x1a\nx")});
    try {
        writer.add(broken);
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Io);
        EXPECT_EQ(error.diagnostics().items().at(0).position.file, "images/cassé.png");
    }
    EXPECT_EQ(bytes.size(), before);
}

TEST(PdfSyntax, NamesAndStringsAreEscapedAndReadBackExactly) {
    LaidOutDocument document = first_letter();
    document.metadata.title = "Budget (révisé) \\ 2016";
    document.metadata.author = "Les Ecossolies (Nantes) \\ ESS";
    document.metadata.subject = "ligne\tsuivante";
    document.pages[0].items.push_back(LinkArea{72, 300, 80, 12, "https://exemple.fr/a(b)\\c d"});
    const std::string bytes = write_pdf(document);
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
    PoDoFo::PdfMemDocument pdf;
    pdf.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    EXPECT_EQ(pdf.GetInfo()->GetTitle().GetStringUtf8(), "Budget (révisé) \\ 2016");
    EXPECT_EQ(pdf.GetInfo()->GetAuthor().GetStringUtf8(), "Les Ecossolies (Nantes) \\ ESS");
    EXPECT_EQ(pdf.GetInfo()->GetSubject().GetStringUtf8(), "ligne\tsuivante");
    PoDoFo::PdfPage* page = pdf.GetPage(0);
    ASSERT_EQ(page->GetNumAnnots(), 2);
    const auto* action = page->GetAnnotation(1)->GetObject()->GetDictionary().GetKey("A");
    ASSERT_NE(action, nullptr);
    EXPECT_EQ(action->GetDictionary().GetKey("URI")->GetString().GetStringUtf8(),
              "https://exemple.fr/a(b)\\c%20d");
}

TEST(PdfSyntax, EveryCodeByteSurvivesTheLiteralStrings) {
    // More than 300 distinct characters: their codes (1, 2, 3...) include
    // the bytes a literal string escapes: 0x0D, 0x28 '(', 0x29 ')', 0x5C '\\'.
    std::string line;
    for (char32_t c = 0x21; c < 0x17F; ++c) {
        if (c >= 0x7F && c < 0xA1) continue;
        if (c == 0xAD) continue;  // soft hyphen: invisible
        std::u32string one(1, c);
        std::string utf8;
        if (c < 0x80) utf8 = std::string(1, static_cast<char>(c));
        else utf8 = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        line += utf8;
    }
    LaidOutDocument document;
    // One run per 40 characters, so that the text stays on the page.
    LaidOutPage page;
    std::vector<std::string> runs;
    std::size_t count = 0;
    std::string run;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t length = (static_cast<unsigned char>(line[i]) < 0x80) ? 1 : 2;
        run += line.substr(i, length);
        i += length;
        if (++count % 40 == 0 || i == line.size()) {
            runs.push_back(run);
            run.clear();
        }
    }
    for (std::size_t r = 0; r < runs.size(); ++r)
        page.items.push_back(text_run(serif(), 10, 40, 60 + 20 * r, runs[r]));
    document.pages.push_back(page);
    ScratchDirectory scratch;
    const std::string path = scratch.write("codes.pdf", write_pdf(document));
    int status = -1;
    const std::string report = run_command("qpdf --check '" + path + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << report;
    const std::string text = run_command("pdftotext -raw '" + path + "' -");
    for (const auto& expected : runs) EXPECT_NE(text.find(expected + "\n"), std::string::npos) << expected << "\n" << text;
}

TEST(PdfSyntax, CreationDatesFollowTheStandardForm) {
    LaidOutDocument document = first_letter();
    for (const char* date : {"D:2016", "D:201605", "D:20160502", "D:2016050209", "D:201605020930",
                             "D:20160502093000", "D:20160502093000Z", "D:20160502093000+01", "D:20160502093000+01'",
                             "D:20160502093000-05'30", "D:20160502093000+01'00'"}) {
        document.metadata.creation_date = date;
        EXPECT_NO_THROW(write_pdf(document)) << date;
    }
    for (const char* date : {"2016-05-02", "D:201", "D:20165", "D:2016050209300", "D:2016050209300000",
                             "D:20160502093000Y", "D:20160502093000Z1", "D:20160502093000+1", "D:20160502093000+01'0",
                             "D:20160502093000+01'00'x", "d:20160502"}) {
        document.metadata.creation_date = date;
        try {
            write_pdf(document);
            ADD_FAILURE() << date << " accepted";
        } catch (const LettrineError& error) {
            EXPECT_EQ(error.kind(), ErrorKind::Data) << date;
        }
    }
}

TEST(PdfImages, EachDistinctImageIsEncodedOncePerProcess) {
    const auto copy = std::make_shared<const std::string>(*red_png());
    std::string problem;
    const auto a = pdf::encode_image(red_png(), problem);
    const auto b = pdf::encode_image(copy, problem);
    ASSERT_NE(a, nullptr) << problem;
    EXPECT_EQ(a, b) << "same bytes in another buffer: the same encoding";
    ASSERT_NE(a->soft_mask, nullptr) << "the transparent half needs a mask";
    EXPECT_NE(a->dictionary.find("/Width 8 /Height 4 /ColorSpace /DeviceRGB"), std::string::npos) << a->dictionary;

    const auto gif = std::make_shared<const std::string>("GIF89a....");
    EXPECT_EQ(pdf::encode_image(gif, problem), nullptr);
    EXPECT_EQ(problem, "format d’image non pris en charge (PNG ou JPEG attendu)");
}

TEST(PdfFonts, SubsetsAreTheSameBeforeAndAfterTheFontIsPreprocessed) {
    // A font no other test uses: its first subsets come from the plain face,
    // later ones from the preprocessed one (after 16 subsets).
    const auto mono = FontSet::default_set()->get("mono", {true, true});
    LaidOutDocument document;
    LaidOutPage page;
    page.items.push_back(text_run(mono, 10, 72, 100, "Lettrine : « coopération » à 15 €"));
    document.pages.push_back(page);
    const std::string first = write_pdf(document);
    for (int i = 0; i < 24; ++i) ASSERT_TRUE(write_pdf(document) == first) << "write " << i + 2;
}

TEST(PdfFonts, TheSameGlyphsInAnyOrderShareOneSubset) {
    const auto font = FontSet::default_set()->get("sans", {false, true});
    const auto program = pdf::font_program_for(font);
    const uint32_t a = font->glyph_for(U'a'), e = font->glyph_for(U'é'), z = font->glyph_for(U'z');
    const auto first = pdf::subset_program(*font, *program, {0, a, e, z}, {U'a', U'é', U'z'});
    const auto again = pdf::subset_program(*font, *program, {z, 0, e, a, e}, {U'z', U'é', U'a'});
    EXPECT_EQ(first, again) << "one subset for one set of glyphs";
    const auto more = pdf::subset_program(*font, *program, {0, a, e, z, font->glyph_for(U'€')}, {U'a'});
    EXPECT_NE(first, more);
    EXPECT_NE(first->deflated, more->deflated);
    // hb-subset keeps the glyphs' order: .notdef, then a, z, é by original number.
    EXPECT_EQ(first->new_glyph(0), 0);
    EXPECT_GT(first->new_glyph(a), 0);
    EXPECT_EQ(first->new_glyph(font->glyph_for(U'€')), 0) << "absent: .notdef";
    EXPECT_EQ(first->new_glyph(a) < first->new_glyph(z), a < z);
    EXPECT_EQ(first->new_glyph(e) < first->new_glyph(z), e < z);
}

}  // namespace
}  // namespace lettrine
