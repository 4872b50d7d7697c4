#include "web/options.hpp"

#include <boost/filesystem/operations.hpp>

#include "core/diagnostic.hpp"
#include "core/installation.hpp"
#include "core/option_words.hpp"

namespace lettrine::web {

namespace {

[[noreturn]] void usage_error(const std::string& message) {
    throw LettrineError(ErrorKind::Usage, SourcePosition{},
                        message + "\n(« lettrine serveur --aide » affiche l’aide du serveur)");
}

long long whole_number(const std::string& option, const std::string& value, long long low, long long high) {
    try {
        std::size_t used = 0;
        const long long n = std::stoll(value, &used);
        if (used == value.size() && n >= low && n <= high) return n;
    } catch (...) {
    }
    usage_error(option + " attend un nombre entier de " + std::to_string(low) + " à " + std::to_string(high) +
                ", pas « " + value + " »");
}

// The folder's own templates when they have the pages, else the installed ones.
std::string default_templates(const std::string& folder) {
    const boost::filesystem::path own = boost::filesystem::path(folder) / "templates";
    boost::system::error_code error;
    if (boost::filesystem::is_directory(own / "web", error)) return own.string();
    return (installed_defaults_folder() / "templates").string();
}

void check_network_options(const ServerOptions& o) {
    if (o.certificate.empty() != o.key.empty())
        usage_error(o.key.empty() ? "--certificat attend aussi --cle FICHIER : la clé privée du certificat"
                                  : "--cle attend aussi --certificat FICHIER : le certificat de cette clé");
    if (o.tls() && o.behind_proxy)
        usage_error("--certificat et --derriere-mandataire s’excluent : Lettrine chiffre lui-même (TLS) ou laisse "
                    "le mandataire inverse le faire, pas les deux");
    if (is_local_address(o.address)) return;
    if (o.accounts.empty() || (!o.tls() && !o.behind_proxy))
        usage_error("l’adresse « " + o.address + " » n’est pas locale : ouvrir Lettrine aux autres postes du réseau "
                    "demande des comptes et leurs mots de passe (--acces FICHIER), et le chiffrement TLS, par "
                    "Lettrine (--certificat FICHIER --cle FICHIER) ou par un mandataire inverse devant lui "
                    "(--derriere-mandataire) ; voir docs/SERVEUR.md, « Ouvrir Lettrine au réseau ». Sans eux, le "
                    "serveur n’écoute que sur cette machine : --adresse 127.0.0.1");
}

}  // namespace

bool is_local_address(const std::string& address) {
    if (address == "localhost" || address == "::1") return true;
    if (address.rfind("127.", 0) != 0) return false;
    int dots = 0;
    for (char c : address) {
        if (c == '.') ++dots;
        else if (c < '0' || c > '9') return false;
    }
    return dots == 3;
}

ServerOptions parse_server_arguments(const std::vector<std::string>& args) {
    ServerOptions o;
    OptionWords words(args, [](const std::string& message) { usage_error(message); });
    while (words.next()) {
        const std::string& option = words.option();
        auto take = [&] { return words.value(); };
        if (option == "--adresse") o.address = take();
        else if (option == "--port") o.port = static_cast<int>(whole_number(option, take(), 0, 65535));
        else if (option == "--dossier") o.folder = take();
        else if (option == "--modeles" || option == "--modèles") o.templates = take();
        else if (option == "--jobs" || option == "-j") o.jobs = static_cast<int>(whole_number(option, take(), 1, 256));
        else if (option == "--lots-simultanes" || option == "--lots-simultanés")
            o.batches = static_cast<int>(whole_number(option, take(), 1, 64));
        else if (option == "--taille-max")
            o.max_upload_bytes = static_cast<std::size_t>(whole_number(option, take(), 1, 1024)) << 20;
        else if (option == "--conservation") o.retention_days = static_cast<int>(whole_number(option, take(), 1, 3650));
        else if (option == "--acces" || option == "--accès") o.accounts = take();
        else if (option == "--ajouter-compte") o.add_account = take();
        else if (option == "--certificat") o.certificate = take();
        else if (option == "--cle" || option == "--clé") o.key = take();
        else if (option == "--derriere-mandataire" || option == "--derrière-mandataire") o.behind_proxy = true;
        else if (option == "--duree-session" || option == "--durée-session")
            o.session_lifetime = std::chrono::minutes(whole_number(option, take(), 1, 7 * 24 * 60));
        else usage_error("option inconnue pour « lettrine serveur » : « " + words.word() + " »");
    }
    if (!o.add_account.empty() && o.accounts.empty())
        usage_error("--ajouter-compte attend aussi --acces FICHIER : le fichier des comptes où l’écrire");
    if (o.add_account.empty()) check_network_options(o);
    if (o.templates.empty()) o.templates = default_templates(o.folder);
    return o;
}

std::string server_help_text() {
    return "lettrine serveur : Lettrine dans le navigateur (http://127.0.0.1:8080)\n"
           "\n"
           "  --adresse ADRESSE        adresse d’écoute (127.0.0.1 par défaut ; une autre demande --acces)\n"
           "  --port PORT              port d’écoute (8080 par défaut)\n"
           "  --dossier DOSSIER        dossier du travail de l’année, avec input/ et output/ (. par défaut)\n"
           "  --modeles DOSSIER        modèles des documents et des pages (ceux de DOSSIER/templates\n"
           "                           s’il a les pages, templates/web, sinon ceux de Lettrine)\n"
           "  --lots-simultanes N      lots préparés en même temps, les autres attendent (2 par défaut)\n"
           "  --jobs N                 fils de calcul dans un lot (un par cœur par défaut)\n"
           "  --taille-max MIO         taille maximale d’un envoi, en Mio (50 par défaut)\n"
           "  --conservation JOURS     jours de conservation des documents préparés sur le serveur\n"
           "                           (30 par défaut) ; ni les fichiers de input/ ni les bilans\n"
           "                           rendus ne sont jamais supprimés\n"
           "  --acces FICHIER          comptes des salariés : leurs pages demandent une connexion\n"
           "                           (obligatoire pour une adresse non locale)\n"
           "  --certificat FICHIER     certificat TLS (PEM) : le serveur répond en https\n"
           "  --cle FICHIER            clé privée (PEM) de ce certificat\n"
           "  --derriere-mandataire    un mandataire inverse en https est devant Lettrine (Caddy, nginx) :\n"
           "                           une adresse non locale demande --acces et TLS, ou cette option\n"
           "  --ajouter-compte NOM     ajoute le compte NOM à --acces (ou change son mot de passe,\n"
           "                           lu sur l’entrée standard), puis s’arrête\n"
           "  --duree-session MINUTES  durée d’une session après la connexion (480 par défaut)\n"
           "\n"
           "Voir docs/SERVEUR.md.\n";
}

}  // namespace lettrine::web
