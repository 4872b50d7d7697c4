// The generic data-contract layer on a contract made up for the test: a
// contract is a table of fields and nothing else; both file formats, both
// sheet layouts and the field reader work from the TableSpec alone.
#include <gtest/gtest.h>

#include "data/field_reader.hpp"
#include "data/table_source.hpp"
#include "data/xml_reader.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

namespace {

const TableSpec& members_spec() {
    static const TableSpec spec{"membres", "Membres", "membres", "membre", "", {
        {"nom", "Nom", true, FieldShape::Inline, {}, TentativeMarks::Refused},
        {"cotisation", "Cotisation", true, FieldShape::Inline, {}, TentativeMarks::Refused},
        {"note", "Note", false, FieldShape::Lines, {}, TentativeMarks::QuestionsAllowed},
    }};
    return spec;
}

std::vector<std::string> all(const Diagnostics& diagnostics) { return described(diagnostics); }

}  // namespace

TEST(TableSource, PlainSheetReadAndCheckedFieldByField) {
    const Workbook workbook = read_xlsx(
        write_workbook({{"Membres",
                         {{text("Nom"), text("Cotisation"), text("Note")},
                          {text("Alice"), text("15 €"), text("Déjà membre ?")},
                          {},
                          {text("Bob ?"), text("beaucoup"), empty()}}}}),
        "membres.xlsx");
    Diagnostics diagnostics;
    SourceTable table;
    read_sheet_table(workbook, members_spec(), table, diagnostics, SheetLayout::Plain);
    ASSERT_EQ(table.rows.size(), 2u);  // the blank row is skipped
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, false);
        r.text("nom");
        r.amount("cotisation");
        r.text("note");
    }
    EXPECT_EQ(all(diagnostics),
              (std::vector<std::string>{
                  "membres.xlsx, feuille « Membres », cellule A4 : « Bob ? » : un point d’interrogation ne doit pas "
                  "rester dans les données ; retirez-le et indiquez plutôt le statut « à confirmer »",
                  "membres.xlsx, feuille « Membres », cellule B4 : « beaucoup » n’est pas un montant (écrire par exemple 12 500 €, 12 500,50 € ou 12 500 euros)",
              }));
}

TEST(TableSource, FormSheetFindsItsHeaderBelowATitleAndStopsAtTotal) {
    const Workbook workbook = read_xlsx(
        write_workbook({{"Membres",
                         {{text("Les membres de l'année")},
                          {},
                          {text("Nom"), text("Cotisation")},
                          {text("Alice"), number(15)},
                          {text("Total"), number(15)},
                          {text("Ignoré"), number(1)}}}}),
        "membres.xlsx");
    Diagnostics diagnostics;
    SourceTable table;
    read_sheet_table(workbook, members_spec(), table, diagnostics, SheetLayout::Form);
    EXPECT_TRUE(diagnostics.items().empty());
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_EQ(table.rows[0].fields.at("nom").text, "Alice");
    EXPECT_TRUE(table.column_missing("note"));
}

TEST(TableSource, XmlTwinGivesTheSameRows) {
    const XmlElement root = read_xml(
        "<club>\n  <membres>\n    <membre nom=\"Alice\" cotisation=\"15\"><note>a</note><note>b</note></membre>\n"
        "    <autre/>\n  </membres>\n</club>\n",
        "club.xml");
    Diagnostics diagnostics;
    SourceTable table;
    read_xml_table(root, members_spec(), table, diagnostics, true, {{}, {}, /*join_repeated_lines=*/true});
    ASSERT_EQ(table.rows.size(), 1u);
    FieldReader r(table, table.rows[0], diagnostics, false);
    EXPECT_EQ(r.text("note"), "a\nb");
    EXPECT_EQ(all(diagnostics), (std::vector<std::string>{
                                    "club.xml:4:5 : avertissement : élément <autre> inattendu dans <membres> (attendu : <membre>) : ignoré"}));
}
