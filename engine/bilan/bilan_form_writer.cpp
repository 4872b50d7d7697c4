// The bilan workbook, sheet by sheet: Instructions, Bilan, Temps, Projets,
// Partenariats, Expérimentations, Textes (docs/BILAN.md).
#include "bilan/bilan_form.hpp"

#include <xlsxwriter.h>

#include <vector>

#include "bilan/bilan.hpp"
#include "bilan/bilan_schema.hpp"
#include "core/diagnostic.hpp"
#include "core/french_grammar.hpp"
#include "core/position.hpp"
#include "core/text.hpp"
#include "data/calendar.hpp"
#include "template/french_format.hpp"
#include "xlsx/sheet_writer.hpp"
#include "xlsx/workbook_file.hpp"

namespace lettrine {

namespace {

// Excel row heights in points; column widths in characters.
constexpr double kTitleHeight = 24;
constexpr double kHeaderHeight = 30;
constexpr double kNarrativeRowHeight = 190;  // about 13 lines of 11 pt text
constexpr int kFirstDataRow = kFormHeaderRow + 1;
// Paper size code 9 = A4 (ECMA-376 pageSetup@paperSize).
constexpr uint8_t kPaperA4 = 9;

// NULL-terminated char* lists, as libxlsxwriter's data validation wants them.
class CList {
public:
    explicit CList(const std::vector<std::string>& items) : items_(items) {
        for (auto& s : items_) pointers_.push_back(s.data());
        pointers_.push_back(nullptr);
    }
    char** get() { return pointers_.data(); }

private:
    std::vector<std::string> items_;
    std::vector<char*> pointers_;
};

class FormWriter {
public:
    FormWriter(const Programme& programme, const Sector& sector, const std::string& drop_address)
        : programme_(programme), sector_(sector), drop_address_(drop_address) {
        lxw_workbook* wb = file_.workbook();
        title_ = add(Style().bold(true).size(14).color(0x1F4E79));
        note_ = add(Style().wrap(true).italic(true).color(0x444444));
        text_ = add(Style().wrap(true));
        header_ = add(Style().bold(true).wrap(true).fill(0xDCE6F1).border(true));
        label_ = add(Style().bold(true).wrap(true).border(true));
        fixed_ = add(Style().wrap(true).fill(kComputedFill).border(true));
        fixed_number_ = add(Style().fill(kComputedFill).border(true).num_format("0"));
        input_ = add(Style().wrap(true).fill(kInputFill).border(true).unlocked(true));
        input_days_ = add(Style().fill(kInputFill).border(true).unlocked(true).num_format("0.0"));
        input_date_ = add(Style().fill(kInputFill).border(true).unlocked(true).num_format("dd/mm/yyyy").left(true));
        computed_days_ = add(Style().bold(false).fill(kComputedFill).border(true).num_format("0.0;\\-0.0;0"));
        computed_total_ = add(Style().bold(true).fill(kComputedFill).border(true).num_format("0.0"));
        computed_rate_ = add(Style().bold(true).fill(kComputedFill).border(true).num_format("0\\ %"));
        computed_text_ = add(Style().bold(true).wrap(true).fill(kComputedFill).border(true));
        legend_input_ = add(Style().fill(kInputFill).border(true));
        legend_computed_ = add(Style().fill(kComputedFill).border(true));
        (void)wb;
    }

    std::string write() {
        set_properties();
        instructions();
        identity();
        time();
        projects();
        partnerships();
        experiments();
        texts();
        if (diagnostics_.has_errors())
            throw LettrineError(ErrorKind::Data, diagnostics_);
        return file_.finish();
    }

private:
    struct Style {
        bool bold_ = false, wrap_ = false, italic_ = false, border_ = false, unlocked_ = false, left_ = false;
        double size_ = 0;
        unsigned color_ = 0, fill_ = 0;
        const char* num_format_ = nullptr;
        Style& bold(bool b) { bold_ = b; return *this; }
        Style& wrap(bool b) { wrap_ = b; return *this; }
        Style& italic(bool b) { italic_ = b; return *this; }
        Style& border(bool b) { border_ = b; return *this; }
        Style& unlocked(bool b) { unlocked_ = b; return *this; }
        Style& left(bool b) { left_ = b; return *this; }
        Style& size(double v) { size_ = v; return *this; }
        Style& color(unsigned v) { color_ = v; return *this; }
        Style& fill(unsigned v) { fill_ = v; return *this; }
        Style& num_format(const char* v) { num_format_ = v; return *this; }
    };

