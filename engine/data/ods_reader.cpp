#include "data/ods_reader.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "data/calendar.hpp"
#include "data/input_file.hpp"
#include "data/xml_part.hpp"
#include "data/zip_archive.hpp"

namespace lettrine {

namespace {

// A spreadsheet's size in LibreOffice 7.4 and Excel: beyond it, a repeat
// count is a crafted file, not a user's sheet.
constexpr std::uint64_t kMaxRows = 1048576;
constexpr std::uint64_t kMaxColumns = 16384;
// Nested row groups (table:table-row-group inside another): LibreOffice
// allows 8 levels of outline; deeper nesting is refused.
constexpr int kMaxGroupDepth = 64;
// Spaces written as <text:s text:c="n"/> over a whole workbook: a real sheet
// has a few; a crafted one could turn 256 MiB of XML into 12 GiB of text.
constexpr std::size_t kMaxExpandedSpaces = 16u << 20;

const char* const kSpreadsheetMime = "application/vnd.oasis.opendocument.spreadsheet";

// ---- Qualified names: the ODF namespaces under their usual prefixes --------

// Maps the prefixes a document declares to the usual ones ("table:", "text:"),
// so a producer choosing other prefixes is read the same.
class Names {
public:
    explicit Names(const pugi::xml_node& root) {
        static const std::map<std::string, std::string> usual = {
            {"urn:oasis:names:tc:opendocument:xmlns:office:1.0", "office"},
            {"urn:oasis:names:tc:opendocument:xmlns:table:1.0", "table"},
            {"urn:oasis:names:tc:opendocument:xmlns:text:1.0", "text"},
            {"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0", "calcext"},
        };
        for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
            const std::string name = a.name();
            if (name.rfind("xmlns:", 0) != 0) continue;
            const auto found = usual.find(a.value());
            const std::string prefix = name.substr(6);
            if (found != usual.end() && found->second != prefix) renamed_[prefix] = found->second;
        }
    }

    // The name with its prefix replaced by the usual one.
    std::string usual(const char* qualified) const {
        if (renamed_.empty()) return qualified;
        const char* colon = std::strchr(qualified, ':');
        if (!colon) return qualified;
        const auto found = renamed_.find(std::string(qualified, colon));
        return found == renamed_.end() ? std::string(qualified) : found->second + colon;
    }

    bool is(const pugi::xml_node& node, const char* name) const {
        if (node.type() != pugi::node_element) return false;
        if (renamed_.empty()) return std::strcmp(node.name(), name) == 0;
        return usual(node.name()) == name;
    }

    pugi::xml_node child(const pugi::xml_node& node, const char* name) const {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (is(c, name)) return c;
        return {};
    }

