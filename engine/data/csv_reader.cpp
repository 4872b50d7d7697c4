#include "data/csv_reader.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/text.hpp"
#include "data/calendar.hpp"
#include "data/input_file.hpp"
#include "data/zip_archive.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

[[noreturn]] void fail_at(const std::string& file, int line, int column, const std::string& message) {
    throw LettrineError(ErrorKind::Data, SourcePosition::at_line(file, line, column), message);
}

// Converts bytes from an ICU encoding to UTF-8.
std::string to_utf8(const std::string& bytes, const char* encoding, const std::string& file) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(bytes.size() * 3 + 4, '\0');  // UTF-16 and 1252 grow at most 3x in UTF-8
    const int32_t length = ucnv_convert("UTF-8", encoding, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status))
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file),
                            std::string("impossible de convertir le fichier depuis l’encodage ") + encoding);
    out.resize(static_cast<std::size_t>(length));
    return out;
}

// The text as UTF-8, and which encoding it was in.
std::string decode(const std::string& bytes, const std::string& file, CsvEncoding& encoding) {
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        encoding = CsvEncoding::Utf8WithBom;
        std::string text = bytes.substr(3);
        if (!is_valid_utf8(text)) {
            // A BOM promises UTF-8: say where the promise is broken.
            const std::u32string decoded = utf8_to_u32(text);
            std::string prefix;
            for (char32_t c : decoded) {
                if (c == U'\uFFFD') break;
                prefix += u32_to_utf8(c);
            }
            const LineColumn lc = line_column_at(prefix, prefix.size());
            fail_at(file, lc.line, lc.column, "le fichier annonce l’encodage UTF-8 (BOM) mais contient un octet invalide");
        }
        return text;
    }
    if (bytes.size() >= 2 && (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0)) {
        encoding = CsvEncoding::Utf16;
        std::string text = to_utf8(bytes.substr(2), bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", file);
        return text;
    }
    if (is_valid_utf8(bytes)) {
        encoding = CsvEncoding::Utf8;
        return bytes;
    }
    encoding = CsvEncoding::Windows1252;
    return to_utf8(bytes, "windows-1252", file);
}

bool is_candidate(char c) { return c == ';' || c == ',' || c == '\t'; }

// The separator: Excel's "sep=X" line, else the most frequent candidate on
// the first record outside quotes (« ; », then tab, then « , » on a tie).
char detect_separator(const std::string& text, std::size_t start) {
    std::size_t counts[3] = {0, 0, 0};  // ; \t ,
    bool quoted = false;
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ';') ++counts[0];
        else if (!quoted && c == '\t') ++counts[1];
        else if (!quoted && c == ',') ++counts[2];
    }
    const char order[3] = {';', '\t', ','};
    std::size_t best = 0;
    for (std::size_t k = 1; k < 3; ++k)
        if (counts[k] > counts[best]) best = k;
    return order[best];
}

class Parser {
public:
    Parser(const std::string& text, const std::string& file, char separator, std::size_t& budget, std::size_t max_cells)
        : text_(text), file_(file), separator_(separator), budget_(budget), max_cells_(max_cells) {}

    void skip_line() {
        while (i_ < text_.size() && text_[i_] != '\n' && text_[i_] != '\r') advance();
        end_of_line();
    }

    void parse(Sheet& sheet) {
        while (i_ < text_.size()) {
            take(1);
            sheet.rows.emplace_back();
            auto& row = sheet.rows.back();
            if (at_line_end()) {  // a blank line: an empty row
                end_of_line();
                continue;
            }
            for (;;) {
                take(1);
                row.push_back(field());
                if (i_ < text_.size() && text_[i_] == separator_) {
                    advance();
                    if (i_ >= text_.size() || at_line_end()) {  // "a;b;" : a last empty field
                        take(1);
                        row.push_back(empty_cell());
                        break;
                    }
                    continue;
                }
                break;
            }
            end_of_line();
        }
    }

private:
    void take(std::size_t n) {
        if (n > budget_)
            fail_at(file_, line_, column_, "le fichier contient plus de " + std::to_string(max_cells_) +
                                               " cellules : fichier refusé");
        budget_ -= n;
    }

    bool at_line_end() const { return i_ < text_.size() && (text_[i_] == '\n' || text_[i_] == '\r'); }

    // Moves past one byte, keeping line and column (columns count code points).
    void advance() {
        const unsigned char c = static_cast<unsigned char>(text_[i_++]);
        if (c == '\n') { ++line_; column_ = 1; }
        else if ((c & 0xC0) != 0x80) ++column_;
    }

    void end_of_line() {
        if (i_ < text_.size() && text_[i_] == '\r') {
            ++i_;
            if (i_ < text_.size() && text_[i_] == '\n') ++i_;
            ++line_;
            column_ = 1;
        } else if (i_ < text_.size() && text_[i_] == '\n') {
            advance();
        }
    }

    Cell empty_cell() const {
        Cell cell;
        cell.position = SourcePosition::at_line(file_, line_, column_);
        return cell;
    }

