#include "xlsx/sheet_writer.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace lettrine {

namespace {

std::string in_sheet(const std::string& sheet, int row, int column) {
    return "feuille «\u00A0" + sheet + "\u00A0», cellule " + cell_reference(row, column);
}

}  // namespace

SheetWriter::SheetWriter(lxw_workbook* workbook, const std::string& name, Diagnostics& diagnostics)
    : name_(name), diagnostics_(diagnostics) {
    sheet_ = workbook_add_worksheet(workbook, name.c_str());
    if (!sheet_) {
        internal_failure_ = true;
        diagnostics_.error({}, "libxlsxwriter n’a pas pu créer la feuille «\u00A0" +
                                   name + "\u00A0»");
    }
}

void SheetWriter::text(int row, int column, const std::string& value, lxw_format* format,
                       const SourcePosition& from) {
    if (!sheet_) return;
    if (!is_valid_utf8(value)) {
        diagnostics_.error(from, "texte mal encodé (UTF-8 attendu), destiné à la " +
                                     in_sheet(name_, row, column) + " du classeur budgétaire");
        return;
    }
    if (value.empty()) {
        blank(row, column, format);
        return;
    }
    check_cell(worksheet_write_string(sheet_, row, column, value.c_str(), format), row, column, from);
}

void SheetWriter::number(int row, int column, double value, lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_number(sheet_, row, column, value, format), row, column, {});
}

void SheetWriter::formula(int row, int column, const std::string& formula, double value, lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_formula_num(sheet_, row, column, formula.c_str(), format, value), row, column, {});
}

void SheetWriter::text_formula(int row, int column, const std::string& formula, const std::string& value,
                               lxw_format* format, const SourcePosition& from) {
    if (!sheet_) return;
    check_cell(worksheet_write_formula_str(sheet_, row, column, formula.c_str(), format, value.c_str()), row, column,
               from);
}

void SheetWriter::blank(int row, int column, lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_blank(sheet_, row, column, format), row, column, {});
}

void SheetWriter::check(lxw_error status, const std::string& what, const SourcePosition& from) {
    if (status == LXW_NO_ERROR) return;
    internal_failure_ = true;
    diagnostics_.error(from, "libxlsxwriter a refusé " + what + " de la feuille «\u00A0" + name_ +
                                 "\u00A0»\u00A0: " + lxw_strerror(status));
}

void SheetWriter::check_cell(lxw_error status, int row, int column, const SourcePosition& from) {
    if (status == LXW_NO_ERROR) return;
    // Excel's limit on the characters of one cell (Excel specifications and limits).
    if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        diagnostics_.error(from, "texte trop long pour une cellule Excel (au plus 32\u00A0767 caractères), "
                                 "destiné à la " + in_sheet(name_, row, column) +
                                 " du classeur budgétaire");
        return;
    }
    internal_failure_ = true;
    diagnostics_.error(from, "libxlsxwriter a refusé la " + in_sheet(name_, row, column) + "\u00A0: " +
                                 lxw_strerror(status));
}

int estimate_wrapped_lines(const std::string& text, double column_width, bool bold) {
    // Cell padding takes about one character; bold glyphs are ~10 % wider.
    const double usable = std::max(1.0, (column_width - 1.0) / (bold ? 1.1 : 1.0));
    const std::size_t capacity = static_cast<std::size_t>(std::floor(usable));
    int lines = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        const std::u32string paragraph =
            utf8_to_u32(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        // Greedy fill: words are separated by ordinary spaces only (no-break
        // spaces keep their neighbours together, as Excel does).
        std::size_t line_length = 0;
        int paragraph_lines = 1;
        std::size_t i = 0;
        while (i < paragraph.size()) {
            std::size_t j = paragraph.find(U' ', i);
            if (j == std::u32string::npos) j = paragraph.size();
            std::size_t word = j - i;
            const std::size_t needed = line_length == 0 ? word : line_length + 1 + word;
            if (needed <= capacity) {
                line_length = needed;
            } else {
                if (line_length > 0) ++paragraph_lines;
                // A word longer than a line is cut wherever it overflows.
                while (word > capacity) { ++paragraph_lines; word -= capacity; }
                line_length = word;
            }
            i = j + 1;
        }
        lines += paragraph_lines;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return lines;
}

}  // namespace lettrine