    lxw_format* add(const Style& s) {
        lxw_format* f = workbook_add_format(file_.workbook());
        if (s.bold_) format_set_bold(f);
        if (s.italic_) format_set_italic(f);
        if (s.size_ > 0) format_set_font_size(f, s.size_);
        if (s.color_) format_set_font_color(f, s.color_);
        if (s.wrap_) format_set_text_wrap(f);
        if (s.fill_) format_set_bg_color(f, s.fill_);
        if (s.border_) {
            format_set_border(f, LXW_BORDER_THIN);
            format_set_border_color(f, 0xA6A6A6);
        }
        if (s.unlocked_) format_set_unlocked(f);
        if (s.num_format_) format_set_num_format(f, s.num_format_);
        if (s.left_) format_set_align(f, LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return f;
    }

    std::string sheet_title(const std::string& what) const {
        return what + " — " + sector_.name + " — " + std::to_string(programme_.year);
    }

    // Protected sheet: locked cells cannot change, unlocked (input) ones can;
    // rows and columns may still be resized. Printed on A4 landscape, one
    // page wide, the header row repeated on every page.
    void protect(SheetWriter& sheet, bool repeat_header = true) {
        lxw_worksheet* ws = sheet.worksheet();
        lxw_protection options{};
        options.format_columns = 1;
        options.format_rows = 1;
        worksheet_protect(ws, nullptr, &options);
        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, kPaperA4);
        worksheet_fit_to_pages(ws, 1, 0);  // 0: as many pages tall as needed
        worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);  // inches
        if (repeat_header) sheet.check(worksheet_repeat_rows(ws, kFormHeaderRow, kFormHeaderRow), "la ligne d’en-tête répétée");
        std::string footer = "&L" + escape_header(sector_.name) + " — bilan " + std::to_string(programme_.year) +
                             "&RPage &P sur &N";
        sheet.check(worksheet_set_footer(ws, footer.c_str()), "le pied de page d’impression");
    }

    static std::string escape_header(const std::string& text) {
        std::string out;
        for (char c : text) out += c == '&' ? std::string("&&") : std::string(1, c);
        return out;
    }

    void heading(SheetWriter& sheet, const std::string& title, const std::vector<std::string>& notes, int last_column) {
        worksheet_set_row(sheet.worksheet(), 0, kTitleHeight, nullptr);
        sheet.text(0, 0, title, title_);
        for (std::size_t i = 0; i < notes.size() && i < 2; ++i) {
            const int row = static_cast<int>(i) + 1;
            sheet.check(worksheet_merge_range(sheet.worksheet(), row, 0, row, last_column, "", note_), "la fusion des cellules");
            sheet.text(row, 0, notes[i], note_);
            worksheet_set_row(sheet.worksheet(), row, 15 * std::max(1, estimate_wrapped_lines(notes[i], 110, false)), nullptr);
        }
    }

    void header_row(SheetWriter& sheet, const TableSpec& spec, const std::vector<std::string>& labels) {
        for (std::size_t c = 0; c < labels.size(); ++c) sheet.text(kFormHeaderRow, static_cast<int>(c), labels[c], header_);
        worksheet_set_row(sheet.worksheet(), kFormHeaderRow, kHeaderHeight, nullptr);  // room for two-line labels
        worksheet_freeze_panes(sheet.worksheet(), kFormHeaderRow + 1, 0);
        (void)spec;
    }

    void list_validation(SheetWriter& sheet, int first_row, int last_row, int column, const std::vector<std::string>& values,
                         const std::string& title, const std::string& message, bool strict) {
        CList list(values);
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list.get();
        std::string t = title, m = message;
        v.input_title = t.data();
        v.input_message = m.data();
        std::string et = "Valeur non prévue";
        std::string em = strict ? "Choisir une valeur de la liste." : "Cette valeur ne figure pas dans la liste : la garder ?";
        v.error_title = et.data();
        v.error_message = em.data();
        v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
        sheet.check(worksheet_data_validation_range(sheet.worksheet(), first_row, column, last_row, column, &v),
                    "la liste de choix");
    }

