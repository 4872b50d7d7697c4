// AssemblySource -> GeneralAssembly: one validation for both formats, every
// problem reported against its cell or line, all at once.
#include "ag/assembly_reader.hpp"

#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "core/output_files.hpp"
#include "core/french.hpp"
#include "core/text.hpp"
#include "data/field_reader.hpp"
#include "data/calendar.hpp"
#include "data/names.hpp"
#include "data/xlsx_reader.hpp"
#include "data/xml_reader.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// Bounds of the attendance sheet's configurable rows: a sheet is a printed
// list, 200 rows is ten pages; 0 total rows means « just the registrants ».
constexpr int kMaxAttendanceRows = 200;
constexpr int kMaxBlankRows = 100;

// Spaces typed in spreadsheets (no-break, narrow no-break) become plain ones.
std::string plain_spaces(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xA0") == 0) { out += ' '; ++i; continue; }
        if (text.compare(i, 3, "\xE2\x80\xAF") == 0) { out += ' '; i += 2; continue; }
        out += text[i];
    }
    return out;
}

// How a date is written, for messages (the assembly's own date).
const char* const kDateExamples = "16/06/2016 ou 2016-06-16";

// The assembly's own field readers, over the generic FieldReader.
class RowReader : public FieldReader {
public:
    using FieldReader::FieldReader;

    std::string required_text(const std::string& id) { return require(id) ? text(id) : ""; }

    std::optional<TimeOfDay> time(const std::string& id) {
        if (blank(id)) return std::nullopt;
        const SourceField& f = *raw(id);
        std::optional<TimeOfDay> value = f.number ? time_from_day_fraction(*f.number) : parse_time(f.text);
        if (!value)
            diagnostics().error(f.position, quoted(trim(f.text)) + " n’est pas un horaire (écrire par exemple 14 h 30 ou 14:30)");
        return value;
    }

    std::optional<int> count(const std::string& id, int max) {
        if (blank(id)) return std::nullopt;
        const SourceField& f = *raw(id);
        std::optional<int> value;
        if (f.number) {
            if (*f.number >= 0 && *f.number == std::floor(*f.number) && *f.number <= max) value = static_cast<int>(*f.number);
        } else {
            static const std::regex digits(R"(^\s*(\d{1,4})\s*$)");
            std::smatch m;
            if (std::regex_match(f.text, m, digits) && std::stoi(m[1]) <= max) value = std::stoi(m[1]);
        }
        if (!value)
            diagnostics().error(f.position, quoted(trim(f.text)) + " n’est pas un nombre entier de 0 à " + std::to_string(max));
        return value;
    }

    // A sector identifier of the right form, required, or "" after reporting.
    std::string sector_identifier(const std::string& id) { return require(id) ? identifier(id) : ""; }
};

std::string known_sectors(const Programme& programme) {
    std::string out;
    for (const auto& s : programme.sectors) out += (out.empty() ? "" : ", ") + s.id;
    return out;
}

class Validator {
public:
    Validator(const AssemblySource& source, const Programme* programme, Diagnostics& diagnostics)
        : source_(source), programme_(programme), diagnostics_(diagnostics) {}

    GeneralAssembly run() {
        GeneralAssembly ag;
        ag.source_file = source_.file;
        settings(ag);
        timetable(ag);
        workshops(ag);
        agenda(ag);
        questions(ag);
        registrants(ag);
        return ag;
    }

private:
    RowReader reader(const SourceTable& table, const SourceRow& row) {
        return RowReader(table, row, diagnostics_, source_.date1904);
    }

    void settings(GeneralAssembly& ag) {
        if (source_.settings.rows.empty()) return;
        RowReader r = reader(source_.settings, source_.settings.rows.front());
        if (r.require("date"))
            if (auto d = r.date("date", kDateExamples)) {
                ag.date = *d;
                ag.year = d->year;
                if (programme_ && programme_->year != 0 && programme_->year != d->year)
                    diagnostics_.warning(r.where("date"), "l’assemblée générale a lieu en " + std::to_string(d->year) +
                                                              " mais le programme est celui de " +
                                                              std::to_string(programme_->year));
            }
        ag.place = r.required_text("lieu");
        ag.address = r.text("adresse");
        if (auto n = r.count("lignes-emargement", kMaxAttendanceRows)) ag.attendance.total = *n;
        if (auto n = r.count("lignes-vierges", kMaxBlankRows)) ag.attendance.minimum_blank = *n;
    }