    Cell field() {
        Cell cell;
        cell.position = SourcePosition::at_line(file_, line_, column_);
        std::string value;
        if (i_ < text_.size() && text_[i_] == '"') {
            const int open_line = line_, open_column = column_;
            advance();
            for (;;) {
                if (i_ >= text_.size())
                    fail_at(file_, open_line, open_column,
                            "guillemet ouvert jamais fermé : la cellule s’étendrait jusqu’à la fin du fichier");
                const char c = text_[i_];
                if (c == '"') {
                    advance();
                    if (i_ < text_.size() && text_[i_] == '"') {  // "" inside quotes
                        value += '"';
                        advance();
                        continue;
                    }
                    break;
                }
                if (c == '\r') {  // CRLF or CR inside a field: one '\n'
                    value += '\n';
                    ++i_;
                    if (i_ < text_.size() && text_[i_] == '\n') ++i_;
                    ++line_;
                    column_ = 1;
                    continue;
                }
                value += c;
                advance();
            }
            // Text after the closing quote ("abc"def): kept, as Excel does.
            while (i_ < text_.size() && text_[i_] != separator_ && !at_line_end()) {
                value += text_[i_];
                advance();
            }
        } else {
            const std::size_t start = i_;
            while (i_ < text_.size() && text_[i_] != separator_ && !at_line_end()) advance();
            value = text_.substr(start, i_ - start);
        }
        if (!value.empty()) {
            cell.type = Cell::String;
            cell.text = std::move(value);
        }
        return cell;
    }

    const std::string& text_;
    const std::string& file_;
    char separator_;
    std::size_t& budget_;
    std::size_t max_cells_;
    std::size_t i_ = 0;
    int line_ = 1, column_ = 1;
};

Sheet read_csv_with_budget(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits,
                           std::size_t& budget, CsvFormat* detected) {
    refuse_empty_file(bytes, file_name);
    if (bytes.size() > limits.max_entry_bytes)
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_name),
                            "le fichier dépasse " + describe_byte_count(limits.max_entry_bytes) + " : fichier refusé");
    if (is_ole_compound_file(bytes) || (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0))
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file_name),
                            "ce fichier n’est pas un fichier CSV mais un classeur (enregistrez-le au format .xlsx, .ods "
                            "ou CSV)");
    CsvFormat format;
    const std::string text = decode(bytes, file_name, format.encoding);
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        const LineColumn lc = line_column_at(text, nul);
        fail_at(file_name, lc.line, lc.column, "ce fichier n’est pas un fichier texte CSV (il contient un octet nul)");
    }
    std::size_t start = 0;
    // Excel's hint line "sep=;" names the separator.
    if (text.size() >= 5 && text.compare(0, 4, "sep=") == 0 && is_candidate(text[4]) &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
        format.separator = text[4];
        start = 1;  // one line to skip
    } else {
        format.separator = detect_separator(text, 0);
    }
    if (detected) *detected = format;

    Sheet sheet;
    sheet.file = file_name;
    sheet.text_file = true;
    const fs::path path(file_name);
    sheet.name = path.stem().string();
    Parser parser(text, file_name, format.separator, budget, limits.max_cells);
    if (start) parser.skip_line();
    parser.parse(sheet);
    return sheet;
}

bool is_csv_file(const fs::path& path) {
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') return false;  // hidden, "._x.csv" (macOS), ".~lock.x.csv#"
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".csv";
}

// A field as Excel quotes it: only when it holds the separator, a quote, a
// line break or leading / trailing spaces.
std::string quoted_field(const std::string& text) {
    const bool needs = text.find_first_of(";\"\r\n") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!needs) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += "\"\"";
        else out += c;
    }
    return out + "\"";
}

std::string csv_value(const Cell& cell, bool date1904) {
    switch (cell.type) {
        case Cell::Empty: return "";
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

}  // namespace

Sheet read_csv(const std::string& bytes, const std::string& file_name, const XlsxLimits& limits, CsvFormat* detected) {
    std::size_t budget = limits.max_cells;
    return read_csv_with_budget(bytes, file_name, limits, budget, detected);
}

std::string folder_display_name(const fs::path& folder) {
    fs::path p = folder;
    while (!p.empty() && (p.filename() == "." || p.filename() == "/") && p.has_parent_path() && p.parent_path() != p)
        p = p.parent_path();
    const std::string name = p.filename().string();
    return name.empty() || name == "." ? folder.string() : name;
}

Workbook read_csv_folder(const fs::path& folder, const XlsxLimits& limits) {
    Workbook workbook;
    workbook.file = folder_display_name(folder);
    workbook.csv_folder = true;
    std::vector<fs::path> files;
    boost::system::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (is_csv_file(it->path()) && fs::is_regular_file(it->path())) files.push_back(it->path());
    if (ec)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(folder.string()),
                            "impossible de lire le dossier (" + ec.message() + ")");
    if (files.empty())
        throw LettrineError(ErrorKind::Data, SourcePosition::in_file(workbook.file),
                            "le dossier ne contient aucun fichier .csv");
    std::sort(files.begin(), files.end());
    std::size_t budget = limits.max_cells, total = 0;
    for (const auto& path : files) {
        const auto size = fs::file_size(path, ec);
        if (!ec && (size > limits.max_entry_bytes || total + size > limits.max_total_bytes))
            throw LettrineError(ErrorKind::Data, SourcePosition::in_file(path.filename().string()),
                                "les fichiers du dossier dépassent " + describe_byte_count(limits.max_total_bytes) +
                                    " : dossier refusé");
        const std::string bytes = read_data_file(path, limits.max_entry_bytes);
        total += bytes.size();
        workbook.sheets.push_back(read_csv_with_budget(bytes, path.filename().string(), limits, budget, nullptr));
    }
    return workbook;
}

std::string write_csv(const Sheet& sheet, bool date1904) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : sheet.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            if (c > 0) out += ';';
            out += quoted_field(csv_value(row[c], date1904));
        }
        out += "\r\n";
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> write_workbook_csv(const Workbook& workbook) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& sheet : workbook.sheets) out.emplace_back(sheet.name + ".csv", write_csv(sheet, workbook.date1904));
    return out;
}

}  // namespace lettrine
