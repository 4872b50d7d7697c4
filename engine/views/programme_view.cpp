#include "views/programme_view.hpp"

#include <sstream>

#include "core/text.hpp"
#include "data/volume_text.hpp"
#include "template/french_format.hpp"

namespace lettrine {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

DataValue texts_list(const std::vector<std::string>& texts) {
    DataValue list = DataValue::list();
    for (const auto& t : texts) {
        DataValue item = DataValue::map();
        item.set("texte", text(t));
        list.push_back(item);
    }
    return list;
}

DataValue person(const Person& p) {
    DataValue v = DataValue::map();
    v.set("nom", text(p.name));
    v.set("qualite", text(p.role));
    return v;
}

std::string days_range(const Sector& s) {
    if (!s.days_min || !s.days_max) return "";
    if (*s.days_min == *s.days_max) return format_days(*s.days_min);
    return "entre " + std::to_string(*s.days_min) + " et " + format_days(*s.days_max);
}

DataValue status_list(const std::vector<std::string>& names, const std::vector<bool>& to_confirm) {
    DataValue list = DataValue::list();
    for (std::size_t i = 0; i < names.size(); ++i) {
        DataValue item = DataValue::map();
        item.set("nom", text(names[i]));
        item.set("a_confirmer", DataValue::boolean(to_confirm[i]));
        list.push_back(item);
    }
    return list;
}

DataValue sector_view(const Programme& programme, const Sector& s) {
    DataValue v = DataValue::map(s.position);
    v.set("identifiant", text(s.id));
    v.set("nom", text(s.name));
    v.set("referent", DataValue::text(s.referent, s.referent_position));
    v.set("adresse", line_list(s.address, s.address_position));
    DataValue contact = person(s.contact);
    contact.set("nom", DataValue::text(s.contact.name, s.contact_position));
    v.set("intervenant", contact);
    v.set("email", text(s.email));
    v.set("soutien_aux_projets", text(s.project_support));
    v.set("mode_de_partenariat", text(s.partnership_mode));
    const bool direct = s.contracting == Contracting::NantesMetropole;
    v.set("conventionne_ecossolies", DataValue::boolean(!direct));
    v.set("conventionne_directement", DataValue::boolean(direct));
    v.set("montant", text(s.budget ? format_amount(*s.budget) : ""));
    v.set("montant_en_lettres", text(s.budget ? amount_in_words(*s.budget) : ""));
    v.set("jours_min", text(s.days_min ? std::to_string(*s.days_min) : ""));
    v.set("jours_max", text(s.days_max ? std::to_string(*s.days_max) : ""));
    v.set("jours_convenus", text(s.days_agreed ? format_days(*s.days_agreed) : ""));
    v.set("volume_jours", text(days_range(s)));
    v.set("volume_annuel", text(describe_annual_volume(s, programme)));

    std::vector<std::string> names;
    std::vector<bool> pending;
    for (const Partner* p : programme.partners_of(s.id)) {
        names.push_back(p->name);
        pending.push_back(p->status == ItemStatus::ToConfirm);
    }
    v.set("partenaires", status_list(names, pending));
    v.set("a_des_partenaires", DataValue::boolean(!names.empty()));
    names.clear();
    pending.clear();
    for (const Experiment* e : programme.experiments_of(s.id)) {
        names.push_back(e->title);
        pending.push_back(e->status == ItemStatus::ToConfirm);
    }
    v.set("experimentations", status_list(names, pending));
    v.set("a_des_experimentations", DataValue::boolean(!names.empty()));
    return v;
}

DataValue mission_view(const Mission& m) {
    DataValue v = DataValue::map(m.position);
    v.set("numero", text(std::to_string(m.number)));
    v.set("intitule", text(m.title));
    v.set("intitule_court", text(m.short_title));
    v.set("actions", texts_list(m.actions));
    v.set("actions_courtes", texts_list(m.short_actions));
    v.set("lien_ecossolies", text(m.ecossolies_link));
    return v;
}

}  // namespace

DataValue programme_view(const Programme& p) {
    DataValue root = DataValue::map();
    root.set("annee", text(std::to_string(p.year)));

    DataValue organisation = DataValue::map();
    organisation.set("nom", DataValue::text(p.organisation, p.organisation_position));
    organisation.set("adresse", line_list(p.address, p.address_position));
    organisation.set("telephone", text(p.phone));
    organisation.set("contact", text(p.contact));
    organisation.set("email", text(p.email));
    organisation.set("logo", text(p.logo));
    root.set("organisation", organisation);
    root.set("partenaire_public", text(p.public_partner));

    DataValue letter = DataValue::map();
    letter.set("lieu", text(p.letter_place));
    letter.set("date", text(format_date_long(p.letter_date)));
    letter.set("date_iso", text(format_date_iso(p.letter_date)));
    root.set("lettre", letter);
    root.set("signataire", person(p.signatory));

    DataValue sectors = DataValue::list();
    for (const auto& s : p.sectors) sectors.push_back(sector_view(p, s));
    root.set("secteurs", sectors);

    DataValue missions = DataValue::list();
    for (const auto& m : p.missions) {
        missions.push_back(mission_view(m));
        root.set("mission" + std::to_string(m.number), mission_view(m));
    }
    root.set("missions", missions);

    DataValue texts = DataValue::map();
    for (const char* key : {"contexte", "objet", "coordination", "contrat"})
        texts.set(key, texts_list(p.texts_for(key)));
    root.set("textes", texts);
    return root;
}

DataValue letter_view(const Programme& programme, const Sector& sector) {
    DataValue root = programme_view(programme);
    root.set("secteur", sector_view(programme, sector));
    DataValue letter = *root.find("lettre");
    letter.set("reference", text("LM-" + std::to_string(programme.year) + "-" + to_upper(sector.id)));
    root.set("lettre", letter);
    return root;
}

}  // namespace lettrine
