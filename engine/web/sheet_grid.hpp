#pragma once
// The error page's view: every problem in a table (sheet, cell, message),
// and each faulty sheet drawn as a grid (column letters, row numbers, the
// cells' texts as the engine's readers read them) with the faulty cells
// marked, so that nobody has to count columns to find H4.
#include <optional>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "data/value.hpp"
#include "data/xlsx_reader.hpp"

namespace lettrine::web {

struct GridLimits {
    std::size_t max_rows = 300;     // rows drawn per sheet
    std::size_t max_columns = 40;   // columns drawn per sheet
    std::size_t max_cell_text = 80; // characters shown per cell
};

// For the page template: « problemes » (each with « feuille », « cellule »,
// « message », and « lien » when the grid shows the place), « nombre »,
// « feuilles » (each with « nom », « id », « colonnes », « lignes » of
// « cellules » carrying « texte », and for a faulty one « id »,
// « fautive », « messages »). Only errors are listed; `workbook` is the
// upload read back (none for an XML file or an unreadable upload).
// An uploaded file (or CSV folder) read back with the engine's own readers,
// for the grids: .xlsx, .ods, a folder of CSV files; none for XML (its
// positions are lines) or when it cannot be read at all.
std::optional<Workbook> read_back(const boost::filesystem::path& data);

DataValue error_view(const Diagnostics& diagnostics, const std::optional<Workbook>& workbook,
                     const GridLimits& limits = {});

}  // namespace lettrine::web