    void timetable(GeneralAssembly& ag) {
        for (const auto& row : source_.timetable.rows) {
            RowReader r = reader(source_.timetable, row);
            TimetableSlot slot;
            slot.position = row.position;
            const bool has_start = r.require("debut");
            const auto start = has_start ? r.time("debut") : std::nullopt;
            slot.end = r.time("fin");
            slot.title = r.required_text("intitule");
            if (start) slot.start = *start;
            if (start && slot.end && !(*start < *slot.end))
                diagnostics_.error(r.where("fin"), "la fin (" + format_time(*slot.end) + ") doit suivre le début (" +
                                                       format_time(*start) + ")");
            ag.timetable.push_back(std::move(slot));
        }
        if (source_.timetable.present && ag.timetable.empty())
            diagnostics_.error(source_.timetable.position, "aucun horaire : donnez le déroulé de la journée");
    }

    void workshops(GeneralAssembly& ag) {
        std::map<std::string, SourcePosition> seen;
        for (const auto& row : source_.workshops.rows) {
            RowReader r = reader(source_.workshops, row);
            Workshop w;
            w.position = row.position;
            w.sector_id = r.sector_identifier("secteur");
            const Sector* sector = nullptr;
            if (!w.sector_id.empty()) {
                const auto [it, inserted] = seen.emplace(w.sector_id, r.where("secteur"));
                if (!inserted) {
                    diagnostics_.error(r.where("secteur"), "le secteur " + quoted(w.sector_id) +
                                                               " a déjà son atelier (en " + short_place(it->second) +
                                                               ") : un seul atelier par secteur");
                    w.sector_id.clear();  // its agenda and questions join the first one's
                }
                if (programme_ && !w.sector_id.empty()) {
                    sector = programme_->find_sector(w.sector_id);
                    if (!sector)
                        diagnostics_.error(r.where("secteur"), "secteur inconnu " + quoted(w.sector_id) +
                                                                   " (secteurs du programme : " + known_sectors(*programme_) + ")");
                }
            }
            w.title = r.text("intitule");
            w.room = r.required_text("salle");
            const auto start = r.require("debut") ? r.time("debut") : std::nullopt;
            const auto end = r.require("fin") ? r.time("fin") : std::nullopt;
            if (start) w.start = *start;
            if (end) w.end = *end;
            if (start && end && !(*start < *end))
                diagnostics_.error(r.where("fin"), "la fin de l’atelier (" + format_time(*end) + ") doit suivre son début (" +
                                                       format_time(*start) + ")");
            w.facilitator.name = r.text("animateur");
            w.facilitator.role = r.text("qualite-animateur");
            w.facilitator_organisation = r.text("structure-animateur");
            if (w.facilitator.name.empty() && sector && sector->contact.name.empty())
                diagnostics_.error(r.where("animateur"),
                                   "le champ « Animateur » est obligatoire pour le secteur " + quoted(sector->name) +
                                       ", qui n’a pas de structure référente pour animer son atelier");
            w.objective = r.text("objectif");
            ag.workshops.push_back(std::move(w));
        }
        if (programme_ && source_.workshops.present)
            for (const auto& s : programme_->sectors)
                if (!seen.count(s.id))
                    diagnostics_.error(source_.workshops.position, "aucun atelier pour le secteur " + quoted(s.name) + " (" +
                                                                       s.id + ") : chaque secteur du programme a le sien");
    }

    // The workshop a row refers to by its « Secteur »/« Atelier » field, or nullptr after reporting.
    Workshop* workshop_for(GeneralAssembly& ag, RowReader& r, const std::string& field) {
        const std::string id = r.sector_identifier(field);
        if (id.empty()) return nullptr;
        for (auto& w : ag.workshops)
            if (w.sector_id == id) return &w;
        if (!r.inherited(field)) {
            std::string known;
            for (const auto& w : ag.workshops) known += (known.empty() ? "" : ", ") + w.sector_id;
            diagnostics_.error(r.where(field), "aucun atelier pour le secteur " + quoted(id) +
                                                   (known.empty() ? std::string() : " (ateliers : " + known + ")"));
        }
        return nullptr;
    }

    void agenda(GeneralAssembly& ag) {
        for (const auto& row : source_.agenda.rows) {
            RowReader r = reader(source_.agenda, row);
            AgendaItem item;
            item.position = row.position;
            Workshop* w = workshop_for(ag, r, "secteur");
            item.time = r.time("horaire");
            item.text = r.required_text("point");
            if (w && !item.text.empty()) w->agenda.push_back(std::move(item));
        }
        for (const auto& w : ag.workshops)
            if (!w.sector_id.empty() && w.agenda.empty())
                diagnostics_.error(w.position, "l’atelier du secteur " + quoted(w.sector_id) +
                                                   " n’a pas d’ordre du jour (feuille « Ordre du jour »)");
    }

