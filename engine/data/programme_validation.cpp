#include "data/programme_validation.hpp"

#include <algorithm>
#include <set>

#include "core/french.hpp"
#include "core/text.hpp"
#include "data/amount.hpp"
#include "data/calendar.hpp"
#include "data/field_reader.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty()) out.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// How a date is written, for messages (the programme's own year).
const char* const kDateExamples = "01/12/2015 ou 2015-12-01";

// « confirmé » (also when blank) or « à confirmer ».
ItemStatus read_status(FieldReader& r, const std::string& id) {
    const std::string value = r.text(id);
    const std::string key = normalize_name(value);
    if (key.empty() || key == "confirme") return ItemStatus::Confirmed;
    if (key == "a-confirmer") return ItemStatus::ToConfirm;
    r.diagnostics().error(r.where(id), "statut inconnu " + quoted(value) + " : écrire « confirmé » ou « à confirmer »");
    return ItemStatus::Confirmed;
}

// Reports each identifier seen twice in a table.
class UniqueIds {
public:
    explicit UniqueIds(std::string what) : what_(std::move(what)) {}
    bool add(const std::string& id, const SourcePosition& where, Diagnostics& diagnostics) {
        const auto [it, inserted] = seen_.emplace(id, where);
        if (!inserted)
            diagnostics.error(where, what_ + " " + quoted(id) + " est déjà utilisé (" + short_place(it->second) + ")");
        return inserted;
    }

private:
    std::string what_;
    std::map<std::string, SourcePosition> seen_;
};

// Where and by when the référents return their bilans (both optional).
void read_bilan_return(FieldReader& r, Programme& p, Diagnostics& diagnostics) {
    p.bilan_deadline_position = r.where("date-limite-bilans");
    if (!r.blank("date-limite-bilans")) {
        p.bilan_deadline = r.date("date-limite-bilans", kDateExamples);
        if (p.bilan_deadline && p.year != 0 && p.bilan_deadline->year != p.year && p.bilan_deadline->year != p.year + 1)
            diagnostics.warning(r.where("date-limite-bilans"),
                                "la date limite des bilans (" + french_numeric_date(*p.bilan_deadline) + ") ne tombe ni en " +
                                    std::to_string(p.year) + " ni en " + std::to_string(p.year + 1));
    }
    std::string page = r.text("depot-bilans");
    while (!page.empty() && page.back() == '/') page.pop_back();
    const bool web = page.rfind("https://", 0) == 0 || page.rfind("http://", 0) == 0;
    if (!page.empty() && (!web || page.find_first_of(" \t\"<>") != std::string::npos || page.find("://") + 3 >= page.size()))
        diagnostics.error(r.where("depot-bilans"), quoted(page) + " n’est pas l’adresse d’une page web : écrivez-la comme "
                                                                   "dans le navigateur, « https://lettrine.exemple.fr »");
    else
        p.bilan_page = page;
}

void read_settings(const ProgrammeSource& source, Programme& p, Diagnostics& diagnostics) {
    if (source.settings.rows.empty()) return;
    FieldReader r(source.settings, source.settings.rows.front(), diagnostics, source.date1904);
    for (const auto& field : source.settings.spec->fields)
        if (field.required_column) r.require(field.id);
    if (auto year = r.integer("annee")) {
        if (*year < 2000 || *year > 2100)
            diagnostics.error(r.where("annee"), quoted(std::to_string(*year)) + " n’est pas une année plausible (2000 à 2100)");
        else
            p.year = *year;
    }
    p.organisation = r.text("organisation");
    p.organisation_position = r.where("organisation");
    p.address = r.text("adresse");
    p.address_position = r.where("adresse");
    p.phone = r.text("telephone");
    p.contact = r.text("contact");
    p.email = r.email("email");
    p.public_partner = r.text("partenaire-public");
    p.letter_place = r.text("lieu");
    if (auto date = r.date("date", kDateExamples)) {
        p.letter_date = *date;
        if (p.year != 0 && date->year != p.year && date->year != p.year - 1)
            diagnostics.warning(r.where("date"), "la date des lettres (" + french_numeric_date(*date) +
                                                     ") ne tombe ni en " + std::to_string(p.year - 1) + " ni en " +
                                                     std::to_string(p.year));
    }
    p.signatory.name = r.text("signataire");
    p.signatory.role = r.text("qualite-signataire");
    p.logo = r.text("logo");
    p.logo_position = r.where("logo");
    read_bilan_return(r, p, diagnostics);
}

