#include "web/server.hpp"

#include <algorithm>
#include <csignal>
#include <iostream>

#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <httplib.h>
#include <openssl/ssl.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "web/access.hpp"
#include "web/accounts.hpp"
#include "web/december.hpp"
#include "web/format_choice.hpp"
#include "web/job_pages.hpp"
#include "web/server_kit.hpp"
#include "web/work_pages.hpp"
#include "web/pages.hpp"
#include "web/referents.hpp"
#include "web/task_queue.hpp"
#include "web/workspace.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// Every answer: nothing from elsewhere (no CDN, no font, no frame), no sniffing.
httplib::Headers security_headers() {
    return {{"Content-Security-Policy",
             "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
             "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
            {"X-Content-Type-Options", "nosniff"},
            {"Referrer-Policy", "no-referrer"},
            {"X-Frame-Options", "DENY"}};
}

std::string status_title(int status) {
    switch (status) {
        case 400: return "Demande incomprise";
        case 404: return "Page introuvable";
        case 405: return "Action impossible sur cette page";
        case 413: return "Envoi trop volumineux";
        case 414: return "Adresse trop longue";
        case 503: return "Serveur occupé";
        default: return status >= 500 ? "Erreur du serveur" : "Demande refusée";
    }
}

std::string status_text(int status, std::size_t max_upload) {
    switch (status) {
        case 404: return "Cette adresse ne correspond à aucune page de Lettrine. Revenez à l’accueil pour choisir un travail.";
        case 413:
            return "Les fichiers envoyés dépassent " + size_text(max_upload) +
                   ", la taille permise pour un envoi. Vérifiez que vous avez choisi le bon classeur.";
        case 405: return "Cette page ne s’utilise pas ainsi. Revenez à l’accueil.";
        default:
            return status >= 500 ? "Lettrine n’a pas pu terminer ce travail. Réessayez ; si le problème revient, "
                                    "transmettez l’heure de l’essai à la personne qui s’occupe de Lettrine."
                                  : "Le navigateur a envoyé une demande que Lettrine ne comprend pas. Revenez à l’accueil.";
    }
}

[[noreturn]] void tls_error(const std::string& file, const std::string& message) {
    throw LettrineError(ErrorKind::Usage, SourcePosition::in_file(file), message + " (docs/SERVEUR.md, « Ouvrir Lettrine au réseau »)");
}

// httplib's server, or its TLS one with the association's certificate
// (PEM: the server's certificate then its chain) and key; TLS 1.2 at least.
std::unique_ptr<httplib::Server> make_http(const ServerOptions& o) {
    if (!o.tls()) return std::make_unique<httplib::Server>();
    for (const std::string& file : {o.certificate, o.key})
        if (::access(file.c_str(), R_OK) != 0)
            tls_error(file, "fichier illisible pour Lettrine (absent, ou ses droits ne permettent pas de le lire)");
    auto server = std::make_unique<httplib::SSLServer>(o.certificate.c_str(), o.key.c_str());
    SSL_CTX* context = server->ssl_context();
    if (!server->is_valid() || !context || SSL_CTX_check_private_key(context) != 1)
        tls_error(o.certificate, "certificat ou clé refusés : il faut un certificat et sa clé privée au format PEM, "
                                 "non protégée par une phrase de passe, et que la clé soit celle du certificat (--cle " +
                                     o.key + ")");
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    return server;
}

}  // namespace

struct WebServer::Impl : ServerKit {
    std::unique_ptr<httplib::Server> owned_http;  // an httplib::SSLServer under TLS
    httplib::Server& http;
    int port = 0;
    // The listening socket, seen through the socket-options hook: httplib
    // 0.11 listens with a backlog of 5, compiled into the library, and a
    // burst of uploads beyond it had connections reset by the kernel.
    socket_t listening = INVALID_SOCKET;

    explicit Impl(const ServerOptions& o) : ServerKit(o), owned_http(make_http(o)), http(*owned_http) {
        configure();
        routes();
    }

