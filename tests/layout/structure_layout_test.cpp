// Table of contents, page references, bookmarks, odd-page breaks, reserved
// pages and pages without header and footer, checked on the laid-out pages.
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "layout_test_support.hpp"

using namespace lettrine;
using namespace lettrine::testing;

namespace {

const std::string kFooter = "<pied><p align=\"centre\">Page <numero-page/> / <nombre-pages/></p></pied>";

std::string paragraphs(int n, const std::string& text = "Paragraphe de remplissage.") {
    std::string out;
    for (int k = 0; k < n; ++k) out += "<p>" + text + " " + std::to_string(k) + "</p>";
    return out;
}

// 1-based number of the page whose lines include `text` exactly, 0 if none.
int page_of(const LaidOutDocument& doc, const std::string& text) {
    for (std::size_t p = 0; p < doc.pages.size(); ++p)
        for (const std::string& line : line_texts(doc.pages[p]))
            if (line == text) return static_cast<int>(p) + 1;
    return 0;
}

bool has_text(const LaidOutPage& page, const std::string& text) {
    for (const std::string& line : line_texts(page))
        if (line.find(text) != std::string::npos) return true;
    return false;
}

// The contents entry that starts with `title`: the number at its end.
int contents_number(const LaidOutPage& page, const std::string& title) {
    for (const std::string& line : line_texts(page))
        if (line.rfind(title, 0) == 0 && line.size() > title.size() && line.back() >= '0' && line.back() <= '9') {
            const std::size_t digits = line.find_last_not_of("0123456789");
            return std::stoi(line.substr(digits + 1));
        }
    return -1;
}

}  // namespace

TEST(StructureLayout, ContentsNumbersAreThePagesOfTheHeadings) {
    const LaidOutDocument doc = lay_out("<document>" + kFooter +
                                        "<titre sommaire=\"non\">Sommaire</titre><table-matieres/>"
                                        "<saut-page/><titre>Premier chapitre</titre>" + paragraphs(60) +
                                        "<titre niveau=\"2\">Une section</titre>" + paragraphs(50) +
                                        "<titre niveau=\"3\">Pas au sommaire</titre>"
                                        "<titre>Second chapitre</titre>" + paragraphs(5) + "</document>");
    ASSERT_GE(doc.pages.size(), 4u);
    const LaidOutPage& toc = doc.pages[0];
    for (const char* title : {"Premier chapitre", "Une section", "Second chapitre"}) {
        const int page = page_of(doc, title);
        ASSERT_GT(page, 1) << title;
        EXPECT_EQ(contents_number(toc, title), page) << title;
    }
    EXPECT_GE(page_of(doc, "Une section"), 3);
    // The same pages as plain values, for the editable writers: every
    // heading listed_headings gives (levels beyond the contents' included).
    std::vector<std::optional<std::size_t>> expected;
    for (const char* title : {"Premier chapitre", "Une section", "Pas au sommaire", "Second chapitre"})
        expected.push_back(static_cast<std::size_t>(page_of(doc, title) - 1));
    EXPECT_EQ(doc.contents_pages, expected);
    EXPECT_FALSE(has_text(toc, "Pas au sommaire"));
    EXPECT_FALSE(has_text(toc, "Sommaire."));
    // Each entry is a link to its page, numbers are right-aligned on the measure.
    std::vector<std::size_t> targets;
    for (const PageItem& item : toc.items)
        if (const auto* link = std::get_if<LinkArea>(&item); link && link->internal) targets.push_back(link->target_page);
    EXPECT_EQ(targets, (std::vector<std::size_t>{static_cast<std::size_t>(page_of(doc, "Premier chapitre") - 1),
                                                 static_cast<std::size_t>(page_of(doc, "Une section") - 1),
                                                 static_cast<std::size_t>(page_of(doc, "Second chapitre") - 1)}));
    double right = 0;
    for (const GlyphRun* r : runs(toc))
        if (run_text(*r) == std::to_string(page_of(doc, "Second chapitre")))
            right = r->x + r->glyphs.back().x + r->glyphs.back().advance;
    EXPECT_NEAR(right, doc.pages[0].width - 56.693, 0.01);
}

TEST(StructureLayout, ContentsLevelsAndBookmarksListed) {
    const LaidOutDocument doc = lay_out("<document><table-matieres niveaux=\"1\"/><titre>Un</titre>"
                                        "<titre niveau=\"2\">Deux</titre><signet titre=\"Annexe externe\"/>"
                                        "<signet titre=\"Caché\" sommaire=\"non\"/><p>Fin</p></document>");
    EXPECT_EQ(contents_number(doc.pages[0], "Un"), 1);
    EXPECT_EQ(contents_number(doc.pages[0], "Annexe externe"), 1);
    EXPECT_EQ(contents_number(doc.pages[0], "Deux"), -1);
    EXPECT_EQ(contents_number(doc.pages[0], "Caché"), -1);
    ASSERT_EQ(doc.outline.size(), 4u);  // both headings, both bookmarks
    EXPECT_EQ(doc.outline[2].title, "Annexe externe");
    EXPECT_EQ(doc.outline[3].title, "Caché");
}

