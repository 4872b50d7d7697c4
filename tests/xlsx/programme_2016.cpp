#include "programme_2016.hpp"

namespace lettrine::xlsx_test {

namespace {

const char* const kFile = "programme-2016.xlsx";

SourcePosition cell(const char* sheet, const std::string& ref) { return SourcePosition::at_cell(kFile, sheet, ref); }

Sector sector(int row, std::string id, std::string name, std::string referent, std::string project_support,
              std::string partnership_mode, std::optional<int64_t> euros, std::optional<int> days_min,
              std::optional<int> days_max, Contracting contracting) {
    Sector s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.referent = std::move(referent);
    s.project_support = std::move(project_support);
    s.partnership_mode = std::move(partnership_mode);
    if (euros) s.budget = Money{*euros * 100};
    s.days_min = days_min;
    s.days_max = days_max;
    s.contracting = contracting;
    s.position = cell("Secteurs", "A" + std::to_string(row));
    return s;
}

}  // namespace

Programme programme_2016() {
    Programme p;
    p.year = 2016;
    p.organisation = "Les Ecossolies";
    p.address = "Le Solilab\n8 rue Saint-Domingue\n44200 Nantes";
    p.phone = "02 40 89 33 69";
    p.contact = "Damien Labrousse";
    p.email = "damien.labrousse@ecossolies.fr";
    p.public_partner = "Nantes Métropole";
    p.letter_place = "Nantes";
    p.letter_date = Date{2015, 12, 1};
    p.signatory = Person{"Damien Labrousse", "Directeur"};
    p.source_file = kFile;

    const auto E = Contracting::Ecossolies;
    p.sectors = {
        sector(2, "services-aux-personnes", "Services aux personnes", "Coopérative Services Solidaires (exemple)",
               "Aide à la modélisation économique et sociale\u00A0: 5 à 10 projets par an",
               "Rencontres à organiser et conventions à conforter", 10000, 20, 30, E),
        sector(3, "circuits-courts-et-alimentation", "Circuits courts et alimentation",
               "Association Terre Commune (exemple)",
               "Accueil de projets sur la logistique et la distribution\u00A0: 5 à 10 projets par an",
               "Observatoire des initiatives", 10000, 20, 30, E),
        sector(4, "habitat", "Habitat", "Atelier Habitat Solidaire (exemple)",
               "Recevoir les projets pop-corn et incubateurs\u00A0: 5 à 10 projets par an",
               "Instance de coordination partenariale", 15000, 30, 45, E),
        sector(5, "dechets-et-ressources", "Déchets et ressources", "Ressourcerie de l’Estuaire (exemple)",
               "10 à 15 projets par an, en lien avec la démarche économie circulaire",
               "Conduire des projets collectifs structurants", 15000, 30, 45, E),
        sector(6, "numerique-et-ess", "Numérique et ESS", "",
               "5 à 10 projets par an\u00A0: info sur les modèles économiques de l’ESS et les spécificités",
               "Rencontres à organiser et conventions à développer", std::nullopt, std::nullopt, std::nullopt,
               Contracting::NantesMetropole),
    };

    int partner_row = 2;
    auto partner = [&](const char* sector_id, const char* name, ItemStatus status = ItemStatus::Confirmed) {
        p.partners.push_back({sector_id, name, status, cell("Partenaires", "A" + std::to_string(partner_row++))});
    };
    partner("services-aux-personnes", "UNA, URIOPSS, Harmonie");
    partner("services-aux-personnes", "Fédé centres sociaux, Animation rurale 44");
    partner("services-aux-personnes", "T’CAP, Villes, CAF");
    partner("circuits-courts-et-alimentation", "Réseau CAP/CONF/Terroir44, GAB, Napce");
    partner("circuits-courts-et-alimentation", "Ville comestible, Ecos, Banquet des 5000");
    partner("circuits-courts-et-alimentation", "Terrena");
    partner("circuits-courts-et-alimentation", "Biocoop, Horizon vert…");
    partner("habitat", "Réseau Echobat, Collectivités, Bailleurs sociaux, Compagnons bâtisseurs…");
    partner("habitat", "HEN, Echo-habitants, Matière sociale…");
    partner("dechets-et-ressources", "Collectif Zéro déchet");
    partner("dechets-et-ressources", "Partenariat Veolia", ItemStatus::ToConfirm);
    partner("dechets-et-ressources", "Ecopole, GRAINE, URCPIE");
    partner("dechets-et-ressources", "Service déchets Nantes Métropole / économie circulaire");
    partner("numerique-et-ess", "Cantine numérique, Quartier de la création, Fabrique du changement");
    partner("numerique-et-ess", "Media 2030 spéciale ESS en 2016", ItemStatus::ToConfirm);

    int experiment_row = 2;
    auto experiment = [&](const char* sector_id, const char* title, ItemStatus status = ItemStatus::Confirmed) {
        p.experiments.push_back(
            {sector_id, title, status, cell("Expérimentations", "A" + std::to_string(experiment_row++))});
    };
    experiment("services-aux-personnes", "Cane");
    experiment("services-aux-personnes", "Harmonie / CCSP");
    experiment("services-aux-personnes", "Suivi du réseau LCP");
    experiment("circuits-courts-et-alimentation", "Lien avec les événements commerciaux des Ecossolies");
    experiment("circuits-courts-et-alimentation", "Projet Restau Folie des Plantes");
    experiment("habitat", "Fonds d’investissement solidaire");
    experiment("habitat", "Régie de quartier Bottière");
    experiment("dechets-et-ressources", "Formation Valoristes");
    experiment("dechets-et-ressources", "Formation dirigeants > marché public");
    experiment("dechets-et-ressources", "Suivi des ressourceries de proximité, lien avec la Braderie");
    experiment("numerique-et-ess", "Captation vidéo des pitchs Popcorn, vidéos de projets incubés");
    experiment("numerique-et-ess", "Social startup week-end au Solilab");

    auto mission = [&](int number, const char* title, const char* short_title,
                       std::vector<std::string> short_actions, const char* link) {
        Mission m;
        m.number = number;
        m.title = title;
        m.short_title = short_title;
        m.short_actions = std::move(short_actions);
        m.ecossolies_link = link;
        m.position = cell("Missions", "A" + std::to_string(number + 1));
        p.missions.push_back(std::move(m));
    };
    mission(1, "Le soutien aux projets émergents", "Soutien aux projets",
            {"Cibler les segments porteurs", "Structurer les concepts d’offre", "Participer aux groupes d’appui"},
            "Labo\u00A0: Popcorn, Fonds de soutien ESS, incubateur, plate-forme innovation sociale");
    mission(2, "La mobilisation de partenariats", "Mobilisation de partenariats",
            {"Valoriser les apports de chacun pour développer les coopérations",
             "Motiver les acteurs majeurs du secteur", "Associer les politiques publiques"},
            "Cycle réflexif, vie associative et réseau\u00A0: Ateliers du vendredi");
    mission(3, "La coordination d’expérimentations", "Coordination d’expérimentations",
            {"Faire naître les coopérations / ingénierie", "Lien avec les acteurs du territoire", "Capitalisation"},
            "Événements Solilab (approche territoriale)");
    return p;
}

}  // namespace lettrine::xlsx_test
