// Form sheets and XML items -> positioned tables (form_source.hpp).
#include "data/form_source.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {

std::string quoted(const std::string& text) { return "« " + text + " »"; }
std::string element_label(const std::string& name) { return "<" + name + ">"; }

SourceField field_of(const Sheet& sheet, std::size_t row, std::size_t column) {
    SourceField field;
    field.position = sheet.cell_place(row, column);
    if (const Cell* cell = sheet.cell(row, column)) {
        if (cell->type == Cell::Number) field.number = cell->number;
        if (cell->type != Cell::Empty) field.text = cell->text;
    }
    return field;
}

const Sheet* find_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics) {
    table.spec = &spec;
    const Sheet* sheet = workbook.find(spec.sheet);
    if (!sheet) {
        table.position = SourcePosition::in_file(workbook.file);
        diagnostics.error(table.position, "la feuille « " + spec.sheet + " » est absente");
        for (const auto& f : spec.fields) table.missing_columns.push_back(f.id);
        return nullptr;
    }
    table.present = true;
    table.position = sheet->place();
    return sheet;
}

// Each field's column in `row`, when the row is a header row.
std::map<std::string, std::size_t> columns_in(const Sheet& sheet, std::size_t row, const TableSpec& spec) {
    std::map<std::string, std::size_t> columns;
    if (row >= sheet.rows.size()) return columns;
    const auto& cells = sheet.rows[row];
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].type != Cell::String) continue;
        if (const FieldSpec* field = spec.match(cells[c].text)) columns.emplace(field->id, c);
    }
    return columns;
}

bool has_required(const std::map<std::string, std::size_t>& columns, const TableSpec& spec) {
    bool any = false;
    for (const auto& f : spec.fields) {
        if (f.required_column && !columns.count(f.id)) return false;
        any = any || columns.count(f.id);
    }
    return any;
}

std::string required_labels(const TableSpec& spec) {
    std::vector<std::string> labels;
    for (const auto& f : spec.fields)
        if (f.required_column) labels.push_back(quoted(f.label));
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + labels[i];
    return out;
}

bool cell_blank(const Sheet& sheet, std::size_t row, std::size_t column) {
    const Cell* cell = sheet.cell(row, column);
    return !cell || cell->empty() || trim(cell->text).empty();
}

}  // namespace

void read_key_value_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    SourceRow row;
    row.position = table.position;
    if (!sheet) {
        table.rows.push_back(std::move(row));
        return;
    }
    std::optional<std::size_t> header, key_column, value_column;
    for (std::size_t r = 0; r < std::min(sheet->rows.size(), kFormHeaderSearchRows) && !header; ++r) {
        std::optional<std::size_t> key, value;
        for (std::size_t c = 0; c < sheet->rows[r].size(); ++c) {
            const std::string name = normalize_name(sheet->rows[r][c].text);
            if (!key && name == normalize_name(programme_key_label())) key = c;
            if (!value && name == normalize_name(programme_value_label())) value = c;
        }
        if (key && value) header = r, key_column = key, value_column = value;
    }
    if (!header) {
        diagnostics.error(table.position, "les en-têtes « " + programme_key_label() + " » et « " + programme_value_label() +
                                              " » sont introuvables (attendus sur une même ligne, dans les " +
                                              std::to_string(kFormHeaderSearchRows) + " premières lignes)");
        for (const auto& f : spec.fields) table.missing_columns.push_back(f.id);
        table.rows.push_back(std::move(row));
        return;
    }
    for (std::size_t r = *header + 1; r < sheet->rows.size(); ++r) {
        const Cell* key = sheet->cell(r, *key_column);
        if (!key || trim(key->text).empty()) continue;
        const FieldSpec* field = spec.match(key->text);
        if (!field) {
            if (!cell_blank(*sheet, r, *value_column))
                diagnostics.warning(key->position, "champ inconnu « " + trim(key->text) + " » : ligne ignorée");
            continue;
        }
        const auto existing = row.fields.find(field->id);
        if (existing != row.fields.end()) {
            diagnostics.error(key->position, "le champ « " + field->label + " » est donné deux fois (déjà en " +
                                                 short_place(existing->second.position) + ")");
            continue;
        }
        row.fields[field->id] = field_of(*sheet, r, *value_column);
    }
    for (const auto& f : spec.fields)
        if (!row.fields.count(f.id)) {
            if (f.required_column)
                diagnostics.error(table.position, "la ligne « " + f.label + " » est absente de la colonne « " +
                                                      programme_key_label() + " »");
            table.missing_columns.push_back(f.id);
        }
    table.rows.push_back(std::move(row));
}

