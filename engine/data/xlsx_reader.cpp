#include "data/xlsx_reader.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <cstring>
#include <map>
#include <set>

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "data/input_file.hpp"
#include "data/names.hpp"
#include "data/xml_part.hpp"
#include "data/xml_reader.hpp"
#include "data/zip_archive.hpp"

namespace lettrine {

namespace {

// ---- XML helpers: OOXML producers may prefix elements ("x:row"). ----------

const char* local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& node, const char* name) {
    return node.type() == pugi::node_element && std::strcmp(local_name(node.name()), name) == 0;
}

pugi::xml_node child(const pugi::xml_node& node, const char* name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (is(c, name)) return c;
    return {};
}

template <typename F>
void for_each_child(const pugi::xml_node& node, const char* name, F&& f) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (is(c, name)) f(c);
}

// An attribute by local name ("r:id" and "id" both match "id" when prefixed).
const char* attribute(const pugi::xml_node& node, const char* name, bool prefixed_only = false) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        const char* full = a.name();
        const bool has_prefix = std::strchr(full, ':') != nullptr;
        if (prefixed_only && !has_prefix) continue;
        if (std::strcmp(local_name(full), name) == 0) return a.value();
    }
    return nullptr;
}

// ---- Paths inside the package ----------------------------------------------

std::string directory_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// Resolves a relationship target against the folder of the source part;
// nullopt when it climbs out of the package ("../../x").
std::optional<std::string> resolve_target(const std::string& base_directory, std::string target) {
    std::string path = target.size() > 0 && target[0] == '/' ? target.substr(1) : base_directory + target;
    // Remove "." and ".." segments.
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string segment = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (segment == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        }
        else if (!segment.empty() && segment != ".") parts.push_back(segment);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

struct Relationship { std::string type, target; };

class Package {
public:
    Package(const std::string& bytes, const std::string& file, const XlsxLimits& limits)
        : zip_(bytes, file, {limits.max_entry_bytes, limits.max_total_bytes}), file_(file), limits_(limits) {}

    [[noreturn]] void fail(const std::string& message) const {
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_), message);
    }

    bool contains(const std::string& part) const { return zip_.contains(part); }

    // Parses a part; nullopt-like empty document when absent and optional.
    bool load(const std::string& part, pugi::xml_document& doc, bool required) {
        auto bytes = zip_.read(part);
        if (!bytes) {
            if (required) fail("l’élément « " + part + " » manque au classeur (fichier XLSX incomplet)");
            return false;
        }
        parse_xml_part(*bytes, part, file_, limits_.max_xml_tags, pugi::parse_default | pugi::parse_ws_pcdata, doc);
        return true;
    }

    // Relationships of a part, by id ("rId1").
    std::map<std::string, Relationship> relationships(const std::string& part) {
        const std::string rels = directory_of(part) + "_rels/" + part.substr(directory_of(part).size()) + ".rels";
        std::map<std::string, Relationship> out;
        pugi::xml_document doc;
        if (!load(rels, doc, false)) return out;
        for_each_child(child(doc, "Relationships"), "Relationship", [&](const pugi::xml_node& r) {
            const char* id = r.attribute("Id").value();
            const char* mode = r.attribute("TargetMode").value();
            if (std::strcmp(mode, "External") == 0) return;
            const char* target = r.attribute("Target").value();
            const auto resolved = resolve_target(directory_of(part), target);
            if (!resolved)
                fail("la relation « " + std::string(id) + " » de l’élément « " + rels + " » pointe hors du classeur (« " +
                     std::string(target).substr(0, 200) + " ») : fichier refusé");
            out[id] = {r.attribute("Type").value(), *resolved};
        });
        return out;
    }

private:
    mutable ZipArchive zip_;
    std::string file_;
    XlsxLimits limits_;
};

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ---- Text of string items ---------------------------------------------------

std::string text_of(const pugi::xml_node& node) {
    std::string out;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    return out;
}

