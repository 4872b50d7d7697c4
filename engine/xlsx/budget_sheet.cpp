// Sheet « Budget »: one row per sector, amounts and days as numbers, implicit
// daily rates and totals as live formulas carrying their computed values.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "data/budget_figures.hpp"
#include "xlsx/sheets.hpp"

namespace lettrine {

namespace {

enum Column { Id, Name, Referent, ContractedBy, Amount, DaysMin, DaysMax, RateMin, RateMax, DaysAgreed, ColumnCount };

struct ColumnSpec {
    const char* title;
    double width;  // Excel character units
};

// Rates: a fixed price spread over more days gives a lower daily rate, so the
// minimum rate is amount / maximum days and the maximum rate amount / minimum
// days (research/domain.md §5.1, « TJM implicite »).
const ColumnSpec kColumns[ColumnCount] = {
    {"Identifiant", 30},
    {"Secteur", 30},
    {"Structure référente", 34},
    {"Conventionnement", 30},
    {"Montant (€)", 14},
    {"Jours min", 10},
    {"Jours max", 10},
    {"Taux journalier min (€)", 15},
    {"Taux journalier max (€)", 15},
    {"Jours convenus", 11},
};

// Number formats are stored in Excel's locale-invariant syntax; a French
// Excel or LibreOffice shows "10 000 €" (research/domain.md §5.2).
const char* const kEuroFormat = "#,##0\\ \"€\"";
const char* const kEuroCentsFormat = "#,##0.00\\ \"€\"";
const char* const kDaysFormat = "0\\ \"j\"";


struct BudgetFormats {
    lxw_format* header;
    lxw_format* text;
    lxw_format* euros;
    lxw_format* euro_cents;
    lxw_format* rate;
    lxw_format* days;
    lxw_format* total_text;
    lxw_format* total_euros;
    lxw_format* total_euro_cents;
    lxw_format* total_rate;
    lxw_format* total_days;
};

lxw_format* number_format(lxw_workbook* workbook, const char* code, bool total) {
    lxw_format* f = workbook_add_format(workbook);
    format_set_num_format(f, code);
    format_set_align(f, LXW_ALIGN_RIGHT);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_indent(f, kCellIndent);
    if (total) {
        format_set_bold(f);
        format_set_top(f, LXW_BORDER_THIN);
    }
    return f;
}

BudgetFormats make_formats(lxw_workbook* workbook) {
    BudgetFormats f{};
    f.header = workbook_add_format(workbook);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xD9E2F3);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    format_set_indent(f.header, kCellIndent);
    f.text = workbook_add_format(workbook);
    format_set_text_wrap(f.text);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    format_set_indent(f.text, kCellIndent);
    f.euros = number_format(workbook, kEuroFormat, false);
    f.euro_cents = number_format(workbook, kEuroCentsFormat, false);
    f.rate = number_format(workbook, kEuroCentsFormat, false);
    f.days = number_format(workbook, kDaysFormat, false);
    f.total_text = workbook_add_format(workbook);
    format_set_bold(f.total_text);
    format_set_top(f.total_text, LXW_BORDER_THIN);
    format_set_indent(f.total_text, kCellIndent);
    f.total_euros = number_format(workbook, kEuroFormat, true);
    f.total_euro_cents = number_format(workbook, kEuroCentsFormat, true);
    f.total_rate = number_format(workbook, kEuroCentsFormat, true);
    f.total_days = number_format(workbook, kDaysFormat, true);
    return f;
}

// "E7" from a 0-based row and a column.
std::string ref(int row, Column column) { return cell_reference(row, column); }

std::string contracting_label(const Sector& sector, const Programme& programme) {
    if (sector.contracting == Contracting::NantesMetropole)
        return programme.public_partner.empty() ? "Conventionnement direct"
                                                : programme.public_partner + " (conventionnement direct)";
    return programme.organisation;
}

// `=<guard><division>,"")`: the rate, or an empty text while the guard fails.
void rate_formula(SheetWriter& sheet, int row, Column column, const std::string& guard, const std::string& division,
                  const std::optional<double>& rate, lxw_format* format) {
    const std::string formula = "=" + guard + division + ",\"\")";
    if (rate) sheet.formula(row, column, formula, *rate, format);
    else sheet.text_formula(row, column, formula, "", format);
}

void write_sector_row(SheetWriter& sheet, int row, const BudgetLine& line, const Programme& programme,
                      const BudgetFormats& f) {
    const Sector& sector = *line.sector;
    const std::pair<Column, std::string> texts[] = {{Id, sector.id},
                                                     {Name, sector.name},
                                                     {Referent, sector.referent},
                                                     {ContractedBy, contracting_label(sector, programme)}};
    int lines = 1;
    for (const auto& [column, text] : texts) {
        sheet.text(row, column, text, f.text, sector.position);
        lines = std::max(lines, estimate_wrapped_lines(text, kColumns[column].width, false));
    }
    sheet.check(worksheet_set_row(sheet.worksheet(), row, lines * kLineHeightPt + kRowPaddingPt, nullptr),
                "la hauteur d’une ligne");
    // A sector contracted directly by the public partner is outside this
    // budget: no amount, days or rates, so sums and rates never count it.
    if (!line.counted) return;

    if (line.amount) sheet.number(row, Amount, euros(*line.amount), line.amount->cents % 100 ? f.euro_cents : f.euros);
    if (line.days_min) sheet.number(row, DaysMin, *line.days_min, f.days);
    if (line.days_max) sheet.number(row, DaysMax, *line.days_max, f.days);
    // Every rate is a live formula that stays empty while the division is not
    // defined: days cleared or set to 0 in the spreadsheet never give #DIV/0!.
    rate_formula(sheet, row, RateMin, "IF(AND(ISNUMBER(" + ref(row, Amount) + "),N(" + ref(row, DaysMax) + ")>0),",
                 ref(row, Amount) + "/" + ref(row, DaysMax), line.rate_min, f.rate);
    rate_formula(sheet, row, RateMax, "IF(AND(ISNUMBER(" + ref(row, Amount) + "),N(" + ref(row, DaysMin) + ")>0),",
                 ref(row, Amount) + "/" + ref(row, DaysMin), line.rate_max, f.rate);
    if (line.days_agreed) sheet.number(row, DaysAgreed, *line.days_agreed, f.days);
}

std::string sum(Column column, int first_row, int last_row) {
    return "=SUM(" + ref(first_row, column) + ":" + ref(last_row, column) + ")";
}

void write_totals_row(SheetWriter& sheet, int row, int first, int last, const BudgetTotals& t, const BudgetFormats& f) {
    sheet.text(row, Id, "Total", f.total_text);
    for (int c = Name; c < ColumnCount; ++c) sheet.blank(row, c, f.total_text);
    sheet.formula(row, Amount, sum(Amount, first, last), euros(t.amount),
                  t.amount.cents % 100 ? f.total_euro_cents : f.total_euros);
    sheet.formula(row, DaysMin, sum(DaysMin, first, last), static_cast<double>(t.days_min), f.total_days);
    sheet.formula(row, DaysMax, sum(DaysMax, first, last), static_cast<double>(t.days_max), f.total_days);
    // Average rates only while every amount has its days (the ratio of the
    // sums would mix sectors with and without), and never a #DIV/0!.
    auto average_guard = [&](Column days) {
        return "IF(AND(N(" + ref(row, days) + ")>0,SUMPRODUCT((" + ref(first, Amount) + ":" + ref(last, Amount) +
               "<>\"\")*(" + ref(first, days) + ":" + ref(last, days) + "<=0))=0),";
    };
    rate_formula(sheet, row, RateMin, average_guard(DaysMax), ref(row, Amount) + "/" + ref(row, DaysMax), t.rate_min,
                 f.total_rate);
    rate_formula(sheet, row, RateMax, average_guard(DaysMin), ref(row, Amount) + "/" + ref(row, DaysMin), t.rate_max,
                 f.total_rate);
    if (t.days_agreed)
        sheet.formula(row, DaysAgreed, sum(DaysAgreed, first, last), static_cast<double>(*t.days_agreed), f.total_days);
}

void write_header_row(SheetWriter& sheet, const BudgetFormats& f) {
    int lines = 1;
    for (int c = 0; c < ColumnCount; ++c) {
        sheet.text(0, c, kColumns[c].title, f.header);
        lines = std::max(lines, estimate_wrapped_lines(kColumns[c].title, kColumns[c].width, true));
    }
    sheet.check(worksheet_set_row(sheet.worksheet(), 0, lines * kLineHeightPt + kRowPaddingPt, nullptr),
                "la hauteur de la ligne d’en-tête");
}

void set_up_sheet(SheetWriter& sheet, const Programme& programme, int last_sector_row) {
    lxw_worksheet* ws = sheet.worksheet();
    for (int c = 0; c < ColumnCount; ++c)
        sheet.check(worksheet_set_column(ws, c, c, kColumns[c].width, nullptr), "la largeur d’une colonne");
    worksheet_freeze_panes(ws, 1, 0);
    sheet.check(worksheet_autofilter(ws, 0, 0, last_sector_row, ColumnCount - 1), "le filtre automatique");
    set_up_printing(sheet, "Budget " + std::to_string(programme.year), programme);
}

}  // namespace

void write_budget_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme) {
    if (!sheet.worksheet()) return;
    const BudgetFormats formats = make_formats(workbook);
    write_header_row(sheet, formats);
    const BudgetFigures figures = budget_figures(programme);
    const int first = 1;
    int row = first;
    for (const BudgetLine& line : figures.lines) write_sector_row(sheet, row++, line, programme, formats);
    const int last = row - 1;
    if (!figures.lines.empty()) write_totals_row(sheet, row, first, last, figures.totals, formats);
    set_up_sheet(sheet, programme, last);
}

}  // namespace lettrine
