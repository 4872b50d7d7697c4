#include "xlsx_reader.hpp"

#include <stdexcept>

#include <pugixml.hpp>
#include <zip.h>

namespace lettrine::xlsx_test {

namespace {

pugi::xml_document parse(const std::string& xml, const std::string& what) {
    pugi::xml_document doc;
    const pugi::xml_parse_result result = doc.load_buffer(xml.data(), xml.size());
    if (!result) throw std::runtime_error(what + ": " + result.description());
    return doc;
}

// Text of a shared string item: plain <t> or the <t> of each rich run.
std::string item_text(const pugi::xml_node& si) {
    std::string text;
    for (const pugi::xpath_node& t : si.select_nodes(".//*[local-name()='t']")) text += t.node().text().get();
    return text;
}

}  // namespace

XlsxPackage::XlsxPackage(const std::string& bytes) : bytes_(bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (!source) throw std::runtime_error("zip source");
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive) {
        zip_source_free(source);
        throw std::runtime_error(std::string("not a zip: ") + zip_error_strerror(&error));
    }
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_index(archive, i, 0, &stat);
        std::string data(static_cast<std::size_t>(stat.size), '\0');
        zip_file_t* file = zip_fopen_index(archive, i, 0);
        if (!file || zip_fread(file, data.data(), data.size()) != static_cast<zip_int64_t>(data.size()))
            throw std::runtime_error(std::string("cannot read ") + stat.name);
        zip_fclose(file);
        parts_[stat.name] = data;
        entries_.push_back({stat.name, stat.mtime});
    }
    zip_close(archive);  // read-only: frees the archive and its source
}

std::vector<ZipEntryInfo> XlsxPackage::entries() const { return entries_; }

std::string XlsxPackage::part(const std::string& name) const {
    const auto it = parts_.find(name);
    if (it == parts_.end()) throw std::runtime_error("no part " + name);
    return it->second;
}

std::vector<std::string> XlsxPackage::sheet_names() const {
    std::vector<std::string> names;
    const auto doc = parse(part("xl/workbook.xml"), "workbook.xml");
    for (const auto& sheet : doc.child("workbook").child("sheets").children("sheet"))
        names.push_back(sheet.attribute("name").value());
    return names;
}

std::string XlsxPackage::sheet_xml(const std::string& sheet_name) const {
    const auto workbook = parse(part("xl/workbook.xml"), "workbook.xml");
    std::string rel_id;
    for (const auto& sheet : workbook.child("workbook").child("sheets").children("sheet"))
        if (sheet_name == sheet.attribute("name").value()) rel_id = sheet.attribute("r:id").value();
    if (rel_id.empty()) throw std::runtime_error("no sheet " + sheet_name);
    const auto rels = parse(part("xl/_rels/workbook.xml.rels"), "workbook.xml.rels");
    for (const auto& rel : rels.child("Relationships").children("Relationship"))
        if (rel_id == rel.attribute("Id").value())
            return part(std::string("xl/") + rel.attribute("Target").value());
    throw std::runtime_error("no relationship " + rel_id);
}

std::map<std::string, CellData> XlsxPackage::cells(const std::string& sheet_name) const {
    std::vector<std::string> shared;
    if (parts_.count("xl/sharedStrings.xml")) {
        const auto sst = parse(part("xl/sharedStrings.xml"), "sharedStrings.xml");
        for (const auto& si : sst.child("sst").children("si")) shared.push_back(item_text(si));
    }
    std::map<std::string, CellData> cells;
    const auto doc = parse(sheet_xml(sheet_name), sheet_name);
    for (const auto& row : doc.child("worksheet").child("sheetData").children("row")) {
        for (const auto& c : row.children("c")) {
            CellData cell;
            cell.type = c.attribute("t").value();
            cell.style = c.attribute("s").as_int();
            cell.formula = c.child("f").text().get();
            cell.has_cached_value = static_cast<bool>(c.child("v"));
            cell.value = c.child("v").text().get();
            if (cell.type == "s") cell.value = shared.at(static_cast<std::size_t>(std::stoul(cell.value)));
            cells[c.attribute("r").value()] = cell;
        }
    }
    return cells;
}

std::string XlsxPackage::number_format_of_style(int style) const {
    const auto doc = parse(part("xl/styles.xml"), "styles.xml");
    const auto sheet = doc.child("styleSheet");
    int index = 0;
    int format_id = -1;
    for (const auto& xf : sheet.child("cellXfs").children("xf"))
        if (index++ == style) format_id = xf.attribute("numFmtId").as_int();
    if (format_id < 0) throw std::runtime_error("no cell style " + std::to_string(style));
    for (const auto& f : sheet.child("numFmts").children("numFmt"))
        if (f.attribute("numFmtId").as_int() == format_id) return f.attribute("formatCode").value();
    return format_id == 0 ? "" : "builtin:" + std::to_string(format_id);
}

int XlsxPackage::indent_of_style(int style) const {
    const auto doc = parse(part("xl/styles.xml"), "styles.xml");
    int index = 0;
    for (const auto& xf : doc.child("styleSheet").child("cellXfs").children("xf"))
        if (index++ == style) return xf.child("alignment").attribute("indent").as_int();
    throw std::runtime_error("no cell style " + std::to_string(style));
}

std::vector<std::string> XlsxPackage::custom_number_formats() const {
    std::vector<std::string> codes;
    const auto doc = parse(part("xl/styles.xml"), "styles.xml");
    for (const auto& f : doc.child("styleSheet").child("numFmts").children("numFmt"))
        codes.push_back(f.attribute("formatCode").value());
    return codes;
}

}  // namespace lettrine::xlsx_test
