#include "fixtures.hpp"

#include <xlsxwriter.h>
#include <zip.h>

#include <boost/filesystem.hpp>
#include <stdexcept>

#include "core/output_files.hpp"
#include "data/programme_reader.hpp"
#include "xlsx/programme_workbook.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;

namespace fixtures {

FixtureCell text(std::string s) { FixtureCell c; c.kind = FixtureCell::Text; c.text = std::move(s); return c; }
FixtureCell number(double n) { FixtureCell c; c.kind = FixtureCell::Number; c.number = n; return c; }
FixtureCell boolean(bool b) { FixtureCell c; c.kind = FixtureCell::Boolean; c.number = b; return c; }
FixtureCell date(int y, int m, int d) { FixtureCell c; c.kind = FixtureCell::Date; c.date = {y, m, d}; return c; }

namespace {
fs::path temporary(const std::string& extension) {
    return fs::temp_directory_path() / fs::unique_path("lettrine-test-%%%%-%%%%" + extension);
}
}  // namespace

std::string write_workbook(const std::vector<FixtureSheet>& sheets) {
    const fs::path path = temporary(".xlsx");
    lxw_workbook* workbook = workbook_new(path.string().c_str());
    lxw_doc_properties properties = {};
    properties.created = 1448971200;  // fixed: 2015-12-01
    workbook_set_properties(workbook, &properties);
    lxw_format* date_format = workbook_add_format(workbook);
    format_set_num_format(date_format, "dd/mm/yyyy");
    for (const auto& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.c_str());
        for (std::size_t r = 0; r < sheet.rows.size(); ++r)
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                const FixtureCell& cell = sheet.rows[r][c];
                switch (cell.kind) {
                    case FixtureCell::Empty: break;
                    case FixtureCell::Text: worksheet_write_string(ws, r, c, cell.text.c_str(), nullptr); break;
                    case FixtureCell::Number: worksheet_write_number(ws, r, c, cell.number, nullptr); break;
                    case FixtureCell::Boolean: worksheet_write_boolean(ws, r, c, cell.number != 0, nullptr); break;
                    case FixtureCell::Date: {
                        lxw_datetime dt = {cell.date.year, cell.date.month, cell.date.day, 0, 0, 0};
                        worksheet_write_datetime(ws, r, c, &dt, date_format);
                        break;
                    }
                }
            }
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter failed");
    std::string bytes = read_file(path);
    fs::remove(path);
    return bytes;
}

std::vector<FixtureSheet> sheets_of(const Workbook& workbook) {
    std::vector<FixtureSheet> out;
    for (const auto& sheet : workbook.sheets) {
        FixtureSheet fs{sheet.name, {}};
        for (const auto& row : sheet.rows) {
            fs.rows.emplace_back();
            for (const auto& cell : row) {
                switch (cell.type) {
                    case Cell::String: fs.rows.back().push_back(text(cell.text)); break;
                    case Cell::Number: fs.rows.back().push_back(number(cell.number)); break;
                    case Cell::Boolean: fs.rows.back().push_back(boolean(cell.number != 0)); break;
                    default: fs.rows.back().push_back(empty()); break;
                }
            }
        }
        out.push_back(std::move(fs));
    }
    return out;
}

std::string zip_entries(const std::vector<std::pair<std::string, std::string>>& entries) {
    const fs::path path = temporary(".zip");
    int error = 0;
    zip_t* archive = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("libzip cannot create the fixture");
    for (const auto& [name, content] : entries) {
        zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("libzip cannot add " + name);
    }
    if (zip_close(archive) != 0) throw std::runtime_error("libzip cannot write the fixture");
    std::string bytes = read_file(path);
    fs::remove(path);
    return bytes;
}

std::string hand_written_workbook(const std::string& sheet_data, const std::string& shared_strings,
                                  const std::string& sheet_target, const std::string& workbook_pr) {
    const std::string ns = "http://schemas.openxmlformats.org/";
    std::vector<std::pair<std::string, std::string>> entries{
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
         "</Relationships>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
             "officeDocument/2006/relationships\">" + workbook_pr +
             "<sheets><sheet name=\"Feuille\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" Target=\"" + sheet_target + "\"/>"
         "<Relationship Id=\"rId2\" Type=\"" + ns + "officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
         "</Relationships>"},
        {"xl/worksheets/sheet1.xml",
         "<?xml version=\"1.0\"?><worksheet xmlns=\"" + ns + "spreadsheetml/2006/main\"><sheetData>" + sheet_data +
             "</sheetData></worksheet>"},
    };
    if (!shared_strings.empty())
        entries.push_back({"xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst xmlns=\"" + ns + "spreadsheetml/2006/main\">" +
                                                       shared_strings + "</sst>"});
    return zip_entries(entries);
}

std::string ods_document(const std::string& tables, const std::vector<std::pair<std::string, std::string>>& extra_entries) {
    std::vector<std::pair<std::string, std::string>> entries{
        {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
        {"META-INF/manifest.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
         "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
         "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
         "</manifest:manifest>"},
        {"content.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
         "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" office:version=\"1.3\">"
         "<office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body></office:document-content>"},
    };
    entries.insert(entries.end(), extra_entries.begin(), extra_entries.end());
    return zip_entries(entries);
}

std::string source_path(const std::string& relative) { return std::string(LETTRINE_SOURCE_DIR) + "/" + relative; }

std::string read_bytes(const std::string& path) { return read_file(path); }

const Programme& default_programme() {
    static const Programme programme = read_programme(source_path("input/programme-2016.xml"));
    return programme;
}

Workbook default_workbook() {
    static const std::string bytes = write_programme_xlsx(default_programme());
    return read_xlsx(bytes, "programme-2016.xlsx");
}

namespace {
Cell& cell_at(Workbook& workbook, const std::string& sheet_name, const std::string& reference) {
    for (auto& sheet : workbook.sheets) {
        if (sheet.name != sheet_name) continue;
        const auto index = parse_cell_reference(reference);
        if (!index) throw std::logic_error("bad reference " + reference);
        if (sheet.rows.size() <= static_cast<std::size_t>(index->row)) sheet.rows.resize(index->row + 1);
        auto& row = sheet.rows[index->row];
        if (row.size() <= static_cast<std::size_t>(index->column)) row.resize(index->column + 1);
        Cell& cell = row[index->column];
        cell = Cell{};
        cell.position = SourcePosition::at_cell(workbook.file, sheet.name, reference);
        return cell;
    }
    throw std::logic_error("no sheet " + sheet_name);
}
}  // namespace

void set_cell(Workbook& workbook, const std::string& sheet, const std::string& reference, const std::string& value) {
    Cell& cell = cell_at(workbook, sheet, reference);
    cell.type = value.empty() ? Cell::Empty : Cell::String;
    cell.text = value;
}

void set_number(Workbook& workbook, const std::string& sheet, const std::string& reference, double value) {
    Cell& cell = cell_at(workbook, sheet, reference);
    cell.type = Cell::Number;
    cell.number = value;
    cell.text = std::to_string(value);
}

std::vector<std::string> described(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.describe());
    return out;
}

}  // namespace fixtures
