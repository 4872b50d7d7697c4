#pragma once
// `lettrine serveur`'s options, in French, parsed into plain values.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace lettrine::web {

struct ServerOptions {
    std::string address = "127.0.0.1";  // --adresse: a non-local one only with --acces
    int port = 8080;                     // --port (0: any free port, for tests)
    std::string folder = ".";            // --dossier: the year's work (input/, output/)
    std::string templates;               // --modeles: templates/web/ holds the pages (see default_templates)
    int jobs = 0;                        // --jobs: threads inside one batch (0: one per core)
    int batches = 2;                     // --lots-simultanes: batches run at once, the others wait
    std::size_t max_upload_bytes = std::size_t{50} << 20;  // --taille-max (Mio)
    int retention_days = 30;             // --conservation: results removed after (web/retention.hpp)
    int workers = 16;                    // HTTP worker threads: batches running and waiting, and pages
    int free_workers = 4;                // kept for pages and downloads: never held by a waiting batch
    std::size_t max_waiting = 64;        // connections accepted but not yet served
    int read_timeout_seconds = 30;       // per read; a request's whole body is bounded by max_upload_bytes
    int write_timeout_seconds = 30;
    int keep_alive_seconds = 5;
    std::string accounts;                // --acces: the staff's accounts (web/accounts.hpp); empty: no login
    std::string add_account;             // --ajouter-compte NOM: write NOM's password into --acces, then stop
    std::chrono::seconds session_lifetime{8 * 3600};  // --duree-session (minutes): from the login, server side
    std::size_t login_attempts = 5;      // failed logins per client address or account name...
    std::chrono::seconds login_window{15 * 60};  // ...in any such window
    std::size_t keep_alive_requests = 100;
    std::string certificate;             // --certificat: TLS (PEM, the chain after the server's own)...
    std::string key;                     // --cle: ...and its private key (PEM); both or neither
    bool behind_proxy = false;           // --derriere-mandataire: a reverse proxy in front speaks TLS

    bool tls() const { return !certificate.empty(); }
    // Whether the browser reached the server over https: TLS here, or the
    // reverse proxy in front (acknowledged, or saying so in X-Forwarded-Proto).
    bool browser_uses_https(const std::string& forwarded_proto) const {
        return tls() || behind_proxy || forwarded_proto == "https";
    }
};

// Throws LettrineError(Usage) in French: unknown option, bad number, a
// certificate without its key, or an address that is not local without
// --acces, or without TLS (--certificat, --cle) or --derriere-mandataire
// (the message says why). Without --modeles, the templates are the
// folder's own (DOSSIER/templates, when it has the pages: templates/web)
// or else the installed ones (core/installation.hpp).
ServerOptions parse_server_arguments(const std::vector<std::string>& args);

// True for 127.0.0.0/8, ::1 and « localhost ».
bool is_local_address(const std::string& address);

std::string server_help_text();

}  // namespace lettrine::web