TEST(StructureLayout, PageReferencesGiveTheTargetsPage) {
    // The reference comes before its target, which lands on page 12: the
    // number has two digits where the first pass assumed a placeholder.
    const LaidOutDocument doc = lay_out("<document><p>Voir la page <renvoi-page cible=\"loin\"/>.</p>" + paragraphs(400) +
                                        "<p id=\"loin\">Cible.</p><p>Retour page <renvoi-page cible=\"loin\"/>.</p></document>");
    const int target = page_of(doc, "Cible.");
    ASSERT_GE(target, 10);
    EXPECT_EQ(page_of(doc, "Voir la page " + std::to_string(target) + "."), 1);
    EXPECT_EQ(page_of(doc, "Retour page " + std::to_string(target) + "."), target);
    ASSERT_EQ(doc.targets.size(), 1u);
    EXPECT_EQ(doc.targets[0].id, "loin");
    EXPECT_EQ(doc.targets[0].page, static_cast<std::size_t>(target - 1));
}

TEST(StructureLayout, OddPageBreakInsertsABlankPageOnlyWhenNeeded) {
    const LaidOutDocument doc =
        lay_out("<document>" + kFooter + "<saut-page page=\"impaire\"/><p>Un</p><saut-page page=\"impaire\"/><p>Trois</p>"
                "<saut-page page=\"impaire\"/><saut-page page=\"impaire\"/><p>Cinq</p></document>");
    ASSERT_EQ(doc.pages.size(), 5u);  // nothing before the first break: no page for it
    EXPECT_EQ(page_of(doc, "Un"), 1);
    EXPECT_EQ(page_of(doc, "Trois"), 3);
    EXPECT_EQ(page_of(doc, "Cinq"), 5);
    for (std::size_t p : {1u, 3u}) {
        EXPECT_FALSE(doc.pages[p].furniture);
        EXPECT_TRUE(doc.pages[p].items.empty()) << "the blank page " << p + 1 << " shows nothing, not even a footer";
    }
    EXPECT_TRUE(has_text(doc.pages[4], "Page 5 / 5"));
}

TEST(StructureLayout, ReservedPagesCarryOnlyTheFooterAndCount) {
    const LaidOutDocument doc = lay_out("<document>" + kFooter +
                                        "<p>Avant</p><signet titre=\"Habitat\"/><pages-reservees id=\"habitat\" nombre=\"3\"/>"
                                        "<p>Après, page <renvoi-page cible=\"habitat\"/></p>"
                                        "<signet titre=\"Numérique\"/><pages-reservees id=\"numerique\" nombre=\"2\"/></document>");
    ASSERT_EQ(doc.pages.size(), 7u);  // none left empty after the last reserved pages
    ASSERT_EQ(doc.reserved.size(), 2u);
    EXPECT_EQ(doc.reserved[0].id, "habitat");
    EXPECT_EQ(doc.reserved[0].first_page, 1u);
    EXPECT_EQ(doc.reserved[0].count, 3u);
    EXPECT_EQ(doc.reserved[1].id, "numerique");
    EXPECT_EQ(doc.reserved[1].first_page, 5u);
    EXPECT_EQ(doc.reserved[1].count, 2u);
    for (std::size_t p : {1u, 2u, 3u, 5u, 6u}) {
        EXPECT_EQ(line_texts(doc.pages[p]), (std::vector<std::string>{"Page " + std::to_string(p + 1) + " / 7"}));
    }
    EXPECT_EQ(page_of(doc, "Après, page 2"), 5);
    // The bookmarks point at the top of the first reserved page.
    ASSERT_EQ(doc.outline.size(), 2u);
    EXPECT_EQ(doc.outline[0].page, 1u);
    EXPECT_EQ(doc.outline[0].y, 0);
    EXPECT_EQ(doc.outline[1].page, 5u);
}

TEST(StructureLayout, BookmarkBeforeABreakPointsAtTheNextPage) {
    const LaidOutDocument doc = lay_out("<document><p>Un</p><signet titre=\"Deux\"/><saut-page/><p>Deux</p></document>");
    ASSERT_EQ(doc.outline.size(), 1u);
    EXPECT_EQ(doc.outline[0].page, 1u);
    EXPECT_NEAR(doc.outline[0].y, 56.693, 1e-3);
}