void read_form_table(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    if (!sheet) return;
    std::optional<std::size_t> header;
    std::map<std::string, std::size_t> columns;
    for (std::size_t r = 0; r < std::min(sheet->rows.size(), kFormHeaderSearchRows) && !header; ++r) {
        auto found = columns_in(*sheet, r, spec);
        if (has_required(found, spec)) header = r, columns = std::move(found);
    }
    if (!header) {
        diagnostics.error(table.position, "la ligne d'en-têtes est introuvable : elle doit porter les colonnes " +
                                              required_labels(spec) + " dans les " +
                                              std::to_string(kFormHeaderSearchRows) + " premières lignes");
        for (const auto& f : spec.fields) table.missing_columns.push_back(f.id);
        return;
    }
    const auto& cells = sheet->rows[*header];
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].type != Cell::String) continue;
        const FieldSpec* field = spec.match(cells[c].text);
        if (field && columns.at(field->id) != c)
            diagnostics.error(cells[c].position, "la colonne « " + field->label + " » apparaît deux fois (déjà en " +
                                                     short_place(cells[columns.at(field->id)].position) + ")");
    }
    for (const auto& f : spec.fields)
        if (!columns.count(f.id)) table.missing_columns.push_back(f.id);
    const std::size_t first_column = std::min_element(columns.begin(), columns.end(), [](const auto& a, const auto& b) {
                                         return a.second < b.second;
                                     })->second;
    for (std::size_t r = *header + 1; r < sheet->rows.size(); ++r) {
        if (const Cell* first = sheet->cell(r, first_column); first && normalize_name(first->text) == "total") break;
        const bool blank = std::all_of(columns.begin(), columns.end(),
                                       [&](const auto& c) { return cell_blank(*sheet, r, c.second); });
        if (blank) continue;
        SourceRow row;
        row.position = sheet->cell_place(r, first_column);
        for (const auto& [id, column] : columns) row.fields[id] = field_of(*sheet, r, column);
        table.rows.push_back(std::move(row));
    }
}

namespace {

// An element's text: its own text, or one line per child element when it
// only wraps items (<actions><action>…</action></actions>).
std::string element_text(const XmlElement& element) {
    if (element.children.empty()) return element.text;
    std::string out;
    for (const auto& c : element.children) out += (out.empty() ? "" : "\n") + element_text(c);
    return out;
}

void add_field(SourceRow& row, const FieldSpec& field, SourceField value, Diagnostics& diagnostics) {
    const auto existing = row.fields.find(field.id);
    if (existing == row.fields.end()) {
        row.fields[field.id] = std::move(value);
        return;
    }
    diagnostics.error(value.position, "le champ « " + field.id + " » est donné deux fois (déjà en " +
                                          short_place(existing->second.position) + ")");
}

}  // namespace

SourceRow read_xml_row(const XmlElement& item, const TableSpec& spec, Diagnostics& diagnostics, const XmlNameFilter& skip) {
    SourceRow row;
    row.position = item.position;
    for (const auto& a : item.attributes) {
        if (a.name.rfind("xmlns", 0) == 0 || a.name.rfind("xml:", 0) == 0) continue;
        if (skip && skip(a.name)) continue;
        const FieldSpec* field = spec.match(a.name);
        if (!field) {
            diagnostics.warning(a.position, "attribut inconnu « " + a.name + " » dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {a.value, std::nullopt, a.position}, diagnostics);
    }
    for (const auto& c : item.children) {
        if (skip && skip(c.name)) continue;
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

void read_xml_table(const XmlElement& parent, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                    bool required) {
    table.spec = &spec;
    table.position = parent.position;
    const XmlElement* list = nullptr;
    for (const auto& c : parent.children) {
        if (normalize_name(c.name) != normalize_name(spec.xml_list)) continue;
        if (list) {
            diagnostics.error(c.position, "l'élément " + element_label(spec.xml_list) + " apparaît deux fois (déjà en " +
                                              short_place(list->position) + ")");
            continue;
        }
        list = &c;
    }
    if (!list) {
        if (required)
            diagnostics.error(parent.position, "l'élément " + element_label(spec.xml_list) + " est absent de " +
                                                   element_label(parent.name));
        return;
    }
    table.present = true;
    table.position = list->position;
    for (const auto& item : list->children) {
        if (normalize_name(item.name) != normalize_name(spec.xml_item)) {
            diagnostics.warning(item.position, "élément " + element_label(item.name) + " inattendu dans " +
                                                   element_label(list->name) + " (attendu : " +
                                                   element_label(spec.xml_item) + ") : ignoré");
            continue;
        }
        table.rows.push_back(read_xml_row(item, spec, diagnostics));
    }
}

}  // namespace lettrine