    void configure() {
        const std::size_t workers = static_cast<std::size_t>(options.workers), waiting = options.max_waiting;
        http.new_task_queue = [workers, waiting] { return new BoundedTaskQueue(workers, waiting); };
        http.set_payload_max_length(options.max_upload_bytes);
        http.set_read_timeout(options.read_timeout_seconds, 0);
        http.set_write_timeout(options.write_timeout_seconds, 0);
        http.set_keep_alive_timeout(options.keep_alive_seconds);
        http.set_keep_alive_max_count(options.keep_alive_requests);
        http.set_socket_options([this](socket_t sock) {
            httplib::default_socket_options(sock);
            listening = sock;
        });
        http.set_default_headers(security_headers());
        http.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& res) {
            // Pages Lettrine already wrote (the error summary: 422) stay as they are.
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const int status = res.status;
            html(res, status, pages.message(status_title(status), status_text(status, options.max_upload_bytes)));
            return httplib::Server::HandlerResponse::Handled;
        }));
        http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
            std::string what = "erreur inconnue";
            try {
                if (error) std::rethrow_exception(error);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            std::cerr << "lettrine serveur : " << req.method << " " << req.path << " : " << what << "\n";
            html(res, 500, pages.message(status_title(500), status_text(500, options.max_upload_bytes)));
        });
    }

    void routes() {
        access.add_routes(http);
        http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
            if (!access.allow_staff(req, res)) return;
            html(res, 200, page(req, res, "accueil", "Accueil", DataValue::map()));
        });
        http.Get("/decembre", [this](const httplib::Request& req, httplib::Response& res) {
            if (!access.allow_staff(req, res)) return;
            DataValue data = DataValue::map();
            html(res, 200, page(req, res, "decembre", "Décembre : lettres de mission et budget", data));
        });
        http.Post("/decembre", [this](const httplib::Request& req, httplib::Response& res) {
            if (staff_post(req, res)) post_december(req, res);
        });
        http.Get(R"(/resultats/([0-9a-f]{32})/?)", [this](const httplib::Request& req, httplib::Response& res) {
            if (may_see_result(req, res, req.matches[1])) serve_result_page(req.matches[1], req.path, res);
        });
        http.Get(R"(/resultats/([0-9a-f]{32})/(.+))", [this](const httplib::Request& req, httplib::Response& res) {
            if (may_see_result(req, res, req.matches[1])) serve_result_file(req.matches[1], req.matches[2], res);
        });
        referent_routes();
        add_work_routes(http, *this);
        refusal_pages["decembre"] = [this](const httplib::Request& req, httplib::Response& res, const DataValue& view) {
            return page(req, res, "decembre", "Décembre : lettres de mission et budget", view, true);
        };
        add_job_routes(http, *this, {kJobsPrefix, [this](const httplib::Request& req) { return job_owner(req); }});
        http.Get("/static/lettrine.css", [this](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-cache");
            res.set_content(pages.stylesheet(), "text/css; charset=utf-8");
        });
        http.Get("/static/lettrine.js", [this](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-cache");
            res.set_content(pages.script(), "text/javascript; charset=utf-8");
        });
    }

    // A référent's note is seen through its random address alone; the staff's
    // documents need a session too when accounts are on.
    bool may_see_result(const httplib::Request& req, httplib::Response& res, const std::string& id) {
        boost::system::error_code error;
        return fs::exists(workspace.result(id) / kReferentResult, error) || access.allow_staff(req, res);
    }

    void post_december(const httplib::Request& req, httplib::Response& res) {
        std::vector<UploadedFile> files;
        if (!uploaded_files(req, res, files)) return;
        const std::optional<DecemberSettings> settings = settings_with_formats(*this, req, res, "decembre");
        if (!settings) return;
        // The upload's bytes move into the job: the request is answered at once.
        auto sent = std::make_shared<std::vector<UploadedFile>>(std::move(files));
        start_job(res, job_owner(req), "decembre", [this, sent, settings](Progress& progress) {
            const auto render = [this](const DataValue& view) {
                return pages.render("resultats", "Décembre : documents prêts", view);
            };
            return december_from_upload(workspace, *settings, *sent, render, &progress);
        });
    }

    // ---- Référents: the staff's page of links, and each sector's page through its token.

    void referent_routes() {
        http.Get("/referents", [this](const httplib::Request& req, httplib::Response& res) {
            if (!access.allow_staff(req, res)) return;
            html(res, 200, staff_page(req, res, DataValue::map(), false));
        });
        http.Post("/referents", [this](const httplib::Request& req, httplib::Response& res) {
            if (!staff_post(req, res)) return;
            std::vector<UploadedFile> files;
            if (!uploaded_files(req, res, files)) return;
            const DecemberOutcome outcome = desk.make_links(files, december.upload);
            if (outcome.refused) {
                html(res, 422, staff_page(req, res, outcome.view, true));
                return;
            }
            see_other(res, "/referents");
        });
        http.Get(R"(/referent/([0-9a-f]{32}))", [this](const httplib::Request& req, httplib::Response& res) {
            with_link(req.matches[1], res, [&](const ReferentLink& link) {
                html(res, 200, referent_page(req, res, link, DataValue::map(), false));
            });
        });
        http.Get(R"(/referent/([0-9a-f]{32})/formulaire)", [this](const httplib::Request& req, httplib::Response& res) {
            with_link(req.matches[1], res, [&](const ReferentLink& link) {
                const auto [name, bytes] = desk.blank_form(link, link_address(req, link));
                res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
                res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            });
        });
        http.Post(R"(/referent/([0-9a-f]{32}))", [this](const httplib::Request& req, httplib::Response& res) {
            with_link(req.matches[1], res, [&](const ReferentLink& link) {
                if (access.check_form(req, res)) post_bilan(req, res, link);
            });
        });
        // A référent's jobs are followed through its link alone, while it is valid.
        refusal_pages["referent"] = [this](const httplib::Request& req, httplib::Response& res, const DataValue& view) {
            const std::optional<ReferentLink> link = desk.find(req.matches[1]);
            return link ? referent_page(req, res, *link, view, true) : std::string();
        };
        add_job_routes(http, *this, {R"(/referent/([0-9a-f]{32})/travaux)", [this](const httplib::Request& req) {
                                         return desk.find(req.matches[1]) ? referent_owner(req.matches[1]) : "";
                                     }});
    }

    static std::string referent_owner(const std::string& token) { return "referent:" + token; }

    template <typename Work>
    void with_link(const std::string& token, httplib::Response& res, Work work) {
        const std::optional<ReferentLink> link = desk.find(token);
        if (!link) {
            html(res, 404, pages.message("Lien inconnu ou expiré",
                                         "Ce lien de dépôt n’existe pas ou sa date limite est passée. Demandez un "
                                         "nouveau lien aux Ecossolies."));
            return;
        }
        work(*link);
    }

    // The upload's bytes move into the job: the request is answered at once.
    void post_bilan(const httplib::Request& req, httplib::Response& res, const ReferentLink& link) {
        auto sent = std::make_shared<std::vector<UploadedFile>>();
        if (!uploaded_files(req, res, *sent)) return;
        const std::optional<DecemberSettings> settings = settings_with_formats(*this, req, res, "referent");
        if (!settings) return;
        const std::string prefix = "/referent/" + link.token + "/travaux";
        start_job(res, referent_owner(link.token), "referent", [this, sent, link, settings](Progress& progress) {
            return desk.return_bilan(link, *sent, *settings, [&](const DataValue& view) {
                DataValue data = view;
                data.set("retour", DataValue::text("/referent/" + link.token));
                return pages.render("note", "Note de bilan prête", data);
            }, &progress);
        }, prefix);
    }

    std::string referent_page(const httplib::Request& req, httplib::Response& res, const ReferentLink& link,
                              DataValue data, bool error) {
        data.set("secteur", DataValue::text(link.sector_name));
        data.set("annee", DataValue::text(std::to_string(link.year)));
        data.set("echeance", DataValue::text(french_date(link.deadline)));
        data.set("formulaire", DataValue::text("/referent/" + link.token + "/formulaire"));
        data.set("action", DataValue::text("/referent/" + link.token));
        return page(req, res, "referent", "Bilan " + std::to_string(link.year) + " — " + link.sector_name, data, error);
    }

    // A link's full address: on the programme's « Page de dépôt des bilans »
    // when it gives one (the address the référents reach, behind the reverse
    // proxy), else as this request reached the server.
    std::string link_address(const httplib::Request& req, const ReferentLink& link) {
        std::string base = desk.page();
        if (base.empty()) {
            const std::string scheme = options.browser_uses_https(req.get_header_value("X-Forwarded-Proto")) ? "https" : "http";
            base = scheme + "://" + (req.has_header("Host") ? req.get_header_value("Host") : options.address);
        }
        return base + "/referent/" + link.token;
    }

    std::string staff_page(const httplib::Request& req, httplib::Response& res, DataValue data, bool error) {
        DataValue list = DataValue::list();
        for (const ReferentLink& link : desk.links()) {
            DataValue item = DataValue::map();
            item.set("secteur", DataValue::text(link.sector_name));
            item.set("adresse", DataValue::text(link_address(req, link)));
            item.set("echeance", DataValue::text(french_date(link.deadline)));
            list.push_back(item);
        }
        data.set("avec_liens", DataValue::boolean(!list.items().empty()));
        data.set("liens", list);
        data.set("jours", DataValue::text(std::to_string(kDefaultLinkDays)));
        return page(req, res, "referents", "Bilans des structures référentes", data, error);
    }

    void serve_result_page(const std::string& id, const std::string& path, httplib::Response& res) {
        const fs::path page = workspace.result(id) / kResultPage;
        boost::system::error_code error;
        if (!fs::is_regular_file(page, error)) {
            html(res, 404, pages.message("Résultat introuvable",
                                         "Ce résultat n’existe pas ou n’est plus conservé. Préparez de nouveau les "
                                         "documents depuis la page Décembre."));
            return;
        }
        if (path.back() != '/') {  // the page's links are relative to its folder
            res.status = 301;
            res.set_header("Location", path + "/");
            return;
        }
        html(res, 200, read_file(page));
    }

    // Only the files the result's manifest names: a request's path is never
    // joined to a folder unchecked.
    void serve_result_file(const std::string& id, const std::string& name, httplib::Response& res) {
        if (const std::optional<PreviewEntry> preview = find_preview(workspace, id, name))
            return answer_preview(previews, workspace, pages, id, *preview, res);
        const std::vector<std::string> served = result_files(workspace, id);
        if (std::find(served.begin(), served.end(), name) == served.end()) {
            res.status = 404;
            return;
        }
        const fs::path file = workspace.result(id) / name;
        const std::string extension = file.extension().string();
        const std::string download = file.filename().string();
        if (extension == ".pdf") {
            res.set_header("Content-Disposition", "inline; filename=\"" + download + "\"");
            res.set_content(read_file(file), "application/pdf");
        } else if (extension == ".png") {
            res.set_content(read_file(file), "image/png");
        } else {
            res.set_header("Content-Disposition", "attachment; filename=\"" + download + "\"");
            res.set_content(read_file(file), download_type(extension));
        }
        res.set_header("Cache-Control", "private, max-age=3600");
    }
};