    // The attribute's value; nullptr when absent.
    const char* attribute(const pugi::xml_node& node, const char* name) const {
        for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
            if (renamed_.empty() ? std::strcmp(a.name(), name) == 0 : usual(a.name()) == name) return a.value();
        return nullptr;
    }

private:
    std::map<std::string, std::string> renamed_;
};

// ---- Text of a cell ---------------------------------------------------------

bool is_odf_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A repeat or space count: digits only; beyond `cap` (or unreadable) gives cap.
std::uint64_t count_attribute(const char* value, std::uint64_t fallback, std::uint64_t cap) {
    if (!value || !*value) return fallback;
    std::uint64_t n = 0;
    for (const char* p = value; *p; ++p) {
        if (*p < '0' || *p > '9') return fallback;
        n = n * 10 + static_cast<std::uint64_t>(*p - '0');
        if (n > cap) return cap;
    }
    return n == 0 ? fallback : n;
}

// One paragraph's text (ODF 1.2 §6.1.2): runs of white space in the markup
// collapse into one space, leading white space is dropped; <text:s c="n"/>,
// <text:tab/> and <text:line-break/> give explicit spaces, tabs and breaks.
// Spans, links and fields contribute their text; annotations and notes do
// not. The walk is iterative: any nesting depth is safe.
std::string paragraph_text(const pugi::xml_node& paragraph, const Names& names, std::size_t& space_budget) {
    std::string out;
    bool pending_space = false;
    const auto append = [&](const std::string& text) {
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += text;
    };
    pugi::xml_node node = paragraph.first_child();
    while (node) {
        bool descend = false;
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            for (const char* p = node.value(); *p; ++p) {
                if (is_odf_space(*p)) { pending_space = true; continue; }
                if (pending_space && !out.empty()) out += ' ';
                pending_space = false;
                out += *p;
            }
        } else if (node.type() == pugi::node_element) {
            if (names.is(node, "text:s")) {
                // <text:s text:c="1000"/> is 20 bytes of XML for 1000 bytes of text:
                // the spaces expanded over the workbook are bounded.
                const auto spaces = static_cast<std::size_t>(count_attribute(names.attribute(node, "text:c"), 1, 1000));
                if (spaces > space_budget)
                    throw LettrineError(ErrorKind::Data, SourcePosition(),
                                        "le classeur contient plus de " + std::to_string(kMaxExpandedSpaces) +
                                            " espaces répétées (<text:s>) : fichier refusé");
                space_budget -= spaces;
                append(std::string(spaces, ' '));
            } else if (names.is(node, "text:tab")) {
                append("\t");
            } else if (names.is(node, "text:line-break")) {
                append("\n");
            } else if (names.is(node, "office:annotation") || names.is(node, "office:annotation-end") ||
                       names.is(node, "text:note") || names.is(node, "text:ruby-text")) {
                // kept out of the value
            } else {
                descend = true;  // span, link, field, ruby base, …
            }
        }
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && !node.next_sibling() && node != paragraph) node = node.parent();
        if (!node || node == paragraph) break;
        node = node.next_sibling();
    }
    return out;
}

// The cell's paragraphs (text:p and text:h, also inside lists), joined by '\n'.
std::string cell_text(const pugi::xml_node& cell, const Names& names, std::size_t& space_budget) {
    std::string out;
    bool first = true;
    pugi::xml_node node = cell.first_child();
    while (node) {
        bool descend = false;
        if (names.is(node, "text:p") || names.is(node, "text:h")) {
            out += (first ? "" : "\n") + paragraph_text(node, names, space_budget);
            first = false;
        } else if (names.is(node, "text:list") || names.is(node, "text:list-item") || names.is(node, "text:list-header") ||
                   names.is(node, "text:section")) {
            descend = true;
        }
        if (descend && node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && !node.next_sibling() && node != cell) node = node.parent();
        if (!node || node == cell) break;
        node = node.next_sibling();
    }
    return out;
}

// ---- Values -----------------------------------------------------------------

