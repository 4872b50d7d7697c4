#include "xlsx/table_workbook.hpp"

#include "core/diagnostic.hpp"

namespace lettrine {

CellValue CellValue::of_text(const std::string& s) {
    CellValue v;
    if (!s.empty()) { v.kind = Text; v.text = s; }
    return v;
}

CellValue CellValue::of_number(const std::optional<int>& n) {
    CellValue v;
    if (n) { v.kind = Number; v.number = *n; }
    return v;
}

CellValue CellValue::of_money(const std::optional<lettrine::Money>& m) {
    CellValue v;
    if (m) { v.kind = Money; v.number = static_cast<double>(m->cents) / 100.0; }
    return v;
}

CellValue CellValue::of_date(const lettrine::Date& d) {
    CellValue v;
    v.kind = Date;
    v.date = d;
    return v;
}

TableWorkbook::TableWorkbook(const TableWorkbookStyle& style)
    : file_(style.what), title_(style.title), company_(style.company) {
    lxw_workbook* workbook = file_.workbook();
    // libxlsxwriter numbers formats in order of first use: unused ones cost nothing.
    header_ = workbook_add_format(workbook);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDCE6F1);
    format_set_bottom(header_, LXW_BORDER_THIN);
    if (style.wrap_headers) format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    body_ = workbook_add_format(workbook);
    format_set_text_wrap(body_);
    format_set_align(body_, LXW_ALIGN_VERTICAL_TOP);
    money_whole_ = workbook_add_format(workbook);
    format_set_num_format(money_whole_, "#,##0\\ \"\xE2\x82\xAC\"");
    format_set_align(money_whole_, LXW_ALIGN_VERTICAL_TOP);
    money_cents_ = workbook_add_format(workbook);
    format_set_num_format(money_cents_, "#,##0.00\\ \"\xE2\x82\xAC\"");
    format_set_align(money_cents_, LXW_ALIGN_VERTICAL_TOP);
    date_ = workbook_add_format(workbook);
    format_set_num_format(date_, "dd/mm/yyyy");
    format_set_align(date_, LXW_ALIGN_LEFT);
    if (style.top_align_dates) format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);

    lxw_doc_properties properties = {};
    properties.title = const_cast<char*>(title_.c_str());
    if (company_) properties.company = const_cast<char*>(company_->c_str());
    const lettrine::Date created = is_calendar_date(style.created) ? style.created : lettrine::Date{2000, 1, 1};
    properties.created = static_cast<time_t>(days_since_epoch(created)) * 86400 + 12 * 3600;
    workbook_set_properties(workbook, &properties);
}

lxw_worksheet* TableWorkbook::sheet(const std::string& name, const std::vector<std::pair<std::string, double>>& columns) {
    lxw_worksheet* ws = workbook_add_worksheet(file_.workbook(), name.c_str());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        worksheet_set_column(ws, c, c, columns[c].second, body_);
        check(worksheet_write_string(ws, 0, c, columns[c].first.c_str(), header_), name);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

void TableWorkbook::table(const TableSpec& spec, const std::vector<std::vector<CellValue>>& rows,
                          const ColumnWidth& width) {
    std::vector<std::pair<std::string, double>> columns;
    for (const auto& f : spec.fields) columns.emplace_back(f.label, width(f.id));
    lxw_worksheet* ws = sheet(spec.sheet, columns);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            write(ws, spec.sheet, static_cast<int>(r + 1), static_cast<int>(c), rows[r][c]);
}

void TableWorkbook::key_value_sheet(const TableSpec& spec, const std::map<std::string, CellValue>& values,
                                    double key_width, double value_width) {
    lxw_worksheet* ws = sheet(spec.sheet, {{key_column_label(), key_width}, {value_column_label(), value_width}});
    int row = 1;
    for (const auto& field : spec.fields) {
        if (!values.count(field.id)) continue;  // an optional field the data does not give
        write(ws, spec.sheet, row, 0, CellValue::of_text(field.label));
        write(ws, spec.sheet, row, 1, values.at(field.id));
        ++row;
    }
}

void TableWorkbook::write(lxw_worksheet* ws, const std::string& sheet_name, int row, int column, const CellValue& v) {
    switch (v.kind) {
        case CellValue::Blank: break;
        case CellValue::Text: check(worksheet_write_string(ws, row, column, v.text.c_str(), body_), sheet_name); break;
        case CellValue::Number: check(worksheet_write_number(ws, row, column, v.number, body_), sheet_name); break;
        case CellValue::Money: {
            const bool whole = v.number == static_cast<double>(static_cast<long long>(v.number));
            check(worksheet_write_number(ws, row, column, v.number, whole ? money_whole_ : money_cents_), sheet_name);
            break;
        }
        case CellValue::Date: {
            lxw_datetime dt = {v.date.year, v.date.month, v.date.day, 0, 0, 0};
            check(worksheet_write_datetime(ws, row, column, &dt, date_), sheet_name);
            break;
        }
    }
}

void TableWorkbook::check(lxw_error error, const std::string& sheet_name) {
    if (error == LXW_NO_ERROR) return;
    if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        throw LettrineError(ErrorKind::Data, SourcePosition::at_cell("", sheet_name, ""),
                            "un texte dépasse les 32 767 caractères qu’une cellule peut contenir");
    throw LettrineError(ErrorKind::Io, SourcePosition::at_cell("", sheet_name, ""),
                        std::string("écriture du classeur impossible : ") + lxw_strerror(error));
}

}  // namespace lettrine