    void days_validation(SheetWriter& sheet, int first_row, int last_row, int column) {
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = 366;
        std::string t = "Jours", m = "Par demi-journées : 10 ou 10,5.";
        std::string et = "Nombre de jours", em = "Un nombre de jours entre 0 et 366, par demi-journées.";
        v.input_title = t.data();
        v.input_message = m.data();
        v.error_title = et.data();
        v.error_message = em.data();
        sheet.check(worksheet_data_validation_range(sheet.worksheet(), first_row, column, last_row, column, &v),
                    "la validation des jours");
    }

    void date_validation(SheetWriter& sheet, int row, int column) {
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = {programme_.year - 1, 1, 1, 0, 0, 0};
        v.maximum_datetime = {programme_.year + 1, 12, 31, 0, 0, 0};
        std::string t = "Date", m = "Au format jj/mm/aaaa ; laisser vide si la réunion n’a pas eu lieu.";
        std::string et = "Date", em = "Une date entre " + std::to_string(programme_.year - 1) + " et " +
                                      std::to_string(programme_.year + 1) + ", au format jj/mm/aaaa.";
        v.input_title = t.data();
        v.input_message = m.data();
        v.error_title = et.data();
        v.error_message = em.data();
        sheet.check(worksheet_data_validation_cell(sheet.worksheet(), row, column, &v), "la validation des dates");
    }

    void set_properties() {
        std::string title = "Bilan " + std::to_string(programme_.year) + " — " + sector_.name;
        std::string subject = "Note de bilan annuelle de la structure référente";
        std::string organisation = programme_.organisation;
        lxw_doc_properties properties{};
        properties.title = title.data();
        properties.subject = subject.data();
        properties.author = organisation.data();
        properties.company = organisation.data();
        // Deterministic: the programme's letter date at noon UTC, never the clock.
        const Date created = is_calendar_date(programme_.letter_date) ? programme_.letter_date : Date{2000, 1, 1};
        properties.created = static_cast<time_t>(days_since_epoch(created)) * 86400 + 12 * 3600;
        workbook_set_properties(file_.workbook(), &properties);
    }

    // The last step: where, and by when, the filled form goes.
    std::string return_step(const std::string& file) const {
        const std::string page = drop_address_.empty() ? programme_.bilan_page : drop_address_;
        const std::string by =
            programme_.bilan_deadline ? " au plus tard le " + format_date_long(*programme_.bilan_deadline) : "";
        if (!page.empty())
            return "Enregistrez le classeur au format .xlsx (ou .ods), puis déposez-le" + by + " sur la page " + page +
                   (drop_address_.empty() ? " (par le lien de dépôt de votre secteur, reçu " + with_de(programme_.contact) + ")"
                                          : "") +
                   " : vous recevez aussitôt la note de bilan au format PDF, ou la liste des cellules à corriger.";
        if (!by.empty())
            return "Enregistrez le classeur au format .xlsx (ou .ods) et rendez-le" + by + " ; la note se produit avec : "
                   "lettrine note --donnees " + file;
        return "Enregistrez le classeur au format .xlsx (ou .ods), puis produisez la note : lettrine note --donnees " + file;
    }

    std::string volume_phrase() const {
        if (sector_.days_agreed) return std::to_string(*sector_.days_agreed) + " jours (volume convenu)";
        if (sector_.days_min && sector_.days_max)
            return *sector_.days_min == *sector_.days_max ? std::to_string(*sector_.days_min) + " jours"
                                                          : "entre " + std::to_string(*sector_.days_min) + " et " +
                                                                std::to_string(*sector_.days_max) + " jours";
        return "";
    }

    // The bounds the planned split must fall within (days_agreed, else the range).
    std::pair<std::optional<int>, std::optional<int>> volume_bounds() const {
        if (sector_.days_agreed) return {sector_.days_agreed, sector_.days_agreed};
        return {sector_.days_min, sector_.days_max};
    }

