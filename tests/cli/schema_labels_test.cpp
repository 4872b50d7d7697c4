// The headers and row labels a reader matches in users' workbooks are a data
// contract: the forms and workbooks now write them with the typographic
// apostrophe (« Qualité de l’intervenant »), and a workbook made by an earlier
// version, or typed by hand, says « Qualité de l'intervenant ». Both spellings
// designate the same field, in every table of the programme, the bilan and
// the general assembly.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ag/assembly_schema.hpp"
#include "bilan/bilan_schema.hpp"
#include "data/programme_schema.hpp"
#include "data/table_spec.hpp"

namespace lettrine {
namespace {

std::vector<const TableSpec*> every_table() {
    std::vector<const TableSpec*> all = list_table_specs();
    for (const TableSpec* t : bilan_list_specs()) all.push_back(t);
    for (const TableSpec* t : {&programme_fields_spec(), &bilan_identity_spec(),
                               &bilan_texts_spec(), &assembly_settings_table(), &timetable_table(),
                               &workshops_table(), &agenda_table(), &questions_table(), &registrants_table()})
        all.push_back(t);
    return all;
}

std::string with_straight_apostrophes(std::string label) {
    const std::string curly = "\u2019";
    for (std::size_t at = label.find(curly); at != std::string::npos; at = label.find(curly, at))
        label.replace(at, curly.size(), "'");
    return label;
}

TEST(SchemaLabels, EarlierStraightApostrophesStillDesignateTheField) {
    int curly_labels = 0;
    for (const TableSpec* table : every_table()) {
        for (const FieldSpec& field : table->fields) {
            EXPECT_EQ(field.label.find('\''), std::string::npos)
                << table->sheet << " : « " << field.label << " » s’écrit avec l’apostrophe typographique";
            const std::string earlier = with_straight_apostrophes(field.label);
            if (earlier == field.label) continue;
            ++curly_labels;
            EXPECT_EQ(table->match(earlier), &field) << table->sheet << " : « " << earlier << " »";
            EXPECT_EQ(table->match(field.label), &field) << table->sheet << " : « " << field.label << " »";
        }
    }
    // Qualité de l’intervenant, Atelier de l’AG, Plan d’action, Lignes
    // d’émargement, Qualité de l’animateur, Structure de l’animateur.
    EXPECT_EQ(curly_labels, 6);
}

}  // namespace
}  // namespace lettrine
