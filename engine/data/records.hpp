#pragma once
// Data for the generic mail merge (`lettrine fusion --donnees D --chaque CHEMIN`):
// any XLSX, ODS, CSV or XML file, or a folder of CSV files, as a positioned
// DataValue tree. Nothing here knows the programme.
#include <string>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace lettrine {

// The records to merge, as a list of maps.
// Workbooks (XLSX, ODS; a CSV file is a workbook of one sheet named after
// the file, a folder of CSV files one of a sheet per file): `each` names a sheet (compared like headers: case and accents do not
// matter); row 1 holds the headers; each later non-blank row is a map keyed
// by the header as written AND by its Mustache-safe key ("Nom du contact" ->
// "nom_du_contact"); a column without header is keyed by its letter ("C").
// Cell values are texts: numbers with a decimal comma ("1,5"), date-formatted
// cells as "01/12/2015", booleans as "oui" / "" (false for Mustache).
// XML: `each` is a path of element names from the root ("destinataires/destinataire";
// the root's own name may lead the path); every matching element is an item:
// a map of its attributes and child elements (see element_value).
// Throws LettrineError(Data) (positioned) for an unknown sheet or a path that
// matches nothing, an unreadable file or an extension other than
// .xlsx/.ods/.csv/.xml (and not a folder);
// LettrineError(Io) when the file cannot be read.
// Every text goes through printable_data_text (data_text.hpp): a character
// no document can print is removed or replaced, with a warning added to
// `warnings` (when given) naming the cell or the XML line.
DataValue read_records(const boost::filesystem::path& file, const std::string& each, Diagnostics* warnings = nullptr);

// The whole file as one tree, for templates that iterate themselves.
// XLSX: a map from each sheet name (and its Mustache-safe key) to its list of
// row maps. XML: the root element's value (element_value), always a map.
DataValue read_data_tree(const boost::filesystem::path& file, Diagnostics* warnings = nullptr);

// Building blocks, on data already read (tests, other readers).
DataValue sheet_records(const Workbook& workbook, const Sheet& sheet, Diagnostics* warnings = nullptr);
DataValue workbook_tree(const Workbook& workbook, Diagnostics* warnings = nullptr);
DataValue xml_records(const XmlElement& root, const std::string& each, Diagnostics* warnings = nullptr);
// The same, consuming the tree: each element's storage is released as soon as
// it has become a record, so a 10,000-record merge never holds the whole XML
// tree and all the records at once.
DataValue xml_records(XmlElement&& root, const std::string& each, Diagnostics* warnings = nullptr);
// An element as a value: text (trimmed, one item per line) when it has
// neither attributes nor child elements; otherwise a map of its attributes,
// then its child elements (a name repeated becomes a list), then its own
// non-blank text under "texte". Keys also get a Mustache-safe alias
// ("date-limite" -> "date_limite"). Linear in the number of children.
DataValue element_value(const XmlElement& element, Diagnostics* warnings = nullptr);

}  // namespace lettrine