// Carriage returns (from "_x000D_" or CRLF) become plain '\n' line breaks.
std::string normalize_line_breaks(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string clean_text(const std::string& raw) { return normalize_line_breaks(decode_ooxml_escapes(raw)); }

// <si> or <is>: plain <t>, or rich-text runs <r><t>; phonetic runs <rPh> are skipped.
std::string string_item(const pugi::xml_node& item) {
    std::string out;
    for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
        if (is(c, "t")) out += text_of(c);
        else if (is(c, "r")) out += text_of(child(c, "t"));
    }
    return clean_text(out);
}

std::vector<std::string> shared_strings(Package& package, const std::string& part, const XlsxLimits& limits) {
    std::vector<std::string> out;
    pugi::xml_document doc;
    if (part.empty() || !package.load(part, doc, false)) return out;
    for_each_child(child(doc, "sst"), "si", [&](const pugi::xml_node& si) {
        if (out.size() >= limits.max_shared_strings)
            package.fail("le classeur contient plus de " + std::to_string(limits.max_shared_strings) +
                         " chaînes partagées : fichier refusé");
        out.push_back(string_item(si));
    });
    return out;
}

// ---- Styles: which cell formats show dates ---------------------------------

bool is_date_format_code(const std::string& code) {
    std::string bare;  // without quoted text, escapes and [..] sections
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') { i = code.find('"', i + 1); if (i == std::string::npos) break; }
        else if (c == '\\' || c == '_' || c == '*') ++i;
        else if (c == '[') { i = code.find(']', i + 1); if (i == std::string::npos) break; }
        else bare += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return bare.find_first_of("dy") != std::string::npos;
}

bool is_builtin_date_format(int id) {
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

std::vector<bool> date_styles(Package& package, const std::string& part) {
    std::vector<bool> out;
    pugi::xml_document doc;
    if (part.empty() || !package.load(part, doc, false)) return out;
    const pugi::xml_node style_sheet = child(doc, "styleSheet");
    std::map<int, bool> custom;
    for_each_child(child(style_sheet, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
        custom[f.attribute("numFmtId").as_int()] = is_date_format_code(f.attribute("formatCode").value());
    });
    for_each_child(child(style_sheet, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
        const int id = xf.attribute("numFmtId").as_int();
        const auto found = custom.find(id);
        out.push_back(found != custom.end() ? found->second : is_builtin_date_format(id));
    });
    return out;
}

// ---- Numbers ----------------------------------------------------------------

std::string number_text(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> parse_number(const std::string& text) {
    const std::string s = trim(text);
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec != std::errc() || result.ptr != s.data() + s.size()) return std::nullopt;
    return value;
}

// ---- One worksheet ---------------------------------------------------------

struct SheetContext {
    const std::string& file;
    const std::vector<std::string>& strings;
    const std::vector<bool>& dates;
    std::size_t& cell_budget;
    std::size_t& text_budget;
    const XlsxLimits& limits;
};

Cell read_cell(const pugi::xml_node& c, const SheetContext& context, const Package& package) {
    Cell cell;
    const std::string type = c.attribute("t").value();
    const pugi::xml_node v = child(c, "v");
    const std::string value = text_of(v);
    if (type == "inlineStr") {
        cell.type = Cell::String;
        cell.text = string_item(child(c, "is"));
    } else if (!v || (trim(value).empty() && child(c, "f"))) {
        // No value, or a formula whose result was never computed: openpyxl
        // writes <f>…</f><v></v> for every formula it saves.
        cell.type = Cell::Empty;
    } else if (type == "s") {
        const auto index = parse_number(value);
        if (!index || *index < 0 || *index >= static_cast<double>(context.strings.size()))
            package.fail("une cellule renvoie à la chaîne partagée « " + value +
                         " », absente du classeur (fichier endommagé)");
        cell.type = Cell::String;
        cell.text = context.strings[static_cast<std::size_t>(*index)];
    } else if (type == "str" || type == "d") {
        cell.type = Cell::String;
        cell.text = clean_text(value);
    } else if (type == "b") {
        cell.type = Cell::Boolean;
        cell.number = trim(value) == "1" || trim(value) == "true" ? 1 : 0;
        cell.text = cell.number != 0 ? "VRAI" : "FAUX";
    } else if (type == "e") {
        cell.type = Cell::Error;
        cell.text = trim(value);
    } else {
        const auto number = parse_number(value);
        if (!number) package.fail("une cellule numérique contient « " + value + " » (fichier endommagé)");
        cell.type = Cell::Number;
        cell.number = *number;
        cell.text = number_text(*number);
        const int style = c.attribute("s").as_int(0);
        cell.date_format = style >= 0 && static_cast<std::size_t>(style) < context.dates.size() && context.dates[style];
    }
    return cell;
}

void read_sheet_data(const pugi::xml_node& worksheet, Sheet& sheet, const SheetContext& context, const Package& package) {
    const auto take_cells = [&](std::size_t n) {
        if (n > context.cell_budget)
            package.fail("le classeur contient plus de " + std::to_string(context.limits.max_cells) +
                         " cellules : fichier refusé");
        context.cell_budget -= n;
    };
    int next_row = 0;
    for_each_child(child(worksheet, "sheetData"), "row", [&](const pugi::xml_node& row) {
        int row_index = next_row;
        if (const auto r = row.attribute("r")) {
            const int n = r.as_int(0);
            if (n >= 1 && n <= 1048576) row_index = n - 1;
        }
        next_row = row_index + 1;
        int next_column = 0;
        for_each_child(row, "c", [&](const pugi::xml_node& c) {
            int row_of_cell = row_index, column = next_column;
            if (const auto ref = parse_cell_reference(c.attribute("r").value())) {
                row_of_cell = ref->row;
                column = ref->column;
            }
            next_column = column + 1;
            Cell cell = read_cell(c, context, package);
            if (cell.text.size() > context.text_budget)
                package.fail("le texte des cellules du classeur dépasse " + describe_byte_count(context.limits.max_text_bytes) +
                             " : fichier refusé");
            context.text_budget -= cell.text.size();
            if (sheet.rows.size() <= static_cast<std::size_t>(row_of_cell)) {
                take_cells(row_of_cell + 1 - sheet.rows.size());  // rows cost memory too
                sheet.rows.resize(row_of_cell + 1);
            }
            auto& cells = sheet.rows[row_of_cell];
            if (cells.size() <= static_cast<std::size_t>(column)) {
                take_cells(column + 1 - cells.size());
                cells.resize(column + 1);
            }
            cells[column] = std::move(cell);
        });
    });
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
            sheet.rows[r][c].position =
                SourcePosition::at_cell(context.file, sheet.name, cell_reference(static_cast<int>(r), static_cast<int>(c)));
}

}  // namespace

