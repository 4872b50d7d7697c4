#include "data/records.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/calendar.hpp"
#include "data/csv_reader.hpp"
#include "data/data_text.hpp"
#include "data/input_file.hpp"
#include "data/ods_reader.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {

// A record is a map searched linearly: a sheet with data in thousands of
// columns (a crafted file: XFD is column 16,384) would make every row cost
// millions of comparisons. No mail merge needs more fields than this.
constexpr std::size_t kMaxRecordFields = 1024;

// Sets `key`, and its Mustache-safe alias when different and still free.
void set_with_alias(DataValue& map, const std::string& key, const std::string& alias, const DataValue& value) {
    map.set(key, value);
    if (!alias.empty() && alias != key && !map.find(alias)) map.set(alias, value);
}

void set_with_alias(DataValue& map, const std::string& key, const DataValue& value) {
    set_with_alias(map, key, mustache_key(key), value);
}

std::string cell_text(const Cell& cell, bool date1904) {
    switch (cell.type) {
        case Cell::Empty: return "";
        case Cell::Boolean: return cell.number != 0 ? "oui" : "";
        case Cell::Number: {
            if (cell.date_format)
                if (const auto date = date_from_excel_serial(cell.number, date1904)) return french_numeric_date(*date);
            std::string text = cell.text;
            std::replace(text.begin(), text.end(), '.', ',');
            return text;
        }
        default: return cell.text;
    }
}

// Multi-line text: each line trimmed, blank lines dropped.
std::string clean_lines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = collapse_whitespace(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const std::string part = trim(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (!part.empty()) parts.push_back(part);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return parts;
}

void collect(const XmlElement& element, const std::vector<std::string>& path, std::size_t depth,
             std::vector<const XmlElement*>& out) {
    if (depth == path.size()) { out.push_back(&element); return; }
    for (const auto& c : element.children)
        if (c.name == path[depth]) collect(c, path, depth + 1, out);
}

enum class DataFormat { Xlsx, Ods, Csv, CsvFolder, Xml };

DataFormat format_of(const boost::filesystem::path& file) {
    boost::system::error_code ec;
    if (boost::filesystem::is_directory(file, ec)) return DataFormat::CsvFolder;
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".xlsx") return DataFormat::Xlsx;
    if (extension == ".ods") return DataFormat::Ods;
    if (extension == ".csv") return DataFormat::Csv;
    if (extension == ".xml") return DataFormat::Xml;
    throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file.filename().string()),
                        "format de données non reconnu : l’extension doit être .xlsx, .ods, .csv ou .xml, "
                        "ou le chemin un dossier de fichiers CSV");
}

// Any workbook-like data: XLSX, ODS, one CSV file, a folder of CSV files.
Workbook read_workbook(const boost::filesystem::path& file, DataFormat format) {
    const std::string name = file.filename().string();
    switch (format) {
        case DataFormat::CsvFolder: return read_csv_folder(file);
        case DataFormat::Csv: {
            Workbook workbook;
            workbook.file = name;
            workbook.sheets.push_back(read_csv(read_data_file(file), name));
            return workbook;
        }
        case DataFormat::Ods: return read_ods(read_data_file(file), name);
        default: return read_xlsx(read_data_file(file), name);
    }
}

}  // namespace

DataValue sheet_records(const Workbook& workbook, const Sheet& sheet, Diagnostics* warnings) {
    DataValue list = DataValue::list(sheet.place());
    if (sheet.rows.empty()) return list;
    const auto& header = sheet.rows[0];
    // Columns up to the last one holding something (empty cell elements
    // beyond it, as spreadsheets write them, are not fields).
    std::size_t width = 0, widest_row = 0;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        for (std::size_t c = row.size(); c > width; --c)
            if (!row[c - 1].empty() && !trim(row[c - 1].text).empty()) {
                width = c;
                widest_row = r;
                break;
            }
    }
    // Reported at the rightmost cell holding data (the one a user must
    // find), not at the first column past the limit.
    if (width > kMaxRecordFields)
        throw LettrineError(ErrorKind::Data, sheet.cell_place(widest_row, width - 1),
                            "la feuille « " + sheet.name + " » a des données sur plus de " +
                                std::to_string(kMaxRecordFields) + " colonnes : trop de champs pour un publipostage");
    std::vector<std::string> keys(width), aliases(width);  // aliases computed once per column (ICU is slow)
    for (std::size_t c = 0; c < width; ++c) {
        const std::string name = c < header.size() ? trim(header[c].text) : "";
        const std::string reference = cell_reference(0, static_cast<int>(c));  // "C1"
        keys[c] = name.empty() ? reference.substr(0, reference.size() - 1) : name;
        aliases[c] = mustache_key(keys[c]);
    }
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        const bool blank = std::all_of(row.begin(), row.end(), [](const Cell& c) { return c.empty() || trim(c.text).empty(); });
        if (blank) continue;
        DataValue item = DataValue::map(sheet.cell_place(r, 0));
        for (std::size_t c = 0; c < width; ++c) {
            const SourcePosition where = sheet.cell_place(r, c);
            if (item.find(keys[c])) continue;  // a repeated header keeps its first column
            std::string text = c < row.size() ? printable_data_text(cell_text(row[c], workbook.date1904), where, warnings) : "";
            set_with_alias(item, keys[c], aliases[c], DataValue::text(std::move(text), where));
        }
        list.push_back(std::move(item));
    }
    return list;
}

