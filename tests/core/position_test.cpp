#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "core/position.hpp"

using namespace lettrine;

TEST(Position, DescribesSpreadsheetCell) {
    EXPECT_EQ(SourcePosition::at_cell("programme-2016.xlsx", "Secteurs", "H4").describe(),
              "programme-2016.xlsx, feuille « Secteurs », cellule H4");
}

TEST(Position, DescribesTextLineColumn) {
    EXPECT_EQ(SourcePosition::at_line("programme-2016.xml", 42, 7).describe(), "programme-2016.xml:42:7");
}

TEST(Position, CellReference) {
    EXPECT_EQ(cell_reference(0, 0), "A1");
    EXPECT_EQ(cell_reference(3, 7), "H4");
    EXPECT_EQ(cell_reference(9, 25), "Z10");
    EXPECT_EQ(cell_reference(0, 26), "AA1");
    EXPECT_EQ(cell_reference(0, 701), "ZZ1");
    EXPECT_EQ(cell_reference(0, 702), "AAA1");
}

TEST(Position, LineColumnCountsCodePoints) {
    const std::string text = "ab\né€x";
    EXPECT_EQ(line_column_at(text, 0).line, 1);
    const auto at_x = line_column_at(text, text.find('x'));
    EXPECT_EQ(at_x.line, 2);
    EXPECT_EQ(at_x.column, 3);
}

TEST(Diagnostic, DescribesWithPosition) {
    Diagnostics d;
    d.error(SourcePosition::at_cell("p.xlsx", "Secteurs", "H4"), "« dix mille » n’est pas un montant");
    d.warning({}, "rien");
    EXPECT_EQ(d.error_count(), 1u);
    EXPECT_EQ(d.items()[0].describe(), "p.xlsx, feuille « Secteurs », cellule H4 : « dix mille » n’est pas un montant");
    EXPECT_EQ(d.items()[1].describe(), "avertissement : rien");
    LettrineError e(ErrorKind::Data, d);
    EXPECT_EQ(exit_code_for(e.kind()), 3);
    EXPECT_STREQ(e.what(), "p.xlsx, feuille « Secteurs », cellule H4 : « dix mille » n’est pas un montant");
}
