// The empty signature fields of a letter: found over the blank space its
// template marks above each signature rule (whichever column's text is
// taller), written as /Sig widgets with an /AcroForm, read back by PoDoFo.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include "pdf/pdf_writer.hpp"
#include "pdf/signature_fields.hpp"

using namespace lettrine;

namespace {

// A line of text: only its baseline and extent matter here.
GlyphRun text_line(double x, double baseline, double width) {
    GlyphRun run;
    run.x = x;
    run.y = baseline;
    run.glyphs.push_back(PlacedGlyph{0, U"x", 0, width});
    return run;
}

Rule rule(double x1, double x2, double y) {
    Rule r;
    r.x1 = x1;
    r.x2 = x2;
    r.y1 = r.y2 = y;
    return r;
}

// Two signature columns, as the letter's template draws them: text lines,
// a 68 pt blank (<espace id>), a rule. `left_lines`, `right_lines`: how many
// lines each column's heading takes.
LaidOutDocument letter(int left_lines, int right_lines, bool with_ids = true) {
    LaidOutDocument d;
    d.pages.resize(1);
    auto& items = d.pages[0].items;
    items.push_back(text_line(60, 100, 400));  // « Fait à Nantes… », across both columns
    const double top = 110, line = 12, blank = 68;
    for (int i = 0; i < left_lines; ++i) items.push_back(text_line(60, top + line * (i + 1), 150));
    items.push_back(rule(60, 280, top + line * left_lines + blank));
    for (int i = 0; i < right_lines; ++i) items.push_back(text_line(315, top + line * (i + 1), 150));
    items.push_back(rule(315, 533, top + line * right_lines + blank));
    items.push_back(rule(60, 533, 800));  // a footer rule, far below
    if (with_ids) {
        d.targets.push_back({"signature-ecossolies", 0, top + line * left_lines});
        d.targets.push_back({"signature-referent", 0, top + line * right_lines});
    }
    return d;
}

// The writer wants fonts for text: each line becomes a filled box in its place.
LaidOutDocument without_text(LaidOutDocument d) {
    for (auto& item : d.pages[0].items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
            Rectangle box;
            box.x = run->x;
            box.y = run->y - 8;
            box.width = run->glyphs.back().advance;
            box.height = 8;
            box.fill = true;
            item = box;
        }
    return d;
}

void expect_fields(const LaidOutDocument& d) {
    const auto fields = pdf::find_signature_fields(d);
    ASSERT_EQ(fields.size(), 2u);
    EXPECT_STREQ(fields[0].spec->field_name, "Signature-Ecossolies");
    EXPECT_DOUBLE_EQ(fields[0].x, 60);
    EXPECT_DOUBLE_EQ(fields[0].width, 220);
    EXPECT_DOUBLE_EQ(fields[0].height, 68);
    EXPECT_STREQ(fields[1].spec->field_name, "Signature-Referent");
    EXPECT_DOUBLE_EQ(fields[1].x, 315);
    EXPECT_DOUBLE_EQ(fields[1].height, 68);
}

}  // namespace

TEST(SignatureFields, EachFieldTakesItsOwnColumnsRuleWhicheverHeadingIsTaller) {
    expect_fields(letter(2, 2));
    expect_fields(letter(2, 3));  // the référent's name wraps: its rule is lower
    expect_fields(letter(3, 2));  // Les Ecossolies' heading is the taller
}

TEST(SignatureFields, NoMarkedBlockNoField) {
    EXPECT_TRUE(pdf::find_signature_fields(letter(2, 2, false)).empty());
    LaidOutDocument lost = letter(2, 2);
    lost.pages[0].items.erase(lost.pages[0].items.begin() + 6);  // the right column's rule
    const auto fields = pdf::find_signature_fields(lost);
    // Les Ecossolies' field keeps its rule; the référent's gets none (the
    // footer rule below has the other rule between): no field rather than
    // one in the wrong place.
    ASSERT_EQ(fields.size(), 1u);
    EXPECT_STREQ(fields[0].spec->field_name, "Signature-Ecossolies");
}

TEST(SignatureFields, WrittenAsEmptySignatureWidgetsWithAnAcroForm) {
    const LaidOutDocument d = without_text(letter(2, 3));
    const std::string bytes = write_pdf(d);
    PoDoFo::PdfMemDocument pdf;
    pdf.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    PoDoFo::PdfObject* form = pdf.GetCatalog()->GetIndirectKey("AcroForm");
    ASSERT_TRUE(form);
    ASSERT_EQ(form->GetIndirectKey("Fields")->GetArray().size(), 2u);
    PoDoFo::PdfPage* page = pdf.GetPage(0);
    ASSERT_EQ(page->GetNumAnnots(), 2);
    const double height = d.pages[0].height;
    for (int i = 0; i < 2; ++i) {
        PoDoFo::PdfAnnotation* widget = page->GetAnnotation(i);
        const PoDoFo::PdfDictionary& dict = widget->GetObject()->GetDictionary();
        EXPECT_EQ(dict.GetKey("FT")->GetName().GetName(), "Sig");
        EXPECT_FALSE(dict.HasKey("V"));  // empty
        EXPECT_TRUE(dict.HasKey("AP"));  // PDF/A: every visible annotation has an appearance
        EXPECT_EQ(dict.GetKey("F")->GetNumber(), 4);
        const PoDoFo::PdfRect rect = widget->GetRect();
        EXPECT_NEAR(rect.GetHeight(), 68, 0.001);
        EXPECT_NEAR(rect.GetBottom(), height - (i == 0 ? 110 + 24 + 68 : 110 + 36 + 68), 0.001);
    }
    EXPECT_EQ(page->GetAnnotation(0)->GetObject()->GetDictionary().GetKey("T")->GetString().GetStringUtf8(),
              "Signature-Ecossolies");
    // A document without marked blocks has no form at all (its bytes are as before).
    LaidOutDocument plain = d;
    plain.targets.clear();
    const std::string plain_bytes = write_pdf(plain);
    EXPECT_EQ(plain_bytes.find("/AcroForm"), std::string::npos);
    EXPECT_EQ(plain_bytes.find("/Widget"), std::string::npos);
}

TEST(SignatureFields, LettersMergedIntoOneFileGetFieldNamesOfTheirOwn) {
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    writer.add(without_text(letter(2, 2)));
    writer.add(without_text(letter(3, 2)));
    writer.finish();
    PoDoFo::PdfMemDocument pdf;
    pdf.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
    std::vector<std::string> names;
    for (int p = 0; p < pdf.GetPageCount(); ++p)
        for (int a = 0; a < pdf.GetPage(p)->GetNumAnnots(); ++a)
            names.push_back(
                pdf.GetPage(p)->GetAnnotation(a)->GetObject()->GetDictionary().GetKey("T")->GetString().GetStringUtf8());
    EXPECT_EQ(names, (std::vector<std::string>{"Signature-Ecossolies", "Signature-Referent", "Signature-Ecossolies-2",
                                               "Signature-Referent-2"}));
}
