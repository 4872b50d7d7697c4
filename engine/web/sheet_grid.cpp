#include "web/sheet_grid.hpp"

#include <map>
#include <set>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/csv_reader.hpp"
#include "data/ods_reader.hpp"
#include "markup/french_punctuation.hpp"

namespace lettrine::web {

namespace {

struct Place {
    int sheet = -1;  // index in the workbook; -1: not in a drawn sheet
    int row = -1, column = -1;  // -1: the whole sheet
};

std::string column_letters(std::size_t column) {
    std::string reference = cell_reference(0, static_cast<int>(column));
    while (!reference.empty() && reference.back() >= '0' && reference.back() <= '9') reference.pop_back();
    return reference;
}

// A CSV position (file:line:column) is matched against the cells' own positions.
std::optional<CellIndex> csv_cell(const Sheet& sheet, const SourcePosition& position) {
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const SourcePosition& p = sheet.rows[r][c].position;
            if (p.line == position.line && (position.column == 0 || p.column == position.column))
                return CellIndex{static_cast<int>(r), static_cast<int>(c)};
        }
    return std::nullopt;
}

Place locate(const Workbook& workbook, const SourcePosition& position) {
    for (std::size_t s = 0; s < workbook.sheets.size(); ++s) {
        const Sheet& sheet = workbook.sheets[s];
        Place place;
        place.sheet = static_cast<int>(s);
        if (sheet.text_file) {
            if (position.file != sheet.file || position.line == 0) continue;
            if (const auto cell = csv_cell(sheet, position)) {
                place.row = cell->row;
                place.column = cell->column;
            }
            return place;
        }
        if (position.sheet != sheet.name) continue;
        if (const auto cell = parse_cell_reference(position.cell)) {
            place.row = cell->row;
            place.column = cell->column;
        }
        return place;
    }
    return {};
}

std::string anchor(const Place& place) {
    std::string id = "f" + std::to_string(place.sheet + 1);
    if (place.row >= 0) id += "-" + cell_reference(place.row, place.column);
    return id;
}

std::string shortened(const std::string& text, std::size_t limit) {
    std::string flat = text;
    for (char& c : flat) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (flat.size() <= limit) return flat;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
    return flat.substr(0, cut) + "…";
}

DataValue text(const std::string& s) { return DataValue::text(s); }

// One sheet as rows of cells, the faulty ones marked with their messages.
DataValue draw_sheet(const Sheet& sheet, int index, const std::map<std::pair<int, int>, std::vector<std::string>>& faults,
                     const GridLimits& limits) {
    std::size_t rows = sheet.rows.size(), columns = 0;
    for (const auto& row : sheet.rows) columns = std::max(columns, row.size());
    for (const auto& [cell, messages] : faults) {
        rows = std::max(rows, static_cast<std::size_t>(cell.first + 1));
        columns = std::max(columns, static_cast<std::size_t>(cell.second + 1));
    }
    rows = std::min(rows, limits.max_rows);
    columns = std::min(std::max<std::size_t>(columns, 1), limits.max_columns);
    DataValue view = DataValue::map();
    view.set("nom", text(sheet.name));
    view.set("id", text("f" + std::to_string(index + 1)));
    DataValue letters = DataValue::list();
    for (std::size_t c = 0; c < columns; ++c) letters.push_back(text(column_letters(c)));
    view.set("colonnes", letters);
    DataValue lines = DataValue::list();
    for (std::size_t r = 0; r < rows; ++r) {
        DataValue line = DataValue::map();
        line.set("numero", text(std::to_string(r + 1)));
        DataValue cells = DataValue::list();
        for (std::size_t c = 0; c < columns; ++c) {
            DataValue cell = DataValue::map();
            const Cell* read = sheet.cell(r, c);
            cell.set("texte", text(read ? shortened(read->text, limits.max_cell_text) : ""));
            const auto fault = faults.find({static_cast<int>(r), static_cast<int>(c)});
            if (fault != faults.end()) {
                cell.set("fautive", DataValue::boolean(true));
                cell.set("id", text("f" + std::to_string(index + 1) + "-" + cell_reference(static_cast<int>(r), static_cast<int>(c))));
                cell.set("reference", text(cell_reference(static_cast<int>(r), static_cast<int>(c))));
                DataValue messages = DataValue::list();
                for (const std::string& m : fault->second) messages.push_back(text(m));
                cell.set("messages", messages);
            }
            cells.push_back(cell);
        }
        line.set("cellules", cells);
        lines.push_back(line);
    }
    view.set("lignes", lines);
    return view;
}

std::string place_text(const SourcePosition& p, const Place& place) {
    if (place.row >= 0) return cell_reference(place.row, place.column);
    if (!p.cell.empty()) return p.cell;
    if (p.line > 0) return "ligne " + std::to_string(p.line) + (p.column > 0 ? ", colonne " + std::to_string(p.column) : "");
    return "";
}

}  // namespace

std::optional<Workbook> read_back(const boost::filesystem::path& data) {
    try {
        boost::system::error_code error;
        if (boost::filesystem::is_directory(data, error)) return read_csv_folder(data);
        const std::string extension = data.extension().string();
        if (extension == ".xlsx") return read_xlsx(read_file(data), data.filename().string());
        if (extension == ".ods") return read_ods(read_file(data), data.filename().string());
    } catch (const LettrineError&) {
    }
    return std::nullopt;
}

DataValue error_view(const Diagnostics& diagnostics, const std::optional<Workbook>& workbook, const GridLimits& limits) {
    DataValue problems = DataValue::list();
    std::map<int, std::map<std::pair<int, int>, std::vector<std::string>>> faults;  // sheet -> cell -> messages
    std::set<int> sheets;
    std::size_t count = 0;
    for (const Diagnostic& d : diagnostics.items()) {
        if (d.severity != Severity::Error) continue;
        ++count;
        const Place place = workbook ? locate(*workbook, d.position) : Place{};
        DataValue item = DataValue::map();
        std::string sheet = d.position.sheet;
        if (place.sheet >= 0) sheet = workbook->sheets[static_cast<std::size_t>(place.sheet)].name;
        item.set("feuille", text(sheet.empty() ? d.position.file : sheet));
        item.set("cellule", text(place_text(d.position, place)));
        item.set("message", text(french_typography(d.message)));
        const bool drawn = place.sheet >= 0 && static_cast<std::size_t>(place.row) < limits.max_rows &&
                           static_cast<std::size_t>(place.column) < limits.max_columns;
        if (place.sheet >= 0) {
            sheets.insert(place.sheet);
            if (place.row >= 0 && drawn) faults[place.sheet][{place.row, place.column}].push_back(french_typography(d.message));
            if (place.row < 0 || drawn) item.set("lien", text(anchor(place)));
        }
        problems.push_back(item);
    }
    DataValue view = DataValue::map();
    view.set("problemes", problems);
    view.set("nombre", text(std::to_string(count)));
    view.set("plusieurs", DataValue::boolean(count > 1));
    view.set("avec_problemes", DataValue::boolean(count > 0));
    DataValue drawn = DataValue::list();
    for (int s : sheets) drawn.push_back(draw_sheet(workbook->sheets[static_cast<std::size_t>(s)], s, faults[s], limits));
    view.set("feuilles", drawn);
    view.set("avec_grilles", DataValue::boolean(!sheets.empty()));
    return view;
}

}  // namespace lettrine::web