WebServer::WebServer(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
WebServer::~WebServer() = default;

int WebServer::bind() {
    Impl& s = *impl_;
    s.port = s.options.port == 0 ? s.http.bind_to_any_port(s.options.address)
                                 : (s.http.bind_to_port(s.options.address, s.options.port) ? s.options.port : -1);
    // Listening again on a listening socket only changes its backlog (Linux,
    // POSIX): the kernel's own limit (somaxconn) then applies.
    if (s.port > 0 && s.listening != INVALID_SOCKET) ::listen(s.listening, SOMAXCONN);
    if (s.port <= 0)
        throw LettrineError(ErrorKind::Io, SourcePosition{},
                            "impossible d’écouter sur " + s.options.address + ":" + std::to_string(s.options.port) +
                                " (port déjà pris par un autre programme ? essayez --port 8081)");
    return s.port;
}

bool WebServer::run() { return impl_->http.listen_after_bind(); }
void WebServer::stop() { impl_->http.stop(); }

namespace {

WebServer* running_server = nullptr;

extern "C" void on_stop_signal(int) {
    // httplib::Server::stop() only shuts the listening socket down: safe enough here.
    if (running_server) running_server->stop();
}

// One line of standard input, not echoed when it is a terminal.
std::string read_password(const std::string& name) {
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::cerr << "Mot de passe de « " << name << " » (" << kMinPasswordLength << " caractères au moins) : " << std::flush;
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

int add_account(const ServerOptions& options) {
    set_password(options.accounts, options.add_account, read_password(options.add_account));
    std::cerr << "Compte « " << options.add_account << " » enregistré dans " << options.accounts << ".\n";
    return 0;
}

}  // namespace

int serve_command(const std::vector<std::string>& args) {
    for (const std::string& a : args)
        if (a == "--aide" || a == "-h" || a == "--help") {
            std::cout << server_help_text();
            return 0;
        }
    const ServerOptions options = parse_server_arguments(args);
    if (!options.add_account.empty()) return add_account(options);
    WebServer server(options);
    if (options.behind_proxy)
        std::cerr << "Lettrine compte sur le mandataire inverse en HTTPS devant lui : les mots de passe et les "
                     "documents ne sont chiffrés que sur le chemin qui passe par lui (docs/SERVEUR.md, « Ouvrir "
                     "Lettrine au réseau »).\n";
    const int port = server.bind();
    running_server = &server;
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    std::cerr << "Lettrine est ouvert sur " << (options.tls() ? "https" : "http") << "://" << (options.address == "::1" ? "[::1]" : options.address) << ":"
              << port << "/ (dossier de travail : " << fs::absolute(options.folder).lexically_normal().string()
              << "). Ctrl+C pour arrêter.\n";
    const bool served = server.run();
    running_server = nullptr;
    std::cerr << "Lettrine serveur arrêté.\n";
    return served ? 0 : exit_code_for(ErrorKind::Io);
}

}  // namespace lettrine::web
