#include "ag/assembly_xlsx_writer.hpp"

#include <map>

#include "ag/assembly_schema.hpp"
#include "xlsx/table_workbook.hpp"

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

std::vector<std::vector<CellValue>> cells(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::vector<CellValue>> out;
    for (const auto& row : rows) {
        out.emplace_back();
        for (const auto& value : row) out.back().push_back(CellValue::of_text(value));
    }
    return out;
}

void write_settings(TableWorkbook& book, const GeneralAssembly& ag) {
    const std::map<std::string, CellValue> values{
        {"date", CellValue::of_date(ag.date)},
        {"lieu", CellValue::of_text(ag.place)},
        {"adresse", CellValue::of_text(ag.address)},
        {"lignes-emargement", CellValue::of_number(ag.attendance.total)},
        {"lignes-vierges", CellValue::of_number(ag.attendance.minimum_blank)}};
    book.key_value_sheet(assembly_settings_table(), values, width_of("champ"), width_of("point"));
}

}  // namespace

std::string write_assembly_xlsx(const GeneralAssembly& ag) {
    // Headers unwrapped, dates bottom-aligned: as input/ag-2016.xlsx was first written.
    TableWorkbook book({"le classeur de l’assemblée générale", "Assemblée générale " + std::to_string(ag.year),
                        std::nullopt, ag.date, /*wrap_headers=*/false, /*top_align_dates=*/false});
    write_settings(book, ag);

    std::vector<std::vector<std::string>> rows;
    for (const auto& s : ag.timetable) rows.push_back({time_text(s.start), time_text(s.end), s.title});
    book.table(timetable_table(), cells(rows), width_of);

    rows.clear();
    for (const auto& w : ag.workshops)
        rows.push_back({w.sector_id, w.title, w.room, time_text(w.start), time_text(w.end), w.facilitator.name,
                        w.facilitator.role, w.facilitator_organisation, w.objective});
    book.table(workshops_table(), cells(rows), width_of);

    rows.clear();
    for (const auto& w : ag.workshops)
        for (const auto& item : w.agenda) rows.push_back({w.sector_id, time_text(item.time), item.text});
    book.table(agenda_table(), cells(rows), width_of);

    rows.clear();
    for (const auto& w : ag.workshops)
        for (const auto& q : w.questions) rows.push_back({w.sector_id, q.text});
    book.table(questions_table(), cells(rows), width_of);

    rows.clear();
    for (const auto& r : ag.registrants) rows.push_back({r.last_name, r.first_name, r.organisation, r.email, r.workshop});
    book.table(registrants_table(), cells(rows), width_of);
    return book.finish();
}

}  // namespace lettrine