void read_sectors(const ProgrammeSource& source, Programme& p, Diagnostics& diagnostics) {
    const SourceTable& table = source.sectors;
    if (table.present && table.rows.empty()) diagnostics.error(table.position, "aucun secteur n’est défini");
    UniqueIds ids("l’identifiant");
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        Sector s;
        s.position = row.position;
        r.require("identifiant");
        r.require("nom");
        r.require("soutien-projets");
        r.require("mode-partenariat");
        s.id = r.identifier("identifiant");
        if (!s.id.empty()) ids.add(s.id, r.where("identifiant"), diagnostics);
        s.name = r.text("nom");

        const std::string contracting = r.text("conventionnement");
        const std::string key = normalize_name(contracting);
        bool known_contracting = true;
        if (key == "nantes-metropole") {
            s.contracting = Contracting::NantesMetropole;
        } else if (key == "ecossolies" || key == "les-ecossolies") {
            s.contracting = Contracting::Ecossolies;
        } else {
            known_contracting = false;  // what is required depends on it: check nothing more
            if (r.require("conventionnement"))
                diagnostics.error(r.where("conventionnement"), "conventionnement inconnu " + quoted(contracting) +
                                                                   " : écrire « Ecossolies » ou « Nantes Métropole »");
        }
        if (known_contracting && s.contracting == Contracting::Ecossolies) {
            const std::string why = " pour un secteur conventionné par Les Ecossolies";
            for (const char* id : {"structure-referente", "adresse", "intervenant", "email", "budget", "jours-min", "jours-max"})
                r.require(id, why);
        }
        s.referent = r.text("structure-referente");
        s.referent_position = r.where("structure-referente");
        s.address = r.text("adresse");
        s.address_position = r.where("adresse");
        s.contact.name = r.text("intervenant");
        s.contact_position = r.where("intervenant");
        s.contact.role = r.text("qualite-intervenant");
        s.email = r.email("email");
        s.project_support = r.text("soutien-projets");
        s.partnership_mode = r.text("mode-partenariat");
        s.budget = r.amount("budget");
        s.days_min = r.whole_days("jours-min");
        s.days_max = r.whole_days("jours-max");
        s.days_agreed = r.whole_days("jours-convenus");
        if (s.days_min && s.days_max && *s.days_min > *s.days_max)
            diagnostics.error(r.where("jours-min"), "les jours min (" + std::to_string(*s.days_min) +
                                                        ") dépassent les jours max (" + std::to_string(*s.days_max) + ")");
        else if (s.days_agreed && s.days_min && s.days_max && (*s.days_agreed < *s.days_min || *s.days_agreed > *s.days_max))
            diagnostics.warning(r.where("jours-convenus"), "les jours convenus (" + std::to_string(*s.days_agreed) +
                                                               ") sortent de la fourchette de " + std::to_string(*s.days_min) +
                                                               " à " + std::to_string(*s.days_max) + " jours");
        p.sectors.push_back(std::move(s));
    }
}

// The sector column of Partenaires and Expérimentations must name a sector.
std::string sector_reference(FieldReader& r, const Programme& p, const SourceTable& sectors, Diagnostics& diagnostics) {
    const std::string id = r.text("secteur");
    if (id.empty() || p.find_sector(id) || !sectors.present) return id;
    std::string known;
    for (const auto& s : p.sectors)
        if (!s.id.empty()) known += (known.empty() ? "" : ", ") + s.id;
    diagnostics.error(r.where("secteur"), "secteur inconnu " + quoted(id) +
                                              (known.empty() ? "" : " (identifiants connus : " + known + ")"));
    return id;
}

