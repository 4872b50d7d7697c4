#include "xlsx/budget_workbook.hpp"

#include <ctime>

#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "xlsx/sheets.hpp"
#include "xlsx/workbook_file.hpp"

namespace lettrine {

namespace {

// dc:language of the package (BCP 47), read by Office and LibreOffice as the
// document's language for proofing.
const char* const kDocumentLanguage = "fr-FR";
// The workbook, in messages.
const char* const kWorkbookName = "le classeur budgétaire";

// 1980-01-01T00:00:00Z, the zip format's epoch: the creation date used when
// the programme has no usable date (0 would make libxlsxwriter use the clock).
constexpr std::time_t kFallbackCreated = 315532800;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

// The document's creation date: the letters' date at 00:00 UTC (libxlsxwriter
// formats it with gmtime, so the time zone never shows), else 1 January of the
// programme's year. Never 0, never the clock.
std::time_t creation_time(const Programme& programme) {
    Date d = programme.letter_date;
    if (!d.valid()) d = Date{programme.year, 1, 1};
    if (!d.valid() || d.year < 1980) return kFallbackCreated;
    return static_cast<std::time_t>(days_from_civil(d.year, d.month, d.day)) * 86400;
}

MissionsByNumber find_missions(const Programme& programme, Diagnostics& diagnostics) {
    MissionsByNumber missions{};
    for (const auto& mission : programme.missions)
        if (mission.number >= 1 && mission.number <= 3 && !missions[mission.number - 1])
            missions[mission.number - 1] = &mission;
    for (int n = 1; n <= 3; ++n)
        if (!missions[n - 1])
            diagnostics.error(SourcePosition::in_file(programme.source_file),
                              "la mission " + std::to_string(n) +
                                  " manque\u00A0: l’annexe\u00A01 du classeur budgétaire "
                                  "décrit les missions 1, 2 et 3");
    return missions;
}

// Every text that goes into a cell is checked once, here, so a bad field is
// reported once with its source position (not once per sheet it appears in).
void check_encoding(const Programme& programme, Diagnostics& diagnostics) {
    auto check = [&](const std::string& text, const SourcePosition& where, const char* field) {
        if (!is_valid_utf8(text))
            diagnostics.error(where, std::string("texte mal encodé (UTF-8 attendu) dans «\u00A0") +
                                         field + "\u00A0»");
    };
    const SourcePosition file = SourcePosition::in_file(programme.source_file);
    check(programme.organisation, file, "organisation");
    check(programme.public_partner, file, "partenaire public");
    for (const auto& m : programme.missions) {
        check(m.short_title, m.position, "intitulé court de la mission");
        for (const auto& a : m.short_actions) check(a, m.position, "action courte de la mission");
        check(m.ecossolies_link, m.position, "lien avec les activités");
    }
    for (const auto& s : programme.sectors) {
        check(s.id, s.position, "identifiant du secteur");
        check(s.name, s.position, "nom du secteur");
        check(s.referent, s.position, "structure référente");
        check(s.project_support, s.position, "soutien aux projets");
        check(s.partnership_mode, s.position, "mode de partenariat");
    }
    for (const auto& p : programme.partners) check(p.name, p.position, "partenaire");
    for (const auto& e : programme.experiments) check(e.title, e.position, "expérimentation");
}

// Title, author, company and creation date (lxw_doc_properties wants char*).
void set_properties(WorkbookFile& file, const Programme& programme) {
    std::string title = "Budget " + std::to_string(programme.year) + " – Annexe\u00A01";
    std::string subject = "Nature et volume des missions par secteur";
    std::string organisation = programme.organisation;
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.subject = subject.data();
    properties.author = organisation.data();
    properties.company = organisation.data();
    properties.created = creation_time(programme);
    const lxw_error status = workbook_set_properties(file.workbook(), &properties);
    if (status != LXW_NO_ERROR)
        throw LettrineError(ErrorKind::Internal, SourcePosition{},
                            std::string("libxlsxwriter a refusé les propriétés du document\u00A0: ") +
                                lxw_strerror(status));
}

}  // namespace

std::string write_budget_workbook(const Programme& programme) {
    Diagnostics diagnostics;
    const MissionsByNumber missions = find_missions(programme, diagnostics);
    check_encoding(programme, diagnostics);
    if (diagnostics.has_errors()) throw LettrineError(ErrorKind::Data, diagnostics);

    WorkbookFile file(kWorkbookName);
    set_properties(file, programme);
    SheetWriter annexe(file.workbook(), kAnnexeSheetName, diagnostics);
    SheetWriter budget(file.workbook(), kBudgetSheetName, diagnostics);
    write_annexe_sheet(file.workbook(), annexe, programme, missions);
    write_budget_sheet(file.workbook(), budget, programme);
    if (diagnostics.has_errors()) {
        const bool internal = annexe.internal_failure() || budget.internal_failure();
        throw LettrineError(internal ? ErrorKind::Internal : ErrorKind::Data, diagnostics);
    }
    return set_core_language(file.finish(), kDocumentLanguage, kWorkbookName);
}

}  // namespace lettrine
