// Print setup shared by the workbook's sheets.
#include "xlsx/sheets.hpp"

namespace lettrine {

namespace {

// Paper size code 9 = A4 (ECMA-376 pageSetup@paperSize; libxlsxwriter worksheet_set_paper).
constexpr uint8_t kPaperA4 = 9;

}  // namespace

void set_up_printing(SheetWriter& sheet, const std::string& title, const Programme& programme) {
    lxw_worksheet* ws = sheet.worksheet();
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, kPaperA4);
    worksheet_fit_to_pages(ws, 1, 0);               // 0: as many pages tall as needed
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);  // inches: left, right, top, bottom
    sheet.check(worksheet_repeat_rows(ws, 0, 0), "la ligne d’en-tête répétée");
    const std::string header = "&C" + escape_header_text(title);
    const std::string footer = "&L" + escape_header_text(programme.organisation) + "&RPage &P sur &N";
    sheet.check(worksheet_set_header(ws, header.c_str()), "l’en-tête d’impression");
    sheet.check(worksheet_set_footer(ws, footer.c_str()), "le pied de page d’impression");
}

std::string escape_header_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '&') out += '&';
    }
    return out;
}

}  // namespace lettrine
