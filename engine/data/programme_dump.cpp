#include "data/programme_dump.hpp"

#include <sstream>

#include "data/calendar.hpp"

namespace lettrine {

namespace {

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out;
}

std::string optional_int(const std::optional<int>& value) { return value ? std::to_string(*value) : "-"; }

std::string money(const std::optional<Money>& value) {
    if (!value) return "-";
    return std::to_string(value->cents / 100) + "." + (value->cents % 100 < 10 ? "0" : "") + std::to_string(value->cents % 100);
}

const char* status(ItemStatus s) { return s == ItemStatus::Confirmed ? "confirmé" : "à confirmer"; }

}  // namespace

std::string dump_programme(const Programme& p) {
    std::ostringstream out;
    out << "annee: " << p.year << "\n"
        << "organisation: " << escaped(p.organisation) << "\n"
        << "adresse: " << escaped(p.address) << "\n"
        << "telephone: " << escaped(p.phone) << "\n"
        << "contact: " << escaped(p.contact) << "\n"
        << "email: " << escaped(p.email) << "\n"
        << "partenaire-public: " << escaped(p.public_partner) << "\n"
        << "lieu: " << escaped(p.letter_place) << "\n"
        << "date: " << iso_date(p.letter_date) << "\n"
        << "signataire: " << escaped(p.signatory.name) << " / " << escaped(p.signatory.role) << "\n"
        << "logo: " << escaped(p.logo) << "\n";
    if (p.bilan_deadline) out << "date-limite-bilans: " << iso_date(*p.bilan_deadline) << "\n";
    if (!p.bilan_page.empty()) out << "depot-bilans: " << escaped(p.bilan_page) << "\n";
    for (const auto& s : p.sectors) {
        out << "secteur " << s.id << "\n"
            << "  nom: " << escaped(s.name) << "\n"
            << "  structure-referente: " << escaped(s.referent) << "\n"
            << "  adresse: " << escaped(s.address) << "\n"
            << "  intervenant: " << escaped(s.contact.name) << " / " << escaped(s.contact.role) << "\n"
            << "  email: " << escaped(s.email) << "\n"
            << "  soutien-projets: " << escaped(s.project_support) << "\n"
            << "  mode-partenariat: " << escaped(s.partnership_mode) << "\n"
            << "  budget: " << money(s.budget) << "\n"
            << "  jours: " << optional_int(s.days_min) << " " << optional_int(s.days_max) << " "
            << optional_int(s.days_agreed) << "\n"
            << "  conventionnement: " << (s.contracting == Contracting::Ecossolies ? "Ecossolies" : "Nantes Métropole")
            << "\n";
    }
    for (const auto& x : p.partners)
        out << "partenaire " << x.sector_id << ": " << escaped(x.name) << " [" << status(x.status) << "]\n";
    for (const auto& x : p.experiments)
        out << "experimentation " << x.sector_id << ": " << escaped(x.title) << " [" << status(x.status) << "]\n";
    for (const auto& m : p.missions) {
        out << "mission " << m.number << "\n"
            << "  intitule: " << escaped(m.title) << "\n"
            << "  intitule-court: " << escaped(m.short_title) << "\n";
        for (const auto& a : m.actions) out << "  action: " << escaped(a) << "\n";
        for (const auto& a : m.short_actions) out << "  action-courte: " << escaped(a) << "\n";
        out << "  lien-ecossolies: " << escaped(m.ecossolies_link) << "\n";
    }
    for (const auto& t : p.texts) out << "texte " << t.key << ": " << escaped(t.text) << "\n";
    return out.str();
}

}  // namespace lettrine
