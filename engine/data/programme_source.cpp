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

std::vector<SourceTable*> list_tables(ProgrammeSource& source) {
    return {&source.sectors, &source.partners, &source.experiments, &source.missions, &source.texts};
}

}  // namespace

ProgrammeSource programme_source_from_workbook(const Workbook& workbook) {
    ProgrammeSource source;
    source.file = workbook.file;
    source.date1904 = workbook.date1904;
    read_key_value_sheet(workbook, programme_fields_spec(), source.settings, source.diagnostics, SheetLayout::Plain);
    const auto specs = list_table_specs();
    const auto tables = list_tables(source);
    for (std::size_t i = 0; i < specs.size(); ++i)
        read_sheet_table(workbook, *specs[i], *tables[i], source.diagnostics, SheetLayout::Plain);
    return source;
}

ProgrammeSource programme_source_from_xml(const XmlElement& root, const std::string& file) {
    ProgrammeSource source;
    source.file = file;
    const TableSpec& settings = programme_fields_spec();
    source.settings.spec = &settings;
    source.settings.position = root.position;
    const auto specs = list_table_specs();
    const auto tables = list_tables(source);
    if (!check_xml_root(root, settings.xml_item, source.diagnostics)) {
        // Nothing else can be trusted; the lists are left absent.
        for (std::size_t i = 0; i < specs.size(); ++i) {
            tables[i]->spec = specs[i];
            tables[i]->position = root.position;
        }
        return source;
    }
    source.settings.present = true;
    XmlRowRules rules = programme_xml_rules();
    rules.skip_elements = is_list_element;
    source.settings.rows.push_back(read_xml_row(root, settings, source.diagnostics, rules));
    for (std::size_t i = 0; i < specs.size(); ++i)
        read_xml_table(root, *specs[i], *tables[i], source.diagnostics, true, programme_xml_rules());
    return source;
}

}  // namespace lettrine