DataValue workbook_tree(const Workbook& workbook, Diagnostics* warnings) {
    DataValue tree = DataValue::map(SourcePosition::in_file(workbook.file));
    for (const auto& sheet : workbook.sheets) set_with_alias(tree, sheet.name, sheet_records(workbook, sheet, warnings));
    return tree;
}

namespace {

// The entries of an element's map while it is built: set and find by key in
// constant time, so an element with 100,000 children costs 100,000 steps.
// Same rules as DataValue::set (a key set again keeps its place).
class EntryBuilder {
public:
    DataValue* find(const std::string& key) {
        const auto it = slots_.find(key);
        return it == slots_.end() ? nullptr : &entries_[it->second].second;
    }
    DataValue& set(const std::string& key, DataValue value) {
        const auto [it, added] = slots_.emplace(key, entries_.size());
        if (added) entries_.emplace_back(key, std::move(value));
        else entries_[it->second].second = std::move(value);
        return entries_[it->second].second;
    }
    // Sets `key`, and its Mustache-safe alias when different and still free;
    // returns the alias's slot when it was set, for lists filled later.
    std::string set_with_alias(const std::string& key, const DataValue& value) {
        set(key, value);
        const std::string alias = mustache_key(key);
        if (alias.empty() || alias == key || find(alias)) return "";
        set(alias, value);
        return alias;
    }
    DataValue take(SourcePosition where) { return DataValue::map_of(std::move(entries_), std::move(where)); }

private:
    std::vector<std::pair<std::string, DataValue>> entries_;
    std::unordered_map<std::string, std::size_t> slots_;
};

}  // namespace

DataValue element_value(const XmlElement& element, Diagnostics* warnings) {
    if (element.attributes.empty() && element.children.empty())
        return DataValue::text(printable_data_text(clean_lines(element.text), element.text_position, warnings),
                               element.text_position);
    EntryBuilder map;
    for (const auto& a : element.attributes) {
        if (a.name.rfind("xmlns", 0) == 0) continue;
        map.set_with_alias(a.name, DataValue::text(printable_data_text(a.value, a.position, warnings), a.position));
    }
    std::unordered_map<std::string, std::size_t> counts;
    for (const auto& c : element.children) ++counts[c.name];
    // A repeated name becomes one list, filled in place (never copied per
    // child), then given to its alias too.
    std::unordered_map<std::string, std::string> list_aliases;  // name -> alias set with it ("" if none)
    for (const auto& c : element.children) {
        if (counts[c.name] > 1) {
            if (!list_aliases.count(c.name))
                list_aliases[c.name] = map.set_with_alias(c.name, DataValue::list(c.position));
            map.find(c.name)->push_back(element_value(c, warnings));
        } else if (!map.find(c.name)) {
            map.set_with_alias(c.name, element_value(c, warnings));
        }
    }
    for (const auto& [name, alias] : list_aliases)
        if (!alias.empty()) *map.find(alias) = *map.find(name);
    const std::string own = clean_lines(element.text);
    if (!own.empty() && !map.find("texte"))
        map.set("texte", DataValue::text(printable_data_text(own, element.text_position, warnings), element.text_position));
    return map.take(element.position);
}