    void instructions() {
        SheetWriter sheet(file_.workbook(), kBilanInstructionsSheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 4, nullptr);
        worksheet_set_column(ws, 1, 1, 100, nullptr);
        worksheet_set_row(ws, 0, kTitleHeight, nullptr);
        sheet.text(0, 0, "Bilan " + std::to_string(programme_.year) + " du secteur « " + sector_.name + " »", title_);
        const std::string file = bilan_form_file_name(programme_, sector_);
        const std::vector<std::pair<std::string, std::string>> lines{
            {"", "Ce classeur est la note de bilan annuelle de la structure référente " + sector_.referent +
                     ". Une fois rempli, il donne la note au format PDF, intégrée au rapport d’activité " +
                     with_de(programme_.organisation) + "."},
            {"1.", "Remplissez les cellules jaunes de chaque feuille ; les cellules grises sont calculées ou reprises "
                   "du programme et ne se modifient pas. Ne renommez ni les feuilles ni les en-têtes de colonnes."},
            {"2.", "« Bilan » : rédacteur, date de la note et dates des réunions de pilotage (comité de pilotage, "
                   "atelier de l’AG de juin, revues de projets de juin et de décembre). Laissez vide une réunion "
                   "qui n’a pas eu lieu."},
            {"3.", "« Temps » : répartissez les jours prévus entre les trois missions (le programme ne donne que le "
                   "volume du secteur : " + volume_phrase() + "), puis indiquez les jours réalisés, par "
                   "demi-journées (10 ou 10,5). Le contrôle en bas de la feuille vérifie que la répartition respecte "
                   "le volume prévu."},
            {"4.", "« Projets » : un projet accompagné par ligne ; choisissez le stade et l’avis de financement dans "
                   "les listes. Un avis donné demande le fonds sollicité."},
            {"5.", "« Partenariats » et « Expérimentations » : les lignes reprises du programme sont à compléter "
                   "(ou à effacer) ; ajoutez les autres sur les lignes jaunes libres."},
            {"6.", "« Textes » : faits marquants, difficultés, perspectives et plan d’action. Dans une cellule, "
                   "Alt+Entrée (Option+Entrée sur Mac, Ctrl+Entrée dans LibreOffice) passe à la ligne ; une ligne "
                   "vide sépare deux paragraphes ; une ligne commençant par « - » (tiret puis espace) est une puce."},
            {"7.", return_step(file)},
        };
        int row = 2;
        for (const auto& [number, line] : lines) {
            sheet.text(row, 0, number, text_);
            sheet.text(row, 1, line, text_);
            worksheet_set_row(ws, row, 15 * estimate_wrapped_lines(line, 100, false) + 3, nullptr);
            ++row;
        }
        ++row;
        sheet.blank(row, 0, legend_input_);
        sheet.text(row++, 1, "Cellule à remplir", text_);
        sheet.blank(row, 0, legend_computed_);
        sheet.text(row++, 1, "Cellule calculée ou reprise du programme (protégée)", text_);
        protect(sheet, false);
        worksheet_activate(ws);
    }