const Cell* Sheet::cell(std::size_t row, std::size_t column) const {
    if (row >= rows.size() || column >= rows[row].size()) return nullptr;
    return &rows[row][column];
}

SourcePosition Sheet::place() const {
    if (text_file) return SourcePosition::in_file(file);
    return SourcePosition::at_cell(file, name, "");
}

SourcePosition Sheet::cell_place(std::size_t row, std::size_t column) const {
    if (const Cell* held = cell(row, column); held && !held->position.empty()) return held->position;
    if (text_file) {
        if (row < rows.size() && !rows[row].empty()) return SourcePosition::at_line(file, rows[row][0].position.line, 0);
        return SourcePosition::in_file(file);
    }
    return SourcePosition::at_cell(file, name, cell_reference(static_cast<int>(row), static_cast<int>(column)));
}

const Sheet* Workbook::find(const std::string& name) const {
    for (const auto& sheet : sheets)
        if (sheet.name == name) return &sheet;
    const std::string wanted = normalize_name(name);
    for (const auto& sheet : sheets)
        if (!wanted.empty() && normalize_name(sheet.name) == wanted) return &sheet;
    // LibreOffice exports each sheet of "programme.ods" as "programme-Secteurs.csv":
    // in a CSV folder, a single file ending in "-Secteurs" is sheet « Secteurs ».
    if (csv_folder && !wanted.empty()) {
        const Sheet* found = nullptr;
        for (const auto& sheet : sheets) {
            const std::string name = normalize_name(sheet.name);
            if (name.size() > wanted.size() + 1 && name.compare(name.size() - wanted.size(), wanted.size(), wanted) == 0 &&
                name[name.size() - wanted.size() - 1] == '-') {
                if (found) return nullptr;  // ambiguous
                found = &sheet;
            }
        }
        return found;
    }
    return nullptr;
}