namespace {

// The name of the first child element that `e` has more than once, or "".
std::string repeated_child(const XmlElement& e) {
    for (std::size_t i = 0; i < e.children.size(); ++i)
        for (std::size_t j = i + 1; j < e.children.size(); ++j)
            if (e.children[i].name == e.children[j].name) return e.children[i].name;
    return "";
}

// A path that designates the root, or one element holding the repeated
// ones, would merge the whole list as one record (issue 13, item 11).
void refuse_container(const XmlElement& found, const XmlElement& root, const std::string& each) {
    const std::string child = repeated_child(found);
    const std::string better =
        child.empty() ? "" : " : les éléments à fusionner sont ses enfants répétés, « --chaque " + each + "/" + child + " »";
    if (&found == &root)
        throw LettrineError(ErrorKind::Data, root.position,
                            "« --chaque " + each + " » désigne l’élément racine <" + root.name + ">, qui ne se répète pas" +
                                better);
    if (!child.empty())
        throw LettrineError(ErrorKind::Data, found.position,
                            "« --chaque " + each + " » désigne un seul élément, <" + found.name + ">" + better);
}

// The elements `each` designates under `root`, in document order.
std::vector<const XmlElement*> record_elements(const XmlElement& root, const std::string& each) {
    std::vector<std::string> path = split_path(each);
    if (path.empty())
        throw LettrineError(ErrorKind::Data, root.position, "chemin « --chaque » vide : indiquer par exemple « destinataire »");
    std::vector<const XmlElement*> found;
    collect(root, path, 0, found);
    if (found.empty() && path.front() == root.name) {
        path.erase(path.begin());
        if (path.empty()) found.push_back(&root);
        else collect(root, path, 0, found);
    }
    if (found.empty())
        throw LettrineError(ErrorKind::Data, root.position,
                            "aucun élément ne correspond au chemin « " + each + " » sous <" + root.name + ">");
    if (found.size() == 1) refuse_container(*found.front(), root, each);
    return found;
}

DataValue record_value(const XmlElement& e, Diagnostics* warnings) {
    DataValue v = element_value(e, warnings);
    if (!v.is_map()) {  // a bare <nom>Dupont</nom> item: make it a map
        DataValue map = DataValue::map(e.position);
        map.set("texte", v);
        v = map;
    }
    return v;
}

}  // namespace

DataValue xml_records(const XmlElement& root, const std::string& each, Diagnostics* warnings) {
    DataValue list = DataValue::list(root.position);
    for (const XmlElement* e : record_elements(root, each)) list.push_back(record_value(*e, warnings));
    return list;
}

DataValue xml_records(XmlElement&& root, const std::string& each, Diagnostics* warnings) {
    DataValue list = DataValue::list(root.position);
    for (const XmlElement* e : record_elements(root, each)) {
        list.push_back(record_value(*e, warnings));
        // The tree is ours (moved in): free what this record was made of.
        // Records never nest (they sit at one path), so no later record
        // element lives inside this one.
        XmlElement& done = const_cast<XmlElement&>(*e);
        std::vector<XmlElement>().swap(done.children);
        std::vector<XmlAttribute>().swap(done.attributes);
        std::string().swap(done.text);
    }
    return list;
}

DataValue read_records(const boost::filesystem::path& file, const std::string& each, Diagnostics* warnings) {
    const std::string name = file.filename().string();
    const DataFormat format = format_of(file);
    if (format == DataFormat::Xml) {
        // The file's bytes are freed before the records are built.
        XmlElement root = read_xml(read_data_file(file), name);
        return xml_records(std::move(root), each, warnings);
    }
    const Workbook workbook = read_workbook(file, format);
    const Sheet* sheet = workbook.find(each);
    if (!sheet) {
        std::string names;
        for (const auto& s : workbook.sheets) names += (names.empty() ? "« " : ", « ") + s.name + " »";
        const bool files = format == DataFormat::CsvFolder;
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(workbook.file),
                            "la feuille « " + each + " » n’existe pas (" +
                                (files ? "fichiers CSV du dossier : " : "feuilles du classeur : ") + names + ")");
    }
    return sheet_records(workbook, *sheet, warnings);
}

DataValue read_data_tree(const boost::filesystem::path& file, Diagnostics* warnings) {
    const std::string name = file.filename().string();
    const DataFormat format = format_of(file);
    if (format != DataFormat::Xml) return workbook_tree(read_workbook(file, format), warnings);
    const std::string bytes = read_data_file(file);
    DataValue value = element_value(read_xml(bytes, name), warnings);
    if (value.is_map()) return value;
    DataValue map = DataValue::map(value.position());
    map.set("texte", value);
    return map;
}

}  // namespace lettrine
