#include "ag/assembly_dump.hpp"

#include <sstream>

#include "data/calendar.hpp"

namespace lettrine {

namespace {
std::string time_or_dash(const std::optional<TimeOfDay>& t) { return t ? format_time(*t) : "-"; }
}  // namespace

std::string dump_assembly(const GeneralAssembly& ag) {
    std::ostringstream out;
    out << "assemblee " << ag.year << " " << iso_date(ag.date) << "\n";
    out << "  lieu: " << ag.place << "\n";
    out << "  adresse: " << ag.address << "\n";
    out << "  emargement: " << ag.attendance.total << " lignes, " << ag.attendance.minimum_blank << " vierges\n";
    for (const auto& s : ag.timetable)
        out << "horaire " << format_time(s.start) << " " << time_or_dash(s.end) << " " << s.title << "\n";
    for (const auto& w : ag.workshops) {
        out << "atelier " << w.sector_id << " | " << w.title << " | " << w.room << " | " << format_time(w.start) << " "
            << format_time(w.end) << " | " << w.facilitator.name << " | " << w.facilitator.role << " | "
            << w.facilitator_organisation << " | " << w.objective << "\n";
        for (const auto& a : w.agenda) out << "  point " << time_or_dash(a.time) << " " << a.text << "\n";
        for (const auto& q : w.questions) out << "  question " << q.text << "\n";
    }
    for (const auto& r : ag.registrants)
        out << "inscrit " << r.last_name << " | " << r.first_name << " | " << r.organisation << " | " << r.email << " | "
            << r.workshop << "\n";
    return out.str();
}

}  // namespace lettrine