std::optional<CellIndex> parse_cell_reference(const std::string& reference) {
    std::size_t i = 0;
    int column = 0;
    while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 3)
        column = column * 26 + (reference[i++] - 'A' + 1);
    if (i == 0 || i == reference.size()) return std::nullopt;
    int row = 0;
    const std::size_t digits_start = i;
    while (i < reference.size() && reference[i] >= '0' && reference[i] <= '9' && i - digits_start < 7)
        row = row * 10 + (reference[i++] - '0');
    if (i != reference.size() || row < 1 || row > 1048576 || column > 16384) return std::nullopt;
    return CellIndex{row - 1, column - 1};
}

std::optional<Date> cell_date(const Cell& cell, bool date1904) {
    if (cell.type != Cell::Number) return std::nullopt;
    return date_from_excel_serial(cell.number, date1904);
}

std::string decode_ooxml_escapes(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
            int code = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int h = hex(text[i + k]);
                ok = ok && h >= 0;
                code = code * 16 + (h < 0 ? 0 : h);
            }
            if (ok) {
                out += u32_to_utf8(static_cast<char32_t>(code));
                i += 6;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

Workbook read_xlsx(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits) {
    refuse_empty_file(bytes, file_name);
    Package package(bytes, file_name, limits);
    Workbook workbook;
    workbook.file = file_name;

    // The workbook part, named by the package relationships (usually xl/workbook.xml).
    std::string workbook_part = "xl/workbook.xml";
    for (const auto& [id, rel] : package.relationships(""))
        if (ends_with(rel.type, "/officeDocument") && package.contains(rel.target)) workbook_part = rel.target;
    pugi::xml_document workbook_xml;
    package.load(workbook_part, workbook_xml, true);
    const pugi::xml_node root = child(workbook_xml, "workbook");
    if (!root) package.fail("l’élément « " + workbook_part + " » ne décrit pas un classeur");

    const std::string date1904 = child(root, "workbookPr").attribute("date1904").value();
    workbook.date1904 = date1904 == "1" || date1904 == "true";

    const auto relationships = package.relationships(workbook_part);
    std::string strings_part, styles_part;
    for (const auto& [id, rel] : relationships) {
        if (ends_with(rel.type, "/sharedStrings")) strings_part = rel.target;
        if (ends_with(rel.type, "/styles")) styles_part = rel.target;
    }
    if (strings_part.empty() && package.contains(directory_of(workbook_part) + "sharedStrings.xml"))
        strings_part = directory_of(workbook_part) + "sharedStrings.xml";
    const std::vector<std::string> strings = shared_strings(package, strings_part, limits);
    const std::vector<bool> dates = date_styles(package, styles_part);

    std::size_t cell_budget = limits.max_cells, text_budget = limits.max_text_bytes;
    for_each_child(child(root, "sheets"), "sheet", [&](const pugi::xml_node& s) {
        Sheet sheet;
        sheet.name = s.attribute("name").value();
        sheet.file = file_name;
        const char* id = attribute(s, "id", true);
        const auto rel = id ? relationships.find(id) : relationships.end();
        if (rel == relationships.end())
            package.fail("la feuille « " + sheet.name + " » n’a pas de contenu dans le classeur (fichier endommagé)");
        pugi::xml_document sheet_xml;
        if (!package.load(rel->second.target, sheet_xml, false))
            package.fail("la feuille « " + sheet.name + " » manque au classeur (élément « " + rel->second.target +
                         " » absent)");
        const SheetContext context{file_name, strings, dates, cell_budget, text_budget, limits};
        read_sheet_data(child(sheet_xml, "worksheet"), sheet, context, package);
        workbook.sheets.push_back(std::move(sheet));
    });
    return workbook;
}

}  // namespace lettrine
