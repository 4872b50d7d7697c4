#include "data/programme_xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <boost/filesystem.hpp>

#include <map>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/calendar.hpp"
#include "data/programme_schema.hpp"

namespace lettrine {

namespace fs = boost::filesystem;

namespace {

// Column widths in Excel character units, by field id; others get kDefaultWidth.
constexpr double kDefaultWidth = 18;
const std::map<std::string, double>& column_widths() {
    static const std::map<std::string, double> widths{
        {"identifiant", 24}, {"nom", 30}, {"structure-referente", 34}, {"adresse", 28}, {"intervenant", 20},
        {"qualite-intervenant", 22}, {"email", 32}, {"soutien-projets", 44}, {"mode-partenariat", 36},
        {"budget", 12}, {"jours-min", 10}, {"jours-max", 10}, {"jours-convenus", 14}, {"conventionnement", 18},
        {"secteur", 24}, {"statut", 14}, {"intitule", 40}, {"numero", 9}, {"intitule-court", 30},
        {"actions", 80}, {"actions-courtes", 44}, {"lien-ecossolies", 44}, {"cle", 16}, {"texte", 100}};
    return widths;
}

// A value to write in one cell.
struct Value {
    enum Kind { Blank, Text, Number, Money, Date };
    Kind kind = Blank;
    std::string text;
    double number = 0;
    lettrine::Date date;
};
Value text(const std::string& s) {
    Value v;
    if (!s.empty()) { v.kind = Value::Text; v.text = s; }
    return v;
}
Value number(const std::optional<int>& n) {
    Value v;
    if (n) { v.kind = Value::Number; v.number = *n; }
    return v;
}
Value money(const std::optional<lettrine::Money>& m) {
    Value v;
    if (m) { v.kind = Value::Money; v.number = static_cast<double>(m->cents) / 100.0; }
    return v;
}
Value date(const lettrine::Date& d) {
    Value v;
    v.kind = Value::Date;
    v.date = d;
    return v;
}
std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}
const char* status_text(ItemStatus s) { return s == ItemStatus::Confirmed ? "confirmé" : "à confirmer"; }

// Owns the libxlsxwriter workbook and its temporary file.
class Writer {
public:
    explicit Writer(const Programme& programme)
        : path_(fs::temp_directory_path() / fs::unique_path("lettrine-programme-%%%%-%%%%-%%%%.xlsx")) {
        workbook_ = workbook_new(path_.string().c_str());
        if (!workbook_)
            throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path_.string()),
                                "impossible de créer le classeur temporaire");
        header_ = workbook_add_format(workbook_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDCE6F1);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        body_ = workbook_add_format(workbook_);
        format_set_text_wrap(body_);
        format_set_align(body_, LXW_ALIGN_VERTICAL_TOP);
        money_whole_ = workbook_add_format(workbook_);
        format_set_num_format(money_whole_, "#,##0\\ \"\xE2\x82\xAC\"");
        format_set_align(money_whole_, LXW_ALIGN_VERTICAL_TOP);
        money_cents_ = workbook_add_format(workbook_);
        format_set_num_format(money_cents_, "#,##0.00\\ \"\xE2\x82\xAC\"");
        format_set_align(money_cents_, LXW_ALIGN_VERTICAL_TOP);
        date_ = workbook_add_format(workbook_);
        format_set_num_format(date_, "dd/mm/yyyy");
        format_set_align(date_, LXW_ALIGN_LEFT);
        format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);

        title_ = "Programme " + std::to_string(programme.year);
        lxw_doc_properties properties = {};
        properties.title = const_cast<char*>(title_.c_str());
        properties.company = const_cast<char*>(programme.organisation.c_str());
        // Deterministic: the letters' date at noon UTC, never the clock.
        const lettrine::Date created = is_calendar_date(programme.letter_date) ? programme.letter_date : lettrine::Date{2000, 1, 1};
        properties.created = static_cast<time_t>(days_since_epoch(created)) * 86400 + 12 * 3600;
        workbook_set_properties(workbook_, &properties);
    }

    ~Writer() {
        if (workbook_) workbook_close(workbook_);  // only after a failure: frees the workbook
        boost::system::error_code ignored;
        fs::remove(path_, ignored);
    }

    lxw_worksheet* sheet(const std::string& name, const std::vector<std::pair<std::string, std::string>>& columns) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const auto width = column_widths().find(columns[c].first);
            worksheet_set_column(ws, c, c, width == column_widths().end() ? kDefaultWidth : width->second, body_);
            check(worksheet_write_string(ws, 0, c, columns[c].second.c_str(), header_), name);
        }
        worksheet_freeze_panes(ws, 1, 0);
        return ws;
    }

    void write(lxw_worksheet* ws, const std::string& sheet_name, int row, int column, const Value& v) {
        switch (v.kind) {
            case Value::Blank: break;
            case Value::Text: check(worksheet_write_string(ws, row, column, v.text.c_str(), body_), sheet_name); break;
            case Value::Number: check(worksheet_write_number(ws, row, column, v.number, body_), sheet_name); break;
            case Value::Money: {
                const bool whole = v.number == static_cast<double>(static_cast<long long>(v.number));
                check(worksheet_write_number(ws, row, column, v.number, whole ? money_whole_ : money_cents_), sheet_name);
                break;
            }
            case Value::Date: {
                lxw_datetime dt = {v.date.year, v.date.month, v.date.day, 0, 0, 0};
                check(worksheet_write_datetime(ws, row, column, &dt, date_), sheet_name);
                break;
            }
        }
    }

    std::string finish() {
        const lxw_error error = workbook_close(workbook_);
        workbook_ = nullptr;
        if (error != LXW_NO_ERROR)
            throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path_.string()),
                                std::string("impossible d'écrire le classeur : ") + lxw_strerror(error));
        return read_file(path_);
    }