std::string number_text(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::optional<double> parse_double(const char* text) {
    if (!text) return std::nullopt;
    const std::string s = trim(text);
    double value = 0;
    const auto result = std::from_chars(s.data(), s.data() + s.size(), value);
    if (result.ec != std::errc() || result.ptr != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// Digits at s[i], exactly `count` of them.
std::optional<int> digits(const std::string& s, std::size_t i, std::size_t count) {
    if (i + count > s.size()) return std::nullopt;
    int n = 0;
    for (std::size_t k = i; k < i + count; ++k) {
        if (s[k] < '0' || s[k] > '9') return std::nullopt;
        n = n * 10 + (s[k] - '0');
    }
    return n;
}

// "2015-12-01" or "2015-12-01T10:30:00[.5]" as a 1900-system serial.
std::optional<double> date_serial(const char* value) {
    if (!value) return std::nullopt;
    const std::string s = value;
    const auto year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    if (!year || !month || !day || s[4] != '-' || s[7] != '-') return std::nullopt;
    const Date date{*year, *month, *day};
    if (!is_calendar_date(date)) return std::nullopt;
    double serial = excel_serial_from_date(date);
    if (s.size() > 10) {
        const auto hours = digits(s, 11, 2), minutes = digits(s, 14, 2), seconds = digits(s, 17, 2);
        if (s[10] != 'T' || !hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 60)
            return std::nullopt;
        serial += (*hours * 3600 + *minutes * 60 + *seconds) / 86400.0;
    }
    return serial;
}

// "PT12H30M00S" (ISO 8601 duration) as a fraction of a day.
std::optional<double> time_fraction(const char* value) {
    if (!value || std::strncmp(value, "PT", 2) != 0) return std::nullopt;
    double total = 0, number = 0;
    bool have_number = false;
    for (const char* p = value + 2; *p; ++p) {
        if (*p >= '0' && *p <= '9') {
            number = number * 10 + (*p - '0');
            have_number = true;
            if (number > 1e9) return std::nullopt;
        } else if (*p == '.' ) {
            // fractional seconds: ignored
            while (p[1] >= '0' && p[1] <= '9') ++p;
        } else if (have_number && (*p == 'H' || *p == 'M' || *p == 'S')) {
            total += number * (*p == 'H' ? 3600 : *p == 'M' ? 60 : 1);
            number = 0;
            have_number = false;
        } else {
            return std::nullopt;
        }
    }
    return total / 86400.0;
}

struct CellReader {
    const Names& names;
    const Workbook& workbook;
    const std::string& sheet_name;
    std::size_t& space_budget;

    std::string cell_text(const pugi::xml_node& c) const {
        try {
            return lettrine::cell_text(c, names, space_budget);
        } catch (const LettrineError& e) {
            fail(e.what());
        }
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw LettrineError(ErrorKind::Data, SourcePosition::at_cell(workbook.file, sheet_name, ""), message);
    }

    Cell read(const pugi::xml_node& c) const {
        Cell cell;
        if (names.is(c, "table:covered-table-cell") && !c.first_child()) return cell;
        const char* calc_type = names.attribute(c, "calcext:value-type");
        const char* type_attribute = names.attribute(c, "office:value-type");
        const std::string type = type_attribute ? type_attribute : "";
        if (calc_type && std::strcmp(calc_type, "error") == 0) {
            cell.type = Cell::Error;
            cell.text = trim(cell_text(c));
            return cell;
        }
        if (type == "float" || type == "percentage" || type == "currency") {
            const char* value = names.attribute(c, "office:value");
            const auto number = parse_double(value);
            if (!number)
                fail("une cellule numérique contient « " + std::string(value ? value : "").substr(0, 100) +
                     " » (fichier endommagé)");
            cell.type = Cell::Number;
            cell.number = *number;
            cell.text = number_text(*number);
        } else if (type == "date") {
            const char* value = names.attribute(c, "office:date-value");
            const auto serial = date_serial(value);
            if (!serial)
                fail("une cellule date contient « " + std::string(value ? value : "").substr(0, 100) +
                     " » (fichier endommagé)");
            cell.type = Cell::Number;
            cell.number = *serial;
            cell.text = number_text(*serial);
            cell.date_format = true;
        } else if (type == "time") {
            const auto fraction = time_fraction(names.attribute(c, "office:time-value"));
            if (fraction) {
                cell.type = Cell::Number;
                cell.number = *fraction;
                cell.text = number_text(*fraction);
            } else {
                cell.type = Cell::String;
                cell.text = cell_text(c);
            }
        } else if (type == "boolean") {
            const char* value = names.attribute(c, "office:boolean-value");
            cell.type = Cell::Boolean;
            cell.number = value && (std::strcmp(value, "true") == 0 || std::strcmp(value, "1") == 0) ? 1 : 0;
            cell.text = cell.number != 0 ? "VRAI" : "FAUX";
        } else {
            // "string", or no type: the text as shown (a formula's string result
            // may also be given by office:string-value).
            const char* string_value = names.attribute(c, "office:string-value");
            cell.text = string_value ? std::string(string_value) : cell_text(c);
            cell.type = cell.text.empty() && type.empty() ? Cell::Empty : Cell::String;
        }
        return cell;
    }
};

// ---- One sheet ---------------------------------------------------------------

class SheetReader {
public:
    SheetReader(const Names& names, const Workbook& workbook, Sheet& sheet, std::size_t& budget,
                std::size_t& space_budget, std::size_t& text_budget, const XlsxLimits& limits)
        : names_(names), cells_{names, workbook, sheet.name, space_budget}, sheet_(sheet), budget_(budget),
          text_budget_(text_budget), limits_(limits) {}

    void read(const pugi::xml_node& table) { read_rows(table, 0); }

private:
    // Text copied into the sheet (a repeated cell repeats its text).
    void take_text(std::uint64_t copies, std::uint64_t bytes) {
        if (bytes != 0 && copies > text_budget_ / bytes)
            cells_.fail("le texte des cellules du classeur dépasse " + describe_byte_count(limits_.max_text_bytes) +
                        " : fichier refusé");
        text_budget_ -= static_cast<std::size_t>(copies * bytes);
    }

    void take(std::uint64_t n) {
        if (n > budget_)
            cells_.fail("le classeur contient plus de " + std::to_string(limits_.max_cells) + " cellules : fichier refusé");
        budget_ -= static_cast<std::size_t>(n);
    }

    // Rows, also inside header-rows, row groups and row containers.
    void read_rows(const pugi::xml_node& parent, int depth) {
        if (depth > kMaxGroupDepth)
            cells_.fail("groupes de lignes imbriqués sur plus de " + std::to_string(kMaxGroupDepth) +
                        " niveaux : fichier refusé");
        for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
            if (names_.is(n, "table:table-row")) read_row(n);
            else if (names_.is(n, "table:table-header-rows") || names_.is(n, "table:table-rows") ||
                     names_.is(n, "table:table-row-group"))
                read_rows(n, depth + 1);
        }
    }

    void read_row(const pugi::xml_node& row) {
        const std::uint64_t repeat = count_attribute(names_.attribute(row, "table:number-rows-repeated"), 1, kMaxRows + 1);
        std::vector<Cell> cells;
        std::uint64_t pending_empty = 0;  // empty cells not yet materialised
        for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
            if (!names_.is(c, "table:table-cell") && !names_.is(c, "table:covered-table-cell")) continue;
            const std::uint64_t times =
                count_attribute(names_.attribute(c, "table:number-columns-repeated"), 1, kMaxColumns + 1);
            Cell cell = cells_.read(c);
            if (cell.empty()) {
                pending_empty += times;
                if (pending_empty > kMaxColumns) pending_empty = kMaxColumns + 1;
                continue;
            }
            const std::uint64_t width = cells.size() + pending_empty + times;
            if (width > kMaxColumns)
                cells_.fail("la feuille « " + sheet_.name + " » a plus de " + std::to_string(kMaxColumns) +
                            " colonnes : fichier refusé");
            take(pending_empty + times);
            take_text(times, cell.text.size());
            cells.resize(cells.size() + static_cast<std::size_t>(pending_empty));
            pending_empty = 0;
            for (std::uint64_t k = 0; k < times; ++k) cells.push_back(cell);
        }
        if (cells.empty()) {
            pending_rows_ += repeat;
            if (pending_rows_ > kMaxRows) pending_rows_ = kMaxRows + 1;
            return;
        }
        const std::uint64_t height = sheet_.rows.size() + pending_rows_ + repeat;
        if (height > kMaxRows)
            cells_.fail("la feuille « " + sheet_.name + " » a plus de " + std::to_string(kMaxRows) +
                        " lignes : fichier refusé");
        take(pending_rows_ + repeat + (repeat - 1) * cells.size());  // the first copy's cells are taken
        std::uint64_t row_text = 0;
        for (const auto& cell : cells) row_text += cell.text.size();
        take_text(repeat - 1, row_text);
        sheet_.rows.resize(sheet_.rows.size() + static_cast<std::size_t>(pending_rows_));
        pending_rows_ = 0;
        for (std::uint64_t k = 1; k < repeat; ++k) sheet_.rows.push_back(cells);
        sheet_.rows.push_back(std::move(cells));
    }

    const Names& names_;
    CellReader cells_;
    Sheet& sheet_;
    std::size_t& budget_;
    std::size_t& text_budget_;
    const XlsxLimits& limits_;
    std::uint64_t pending_rows_ = 0;  // empty rows not yet materialised
};

void check_not_encrypted(ZipArchive& zip, const std::string& file, const XlsxLimits& limits) {
    const auto manifest = zip.read("META-INF/manifest.xml");
    if (!manifest) return;
    pugi::xml_document doc;
    parse_xml_part(*manifest, "META-INF/manifest.xml", file, limits.max_xml_tags, pugi::parse_default, doc);
    // <manifest:file-entry …><manifest:encryption-data …/></manifest:file-entry>
    for (pugi::xml_node entry = doc.document_element().first_child(); entry; entry = entry.next_sibling())
        for (pugi::xml_node c = entry.first_child(); c; c = c.next_sibling()) {
            const char* name = c.name();
            const char* colon = std::strchr(name, ':');
            if (std::strcmp(colon ? colon + 1 : name, "encryption-data") == 0)
                throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file),
                                    "le classeur est protégé par un mot de passe (fichier chiffré) : ouvrez-le dans "
                                    "LibreOffice et enregistrez-le sans mot de passe");
        }
}

}  // namespace

