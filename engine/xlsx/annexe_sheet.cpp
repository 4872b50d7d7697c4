// Sheet « Annexe 1 »: the call's table « Nature et volume des missions par
// secteur », rebuilt from the programme (seed: Annexe 1 of the 2015 call).
#include <algorithm>
#include <vector>

#include "core/french_grammar.hpp"
#include "xlsx/budget_workbook.hpp"
#include "xlsx/sheets.hpp"
#include "data/volume_text.hpp"

namespace lettrine {

namespace {

// Column widths in Excel character units, chosen so the 2016 texts wrap on
// two to six lines; printing scales the five columns to one A4 landscape page.
constexpr double kColumnWidths[5] = {24, 34, 42, 38, 22};
const char* const kListDash = "–\u00A0";  // "– " (en dash, no-break space)
const char* const kToConfirm = " (à confirmer)";

struct AnnexeFormats {
    lxw_format* header;
    lxw_format* actions;
    lxw_format* row_title;
    lxw_format* body;
};

lxw_format* bordered(lxw_workbook* workbook) {
    lxw_format* f = workbook_add_format(workbook);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_indent(f, kCellIndent);
    return f;
}

AnnexeFormats make_formats(lxw_workbook* workbook) {
    AnnexeFormats f{};
    f.header = bordered(workbook);
    format_set_bold(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xD9E2F3);
    f.actions = bordered(workbook);
    format_set_italic(f.actions);
    format_set_bg_color(f.actions, 0xF2F2F2);
    f.row_title = bordered(workbook);
    format_set_bold(f.row_title);
    f.body = bordered(workbook);
    return f;
}

std::string dash_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += '\n';
        out += kListDash + item;
    }
    return out;
}

std::string with_heading(const std::string& heading, const std::string& list) {
    if (heading.empty()) return list;
    if (list.empty()) return heading;
    return heading + "\n" + list;
}

std::string mark(const std::string& text, ItemStatus status) {
    return status == ItemStatus::ToConfirm ? text + kToConfirm : text;
}

// Mission 2 cell: the partnership mode, then the sector's partners.
std::string partnership_cell(const Sector& sector, const Programme& programme) {
    std::vector<std::string> partners;
    for (const auto& p : programme.partners)
        if (p.sector_id == sector.id) partners.push_back(mark(p.name, p.status));
    return with_heading(sector.partnership_mode, dash_list(partners));
}

// Mission 3 cell: the sector's experiments.
std::string experiments_cell(const Sector& sector, const Programme& programme) {
    std::vector<std::string> experiments;
    for (const auto& e : programme.experiments)
        if (e.sector_id == sector.id) experiments.push_back(mark(e.title, e.status));
    return dash_list(experiments);
}

// « Volume annuel » as describe_annual_volume() writes it, from the amount
// (E), minimum days (F) and maximum days (G) of row `budget_row` (0-based)
// of the « Budget » sheet: « 15 000 € (30 à 45 jours) », whichever is known.
// FIXED groups the thousands the way the reader's locale does.
std::string annual_volume_formula(int budget_row) {
    const std::string sheet = std::string(kBudgetSheetName) + "!";
    const std::string n = std::to_string(budget_row + 1);
    const std::string amount = sheet + "E" + n, low = sheet + "F" + n, high = sheet + "G" + n;
    const std::string nb = kNoBreakSpace;
    const std::string plural = "IF(MAX(" + low + "," + high + ")>=2,\"s\",\"\")";
    const std::string days = "IF(COUNT(" + low + "," + high + ")=0,\"\",IF(AND(COUNT(" + low + "," + high + ")=2," +
                             low + "<>" + high + ")," + low + "&\"" + nb + "à" + nb + "\"&" + high + "&\"" + nb +
                             "jour\"&" + plural + ",MAX(" + low + "," + high + ")&\"" + nb + "jour\"&" + plural + "))";
    const std::string euros = "FIXED(" + amount + ",IF(" + amount + "=INT(" + amount + "),0,2))&\"" + nb + "€\"";
    return "=IF(ISNUMBER(" + amount + ")," + euros + "&IF(" + days + "=\"\",\"\",\" (\"&" + days + "&\")\")," +
           days + ")";
}

