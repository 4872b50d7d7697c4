#include "data/programme.hpp"

#include <algorithm>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "core/suggestion.hpp"

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

namespace {

// requested_sectors with the reason a sector of the programme that `applies`
// refuses is refused: « le secteur « x » est <not_applicable> (secteurs
// possibles : a, b) »; an unknown one gets a suggestion (issue 13, item 14).
std::set<std::string> checked_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                      const std::function<bool(const std::string&)>& applies,
                                      const std::string& not_applicable) {
    const std::set<std::string> requested(wanted.begin(), wanted.end());
    std::vector<std::string> known, possible;
    for (const auto& s : programme.sectors) {
        known.push_back(s.id);
        if (!applies || applies(s.id)) possible.push_back(s.id);
    }
    const auto list = [](const std::vector<std::string>& ids) {
        std::string out;
        for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
        return out;
    };
    Diagnostics errors;
    std::set<std::string> said;
    for (const auto& id : wanted) {
        if (std::find(possible.begin(), possible.end(), id) != possible.end() || !said.insert(id).second) continue;
        if (std::find(known.begin(), known.end(), id) == known.end())
            errors.error({}, "secteur inconnu " + quoted(id) + did_you_mean(id, possible) + " (secteurs du programme : " +
                                 list(known) + ")");
        else
            errors.error({}, "le secteur " + quoted(id) + " est " + not_applicable + " (secteurs possibles : " +
                                 list(possible) + ")");
    }
    if (errors.has_errors()) throw LettrineError(ErrorKind::Usage, errors);
    return requested;
}

}  // namespace

std::set<std::string> requested_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                        const std::function<bool(const std::string&)>& exists) {
    return checked_sectors(programme, wanted, exists, "sans objet pour cette commande");
}

std::vector<const Sector*> letter_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                          Diagnostics&, const std::string& nothing_for) {
    const std::string partner = programme.public_partner.empty() ? "Nantes Métropole" : programme.public_partner;
    // A sector contracted directly has no letter: naming it is an error, so
    // that a run never ends with nothing written and nothing said.
    const std::set<std::string> requested = checked_sectors(
        programme, wanted,
        [&](const std::string& id) { return programme.find_sector(id)->contracting != Contracting::NantesMetropole; },
        "conventionné directement par " + partner + " : " + nothing_for);
    std::vector<const Sector*> sectors;
    for (const auto& s : programme.sectors)
        if ((requested.empty() || requested.count(s.id)) && s.contracting != Contracting::NantesMetropole)
            sectors.push_back(&s);
    return sectors;
}

}  // namespace lettrine