    void identity() {
        const TableSpec& spec = bilan_identity_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 30, nullptr);
        worksheet_set_column(ws, 1, 1, 48, nullptr);
        worksheet_set_column(ws, 2, 2, 52, nullptr);
        heading(sheet, sheet_title("Bilan"), {"Identité de la note et dates de la coordination et du pilotage."}, 2);
        sheet.text(kFormHeaderRow, 0, key_column_label(), header_);
        sheet.text(kFormHeaderRow, 1, value_column_label(), header_);
        sheet.text(kFormHeaderRow, 2, "Aide", header_);
        worksheet_freeze_panes(ws, kFormHeaderRow + 1, 0);
        struct Line {
            std::string id;
            enum Kind { Fixed, FixedNumber, Input, InputDate } kind;
            std::string value;
            std::string help;
        };
        const auto number = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
        const std::vector<Line> lines{
            {"annee", Line::FixedNumber, std::to_string(programme_.year), "Année du bilan"},
            {"secteur", Line::Fixed, sector_.id, "Identifiant du secteur dans le programme"},
            {"nom-secteur", Line::Fixed, sector_.name, ""},
            // A sector contracted directly has no référent in the programme: typed by whoever fills the form.
            {"structure-referente", sector_.referent.empty() ? Line::Input : Line::Fixed, sector_.referent, ""},
            {"redacteur", Line::Input, sector_.contact.name, "Qui rédige la note"},
            {"qualite-redacteur", Line::Input, sector_.contact.role, "Sa fonction"},
            {"date", Line::InputDate, "", "Date de la note (jj/mm/aaaa)"},
            {"jours-min", Line::FixedNumber, number(sector_.days_min), "Volume prévu au programme"},
            {"jours-max", Line::FixedNumber, number(sector_.days_max), "Volume prévu au programme"},
            {"comite-pilotage", Line::InputDate, "", "Comité de pilotage annuel (bilan et plan d’action)"},
            {"atelier-ag", Line::InputDate, "", "Atelier du secteur à l’AG de juin"},
            {"revue-juin", Line::InputDate, "", "Revue de projets de l’équipe en juin"},
            {"revue-decembre", Line::InputDate, "", "Revue de projets de l’équipe en décembre"},
        };
        int row = kFirstDataRow;
        for (const auto& line : lines) {
            sheet.text(row, 0, spec.field(line.id).label, label_);
            switch (line.kind) {
                case Line::Fixed: sheet.text(row, 1, line.value, fixed_); break;
                case Line::FixedNumber:
                    if (line.value.empty()) sheet.blank(row, 1, fixed_number_);
                    else sheet.number(row, 1, std::stod(line.value), fixed_number_);
                    break;
                case Line::Input:
                    if (line.value.empty()) sheet.blank(row, 1, input_);
                    else sheet.text(row, 1, line.value, input_);
                    break;
                case Line::InputDate:
                    sheet.blank(row, 1, input_date_);
                    date_validation(sheet, row, 1);
                    break;
            }
            sheet.text(row, 2, line.help, note_);
            ++row;
        }
        protect(sheet);
    }

