#include "mailing/smtp_config.hpp"

#include <sys/stat.h>

#include <map>
#include <sstream>

#include "core/output_files.hpp"
#include "core/text.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

struct Entry {
    std::string value;
    SourcePosition position;
};

const char* const kKnownKeys =
    "serveur, port, securite, utilisateur, fichier-mot-de-passe, certificat, delai-connexion, delai-envoi";

bool is_known(const std::string& key) {
    for (const char* k : {"serveur", "port", "securite", "utilisateur", "fichier-mot-de-passe", "certificat",
                          "delai-connexion", "delai-envoi"})
        if (key == k) return true;
    return false;
}

std::map<std::string, Entry> read_entries(const fs::path& file, Diagnostics& problems) {
    std::map<std::string, Entry> entries;
    std::istringstream in(read_file(file));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string text = trim(line);
        if (text.empty() || text[0] == '#') continue;
        const SourcePosition where = SourcePosition::at_line(file.filename().string(), number, 1);
        const std::size_t equals = text.find('=');
        if (equals == std::string::npos) {
            problems.error(where, "« " + text + " » : écrire « clé = valeur » (clés : " + kKnownKeys + ")");
            continue;
        }
        std::string key = trim(text.substr(0, equals));
        if (key == "sécurité") key = "securite";
        if (key == "délai-connexion") key = "delai-connexion";
        if (key == "délai-envoi") key = "delai-envoi";
        if (key == "mot-de-passe")
            problems.error(where, "le mot de passe ne s’écrit pas dans ce fichier : le mettre seul dans un fichier "
                                  "lisible de vous seul, désigné par « fichier-mot-de-passe = CHEMIN »");
        else if (!is_known(key))
            problems.error(where, "clé inconnue « " + key + " » (clés : " + kKnownKeys + ")");
        else if (entries.count(key))
            problems.error(where, "clé « " + key + " » déjà donnée ligne " + std::to_string(entries[key].position.line));
        else
            entries[key] = {trim(text.substr(equals + 1)), where};
    }
    return entries;
}

long number_in(const Entry& e, long low, long high, Diagnostics& problems) {
    try {
        std::size_t used = 0;
        const long n = std::stol(e.value, &used);
        if (used == e.value.size() && n >= low && n <= high) return n;
    } catch (...) {
    }
    problems.error(e.position, "« " + e.value + " » : nombre entier de " + std::to_string(low) + " à " +
                                   std::to_string(high) + " attendu");
    return low;
}

// A host name or an IPv4 address: nothing that could change the URL
// libcurl is given (no '/', '@', ':', space).
bool is_host_name(const std::string& host) {
    for (unsigned char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return false;
    return !host.empty() && host.size() <= 253;
}

bool is_loopback(const std::string& host) { return host == "localhost" || host == "127.0.0.1" || host == "::1"; }

// The password: the file's first line. A file others can read is a warning.
std::string read_password(const fs::path& file, const SourcePosition& where, Diagnostics& problems,
                          Diagnostics& warnings) {
    if (!fs::is_regular_file(file)) {
        problems.error(where, "fichier de mot de passe introuvable : " + file.string());
        return {};
    }
    struct stat info {};
    if (::stat(file.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)))
        warnings.warning(where, "le fichier de mot de passe " + file.string() +
                                    " est lisible par d’autres utilisateurs (chmod 600 " + file.string() + ")");
    std::string password = read_file(file);
    const std::size_t end = password.find_first_of("\r\n");
    if (end != std::string::npos) password.resize(end);
    if (password.empty()) problems.error(where, "le fichier de mot de passe " + file.string() + " est vide");
    return password;
}

}  // namespace

SmtpConfig read_smtp_config(const fs::path& file) {
    SmtpConfig config;
    Diagnostics problems;
    std::map<std::string, Entry> e = read_entries(file, problems);
    mail::SmtpSettings& s = config.settings;
    if (!e.count("serveur") || e["serveur"].value.empty())
        problems.error(SourcePosition::in_file(file.filename().string()), "la clé « serveur » est obligatoire");
    else if (!is_host_name(e["serveur"].value))
        problems.error(e["serveur"].position, "« " + e["serveur"].value +
                                                  " » n’est pas un nom de serveur (lettres, chiffres, points, tirets ; "
                                                  "le port se donne avec la clé « port »)");
    else
        s.host = e["serveur"].value;
    if (e.count("securite")) {
        const std::string v = e["securite"].value;
        if (v == "starttls") s.security = mail::Security::StartTls;
        else if (v == "tls") s.security = mail::Security::Tls;
        else if (v == "aucune") s.security = mail::Security::None;
        else problems.error(e["securite"].position, "sécurité inconnue « " + v + " » : écrire starttls, tls ou aucune");
    }
    s.port = s.security == mail::Security::Tls ? 465 : s.security == mail::Security::StartTls ? 587 : 25;
    if (e.count("port")) s.port = static_cast<int>(number_in(e["port"], 1, 65535, problems));
    if (e.count("delai-connexion")) s.connect_timeout_seconds = number_in(e["delai-connexion"], 1, 600, problems);
    if (e.count("delai-envoi")) s.transfer_timeout_seconds = number_in(e["delai-envoi"], 1, 3600, problems);
    if (e.count("utilisateur")) s.user = e["utilisateur"].value;
    if (!s.user.empty() && !e.count("fichier-mot-de-passe"))
        problems.error(e["utilisateur"].position, "« utilisateur » demande « fichier-mot-de-passe = CHEMIN »");
    if (e.count("fichier-mot-de-passe")) {
        fs::path password_file = e["fichier-mot-de-passe"].value;
        if (password_file.is_relative()) password_file = file.parent_path() / password_file;
        s.password = read_password(password_file, e["fichier-mot-de-passe"].position, problems, config.warnings);
    }
    if (e.count("certificat")) {
        fs::path ca = e["certificat"].value;
        if (ca.is_relative()) ca = file.parent_path() / ca;
        if (!fs::is_regular_file(ca)) problems.error(e["certificat"].position, "certificat introuvable : " + ca.string());
        s.ca_file = ca.string();
    }
    if (!s.user.empty() && s.security == mail::Security::None && !s.host.empty() && !is_loopback(s.host))
        problems.error(e["securite"].position, "« securite = aucune » enverrait le mot de passe en clair à " + s.host +
                                                   " : écrire starttls (port 587) ou tls (port 465)");
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    return config;
}

}  // namespace lettrine
