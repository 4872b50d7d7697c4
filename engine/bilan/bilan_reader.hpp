#pragma once
// The bilan's entry points: a filled form (XLSX or ODS workbook) or its XML
// twin in, a validated Bilan out, or every problem found, positioned, in
// French (« bilan-2016-habitat.xlsx, feuille « Temps », cellule D5 : … »,
// « bilan-2016-habitat.xml:42:7 : … »). Both formats become one BilanSource
// and go through one validator: they cannot drift apart.
#include <optional>
#include <string>

#include <boost/filesystem.hpp>

#include "bilan/bilan.hpp"
#include "core/diagnostic.hpp"
#include "data/programme_source.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

// The bilan as positioned tables, whatever file it came from.
struct BilanSource {
    std::string file;
    bool date1904 = false;
    SourceTable identity;  // « Bilan »: one row
    SourceTable time, projects, partnerships, experiments;
    SourceTable texts;     // « Textes »: one row
    Diagnostics diagnostics;  // structural problems: missing sheet or column, unknown fields
};

BilanSource bilan_source_from_workbook(const Workbook& workbook);
BilanSource bilan_source_from_xml(const XmlElement& root, const std::string& file);

// One validation for both formats (every message is listed in docs/BILAN.md).
Bilan validate_bilan(const BilanSource& source, Diagnostics& diagnostics);

enum class BilanFormat { Xlsx, Ods, Xml };
// By extension, case-insensitive: .xlsx, .ods, .xml; nullopt otherwise.
std::optional<BilanFormat> bilan_format_of(const boost::filesystem::path& file);

struct BilanCheck {
    std::optional<Bilan> bilan;  // set only when diagnostics has no error
    Diagnostics diagnostics;     // errors and warnings, in reading order
};

// Never throws for problems in the data (damaged file, bad XML, invalid
// values, unknown extension: all diagnostics). Throws LettrineError(Io) when
// the file cannot be read. Positions name the file by its base name.
BilanCheck check_bilan(const boost::filesystem::path& file);
BilanCheck check_bilan_bytes(const std::string& bytes, const std::string& file_name, BilanFormat format);

// The validated bilan. Throws LettrineError(Data) carrying every diagnostic
// (errors and warnings) when there is at least one error.
Bilan read_bilan(const boost::filesystem::path& file);
Bilan read_bilan_bytes(const std::string& bytes, const std::string& file_name, BilanFormat format);

}  // namespace lettrine
