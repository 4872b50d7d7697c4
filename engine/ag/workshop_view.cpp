#include "ag/workshop_view.hpp"

#include <sstream>

#include "ag/collation.hpp"
#include "core/text.hpp"
#include "views/programme_view.hpp"
#include "template/french_format.hpp"

namespace lettrine {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

DataValue assembly_part(const GeneralAssembly& ag) {
    DataValue v = DataValue::map();
    v.set("annee", text(std::to_string(ag.year)));
    v.set("date", text(format_date_long(ag.date)));
    v.set("date_avec_jour", text(format_date_with_weekday(ag.date)));
    v.set("date_iso", text(format_date_iso(ag.date)));
    v.set("lieu", text(ag.place));
    v.set("adresse", line_list(ag.address));
    DataValue slots = DataValue::list();
    for (const auto& s : ag.timetable) {
        DataValue item = DataValue::map(s.position);
        item.set("horaire", text(format_time_range(s.start, s.end)));
        item.set("intitule", text(s.title));
        slots.push_back(item);
    }
    v.set("horaires", slots);
    return v;
}

DataValue workshop_part(const Workshop& w, const Sector& sector) {
    DataValue v = DataValue::map(w.position);
    v.set("identifiant", text(w.sector_id));
    v.set("nom", text("Atelier « " + sector.name + " »"));
    v.set("titre", text(w.title));
    v.set("salle", text(w.room));
    v.set("debut", text(format_time(w.start)));
    v.set("fin", text(format_time(w.end)));
    v.set("horaire", text(format_time_range(w.start, w.end)));
    const Facilitator f = facilitator_of(w, sector);
    DataValue facilitator = DataValue::map();
    facilitator.set("nom", text(f.person.name));
    facilitator.set("qualite", text(f.person.role));
    facilitator.set("structure", text(f.organisation));
    v.set("animateur", facilitator);
    v.set("objectif", text(w.objective));
    DataValue agenda = DataValue::list();
    for (const auto& item : w.agenda) {
        DataValue a = DataValue::map(item.position);
        a.set("horaire", text(item.time ? format_time(*item.time) : ""));
        a.set("texte", text(item.text));
        agenda.push_back(a);
    }
    v.set("ordre_du_jour", agenda);
    DataValue questions = DataValue::list();
    for (std::size_t i = 0; i < w.questions.size(); ++i) {
        DataValue q = DataValue::map(w.questions[i].position);
        q.set("numero", text(std::to_string(i + 1)));
        q.set("texte", text(w.questions[i].text));
        questions.push_back(q);
    }
    v.set("questions", questions);
    return v;
}

// The three missions with what they mean for this sector.
DataValue sector_missions(const Programme& programme, const Sector& sector) {
    DataValue list = DataValue::list();
    for (const auto& m : programme.missions) {
        std::string goal;
        if (m.number == 1) goal = sector.project_support;
        if (m.number == 2) goal = sector.partnership_mode;
        if (m.number == 3) {
            const std::size_t n = programme.experiments_of(sector.id).size();
            goal = n == 0 ? "expérimentations à définir"
                          : std::to_string(n) + (n > 1 ? " expérimentations à coordonner" : " expérimentation à coordonner");
        }
        DataValue item = DataValue::map(m.position);
        item.set("numero", text(std::to_string(m.number)));
        item.set("intitule", text(m.title));
        item.set("intitule_court", text(m.short_title));
        item.set("objectif", text(goal));
        list.push_back(item);
    }
    return list;
}

DataValue bilan_part(const std::optional<SectorBilan>& bilan, int programme_year) {
    if (!bilan || bilan->figures.empty()) return DataValue::boolean(false);
    DataValue v = DataValue::map();
    v.set("annee", text(std::to_string(bilan->year)));
    v.set("annee_precedente", DataValue::boolean(bilan->year < programme_year));
    DataValue figures = DataValue::list();
    for (const auto& f : bilan->figures) {
        DataValue item = DataValue::map();
        item.set("libelle", text(f.label));
        item.set("valeur", text(f.value));
        figures.push_back(item);
    }
    v.set("chiffres", figures);
    return v;
}

DataValue attendance_part(const GeneralAssembly& ag, const Workshop& w) {
    const std::vector<AttendanceRow> rows = attendance_rows(ag, w);
    DataValue list = DataValue::list();
    std::size_t registrants = 0;
    for (const auto& r : rows) {
        DataValue item = DataValue::map();
        item.set("nom", text(r.last_name));
        item.set("prenom", text(r.first_name));
        item.set("organisation", text(r.organisation));
        item.set("vierge", DataValue::boolean(r.blank()));
        list.push_back(item);
        if (!r.blank()) ++registrants;
    }
    DataValue v = DataValue::map();
    v.set("lignes", list);
    v.set("inscrits", text(std::to_string(registrants)));
    v.set("inscrits_en_toutes_lettres",
          text(registrants == 0 ? "Aucune personne inscrite"
                                : std::to_string(registrants) + (registrants > 1 ? " personnes inscrites" : " personne inscrite")));
    v.set("lignes_vierges", text(std::to_string(rows.size() - registrants)));
    v.set("total", text(std::to_string(rows.size())));
    return v;
}

}  // namespace

std::vector<AttendanceRow> attendance_rows(const GeneralAssembly& assembly, const Workshop& workshop) {
    std::vector<AttendanceRow> rows;
    for (const Registrant* r : sorted_registrants(assembly.registrants_of(workshop.sector_id)))
        rows.push_back({r->last_name, r->first_name, r->organisation});
    const int total = assembly.attendance.rows_for(static_cast<int>(rows.size()));
    rows.resize(static_cast<std::size_t>(total));
    return rows;
}

DataValue workshop_view(const Programme& programme, const GeneralAssembly& assembly, const Workshop& workshop,
                        const Sector& sector, const std::optional<SectorBilan>& bilan) {
    DataValue root = programme_view(programme);
    if (const DataValue* sectors = root.find("secteurs"))
        for (const auto& s : sectors->items())
            if (const DataValue* id = s.find("identifiant"); id && id->as_text() == sector.id) root.set("secteur", s);
    root.set("ag", assembly_part(assembly));
    root.set("atelier", workshop_part(workshop, sector));
    root.set("missions_du_secteur", sector_missions(programme, sector));
    root.set("bilan", bilan_part(bilan, programme.year));
    root.set("emargement", attendance_part(assembly, workshop));
    return root;
}

}  // namespace lettrine
