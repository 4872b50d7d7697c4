// XML twin -> ProgrammeSource. Fields may be attributes or child elements
// (child elements suit long or multi-line text); a list field may also be
// given as repeated child elements (<action>…</action>), one item each.
#include "data/programme_source.hpp"

#include "core/text.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {

std::string element_label(const std::string& name) { return "<" + name + ">"; }

// An element's text: its own text, or one line per child element when it
// only wraps items (<actions><action>…</action>…</actions>).
std::string element_text(const XmlElement& element) {
    if (element.children.empty()) return element.text;
    std::string out;
    for (const auto& c : element.children) {
        if (!out.empty()) out += '\n';
        out += element_text(c);
    }
    return out;
}

void add_field(SourceRow& row, const FieldSpec& field, SourceField value, Diagnostics& diagnostics) {
    const auto existing = row.fields.find(field.id);
    if (existing == row.fields.end()) {
        row.fields[field.id] = std::move(value);
    } else if (field.shape == FieldShape::Lines) {
        existing->second.text += "\n" + value.text;
    } else {
        diagnostics.error(value.position, "le champ « " + field.id + " » est donné deux fois (déjà en " +
                                              short_place(existing->second.position) + ")");
    }
}

// Attributes and child elements of an item (or of the root for « Programme »).
// `skip` tells which child elements are not fields (the root's lists).
template <typename Skip>
SourceRow read_item(const XmlElement& item, const TableSpec& spec, Diagnostics& diagnostics, Skip&& skip) {
    SourceRow row;
    row.position = item.position;
    for (const auto& a : item.attributes) {
        if (a.name.rfind("xmlns", 0) == 0 || a.name.rfind("xml:", 0) == 0) continue;
        const FieldSpec* field = spec.match(a.name);
        if (!field) {
            diagnostics.warning(a.position, "attribut inconnu « " + a.name + " » dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {a.value, std::nullopt, a.position}, diagnostics);
    }
    for (const auto& c : item.children) {
        if (skip(c)) continue;
        const FieldSpec* field = spec.match(c.name);
        if (!field) {
            diagnostics.warning(c.position, "élément inconnu " + element_label(c.name) + " dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {element_text(c), std::nullopt, c.text_position}, diagnostics);
    }
    if (!spec.text_field.empty() && !trim(item.text).empty())
        add_field(row, spec.field(spec.text_field), {item.text, std::nullopt, item.text_position}, diagnostics);
    return row;
}

void read_list(const XmlElement& root, const TableSpec& spec, SourceTable& table, const std::string& file,
               Diagnostics& diagnostics) {
    table.spec = &spec;
    const XmlElement* list = nullptr;
    for (const auto& c : root.children) {
        if (normalize_name(c.name) != normalize_name(spec.xml_list)) continue;
        if (list) {
            diagnostics.error(c.position, "l'élément " + element_label(spec.xml_list) + " apparaît deux fois (déjà en " +
                                              short_place(list->position) + ")");
            continue;
        }
        list = &c;
    }
    if (!list) {
        table.position = root.position;
        diagnostics.error(root.position, "l'élément " + element_label(spec.xml_list) + " est absent de " + element_label(root.name));
        return;
    }
    table.present = true;
    table.position = list->position;
    for (const auto& item : list->children) {
        if (normalize_name(item.name) != normalize_name(spec.xml_item)) {
            diagnostics.warning(item.position, "élément " + element_label(item.name) + " inattendu dans " +
                                                   element_label(list->name) + " (attendu : " + element_label(spec.xml_item) +
                                                   ") : ignoré");
            continue;
        }
        table.rows.push_back(read_item(item, spec, diagnostics, [](const XmlElement&) { return false; }));
    }
}

bool is_list_element(const XmlElement& element) {
    for (const TableSpec* spec : list_table_specs())
        if (normalize_name(element.name) == normalize_name(spec->xml_list)) return true;
    return false;
}

}  // namespace

ProgrammeSource programme_source_from_xml(const XmlElement& root, const std::string& file) {
    ProgrammeSource source;
    source.file = file;
    const TableSpec& settings = programme_fields_spec();
    source.settings.spec = &settings;
    source.settings.position = root.position;
    if (normalize_name(root.name) != normalize_name(settings.xml_item)) {
        source.diagnostics.error(root.position, "l'élément racine doit être " + element_label(settings.xml_item) +
                                                    " (trouvé : " + element_label(root.name) + ")");
        source.settings.present = false;
    } else {
        source.settings.present = true;
        source.settings.rows.push_back(read_item(root, settings, source.diagnostics, is_list_element));
    }
    if (!source.settings.present) {
        // Nothing else can be trusted; report the lists as absent too.
        for (SourceTable* table : {&source.sectors, &source.partners, &source.experiments, &source.missions, &source.texts})
            table->position = root.position;
        source.sectors.spec = &sectors_spec();
        source.partners.spec = &partners_spec();
        source.experiments.spec = &experiments_spec();
        source.missions.spec = &missions_spec();
        source.texts.spec = &texts_spec();
        return source;
    }
    read_list(root, sectors_spec(), source.sectors, file, source.diagnostics);
    read_list(root, partners_spec(), source.partners, file, source.diagnostics);
    read_list(root, experiments_spec(), source.experiments, file, source.diagnostics);
    read_list(root, missions_spec(), source.missions, file, source.diagnostics);
    read_list(root, texts_spec(), source.texts, file, source.diagnostics);
    return source;
}

}  // namespace lettrine