// One table row: writes the cells and sizes the row to its tallest cell.
class RowWriter {
public:
    RowWriter(SheetWriter& sheet, int row) : sheet_(sheet), row_(row) {}
    void cell(int column, const std::string& text, lxw_format* format, bool bold,
              const SourcePosition& from) {
        sheet_.text(row_, column, text, format, from);
        if (!text.empty()) lines_ = std::max(lines_, estimate_wrapped_lines(text, kColumnWidths[column], bold));
    }
    void finish() {
        sheet_.check(worksheet_set_row(sheet_.worksheet(), row_, lines_ * kLineHeightPt + kRowPaddingPt, nullptr),
                     "la hauteur d’une ligne");
    }

private:
    SheetWriter& sheet_;
    int row_;
    int lines_ = 1;
};

void write_header_row(SheetWriter& sheet, const MissionsByNumber& missions, const AnnexeFormats& f) {
    RowWriter row(sheet, 0);
    row.cell(0, "Mission générique", f.header, true, {});
    for (int m = 0; m < 3; ++m) row.cell(1 + m, missions[m]->short_title, f.header, true, missions[m]->position);
    row.cell(4, "Volume annuel", f.header, true, {});
    row.finish();
}

void write_actions_row(SheetWriter& sheet, const MissionsByNumber& missions, const AnnexeFormats& f) {
    RowWriter row(sheet, 1);
    row.cell(0, "", f.actions, false, {});
    for (int m = 0; m < 3; ++m) row.cell(1 + m, dash_list(missions[m]->short_actions), f.actions, false, missions[m]->position);
    row.cell(4, "", f.actions, false, {});
    row.finish();
}

void write_sector_row(SheetWriter& sheet, int index, const Sector& sector, const Programme& programme,
                      const AnnexeFormats& f) {
    RowWriter row(sheet, index);
    row.cell(0, sector.name, f.row_title, true, sector.position);
    row.cell(1, sector.project_support, f.body, false, sector.position);
    row.cell(2, partnership_cell(sector, programme), f.body, false, sector.position);
    row.cell(3, experiments_cell(sector, programme), f.body, false, sector.position);
    row.cell(4, describe_annual_volume(sector, programme), f.body, false, sector.position);
    // The volume of a sector in the budget is computed from its row of the
    // « Budget » sheet (same order, one row up): editing the amount or the
    // days there updates the Annexe. The text is stored as the cached value.
    if (sector.contracting == Contracting::Ecossolies)
        sheet.text_formula(index, 4, annual_volume_formula(index - 1), describe_annual_volume(sector, programme), f.body,
                           sector.position);
    row.finish();
}

void write_link_row(SheetWriter& sheet, int index, const Programme& programme, const MissionsByNumber& missions,
                    const AnnexeFormats& f) {
    RowWriter row(sheet, index);
    const std::string label = programme.organisation.empty() ? "Lien avec les activités"
                                                             : "Lien avec les activités " + with_de(programme.organisation);
    row.cell(0, label, f.row_title, true, {});
    for (int m = 0; m < 3; ++m) row.cell(1 + m, missions[m]->ecossolies_link, f.body, false, missions[m]->position);
    row.cell(4, "", f.body, false, {});
    row.finish();
}

void set_up_sheet(SheetWriter& sheet, const Programme& programme) {
    lxw_worksheet* ws = sheet.worksheet();
    for (int c = 0; c < 5; ++c)
        sheet.check(worksheet_set_column(ws, c, c, kColumnWidths[c], nullptr), "la largeur d’une colonne");
    worksheet_freeze_panes(ws, 1, 1);  // header row and sector names stay visible
    worksheet_center_horizontally(ws);
    set_up_printing(sheet, "Annexe 1 – Nature et volume des missions par secteur (" +
                               std::to_string(programme.year) + ")", programme);
}

}  // namespace

void write_annexe_sheet(lxw_workbook* workbook, SheetWriter& sheet, const Programme& programme,
                        const MissionsByNumber& missions) {
    if (!sheet.worksheet()) return;
    const AnnexeFormats formats = make_formats(workbook);
    write_header_row(sheet, missions, formats);
    write_actions_row(sheet, missions, formats);
    int row = 2;
    for (const auto& sector : programme.sectors) write_sector_row(sheet, row++, sector, programme, formats);
    write_link_row(sheet, row, programme, missions, formats);
    set_up_sheet(sheet, programme);
}

}  // namespace lettrine
