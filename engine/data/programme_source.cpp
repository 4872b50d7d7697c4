// Workbook and XML twin -> ProgrammeSource, through the generic table
// readers (table_source.hpp): plain sheets with headers in row 1; in the XML,
// the lists are children of <programme> and a list field may be repeated.
#include "data/programme_source.hpp"

#include "data/names.hpp"

namespace lettrine {

namespace {

const XmlRowRules& programme_xml_rules() {
    static const XmlRowRules rules{{}, {}, /*join_repeated_lines=*/true};
    return rules;
}

bool is_list_element(const std::string& name) {
    for (const TableSpec* spec : list_table_specs())
        if (normalize_name(name) == normalize_name(spec->xml_list)) return true;
    return false;
}

// The programme's tables in workbook order: « Programme », then the lists.
std::vector<TableSlot> tables_of(ProgrammeSource& source) {
    return {{&programme_fields_spec(), &source.settings, true},
            {&sectors_spec(), &source.sectors},
            {&partners_spec(), &source.partners},
            {&experiments_spec(), &source.experiments},
            {&missions_spec(), &source.missions},
            {&texts_spec(), &source.texts}};
}

}  // namespace

ProgrammeSource programme_source_from_workbook(const Workbook& workbook) {
    return source_from_workbook<ProgrammeSource>(workbook, SheetLayout::Plain, tables_of);
}

ProgrammeSource programme_source_from_xml(const XmlElement& root, const std::string& file) {
    ProgrammeSource source;
    source.file = file;
    const auto tables = tables_of(source);
    place_tables(tables, root.position);
    const TableSpec& settings = programme_fields_spec();
    if (!check_xml_root(root, settings.xml_item, source.diagnostics)) return source;  // nothing else can be trusted
    source.settings.present = true;
    XmlRowRules rules = programme_xml_rules();
    rules.skip_elements = is_list_element;
    source.settings.rows.push_back(read_xml_row(root, settings, source.diagnostics, rules));
    for (std::size_t i = 1; i < tables.size(); ++i)
        read_xml_table(root, *tables[i].spec, *tables[i].table, source.diagnostics, true, programme_xml_rules());
    return source;
}

}  // namespace lettrine
