// Sheets -> positioned tables (table_source.hpp): columns are found by their
// header, never by position; unknown columns are ignored.
#include <algorithm>

#include "core/french.hpp"
#include "core/text.hpp"
#include "data/names.hpp"
#include "data/table_source.hpp"

namespace lettrine {

namespace {

SourceField field_of(const Sheet& sheet, std::size_t row, std::size_t column) {
    SourceField field;
    field.position = sheet.cell_place(row, column);
    if (const Cell* cell = sheet.cell(row, column)) {
        if (cell->type == Cell::Number) field.number = cell->number;
        if (cell->type != Cell::Empty) field.text = cell->text;
    }
    return field;
}

bool cell_blank(const Sheet& sheet, std::size_t row, std::size_t column) {
    const Cell* cell = sheet.cell(row, column);
    return !cell || cell->empty() || trim(cell->text).empty();
}

void mark_all_missing(const TableSpec& spec, SourceTable& table) {
    for (const auto& f : spec.fields) table.missing_columns.push_back(f.id);
}

// Finds the sheet of a table; reports it when absent.
const Sheet* find_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics) {
    table.spec = &spec;
    const Sheet* sheet = workbook.find(spec.sheet);
    if (!sheet) {
        table.position = SourcePosition::in_file(workbook.file);
        diagnostics.error(table.position, workbook.csv_folder
                                              ? "le fichier « " + spec.sheet + ".csv » est absent du dossier"
                                              : "la feuille « " + spec.sheet + " » est absente");
        mark_all_missing(spec, table);
        return nullptr;
    }
    table.present = true;
    table.position = sheet->place();
    return sheet;
}

// Each field's column in `row` (the first one when a header is repeated).
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

void report_repeated_columns(const Sheet& sheet, std::size_t row, const TableSpec& spec,
                             const std::map<std::string, std::size_t>& columns, Diagnostics& diagnostics) {
    if (row >= sheet.rows.size()) return;
    const auto& cells = sheet.rows[row];
    for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].type != Cell::String) continue;
        const FieldSpec* field = spec.match(cells[c].text);
        if (field && columns.at(field->id) != c)
            diagnostics.error(cells[c].position, "la colonne " + quoted(field->label) + " apparaît deux fois (déjà en " +
                                                     short_place(cells[columns.at(field->id)].position) + ")");
    }
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
    std::string out;
    for (const auto& f : spec.fields)
        if (f.required_column) out += (out.empty() ? "" : ", ") + quoted(f.label);
    return out;
}

// The header row: row 1 of a Plain sheet (missing required columns
// reported one by one), the first row holding every required column of a
// Form sheet (reported as a whole when none does). nullopt: no column to read.
std::optional<std::size_t> find_header(const Sheet& sheet, const TableSpec& spec, SourceTable& table,
                                       Diagnostics& diagnostics, SheetLayout layout,
                                       std::map<std::string, std::size_t>& columns) {
    if (layout == SheetLayout::Plain) {
        columns = columns_in(sheet, 0, spec);
        report_repeated_columns(sheet, 0, spec, columns, diagnostics);
        for (const auto& f : spec.fields) {
            if (columns.count(f.id)) continue;
            if (f.required_column)
                diagnostics.error(table.position, "la colonne " + quoted(f.label) + " est absente (en-têtes attendus en ligne 1)");
            table.missing_columns.push_back(f.id);
        }
        return 0;
    }
    for (std::size_t r = 0; r < std::min(sheet.rows.size(), kFormHeaderSearchRows); ++r) {
        auto found = columns_in(sheet, r, spec);
        if (!has_required(found, spec)) continue;
        columns = std::move(found);
        report_repeated_columns(sheet, r, spec, columns, diagnostics);
        for (const auto& f : spec.fields)
            if (!columns.count(f.id)) table.missing_columns.push_back(f.id);
        return r;
    }
    diagnostics.error(table.position, "la ligne d’en-têtes est introuvable : elle doit porter les colonnes " +
                                          required_labels(spec) + " dans les " +
                                          std::to_string(kFormHeaderSearchRows) + " premières lignes");
    mark_all_missing(spec, table);
    return std::nullopt;
}

}  // namespace

bool SourceTable::column_missing(const std::string& id) const {
    return std::find(missing_columns.begin(), missing_columns.end(), id) != missing_columns.end();
}

std::string short_place(const SourcePosition& position) {
    if (!position.cell.empty()) return "cellule " + position.cell;
    if (position.line > 0) return "ligne " + std::to_string(position.line);
    return position.describe();
}

