// Workbook and XML twin -> AssemblySource, through the generic table readers
// (data/table_source.hpp). What the assembly adds: in the XML, a workshop's
// agenda and questions nest inside its <atelier> and inherit its sector.
#include "ag/assembly_source.hpp"

#include <algorithm>

#include "data/names.hpp"

namespace lettrine {

namespace {

bool named(const std::string& name, const TableSpec& spec) { return normalize_name(name) == normalize_name(spec.xml_list); }

// A list field given as repeated elements gathers its items.
XmlRowRules assembly_rules(XmlNameFilter skip_elements = {}) { return {std::move(skip_elements), {}, true}; }

// <atelier>'s nested <ordre-du-jour> and <questions>: rows whose « secteur »
// is inherited from the workshop.
void read_nested(const XmlElement& workshop, const SourceRow& workshop_row, const TableSpec& spec, SourceTable& table,
                 Diagnostics& diagnostics) {
    const XmlElement* list = find_xml_list(workshop, spec.xml_list, diagnostics);
    if (!list) return;
    for_each_xml_item(*list, spec, diagnostics, [&](const XmlElement& item) {
        SourceRow row = read_xml_row(item, spec, diagnostics, assembly_rules());
        if (row.fields.count("secteur")) {
            diagnostics.warning(row.fields["secteur"].position,
                                "« secteur » est déjà donné par l’atelier qui contient cet élément : ignoré");
            row.fields.erase("secteur");
        }
        const auto sector = workshop_row.fields.find("secteur");
        SourceField inherited;
        inherited.position = workshop.position;
        if (sector != workshop_row.fields.end()) inherited = sector->second;
        inherited.inherited = true;
        row.fields["secteur"] = inherited;
        table.rows.push_back(std::move(row));
    });
}

void read_workshops(const XmlElement& root, AssemblySource& source) {
    const XmlElement* list = find_xml_list(root, workshops_table().xml_list, source.diagnostics);
    if (!list) {
        source.diagnostics.error(root.position, "l’élément " + element_label(workshops_table().xml_list) +
                                                    " est absent de " + element_label(root.name));
        return;
    }
    source.workshops.present = source.agenda.present = source.questions.present = true;
    source.workshops.position = source.agenda.position = source.questions.position = list->position;
    const XmlRowRules rules = assembly_rules([](const std::string& name) {
        return named(name, agenda_table()) || named(name, questions_table());
    });
    for_each_xml_item(*list, workshops_table(), source.diagnostics, [&](const XmlElement& item) {
        SourceRow row = read_xml_row(item, workshops_table(), source.diagnostics, rules);
        read_nested(item, row, agenda_table(), source.agenda, source.diagnostics);
        read_nested(item, row, questions_table(), source.questions, source.diagnostics);
        source.workshops.rows.push_back(std::move(row));
    });
}

// Registrants come last in the file but are read before the workshops;
// restore the file's order of diagnostics.
void sort_by_line(Diagnostics& diagnostics) {
    std::vector<Diagnostic> items = diagnostics.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.position.line != b.position.line ? a.position.line < b.position.line
                                                  : a.position.column < b.position.column;
    });
    diagnostics = Diagnostics();
    for (auto& d : items) diagnostics.add(std::move(d));
}

// The assembly's tables in workbook order.
std::vector<TableSlot> tables_of(AssemblySource& source) {
    return {{&assembly_settings_table(), &source.settings, true},
            {&timetable_table(), &source.timetable},
            {&workshops_table(), &source.workshops},
            {&agenda_table(), &source.agenda},
            {&questions_table(), &source.questions},
            {&registrants_table(), &source.registrants}};
}

}  // namespace

AssemblySource assembly_source_from_workbook(const Workbook& workbook) {
    return source_from_workbook<AssemblySource>(workbook, SheetLayout::Plain, tables_of);
}

AssemblySource assembly_source_from_xml(const XmlElement& root, const std::string& file) {
    AssemblySource source;
    source.file = file;
    place_tables(tables_of(source), root.position);
    const TableSpec& settings = assembly_settings_table();
    if (!check_xml_root(root, settings.xml_item, source.diagnostics)) {
        source.settings.rows.emplace_back().position = root.position;
        return source;
    }
    source.settings.present = true;
    const XmlRowRules root_rules = assembly_rules([](const std::string& name) {
        return named(name, timetable_table()) || named(name, workshops_table()) || named(name, registrants_table());
    });
    source.settings.rows.push_back(read_xml_row(root, settings, source.diagnostics, root_rules));
    read_xml_table(root, timetable_table(), source.timetable, source.diagnostics, true, assembly_rules());
    read_xml_table(root, registrants_table(), source.registrants, source.diagnostics, true, assembly_rules());
    read_workshops(root, source);
    sort_by_line(source.diagnostics);
    return source;
}

}  // namespace lettrine
