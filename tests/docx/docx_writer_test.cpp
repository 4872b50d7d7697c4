// The DOCX writer on small trees: reproducible bytes, images refused with
// their position, the package's parts as Word looks them up. The structure
// of real letters is read back by python-docx in check_docx.py.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "docx/docx_writer.hpp"
#include "markup/markup_parser.hpp"

using namespace lettrine;

namespace {

const char* const kMarkup = R"(<document titre="Essai" lang="fr-FR" date="2016-01-15">
  <pied><p align="centre">page <numero-page/> sur <nombre-pages/></p></pied>
  <titre niveau="1">Titre : premier</titre>
  <p align="justifie">Un « texte » de 15 000 € avec <b>gras</b>, <exposant>er</exposant> et <lien href="https://ecossolies.fr">un lien</lien>.</p>
  <liste><element>un<liste type="numeros"><element>deux</element></liste></element></liste>
</document>)";

EditableInputs inputs() {
    EditableInputs in;
    in.image_directory = LETTRINE_SOURCE_DIR "/templates";
    return in;
}

// The central directory's file names, in order (a ZIP's entries as readers list them).
std::vector<std::string> entry_names(const std::string& zip) {
    std::vector<std::string> names;
    for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos; at = zip.find("PK\x01\x02", at + 4)) {
        const auto u16 = [&](std::size_t o) {
            return static_cast<std::size_t>(static_cast<unsigned char>(zip[at + o]) |
                                            static_cast<unsigned char>(zip[at + o + 1]) << 8);
        };
        names.push_back(zip.substr(at + 46, u16(28)));
    }
    return names;
}

}  // namespace

TEST(DocxWriter, SameTreeGivesSameBytes) {
    const Document document = parse_markup(kMarkup, "essai.xml");
    EXPECT_EQ(docx_bytes(document, inputs()), docx_bytes(document, inputs()));
}

TEST(DocxWriter, PartsAreThoseWordLooksUp) {
    const std::vector<std::string> names = entry_names(docx_bytes(parse_markup(kMarkup, "essai.xml"), inputs()));
    const std::vector<std::string> expected = {
        "[Content_Types].xml", "_rels/.rels",        "docProps/core.xml",   "docProps/app.xml",
        "word/document.xml",   "word/styles.xml",    "word/numbering.xml",  "word/settings.xml",
        "word/fontTable.xml",  "word/footer1.xml",    "word/_rels/document.xml.rels"};
    EXPECT_EQ(names, expected);
}

TEST(DocxWriter, MissingImagesAreErrorsAtTheirElements) {
    const Document document = parse_markup(R"(<document>
  <p>Avant</p>
  <image src="absent.png" largeur="20mm" alt="Logo"/>
  <position x="20mm" y="20mm" largeur="60mm"><image src="autre-absent.png" largeur="20mm" alt="Logo"/></position>
  <p>Après</p>
</document>)", "images.xml");
    try {
        docx_bytes(document, inputs());
        FAIL() << "a missing image must stop the writer";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Template);
        ASSERT_EQ(e.diagnostics().error_count(), 2u);
        EXPECT_NE(e.diagnostics().items()[0].describe().find("images.xml:3:"), std::string::npos);
        EXPECT_NE(e.diagnostics().items()[0].message.find("absent.png"), std::string::npos);
        // The positioned block's image is reported once, though its box's height looks it up too.
        EXPECT_NE(e.diagnostics().items()[1].describe().find("images.xml:4:"), std::string::npos);
    }
}