void read_sheet_table(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics,
                      SheetLayout layout) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    if (!sheet) return;
    std::map<std::string, std::size_t> columns;
    const auto header = find_header(*sheet, spec, table, diagnostics, layout, columns);
    if (!header) return;
    // A Plain row starts in column A; a Form row at its table's first column.
    std::size_t first_column = 0;
    if (layout == SheetLayout::Form && !columns.empty())
        first_column = std::min_element(columns.begin(), columns.end(), [](const auto& a, const auto& b) {
                           return a.second < b.second;
                       })->second;
    for (std::size_t r = *header + 1; r < sheet->rows.size(); ++r) {
        if (layout == SheetLayout::Form)
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

struct KeyValueColumns {
    std::size_t header, key, value;
};

// The « Champ » / « Valeur » header: row 1 of a Plain sheet (each missing
// label reported), the first of kFormHeaderSearchRows rows holding both in a Form.
std::optional<KeyValueColumns> find_key_value_header(const Sheet& sheet, const SourceTable& table,
                                                     Diagnostics& diagnostics, SheetLayout layout) {
    const std::size_t rows = layout == SheetLayout::Plain ? 1 : kFormHeaderSearchRows;
    std::optional<std::size_t> key, value;
    for (std::size_t r = 0; r < std::min(sheet.rows.size(), rows); ++r) {
        key = value = std::nullopt;
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const std::string name = normalize_name(sheet.rows[r][c].text);
            if (!key && name == normalize_name(key_column_label())) key = c;
            if (!value && name == normalize_name(value_column_label())) value = c;
        }
        if (key && value) return KeyValueColumns{r, *key, *value};
    }
    if (layout == SheetLayout::Form) {
        diagnostics.error(table.position, "les en-têtes " + quoted(key_column_label()) + " et " +
                                              quoted(value_column_label()) +
                                              " sont introuvables (attendus sur une même ligne, dans les " +
                                              std::to_string(kFormHeaderSearchRows) + " premières lignes)");
        return std::nullopt;
    }
    for (const auto& [column, label] : {std::pair{key, key_column_label()}, std::pair{value, value_column_label()}})
        if (!column) diagnostics.error(table.position, "la colonne " + quoted(label) + " est absente (en-têtes attendus en ligne 1)");
    return std::nullopt;
}

void read_key_value_rows(const Sheet& sheet, const TableSpec& spec, const KeyValueColumns& columns, SourceRow& row,
                         Diagnostics& diagnostics, SheetLayout layout) {
    for (std::size_t r = columns.header + 1; r < sheet.rows.size(); ++r) {
        const Cell* key = sheet.cell(r, columns.key);
        if (!key || trim(key->text).empty()) continue;
        const FieldSpec* field = spec.match(key->text);
        if (!field) {
            // In a form, a key without a value is a section heading.
            if (layout == SheetLayout::Plain || !cell_blank(sheet, r, columns.value))
                diagnostics.warning(key->position, "champ inconnu " + quoted(trim(key->text)) + " : ligne ignorée");
            continue;
        }
        const auto existing = row.fields.find(field->id);
        if (existing != row.fields.end()) {
            diagnostics.error(key->position, "le champ " + quoted(field->label) + " est donné deux fois (déjà en " +
                                                 short_place(existing->second.position) + ")");
            continue;
        }
        row.fields[field->id] = field_of(sheet, r, columns.value);
    }
}

}  // namespace

void read_key_value_sheet(const Workbook& workbook, const TableSpec& spec, SourceTable& table,
                          Diagnostics& diagnostics, SheetLayout layout) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    SourceRow row;
    row.position = table.position;
    const auto columns = sheet ? find_key_value_header(*sheet, table, diagnostics, layout) : std::nullopt;
    if (sheet && !columns) mark_all_missing(spec, table);
    if (columns) {
        read_key_value_rows(*sheet, spec, *columns, row, diagnostics, layout);
        // A Plain sheet's missing key is reported by its field's validation.
        if (layout == SheetLayout::Form)
            for (const auto& f : spec.fields)
                if (!row.fields.count(f.id)) {
                    if (f.required_column)
                        diagnostics.error(table.position, "la ligne " + quoted(f.label) + " est absente de la colonne " +
                                                              quoted(key_column_label()));
                    table.missing_columns.push_back(f.id);
                }
    }
    table.rows.push_back(std::move(row));
}

void read_workbook_tables(const Workbook& workbook, const std::vector<TableSlot>& slots, Diagnostics& diagnostics,
                          SheetLayout layout) {
    for (const TableSlot& slot : slots) {
        if (slot.key_value)
            read_key_value_sheet(workbook, *slot.spec, *slot.table, diagnostics, layout);
        else
            read_sheet_table(workbook, *slot.spec, *slot.table, diagnostics, layout);
    }
}

void place_tables(const std::vector<TableSlot>& slots, const SourcePosition& where) {
    for (const TableSlot& slot : slots) {
        slot.table->spec = slot.spec;
        slot.table->position = where;
    }
}

}  // namespace lettrine