template <typename Item>
void read_items(const ProgrammeSource& source, const SourceTable& table, const char* title_field, Programme& p,
                std::vector<Item>& out, Diagnostics& diagnostics, std::string Item::*title) {
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        Item item;
        item.position = row.position;
        r.require("secteur");
        r.require(title_field);
        item.sector_id = sector_reference(r, p, source.sectors, diagnostics);
        item.*title = r.text(title_field);
        item.status = read_status(r, "statut");
        out.push_back(std::move(item));
    }
}

void read_missions(const ProgrammeSource& source, Programme& p, Diagnostics& diagnostics) {
    const SourceTable& table = source.missions;
    UniqueIds numbers("le numéro de mission");
    std::vector<int> found;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        Mission m;
        m.position = row.position;
        for (const auto& field : table.spec->fields) r.require(field.id);
        if (auto number = r.integer("numero")) {
            m.number = *number;
            if (numbers.add(std::to_string(*number), r.where("numero"), diagnostics)) found.push_back(*number);
        }
        m.title = r.text("intitule");
        m.short_title = r.text("intitule-court");
        m.actions = lines_of(r.text("actions"));
        m.short_actions = lines_of(r.text("actions-courtes"));
        m.ecossolies_link = r.text("lien-ecossolies");
        p.missions.push_back(std::move(m));
    }
    std::sort(found.begin(), found.end());
    if (table.present && found != std::vector<int>{1, 2, 3}) {
        std::string list;
        for (int n : found) list += (list.empty() ? "" : ", ") + std::to_string(n);
        diagnostics.error(table.position, "les missions doivent être numérotées exactement 1, 2 et 3 (trouvé : " +
                                              (list.empty() ? std::string("aucune") : list) + ")");
    }
    std::stable_sort(p.missions.begin(), p.missions.end(),
                     [](const Mission& a, const Mission& b) { return a.number < b.number; });
}

void read_texts(const ProgrammeSource& source, Programme& p, Diagnostics& diagnostics) {
    const SourceTable& table = source.texts;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        TextEntry t;
        t.position = row.position;
        r.require("cle");
        r.require("texte");
        t.key = normalize_name(r.text("cle"));
        t.text = r.text("texte")  /* a drafted text: questions allowed (texts_spec) */;
        p.texts.push_back(std::move(t));
    }
    if (!table.present) return;
    for (const auto& key : required_text_keys())
        if (p.texts_for(key).empty())
            diagnostics.error(table.position, "aucun texte pour la clé " + quoted(key) + " : ajouter au moins une ligne");
}

}  // namespace

const std::vector<std::string>& required_text_keys() {
    static const std::vector<std::string> keys{"contexte", "coordination", "contrat"};
    return keys;
}

std::string tentative_text_problem(const std::string& line, bool questions_allowed) {
    const std::string s = trim(line);
    if (s == "?" || (!questions_allowed && s.find('?') != std::string::npos))
        return quoted(s) + " : un point d’interrogation ne doit pas rester dans les données ; "
               "retirez-le et indiquez plutôt le statut « à confirmer »";
    if (s.find("...") != std::string::npos || s.find("\u2026") != std::string::npos)
        return quoted(s) + " : des points de suspension ne doivent pas rester dans les données ; "
               "complétez la liste ou retirez-les";
    return "";
}

bool is_slug_identifier(const std::string& id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Programme validate_programme(const ProgrammeSource& source, Diagnostics& diagnostics) {
    diagnostics.append(source.diagnostics);
    Programme programme;
    programme.source_file = source.file;
    read_settings(source, programme, diagnostics);
    read_sectors(source, programme, diagnostics);
    read_items(source, source.partners, "nom", programme, programme.partners, diagnostics, &Partner::name);
    read_items(source, source.experiments, "intitule", programme, programme.experiments, diagnostics, &Experiment::title);
    read_missions(source, programme, diagnostics);
    read_texts(source, programme, diagnostics);
    return programme;
}

}  // namespace lettrine