    void questions(GeneralAssembly& ag) {
        for (const auto& row : source_.questions.rows) {
            RowReader r = reader(source_.questions, row);
            Workshop* w = workshop_for(ag, r, "secteur");
            Question q{r.required_text("question"), row.position};
            if (w && !q.text.empty()) w->questions.push_back(std::move(q));
        }
        for (const auto& w : ag.workshops)
            if (!w.sector_id.empty() && w.questions.empty())
                diagnostics_.error(w.position, "l’atelier du secteur " + quoted(w.sector_id) +
                                                   " n’a pas de question pour les échanges (feuille « Questions »)");
    }

    void registrants(GeneralAssembly& ag) {
        std::map<std::string, SourcePosition> seen;  // normalised « prénom nom »
        for (const auto& row : source_.registrants.rows) {
            RowReader r = reader(source_.registrants, row);
            Registrant p;
            p.position = row.position;
            p.last_name = r.required_text("nom");
            p.first_name = r.required_text("prenom");
            p.organisation = r.text("organisation");
            p.email = r.email("email");
            if (const Workshop* w = workshop_for(ag, r, "atelier")) p.workshop = w->sector_id;
            if (!p.last_name.empty() && !p.first_name.empty()) {
                const auto [it, inserted] = seen.emplace(normalize_name(p.first_name + " " + p.last_name), r.where("nom"));
                if (!inserted)
                    diagnostics_.error(r.where("nom"), quoted(p.first_name + " " + p.last_name) +
                                                           " figure deux fois parmi les inscrits (déjà en " +
                                                           short_place(it->second) + ")");
            }
            ag.registrants.push_back(std::move(p));
        }
    }

    const AssemblySource& source_;
    const Programme* programme_;
    Diagnostics& diagnostics_;
};

bool has_extension(const fs::path& file, const std::string& extension) {
    std::string e = file.extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e == extension;
}

}  // namespace

std::optional<TimeOfDay> parse_time(const std::string& text) {
    static const std::regex pattern(R"(^\s*(\d{1,2})\s*(?:h|H|:)\s*(?:(\d{2})\s*(?:min)?)?\s*$)");
    const std::string plain = plain_spaces(text);
    std::smatch m;
    if (!std::regex_match(plain, m, pattern)) return std::nullopt;
    const int hours = std::stoi(m[1]);
    const int minutes = m[2].matched ? std::stoi(m[2]) : 0;
    if (hours > 23 || minutes > 59) return std::nullopt;
    if (!m[2].matched && plain.find(':') != std::string::npos) return std::nullopt;  // « 14: »
    return TimeOfDay{hours * 60 + minutes};
}

std::optional<TimeOfDay> time_from_day_fraction(double fraction) {
    if (!(fraction >= 0) || fraction >= 1) {
        // A date-time cell: keep the time of day.
        if (!(fraction >= 1) || !std::isfinite(fraction)) return std::nullopt;
        fraction -= std::floor(fraction);
    }
    const int minutes = static_cast<int>(std::lround(fraction * 24 * 60));
    if (minutes >= 24 * 60) return std::nullopt;
    return TimeOfDay{minutes};
}

GeneralAssembly validate_assembly(const AssemblySource& source, const Programme* programme, Diagnostics& diagnostics) {
    return Validator(source, programme, diagnostics).run();
}

AssemblyCheck check_assembly_bytes(const std::string& bytes, const std::string& file_name, bool xlsx,
                                   const Programme* programme) {
    AssemblyCheck check;
    AssemblySource source;
    try {
        source = xlsx ? assembly_source_from_workbook(read_xlsx(bytes, file_name))
                      : assembly_source_from_xml(read_xml(bytes, file_name), file_name);
    } catch (const LettrineError& e) {
        if (e.kind() == ErrorKind::Io) throw;
        check.diagnostics.append(e.diagnostics());
        return check;
    }
    check.diagnostics.append(source.diagnostics);
    Diagnostics found;
    GeneralAssembly assembly = validate_assembly(source, programme, found);
    check.diagnostics.append(found);
    if (!check.diagnostics.has_errors()) check.assembly = std::move(assembly);
    return check;
}

AssemblyCheck check_assembly(const fs::path& file, const Programme* programme) {
    const std::string name = file.filename().string();
    const bool xlsx = has_extension(file, ".xlsx");
    if (!xlsx && !has_extension(file, ".xml")) {
        AssemblyCheck check;
        check.diagnostics.error(SourcePosition::in_file(name),
                                "format inconnu : les données de l’assemblée générale sont un classeur .xlsx ou un fichier .xml");
        return check;
    }
    AssemblyCheck check = check_assembly_bytes(read_file(file), name, xlsx, programme);
    if (check.assembly) check.assembly->source_file = file.string();
    return check;
}

GeneralAssembly read_assembly(const fs::path& file, const Programme* programme) {
    AssemblyCheck check = check_assembly(file, programme);
    if (!check.assembly) throw LettrineError(ErrorKind::Data, check.diagnostics);
    return std::move(*check.assembly);
}

}  // namespace lettrine
