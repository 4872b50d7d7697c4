// Workbook -> ProgrammeSource: columns are found by their header (row 1),
// never by position; unknown columns are ignored.
#include "data/programme_source.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "data/names.hpp"

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

bool row_is_blank(const Sheet& sheet, std::size_t row, const std::vector<std::size_t>& columns) {
    for (std::size_t column : columns) {
        const Cell* cell = sheet.cell(row, column);
        if (cell && !cell->empty() && !trim(cell->text).empty()) return false;
    }
    return true;
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
        return nullptr;
    }
    table.present = true;
    table.position = sheet->place();
    return sheet;
}

// Header row -> column index per field id; reports missing and repeated columns.
std::map<std::string, std::size_t> header_columns(const Sheet& sheet, const TableSpec& spec, SourceTable& table,
                                                  Diagnostics& diagnostics) {
    std::map<std::string, std::size_t> columns;
    if (!sheet.rows.empty()) {
        const auto& header = sheet.rows[0];
        for (std::size_t c = 0; c < header.size(); ++c) {
            const FieldSpec* field = spec.match(header[c].text);
            if (!field || header[c].type != Cell::String) continue;
            const auto [it, inserted] = columns.emplace(field->id, c);
            if (!inserted)
                diagnostics.error(header[c].position, "la colonne « " + field->label + " » apparaît deux fois (déjà en " +
                                                          short_place(sheet.rows[0][it->second].position) + ")");
        }
    }
    for (const auto& field : spec.fields) {
        if (columns.count(field.id)) continue;
        if (field.required_column)
            diagnostics.error(table.position, "la colonne « " + field.label + " » est absente (en-têtes attendus en ligne 1)");
        table.missing_columns.push_back(field.id);
    }
    return columns;
}

void read_list_table(const Workbook& workbook, const TableSpec& spec, SourceTable& table, Diagnostics& diagnostics) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    if (!sheet) return;
    const auto columns = header_columns(*sheet, spec, table, diagnostics);
    std::vector<std::size_t> indexes;
    for (const auto& [id, column] : columns) indexes.push_back(column);
    for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
        if (row_is_blank(*sheet, r, indexes)) continue;
        SourceRow row;
        row.position = sheet->cell_place(r, 0);
        for (const auto& [id, column] : columns) row.fields[id] = field_of(*sheet, r, column);
        table.rows.push_back(std::move(row));
    }
}

// « Programme »: rows of (Champ, Valeur) become the fields of one row.
void read_settings(const Workbook& workbook, SourceTable& table, Diagnostics& diagnostics) {
    const TableSpec& spec = programme_fields_spec();
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    if (!sheet) return;
    std::optional<std::size_t> key_column, value_column;
    if (!sheet->rows.empty())
        for (std::size_t c = 0; c < sheet->rows[0].size(); ++c) {
            const std::string header = normalize_name(sheet->rows[0][c].text);
            if (header == normalize_name(programme_key_label()) && !key_column) key_column = c;
            if (header == normalize_name(programme_value_label()) && !value_column) value_column = c;
        }
    for (const auto& [column, label] : {std::pair{key_column, programme_key_label()}, std::pair{value_column, programme_value_label()}})
        if (!column) diagnostics.error(table.position, "la colonne « " + label + " » est absente (en-têtes attendus en ligne 1)");
    SourceRow row;
    row.position = table.position;
    if (key_column && value_column) {
        for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
            const Cell* key = sheet->cell(r, *key_column);
            if (!key || trim(key->text).empty()) continue;
            const FieldSpec* field = spec.match(key->text);
            if (!field) {
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
    } else {
        for (const auto& field : spec.fields) table.missing_columns.push_back(field.id);
    }
    table.rows.push_back(std::move(row));
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

ProgrammeSource programme_source_from_workbook(const Workbook& workbook) {
    ProgrammeSource source;
    source.file = workbook.file;
    source.date1904 = workbook.date1904;
    read_settings(workbook, source.settings, source.diagnostics);
    read_list_table(workbook, sectors_spec(), source.sectors, source.diagnostics);
    read_list_table(workbook, partners_spec(), source.partners, source.diagnostics);
    read_list_table(workbook, experiments_spec(), source.experiments, source.diagnostics);
    read_list_table(workbook, missions_spec(), source.missions, source.diagnostics);
    read_list_table(workbook, texts_spec(), source.texts, source.diagnostics);
    return source;
}

}  // namespace lettrine