TEST(StructureLayout, PageWithoutHeaderAndFooter) {
    const LaidOutDocument doc = lay_out("<document>" + kFooter +
                                        "<entete><p>En-tête</p></entete><sans-entete-pied/><p>Couverture</p><saut-page/>"
                                        "<p>Deux</p><saut-page/><sans-entete-pied/><p>Trois</p><saut-page/><p>Quatre</p></document>");
    ASSERT_EQ(doc.pages.size(), 4u);
    EXPECT_EQ(line_texts(doc.pages[0]), (std::vector<std::string>{"Couverture"}));
    EXPECT_EQ(line_texts(doc.pages[1]), (std::vector<std::string>{"Deux", "En-tête", "Page 2 / 4"}));
    EXPECT_EQ(line_texts(doc.pages[2]), (std::vector<std::string>{"Trois"}));
    EXPECT_TRUE(has_text(doc.pages[3], "Page 4 / 4"));
}

TEST(StructureLayout, HeaderContentIsNeitherAContentsEntryNorATarget) {
    const LaidOutDocument doc = lay_out("<document><entete><titre id=\"haut\">En-tête</titre></entete>"
                                        "<table-matieres/><titre>Corps</titre></document>");
    EXPECT_EQ(contents_number(doc.pages[0], "Corps"), 1);
    EXPECT_EQ(contents_number(doc.pages[0], "En-tête"), -1);
    try {
        lay_out("<document><pied><p id=\"bas\">Pied</p></pied>\n<p>Voir <renvoi-page cible=\"bas\"/></p></document>");
        ADD_FAILURE() << "a reference to a footer has no page";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.diagnostics().items().at(0).describe(),
                  "test.xml:2:9 : <renvoi-page> renvoie à « bas », un bloc qui n’a pas de page à lui (dans un en-tête ou un pied de page)");
    }
}

TEST(StructureLayout, AppendingShiftsEveryPageIndex) {
    LaidOutDocument book = lay_out("<document titre=\"Recueil\"><p>Un</p><saut-page/><p>Deux</p></document>");
    append_laid_out(book, lay_out("<document><table-matieres/><signet titre=\"Externe\"/>"
                                  "<pages-reservees id=\"ext\" nombre=\"2\"/><titre id=\"fin\">Fin</titre></document>"));
    ASSERT_EQ(book.pages.size(), 2u + 4u);
    EXPECT_EQ(book.metadata.title, "Recueil");
    ASSERT_EQ(book.reserved.size(), 1u);
    EXPECT_EQ(book.reserved[0].first_page, 3u);
    ASSERT_EQ(book.targets.size(), 2u);  // "ext", "fin"
    EXPECT_EQ(book.targets[0].page, 3u);
    EXPECT_EQ(book.targets[1].page, 5u);
    ASSERT_EQ(book.outline.size(), 2u);
    EXPECT_EQ(book.outline[0].page, 3u);
    EXPECT_EQ(book.outline[1].page, 5u);
    std::vector<std::size_t> links;
    for (const PageItem& item : book.pages[2].items)
        if (const auto* link = std::get_if<LinkArea>(&item); link && link->internal) links.push_back(link->target_page);
    EXPECT_EQ(links, (std::vector<std::size_t>{3, 5}));
}

// A block with an id inside a table row taller than a page: the row is cut
// across pages, and the id still names a page (the anchors of a split row's
// cells were once read after the cells had been moved away, and lost).
TEST(StructureLayout, AnIdInsideARowTallerThanAPageIsATarget) {
    const LaidOutDocument doc = lay_out("<document><p>Voir la page <renvoi-page cible=\"dedans\"/>.</p>"
                                        "<tableau colonnes=\"1*\"><ligne><cellule><p id=\"dedans\">Dans la cellule.</p>" +
                                        paragraphs(120) + "</cellule></ligne></tableau></document>");
    ASSERT_GE(doc.pages.size(), 2u);
    const int target = page_of(doc, "Dans la cellule.");
    ASSERT_GE(target, 1);
    ASSERT_EQ(doc.targets.size(), 1u);
    EXPECT_EQ(doc.targets[0].id, "dedans");
    EXPECT_EQ(doc.targets[0].page, static_cast<std::size_t>(target - 1));
    EXPECT_EQ(page_of(doc, "Voir la page " + std::to_string(target) + "."), 1);
}

// A list item's bullet is painted before the item's text, so that reading
// the page back gives « – Premier point », not the bullet after the line
// (it used to be appended to the line's items).
TEST(StructureLayout, BulletIsPaintedBeforeItsItemsText) {
    const LaidOutDocument doc = lay_out("<document><liste><element>Premier point</element>"
                                        "<element>Second point</element></liste></document>");
    const auto lines = line_texts(doc.pages.at(0));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].rfind("Premier point"), lines[0].size() - std::string("Premier point").size()) << lines[0];
    EXPECT_NE(lines[0].find("Premier point"), 0u) << "the bullet comes first: " << lines[0];
}
