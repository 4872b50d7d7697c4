#include "ag/assembly.hpp"

namespace lettrine {

const Workshop* GeneralAssembly::find_workshop(const std::string& sector_id) const {
    for (const auto& w : workshops)
        if (w.sector_id == sector_id) return &w;
    return nullptr;
}

std::vector<const Registrant*> GeneralAssembly::registrants_of(const std::string& sector_id) const {
    std::vector<const Registrant*> out;
    for (const auto& r : registrants)
        if (r.workshop == sector_id) out.push_back(&r);
    return out;
}

Facilitator facilitator_of(const Workshop& workshop, const Sector& sector) {
    if (!workshop.facilitator.name.empty())
        return {workshop.facilitator,
                workshop.facilitator_organisation.empty() && workshop.facilitator.name == sector.contact.name
                    ? sector.referent
                    : workshop.facilitator_organisation};
    return {sector.contact, sector.referent};
}

std::string format_time(TimeOfDay time) {
    const int hours = time.minutes / 60, minutes = time.minutes % 60;
    std::string out = std::to_string(hours) + "\u00A0h";
    if (minutes != 0) out += "\u00A0" + std::string(minutes < 10 ? "0" : "") + std::to_string(minutes);
    return out;
}

std::string format_time_range(TimeOfDay start, std::optional<TimeOfDay> end) {
    if (!end) return format_time(start);
    return format_time(start) + "\u00A0\u2013 " + format_time(*end);
}

}  // namespace lettrine
