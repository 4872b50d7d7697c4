// Issue 16: data text printed as written. The template escapes data
// (« & » -> « &amp; »); the markup's own entity names (&nbsp;, &nnbsp;) were
// resolved on text pugixml had already decoded, so « Tom &amp; Jerry » typed
// in a cell failed the batch as an unknown entity, blamed on the template,
// and « &nbsp; » typed in a cell became a no-break space.
#include <gtest/gtest.h>

#include <variant>

#include "core/diagnostic.hpp"
#include "markup/entities.hpp"
#include "markup/markup_parser.hpp"

using namespace lettrine;

namespace {

// The text of the document's first paragraph.
std::string first_paragraph_text(const std::string& body) {
    const Document doc = parse_markup("<document>" + body + "</document>", "lettre.xml");
    const auto& paragraph = std::get<Paragraph>(doc.body.at(0).content);
    std::string text;
    for (const Inline& i : paragraph.inlines) text += i.text;
    return text;
}

std::string errors_of(const std::string& xml) {
    try {
        parse_markup(xml, "lettre.xml");
    } catch (const LettrineError& e) {
        std::string text;
        for (const Diagnostic& d : e.diagnostics().items()) text += d.describe() + "\n";
        return text;
    }
    return "(aucune erreur)";
}

}  // namespace

TEST(MarkupEntities, EscapedDataIsPrintedAsWritten) {
    // What the template writes for the cells « Tom &amp; Jerry », « &nbsp; », « &eacute; ».
    EXPECT_EQ(first_paragraph_text("<p>Tom &amp;amp; Jerry</p>"), "Tom &amp; Jerry");
    EXPECT_EQ(first_paragraph_text("<p>a&amp;nbsp;b</p>"), "a&nbsp;b");
    EXPECT_EQ(first_paragraph_text("<p>&amp;eacute; &amp;nnbsp;</p>"), "&eacute; &nnbsp;");
    EXPECT_EQ(first_paragraph_text("<p>&lt;b&gt; &#38; &#x26;</p>"), "<b> & &");
}

TEST(MarkupEntities, TheMarkupsOwnNamesStillWork) {
    EXPECT_EQ(first_paragraph_text("<p>a&nbsp;b&nnbsp;c</p>"), "a\u00A0b\u202Fc");
    EXPECT_EQ(first_paragraph_text("<p><b>x&nbsp;</b>y</p>"), "x\u00A0y");
    // A CDATA section is literal text, as XML says.
    EXPECT_EQ(first_paragraph_text("<p><![CDATA[a&nbsp;b]]></p>"), "a&nbsp;b");
    EXPECT_EQ(errors_of("<document>\n<p>x</p>\n<p>a&eacute;</p></document>"),
              "lettre.xml:3:4 : l’entité « &eacute; » est inconnue (utilisez &#160; pour une espace insécable, "
              "&#8239; pour une espace fine insécable)\n");
}

TEST(MarkupEntities, OnlyCharacterDataIsRewrittenAndOffsetsStay) {
    std::vector<UnknownEntity> unknown;
    const std::string xml =
        "<!DOCTYPE d [<!ENTITY x \"&nbsp;\">]><d a=\"&nbsp;\"><!-- &nbsp; &zz; --><?pi &nbsp;?>&nbsp;&nnbsp;&zz;</d>";
    const std::string out = resolve_html_entities(xml, unknown);
    EXPECT_EQ(out.size(), xml.size());
    EXPECT_EQ(out, "<!DOCTYPE d [<!ENTITY x \"&nbsp;\">]><d a=\"&nbsp;\"><!-- &nbsp; &zz; --><?pi &nbsp;?>&#160;&#8239;&zz;</d>");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0].name, "zz");
}
