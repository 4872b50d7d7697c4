#include "ag/assembly_xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <boost/filesystem.hpp>

#include "ag/assembly_source.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/calendar.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// Column widths in Excel character units, by field id.
double width_of(const std::string& id) {
    if (id == "intitule" || id == "point" || id == "question" || id == "objectif") return 60;
    if (id == "debut" || id == "fin" || id == "horaire") return 10;
    if (id == "email" || id == "organisation" || id == "structure-animateur") return 32;
    return 22;
}

std::string time_text(const std::optional<TimeOfDay>& t) {
    if (!t) return "";
    std::string s = format_time(*t);
    std::string out;  // the workbook gets plain spaces: easier to retype
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "\xC2\xA0") == 0) { out += ' '; ++i; } else { out += s[i]; }
    }
    return out;
}

class Writer {
public:
    explicit Writer(const GeneralAssembly& ag)
        : path_(fs::temp_directory_path() / fs::unique_path("lettrine-ag-%%%%-%%%%-%%%%.xlsx")) {
        workbook_ = workbook_new(path_.string().c_str());
        if (!workbook_)
            throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path_.string()),
                                "impossible de créer le classeur temporaire");
        header_ = workbook_add_format(workbook_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xDCE6F1);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        body_ = workbook_add_format(workbook_);
        format_set_text_wrap(body_);
        format_set_align(body_, LXW_ALIGN_VERTICAL_TOP);
        date_ = workbook_add_format(workbook_);
        format_set_num_format(date_, "dd/mm/yyyy");
        format_set_align(date_, LXW_ALIGN_LEFT);

        title_ = "Assemblée générale " + std::to_string(ag.year);
        lxw_doc_properties properties = {};
        properties.title = const_cast<char*>(title_.c_str());
        // Deterministic: the assembly's date at noon UTC, never the clock.
        const Date created = is_calendar_date(ag.date) ? ag.date : Date{2000, 1, 1};
        properties.created = static_cast<time_t>(days_since_epoch(created)) * 86400 + 12 * 3600;
        workbook_set_properties(workbook_, &properties);
    }
    ~Writer() {
        if (workbook_) workbook_close(workbook_);
        boost::system::error_code ignored;
        fs::remove(path_, ignored);
    }

    lxw_worksheet* sheet(const std::string& name, const std::vector<std::pair<std::string, std::string>>& columns) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook_, name.c_str());
        for (std::size_t c = 0; c < columns.size(); ++c) {
            worksheet_set_column(ws, c, c, width_of(columns[c].first), body_);
            check(worksheet_write_string(ws, 0, c, columns[c].second.c_str(), header_), name);
        }
        worksheet_freeze_panes(ws, 1, 0);
        return ws;
    }

    // One row per record, values in the table's column order.
    void table(const TableSpec& spec, const std::vector<std::vector<std::string>>& rows) {
        std::vector<std::pair<std::string, std::string>> columns;
        for (const auto& f : spec.fields) columns.emplace_back(f.id, f.label);
        lxw_worksheet* ws = sheet(spec.sheet, columns);
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) text(ws, spec.sheet, r + 1, c, rows[r][c]);
    }

    void text(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column, const std::string& value) {
        if (!value.empty())
            check(worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value.c_str(), body_),
                  sheet);
    }
    void number(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column, double value) {
        check(worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value, body_), sheet);
    }
    void date(lxw_worksheet* ws, const std::string& sheet, std::size_t row, std::size_t column, const Date& d) {
        lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
        check(worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), &dt, date_), sheet);
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
    lxw_format *header_ = nullptr, *body_ = nullptr, *date_ = nullptr;
    std::string title_;
};

void write_settings(Writer& writer, const GeneralAssembly& ag) {
    const TableSpec& spec = assembly_settings_table();
    lxw_worksheet* ws = writer.sheet(spec.sheet, {{"champ", "Champ"}, {"point", "Valeur"}});
    std::size_t row = 1;
    for (const auto& field : spec.fields) {
        writer.text(ws, spec.sheet, row, 0, field.label);
        if (field.id == "date") writer.date(ws, spec.sheet, row, 1, ag.date);
        if (field.id == "lieu") writer.text(ws, spec.sheet, row, 1, ag.place);
        if (field.id == "adresse") writer.text(ws, spec.sheet, row, 1, ag.address);
        if (field.id == "lignes-emargement") writer.number(ws, spec.sheet, row, 1, ag.attendance.total);
        if (field.id == "lignes-vierges") writer.number(ws, spec.sheet, row, 1, ag.attendance.minimum_blank);
        ++row;
    }
}

}  // namespace

std::string write_assembly_xlsx(const GeneralAssembly& ag) {
    Writer writer(ag);
    write_settings(writer, ag);

    std::vector<std::vector<std::string>> rows;
    for (const auto& s : ag.timetable) rows.push_back({time_text(s.start), time_text(s.end), s.title});
    writer.table(timetable_table(), rows);

    rows.clear();
    for (const auto& w : ag.workshops)
        rows.push_back({w.sector_id, w.title, w.room, time_text(w.start), time_text(w.end), w.facilitator.name,
                        w.facilitator.role, w.facilitator_organisation, w.objective});
    writer.table(workshops_table(), rows);

    rows.clear();
    for (const auto& w : ag.workshops)
        for (const auto& item : w.agenda) rows.push_back({w.sector_id, time_text(item.time), item.text});
    writer.table(agenda_table(), rows);

    rows.clear();
    for (const auto& w : ag.workshops)
        for (const auto& q : w.questions) rows.push_back({w.sector_id, q.text});
    writer.table(questions_table(), rows);

    rows.clear();
    for (const auto& r : ag.registrants) rows.push_back({r.last_name, r.first_name, r.organisation, r.email, r.workshop});
    writer.table(registrants_table(), rows);
    return writer.finish();
}

}  // namespace lettrine
