#include "xlsx/programme_workbook.hpp"

#include <map>

#include "data/programme_schema.hpp"
#include "xlsx/table_workbook.hpp"

namespace lettrine {

namespace {

using Value = CellValue;

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

Value text(const std::string& s) { return CellValue::of_text(s); }
Value number(const std::optional<int>& n) { return CellValue::of_number(n); }
Value money(const std::optional<lettrine::Money>& m) { return CellValue::of_money(m); }
Value date(const lettrine::Date& d) { return CellValue::of_date(d); }
std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}
const char* status_text(ItemStatus s) { return s == ItemStatus::Confirmed ? "confirmé" : "à confirmer"; }

double width_of(const std::string& id) {
    const auto width = column_widths().find(id);
    return width == column_widths().end() ? kDefaultWidth : width->second;
}

void write_settings(TableWorkbook& book, const Programme& p) {
    std::map<std::string, Value> values{
        {"annee", number(p.year)}, {"organisation", text(p.organisation)}, {"adresse", text(p.address)},
        {"telephone", text(p.phone)}, {"contact", text(p.contact)}, {"email", text(p.email)},
        {"partenaire-public", text(p.public_partner)}, {"lieu", text(p.letter_place)}, {"date", date(p.letter_date)},
        {"signataire", text(p.signatory.name)}, {"qualite-signataire", text(p.signatory.role)}, {"logo", text(p.logo)}};
    // The bilans' return only when the programme gives it: older programmes keep their rows.
    if (p.bilan_deadline) values.emplace("date-limite-bilans", date(*p.bilan_deadline));
    if (!p.bilan_page.empty()) values.emplace("depot-bilans", text(p.bilan_page));
    book.key_value_sheet(programme_fields_spec(), values, width_of("champ"), width_of("texte"));
}

}  // namespace

std::string write_programme_xlsx(const Programme& p) {
    TableWorkbook book({"le classeur du programme", "Programme " + std::to_string(p.year), p.organisation,
                        p.letter_date, /*wrap_headers=*/true, /*top_align_dates=*/true});
    write_settings(book, p);

    std::vector<std::vector<Value>> rows;
    for (const auto& s : p.sectors)
        rows.push_back({text(s.id), text(s.name), text(s.referent), text(s.address), text(s.contact.name),
                        text(s.contact.role), text(s.email), text(s.project_support), text(s.partnership_mode),
                        money(s.budget), number(s.days_min), number(s.days_max), number(s.days_agreed),
                        text(s.contracting == Contracting::Ecossolies ? "Ecossolies" : "Nantes Métropole")});
    book.table(sectors_spec(), rows, width_of);

    rows.clear();
    for (const auto& x : p.partners) rows.push_back({text(x.sector_id), text(x.name), text(status_text(x.status))});
    book.table(partners_spec(), rows, width_of);

    rows.clear();
    for (const auto& x : p.experiments) rows.push_back({text(x.sector_id), text(x.title), text(status_text(x.status))});
    book.table(experiments_spec(), rows, width_of);

    rows.clear();
    for (const auto& m : p.missions)
        rows.push_back({number(m.number), text(m.title), text(m.short_title), text(join_lines(m.actions)),
                        text(join_lines(m.short_actions)), text(m.ecossolies_link)});
    book.table(missions_spec(), rows, width_of);

    rows.clear();
    for (const auto& t : p.texts) rows.push_back({text(t.key), text(t.text)});
    book.table(texts_spec(), rows, width_of);

    return book.finish();
}

}  // namespace lettrine
