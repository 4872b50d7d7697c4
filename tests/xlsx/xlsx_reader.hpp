#pragma once
// A small independent XLSX reader for the tests (libzip + pugixml): it reads
// what the writer produced straight from the package parts, so the tests do
// not trust libxlsxwriter's own view of its output.
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace lettrine::xlsx_test {

struct CellData {
    std::string type;     // the t attribute: "s" (shared string), "" (number), "str", …
    std::string value;    // resolved text for shared strings, else <v> as written
    std::string formula;  // <f> text, without '='; empty when none
    bool has_cached_value = false;  // a <v> element is present
    int style = 0;        // the s attribute (index into cellXfs)
};

struct ZipEntryInfo {
    std::string name;
    std::time_t mtime = 0;  // as libzip reports it (local time of the DOS date)
};

class XlsxPackage {
public:
    explicit XlsxPackage(const std::string& bytes);  // throws std::runtime_error

    std::vector<ZipEntryInfo> entries() const;
    std::string part(const std::string& name) const;  // throws when absent

    std::vector<std::string> sheet_names() const;       // workbook order
    std::string sheet_xml(const std::string& sheet_name) const;
    std::map<std::string, CellData> cells(const std::string& sheet_name) const;  // by "A1" reference
    // The number format code of a cell style (cellXfs index), "" for General.
    std::string number_format_of_style(int style) const;
    int indent_of_style(int style) const;  // the alignment's indent level, 0 when none
    std::vector<std::string> custom_number_formats() const;  // <numFmt formatCode>

private:
    std::string bytes_;
    std::map<std::string, std::string> parts_;
    std::vector<ZipEntryInfo> entries_;
};

}  // namespace lettrine::xlsx_test