private:
    void check(lxw_error error, const std::string& sheet_name) {
        if (error == LXW_NO_ERROR) return;
        if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
            throw LettrineError(ErrorKind::Data, SourcePosition::at_cell("", sheet_name, ""),
                                "un texte dépasse les 32 767 caractères qu'une cellule peut contenir");
        throw LettrineError(ErrorKind::Io, SourcePosition::at_cell("", sheet_name, ""),
                            std::string("écriture du classeur impossible : ") + lxw_strerror(error));
    }

    fs::path path_;
    lxw_workbook* workbook_ = nullptr;
    lxw_format *header_ = nullptr, *body_ = nullptr, *money_whole_ = nullptr, *money_cents_ = nullptr, *date_ = nullptr;
    std::string title_;
};

std::vector<std::pair<std::string, std::string>> columns_of(const TableSpec& spec) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& f : spec.fields) out.emplace_back(f.id, f.label);
    return out;
}

// One row per table record: values in the spec's column order.
void write_table(Writer& writer, const TableSpec& spec, const std::vector<std::vector<Value>>& rows) {
    lxw_worksheet* ws = writer.sheet(spec.sheet, columns_of(spec));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            writer.write(ws, spec.sheet, static_cast<int>(r + 1), static_cast<int>(c), rows[r][c]);
}

void write_settings(Writer& writer, const Programme& p) {
    const TableSpec& spec = programme_fields_spec();
    lxw_worksheet* ws = writer.sheet(spec.sheet, {{"champ", key_column_label()}, {"texte", value_column_label()}});
    const std::map<std::string, Value> values{
        {"annee", number(p.year)}, {"organisation", text(p.organisation)}, {"adresse", text(p.address)},
        {"telephone", text(p.phone)}, {"contact", text(p.contact)}, {"email", text(p.email)},
        {"partenaire-public", text(p.public_partner)}, {"lieu", text(p.letter_place)}, {"date", date(p.letter_date)},
        {"signataire", text(p.signatory.name)}, {"qualite-signataire", text(p.signatory.role)}, {"logo", text(p.logo)}};
    int row = 1;
    for (const auto& field : spec.fields) {
        writer.write(ws, spec.sheet, row, 0, text(field.label));
        writer.write(ws, spec.sheet, row, 1, values.at(field.id));
        ++row;
    }
}

}  // namespace

std::string write_programme_xlsx(const Programme& p) {
    Writer writer(p);
    write_settings(writer, p);

    std::vector<std::vector<Value>> rows;
    for (const auto& s : p.sectors)
        rows.push_back({text(s.id), text(s.name), text(s.referent), text(s.address), text(s.contact.name),
                        text(s.contact.role), text(s.email), text(s.project_support), text(s.partnership_mode),
                        money(s.budget), number(s.days_min), number(s.days_max), number(s.days_agreed),
                        text(s.contracting == Contracting::Ecossolies ? "Ecossolies" : "Nantes Métropole")});
    write_table(writer, sectors_spec(), rows);

    rows.clear();
    for (const auto& x : p.partners) rows.push_back({text(x.sector_id), text(x.name), text(status_text(x.status))});
    write_table(writer, partners_spec(), rows);

    rows.clear();
    for (const auto& x : p.experiments) rows.push_back({text(x.sector_id), text(x.title), text(status_text(x.status))});
    write_table(writer, experiments_spec(), rows);

    rows.clear();
    for (const auto& m : p.missions)
        rows.push_back({number(m.number), text(m.title), text(m.short_title), text(join_lines(m.actions)),
                        text(join_lines(m.short_actions)), text(m.ecossolies_link)});
    write_table(writer, missions_spec(), rows);

    rows.clear();
    for (const auto& t : p.texts) rows.push_back({text(t.key), text(t.text)});
    write_table(writer, texts_spec(), rows);

    return writer.finish();
}

}  // namespace lettrine