    void time() {
        const TableSpec& spec = bilan_time_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 8, nullptr);
        worksheet_set_column(ws, 1, 1, 36, nullptr);
        worksheet_set_column(ws, 2, 4, 14, nullptr);
        worksheet_set_column(ws, 5, 5, 50, nullptr);
        heading(sheet, sheet_title("Temps consacré aux missions"),
                {"Volume prévu au programme : " + volume_phrase() +
                     ". Répartissez-le entre les trois missions (jours prévus) et indiquez les jours réalisés, par "
                     "demi-journées (10 ou 10,5).",
                 "L’écart et les totaux sont calculés."},
                5);
        header_row(sheet, spec, {spec.field("numero").label, spec.field("intitule").label, spec.field("jours-prevus").label,
                                 spec.field("jours-realises").label, "Écart (réalisés − prévus)", spec.field("commentaire").label});
        int row = kFirstDataRow;
        for (const auto& m : programme_.missions) {
            const std::string r = std::to_string(row + 1);
            sheet.number(row, 0, m.number, fixed_number_);
            sheet.text(row, 1, m.short_title, fixed_);
            sheet.blank(row, 2, input_days_);
            sheet.blank(row, 3, input_days_);
            sheet.formula(row, 4, "=D" + r + "-C" + r, 0, computed_days_);
            sheet.blank(row, 5, input_);
            ++row;
        }
        const int last = row - 1;
        days_validation(sheet, kFirstDataRow, last, 2);
        days_validation(sheet, kFirstDataRow, last, 3);
        // Totals: the « Total » label ends the table for the reader.
        const std::string first_ref = std::to_string(kFirstDataRow + 1), last_ref = std::to_string(last + 1);
        const std::string total_ref = std::to_string(row + 1);
        sheet.text(row, 0, "Total", label_);
        sheet.blank(row, 1, computed_text_);
        sheet.formula(row, 2, "=SUM(C" + first_ref + ":C" + last_ref + ")", 0, computed_total_);
        sheet.formula(row, 3, "=SUM(D" + first_ref + ":D" + last_ref + ")", 0, computed_total_);
        sheet.formula(row, 4, "=D" + total_ref + "-C" + total_ref, 0, computed_total_);
        sheet.blank(row, 5, computed_text_);
        row += 2;
        sheet.text(row, 1, "Taux de réalisation", label_);
        sheet.formula(row, 2, "=IF(C" + total_ref + ">0,D" + total_ref + "/C" + total_ref + ",0)", 0, computed_rate_);
        ++row;
        const auto [low, high] = volume_bounds();
        sheet.text(row, 1, "Contrôle de la répartition", label_);
        if (low && high) {
            const std::string lo = std::to_string(*low), hi = std::to_string(*high);
            const std::string range = *low == *high ? lo + " jours" : lo + " à " + hi + " jours";
            const std::string ok = "Répartition conforme au volume prévu (" + range + ")";
            const std::string ko = "À corriger : le total des jours prévus doit faire " + range;
            sheet.check(worksheet_merge_range(ws, row, 2, row, 5, "", computed_text_), "la fusion des cellules");
            // Stored with its result for the blank form (no day planned yet), for
            // viewers that do not recalculate.
            const std::string formula = "=IF(AND(C" + total_ref + ">=" + lo + ",C" + total_ref + "<=" + hi + "),\"" + ok +
                                        "\",\"" + ko + "\")";
            sheet.check(worksheet_write_formula_str(ws, row, 2, formula.c_str(), computed_text_, *low > 0 ? ko.c_str() : ok.c_str()),
                        "le contrôle de la répartition");
        } else {
            sheet.text(row, 2, "Pas de volume au programme : aucun contrôle", computed_text_);
        }
        protect(sheet);
    }

    // A list sheet: pre-filled first-column values (rows as tall as their
    // wrapped text in a column `first_width` wide), then blank input rows
    // (left to the spreadsheet's automatic height).
    int list_rows(SheetWriter& sheet, const std::vector<std::string>& prefilled, int columns, int blank_rows,
                  double first_width) {
        int row = kFirstDataRow;
        for (const auto& value : prefilled) {
            sheet.text(row, 0, value, input_);
            const int lines = estimate_wrapped_lines(value, first_width, false);
            if (lines > 1) worksheet_set_row(sheet.worksheet(), row, 15.0 * lines, nullptr);
            for (int c = 1; c < columns; ++c) sheet.blank(row, c, input_);
            ++row;
        }
        for (int i = 0; i < blank_rows; ++i, ++row)
            for (int c = 0; c < columns; ++c) sheet.blank(row, c, input_);
        return row - 1;
    }

    void projects() {
        const TableSpec& spec = bilan_projects_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        const double widths[] = {30, 28, 14, 40, 14, 30, 36};
        for (int c = 0; c < 7; ++c) worksheet_set_column(ws, c, c, widths[c], nullptr);
        heading(sheet, sheet_title("Projets accompagnés"),
                {"Mission 1 — objectif du programme : " + sector_.project_support + ".",
                 "Un projet par ligne. Stade et avis de financement : choisir dans la liste. Un avis donné demande le "
                 "fonds sollicité (liste ou autre fonds à saisir)."},
                6);
        std::vector<std::string> labels;
        for (const auto& f : spec.fields) labels.push_back(f.label);
        header_row(sheet, spec, labels);
        const int last = list_rows(sheet, {}, 7, kBlankProjectRows, widths[0]);
        list_validation(sheet, kFirstDataRow, last, 2, project_stage_labels(), "Stade", "Stade du projet", true);
        list_validation(sheet, kFirstDataRow, last, 4, funding_opinion_labels(), "Avis de financement",
                        "Avis émis en amont d’un financement", true);
        list_validation(sheet, kFirstDataRow, last, 5, known_funds(), "Fonds", "Fonds sollicité (un autre peut être saisi)",
                        false);
        protect(sheet);
    }

    void partnerships() {
        const TableSpec& spec = bilan_partnerships_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 42, nullptr);
        worksheet_set_column(ws, 1, 1, 60, nullptr);
        worksheet_set_column(ws, 2, 2, 24, nullptr);
        heading(sheet, sheet_title("Partenariats"),
                {"Mission 2 — " + sector_.partnership_mode + ". Les partenaires du programme sont repris : complétez "
                                                             "chaque ligne ou effacez-la ; ajoutez les autres en dessous."},
                2);
        header_row(sheet, spec, {spec.field("partenaire").label, spec.field("action").label, spec.field("convention").label});
        std::vector<std::string> names;
        for (const Partner* p : programme_.partners_of(sector_.id)) names.push_back(p->name);
        const int last = list_rows(sheet, names, 3, kBlankListRows, 42);
        list_validation(sheet, kFirstDataRow, last, 2, convention_status_labels(), "Convention",
                        "État de la convention de coopération", true);
        protect(sheet);
    }

    void experiments() {
        const TableSpec& spec = bilan_experiments_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 42, nullptr);
        worksheet_set_column(ws, 1, 1, 26, nullptr);
        worksheet_set_column(ws, 2, 2, 16, nullptr);
        worksheet_set_column(ws, 3, 3, 50, nullptr);
        heading(sheet, sheet_title("Expérimentations"),
                {"Mission 3 — les expérimentations du programme sont reprises : complétez chaque ligne ou effacez-la ; "
                 "ajoutez les autres en dessous. La prochaine étape n’est pas demandée pour une expérimentation "
                 "terminée ou abandonnée."},
                3);
        std::vector<std::string> labels;
        for (const auto& f : spec.fields) labels.push_back(f.label);
        header_row(sheet, spec, labels);
        std::vector<std::string> titles;
        for (const Experiment* x : programme_.experiments_of(sector_.id)) titles.push_back(x->title);
        const int last = list_rows(sheet, titles, 4, kBlankListRows, 42);
        list_validation(sheet, kFirstDataRow, last, 2, experiment_status_labels(), "Statut", "Où en est l’expérimentation",
                        true);
        protect(sheet);
    }

    void texts() {
        const TableSpec& spec = bilan_texts_spec();
        SheetWriter sheet(file_.workbook(), spec.sheet, diagnostics_);
        lxw_worksheet* ws = sheet.worksheet();
        worksheet_set_column(ws, 0, 0, 22, nullptr);
        worksheet_set_column(ws, 1, 1, 110, nullptr);
        heading(sheet, sheet_title("Textes"),
                {"Une ligne vide sépare deux paragraphes ; une ligne commençant par « - » (tiret puis espace) est une "
                 "puce. Alt+Entrée (Ctrl+Entrée dans LibreOffice) passe à la ligne dans la cellule.",
                 "Faits marquants, perspectives et plan d’action sont obligatoires ; les difficultés sont facultatives."},
                1);
        sheet.text(kFormHeaderRow, 0, key_column_label(), header_);
        sheet.text(kFormHeaderRow, 1, value_column_label(), header_);
        worksheet_freeze_panes(ws, kFormHeaderRow + 1, 0);
        int row = kFirstDataRow;
        for (const auto& field : spec.fields) {
            sheet.text(row, 0, field.label, label_);
            sheet.blank(row, 1, input_);
            worksheet_set_row(ws, row, kNarrativeRowHeight, nullptr);
            ++row;
        }
        protect(sheet);
    }

    const Programme& programme_;
    const Sector& sector_;
    const std::string drop_address_;
    WorkbookFile file_{"le formulaire de bilan"};
    Diagnostics diagnostics_;
    lxw_format *title_, *note_, *text_, *header_, *label_, *fixed_, *fixed_number_, *input_, *input_days_, *input_date_,
        *computed_days_, *computed_total_, *computed_rate_, *computed_text_, *legend_input_, *legend_computed_;
};

}  // namespace

std::string bilan_form_file_name(const Programme& programme, const Sector& sector) {
    return "bilan-" + std::to_string(programme.year) + "-" + slugify(sector.id) + ".xlsx";
}

std::string write_bilan_form(const Programme& programme, const Sector& sector, const std::string& drop_address) {
    return FormWriter(programme, sector, drop_address).write();
}

}  // namespace lettrine
