#pragma once
// Thin checked access to one libxlsxwriter worksheet: every write is checked,
// and refused cells become positioned Diagnostics (collected, not thrown), so
// a programme with several faulty texts is reported whole.
#include <string>

#include <xlsxwriter.h>

#include "core/diagnostic.hpp"
#include "core/position.hpp"

namespace lettrine {

class SheetWriter {
public:
    SheetWriter(lxw_workbook* workbook, const std::string& name, Diagnostics& diagnostics);

    lxw_worksheet* worksheet() const { return sheet_; }
    const std::string& name() const { return name_; }

    // `from` is where the text was read, for messages; texts must be UTF-8.
    void text(int row, int column, const std::string& value, lxw_format* format,
              const SourcePosition& from = {});
    void number(int row, int column, double value, lxw_format* format);
    // A live formula ("=E2/G2") stored with its computed value, so viewers
    // that do not recalculate (previews, openpyxl's data_only) show it.
    void formula(int row, int column, const std::string& formula, double value, lxw_format* format);
    // The same for a formula whose result is a text.
    void text_formula(int row, int column, const std::string& formula, const std::string& value, lxw_format* format,
                      const SourcePosition& from = {});
    void blank(int row, int column, lxw_format* format);

    // Turns a failed libxlsxwriter call into a diagnostic about `what`.
    void check(lxw_error status, const std::string& what, const SourcePosition& from = {});

    // True when a problem was found in libxlsxwriter's use rather than in the data.
    bool internal_failure() const { return internal_failure_; }

private:
    void check_cell(lxw_error status, int row, int column, const SourcePosition& from);

    lxw_worksheet* sheet_ = nullptr;
    std::string name_;
    Diagnostics& diagnostics_;
    bool internal_failure_ = false;
};

// How many lines `text` takes in a wrapped cell `column_width` characters
// wide (Excel's unit: the width of '0' in the default font). A greedy word
// wrap on code points, deliberately pessimistic so that explicit row
// heights never clip a line; bold text counts as wider.
int estimate_wrapped_lines(const std::string& text, double column_width, bool bold);

}  // namespace lettrine
