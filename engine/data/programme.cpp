#include "data/programme.hpp"

#include "core/diagnostic.hpp"
#include "core/french.hpp"

namespace lettrine {

const Sector* Programme::find_sector(const std::string& id) const {
    for (const auto& sector : sectors)
        if (sector.id == id) return &sector;
    return nullptr;
}

std::vector<const Partner*> Programme::partners_of(const std::string& sector_id) const {
    std::vector<const Partner*> out;
    for (const auto& partner : partners)
        if (partner.sector_id == sector_id) out.push_back(&partner);
    return out;
}

std::vector<const Experiment*> Programme::experiments_of(const std::string& sector_id) const {
    std::vector<const Experiment*> out;
    for (const auto& experiment : experiments)
        if (experiment.sector_id == sector_id) out.push_back(&experiment);
    return out;
}

std::vector<std::string> Programme::texts_for(const std::string& key) const {
    std::vector<std::string> out;
    for (const auto& entry : texts)
        if (entry.key == key) out.push_back(entry.text);
    return out;
}

std::set<std::string> requested_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                        const std::function<bool(const std::string&)>& exists) {
    const std::set<std::string> requested(wanted.begin(), wanted.end());
    Diagnostics errors;
    for (const auto& id : requested)
        if (exists ? !exists(id) : !programme.find_sector(id)) {
            std::string known;
            for (const auto& s : programme.sectors) known += (known.empty() ? "" : ", ") + s.id;
            errors.error({}, "secteur inconnu " + quoted(id) + " (secteurs du programme : " + known + ")");
        }
    if (errors.has_errors()) throw LettrineError(ErrorKind::Usage, errors);
    return requested;
}

std::vector<const Sector*> letter_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                          Diagnostics& warnings, const std::string& nothing_for) {
    const std::set<std::string> requested = requested_sectors(programme, wanted);
    std::vector<const Sector*> sectors;
    for (const auto& s : programme.sectors) {
        if (!requested.empty() && !requested.count(s.id)) continue;
        if (s.contracting == Contracting::NantesMetropole) {
            if (!requested.empty())
                warnings.warning(s.position, "le secteur « " + s.name + " » est conventionné directement par " +
                                                 (programme.public_partner.empty() ? std::string("Nantes Métropole")
                                                                                    : programme.public_partner) +
                                                 " : " + nothing_for);
            continue;
        }
        sectors.push_back(&s);
    }
    return sectors;
}

}  // namespace lettrine
