// Workbook and XML twin -> BilanSource. In the workbook, columns are found
// by their header, never by position; the header row may sit below a title
// (data/table_source.hpp, SheetLayout::Form). In the XML, every field is an attribute or a child
// element; the free texts are child elements of <bilan>.
#include <set>

#include "bilan/bilan_reader.hpp"
#include "bilan/bilan_schema.hpp"
#include "data/table_source.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {

// The bilan's tables in workbook order.
std::vector<TableSlot> tables_of(BilanSource& source) {
    return {{&bilan_identity_spec(), &source.identity, true},
            {&bilan_time_spec(), &source.time},
            {&bilan_projects_spec(), &source.projects},
            {&bilan_partnerships_spec(), &source.partnerships},
            {&bilan_experiments_spec(), &source.experiments},
            {&bilan_texts_spec(), &source.texts, true}};
}

}  // namespace

BilanSource bilan_source_from_workbook(const Workbook& workbook) {
    return source_from_workbook<BilanSource>(workbook, SheetLayout::Form, tables_of);
}

BilanSource bilan_source_from_xml(const XmlElement& root, const std::string& file) {
    BilanSource source;
    source.file = file;
    place_tables(tables_of(source), root.position);
    if (!check_xml_root(root, kBilanXmlRoot, source.diagnostics)) return source;  // nothing else can be trusted
    std::set<std::string> lists, texts;
    for (const TableSpec* spec : bilan_list_specs()) lists.insert(normalize_name(spec->xml_list));
    auto is_text = [](const std::string& name) { return bilan_texts_spec().match(name) != nullptr; };
    source.identity.present = source.texts.present = true;
    // <bilan> carries both the identity fields and the free texts.
    const XmlNameFilter not_identity = [&](const std::string& name) {
        return lists.count(normalize_name(name)) || is_text(name);
    };
    const XmlNameFilter not_text = [&](const std::string& name) { return !is_text(name); };
    source.identity.rows.push_back(read_xml_row(root, bilan_identity_spec(), source.diagnostics, {not_identity, not_identity}));
    source.texts.rows.push_back(read_xml_row(root, bilan_texts_spec(), source.diagnostics, {not_text, not_text}));
    read_xml_table(root, bilan_time_spec(), source.time, source.diagnostics);
    // Lists of records may be left out when there is nothing to list.
    read_xml_table(root, bilan_projects_spec(), source.projects, source.diagnostics, false);
    read_xml_table(root, bilan_partnerships_spec(), source.partnerships, source.diagnostics, false);
    read_xml_table(root, bilan_experiments_spec(), source.experiments, source.diagnostics, false);
    return source;
}

}  // namespace lettrine
