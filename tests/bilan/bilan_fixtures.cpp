#include "bilan_fixtures.hpp"

#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include "data/programme_reader.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;

namespace lettrine::testing {

std::string source_path(const std::string& relative) { return std::string(LETTRINE_SOURCE_DIR) + "/" + relative; }

const Programme& default_programme() {
    static const Programme programme = read_programme(source_path("input/programme-2016.xml"));
    return programme;
}

const Sector& sector(const std::string& id) {
    const Sector* s = default_programme().find_sector(id);
    if (!s) throw std::logic_error("no sector " + id);
    return *s;
}

std::string valid_bilan_xml() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<bilan annee="2016" secteur="habitat" nom-secteur="Habitat">
  <structure-referente>Structure référente Habitat (exemple)</structure-referente>
  <redacteur>Alex Exemple</redacteur>
  <qualite-redacteur>Directeur</qualite-redacteur>
  <date>2016-12-15</date>
  <jours-min>30</jours-min>
  <jours-max>45</jours-max>
  <comite-pilotage>2016-11-29</comite-pilotage>
  <atelier-ag>16/06/2016</atelier-ag>
  <revue-juin>2016-06-28</revue-juin>
  <revue-decembre>2016-12-13</revue-decembre>
  <temps>
    <mission numero="1" intitule="Soutien aux projets" jours-prevus="14" jours-realises="15,5"/>
    <mission numero="2" intitule="Mobilisation de partenariats" jours-prevus="14" jours-realises="12"/>
    <mission numero="3" intitule="Coordination d'expérimentations" jours-prevus="12" jours-realises="13.5"/>
  </temps>
  <projets>
    <projet projet="Habitat participatif" porteur="Association Habiter Ensemble" stade="émergence"
            accompagnement="Montage juridique" avis="favorable" fonds="Fonds d'amorçage" resultat="Terrain trouvé"/>
    <projet projet="Auto-réhabilitation" porteur="Régie de quartier" stade="Création"
            accompagnement="Modèle économique" avis="aucun"/>
  </projets>
  <partenariats>
    <partenariat partenaire="Réseau Echobat" action="Instance partenariale" convention="signée"/>
  </partenariats>
  <experimentations>
    <experimentation intitule="Fonds d'investissement solidaire" territoire="Nantes Métropole" statut="en cours"
                     prochaine-etape="Règlement du fonds"/>
  </experimentations>
  <faits-marquants>
    Sept projets reçus.

    - Instance réunie trois fois
    - Premiers chantiers
  </faits-marquants>
  <difficultes/>
  <perspectives>Un fonds opérationnel en 2017.</perspectives>
  <plan-action>- Règlement du fonds</plan-action>
</bilan>
)";
}

std::string xml_problems(const std::string& xml) {
    const BilanCheck check = check_bilan_bytes(xml, "bilan.xml", BilanFormat::Xml);
    std::string out;
    for (const auto& d : check.diagnostics.items())
        out += d.describe() + "\n";
    return out;
}

fs::path temp_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-bilan-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

int run_python(const std::string& script, const std::string& arguments, std::string& out) {
    const std::string command = "/usr/bin/python3 " + source_path("tests/bilan/" + script) + " " + arguments;
    const test_support::CommandResult result = test_support::run_command(command);
    out = result.out;
    return result.code;
}

}  // namespace lettrine::testing