Workbook read_ods(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits) {
    const SourcePosition where = SourcePosition::in_file(file_name);
    refuse_empty_file(bytes, file_name);
    ZipArchive zip(bytes, file_name, {limits.max_entry_bytes, limits.max_total_bytes}, "classeur ODS");
    if (const auto mime = zip.read("mimetype")) {
        const std::string type = trim(*mime);
        if (type != kSpreadsheetMime && type != std::string(kSpreadsheetMime) + "-template")
            throw LettrineError(ErrorKind::Data, where,
                                "ce document OpenDocument n’est pas un classeur (type « " + type.substr(0, 100) + " »)");
    }
    check_not_encrypted(zip, file_name, limits);
    const auto content = zip.read("content.xml");
    if (!content)
        throw LettrineError(ErrorKind::Data, where, "l’élément « content.xml » manque au classeur (fichier ODS incomplet)");
    pugi::xml_document doc;
    parse_xml_part(*content, "content.xml", file_name, limits.max_xml_tags, pugi::parse_default | pugi::parse_ws_pcdata,
                   doc);

    const pugi::xml_node root = doc.document_element();
    const Names names(root);
    if (!names.is(root, "office:document-content") && !names.is(root, "office:document"))
        throw LettrineError(ErrorKind::Data, where, "l’élément « content.xml » ne décrit pas un classeur");
    const pugi::xml_node spreadsheet = names.child(names.child(root, "office:body"), "office:spreadsheet");
    if (!spreadsheet)
        throw LettrineError(ErrorKind::Data, where, "ce document OpenDocument n’est pas un classeur (aucune feuille de calcul)");

    Workbook workbook;
    workbook.file = file_name;
    std::size_t budget = limits.max_cells, space_budget = kMaxExpandedSpaces, text_budget = limits.max_text_bytes;
    for (pugi::xml_node t = spreadsheet.first_child(); t; t = t.next_sibling()) {
        if (!names.is(t, "table:table")) continue;
        Sheet sheet;
        const char* name = names.attribute(t, "table:name");
        sheet.name = name ? name : "Feuille" + std::to_string(workbook.sheets.size() + 1);
        sheet.file = file_name;
        SheetReader(names, workbook, sheet, budget, space_budget, text_budget, limits).read(t);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r)
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
                sheet.rows[r][c].position = SourcePosition::at_cell(
                    file_name, sheet.name, cell_reference(static_cast<int>(r), static_cast<int>(c)));
        workbook.sheets.push_back(std::move(sheet));
    }
    return workbook;
}

}  // namespace lettrine
