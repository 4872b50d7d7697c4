// XML elements -> positioned tables (table_source.hpp): a field is an
// attribute or a child element (child elements suit long or multi-line
// text); a list field may also be given as child elements (<action>…</action>),
// one item each.
#include "core/french.hpp"
#include "core/text.hpp"
#include "data/names.hpp"
#include "data/table_source.hpp"

namespace lettrine {

namespace {

// An element's text: its own text, or one line per child element when it
// only wraps items (<actions><action>…</action>…</actions>).
std::string element_text(const XmlElement& element) {
    if (element.children.empty()) return element.text;
    std::string out;
    for (const auto& c : element.children) out += (out.empty() ? "" : "\n") + element_text(c);
    return out;
}

void add_field(SourceRow& row, const FieldSpec& field, SourceField value, const XmlRowRules& rules,
               Diagnostics& diagnostics) {
    const auto existing = row.fields.find(field.id);
    if (existing == row.fields.end()) {
        row.fields[field.id] = std::move(value);
    } else if (rules.join_repeated_lines && field.shape == FieldShape::Lines) {
        existing->second.text += "\n" + value.text;
    } else {
        diagnostics.error(value.position, "le champ " + quoted(field.id) + " est donné deux fois (déjà en " +
                                              short_place(existing->second.position) + ")");
    }
}

bool named(const XmlElement& element, const std::string& name) {
    return normalize_name(element.name) == normalize_name(name);
}

}  // namespace

std::string element_label(const std::string& name) { return "<" + name + ">"; }

SourceRow read_xml_row(const XmlElement& item, const TableSpec& spec, Diagnostics& diagnostics,
                       const XmlRowRules& rules) {
    SourceRow row;
    row.position = item.position;
    for (const auto& a : item.attributes) {
        if (a.name.rfind("xmlns", 0) == 0 || a.name.rfind("xml:", 0) == 0) continue;
        if (rules.skip_attributes && rules.skip_attributes(a.name)) continue;
        const FieldSpec* field = spec.match(a.name);
        if (!field) {
            diagnostics.warning(a.position, "attribut inconnu " + quoted(a.name) + " dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {a.value, std::nullopt, a.position}, rules, diagnostics);
    }
    for (const auto& c : item.children) {
        if (rules.skip_elements && rules.skip_elements(c.name)) continue;
        const FieldSpec* field = spec.match(c.name);
        if (!field) {
            diagnostics.warning(c.position, "élément inconnu " + element_label(c.name) + " dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {element_text(c), std::nullopt, c.text_position}, rules, diagnostics);
    }
    if (!spec.text_field.empty() && !trim(item.text).empty())
        add_field(row, spec.field(spec.text_field), {item.text, std::nullopt, item.text_position}, rules, diagnostics);
    return row;
}

const XmlElement* find_xml_list(const XmlElement& parent, const std::string& name, Diagnostics& diagnostics) {
    const XmlElement* list = nullptr;
    for (const auto& c : parent.children) {
        if (!named(c, name)) continue;
        if (list) {
            diagnostics.error(c.position, "l’élément " + element_label(name) + " apparaît deux fois (déjà en " +
                                              short_place(list->position) + ")");
            continue;
        }
        list = &c;
    }
    return list;
}

void for_each_xml_item(const XmlElement& list, const TableSpec& spec, Diagnostics& diagnostics,
                       const std::function<void(const XmlElement&)>& on_item) {
    for (const auto& item : list.children) {
        if (!named(item, spec.xml_item)) {
            diagnostics.warning(item.position, "élément " + element_label(item.name) + " inattendu dans " +
                                                   element_label(list.name) + " (attendu : " +
                                                   element_label(spec.xml_item) + ") : ignoré");
            continue;
        }
        on_item(item);
    }
}

void read_xml_table(const XmlElement& parent, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                    bool required, const XmlRowRules& rules) {
    table.spec = &spec;
    table.position = parent.position;
    const XmlElement* list = find_xml_list(parent, spec.xml_list, diagnostics);
    if (!list) {
        if (required)
            diagnostics.error(parent.position, "l’élément " + element_label(spec.xml_list) + " est absent de " +
                                                   element_label(parent.name));
        return;
    }
    table.present = true;
    table.position = list->position;
    for_each_xml_item(*list, spec, diagnostics,
                      [&](const XmlElement& item) { table.rows.push_back(read_xml_row(item, spec, diagnostics, rules)); });
}

bool check_xml_root(const XmlElement& root, const std::string& expected, Diagnostics& diagnostics) {
    if (named(root, expected)) return true;
    diagnostics.error(root.position, "l’élément racine doit être " + element_label(expected) + " (trouvé : " +
                                         element_label(root.name) + ")");
    return false;
}

}  // namespace lettrine
