#include "web/access.hpp"

namespace lettrine::web {

namespace {

const char* const kHtml = "text/html; charset=utf-8";

// Where to go after the login: a path of this server only (« /decembre »),
// never another site (« //ailleurs.example », « https://… »).
std::string safe_next(const std::string& next) {
    if (next.size() < 1 || next.size() > 200 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
        return "/";
    for (char c : next)
        if (static_cast<unsigned char>(c) < 0x21 || c == '"' || c == '<' || c == '>') return "/";
    return next;
}

// A path as a query value: everything but letters, digits, « / », « - », « _ », « . » percent-encoded.
std::string percent_encoded(const std::string& text) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
            c == '_' || c == '.')
            out += static_cast<char>(c);
        else
            out += {'%', digits[c >> 4], digits[c & 15]};
    }
    return out;
}

std::string minutes_text(std::chrono::seconds wait) {
    const long long minutes = (wait.count() + 59) / 60;
    return minutes <= 1 ? "une minute" : std::to_string(minutes) + "\u00A0minutes";
}

// The client's address for the login limit. Behind a reverse proxy on this
// machine every request comes from 127.0.0.1: the proxy's last
// X-Forwarded-For entry (the address it saw) is then the client's.
std::string client_address(const httplib::Request& req) {
    const std::string forwarded = req.get_header_value("X-Forwarded-For");
    if (forwarded.empty() || !is_local_address(req.remote_addr)) return req.remote_addr;
    std::string last = forwarded.substr(forwarded.rfind(',') == std::string::npos ? 0 : forwarded.rfind(',') + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    return last.substr(0, 64);
}

}  // namespace

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    const std::size_t count = req.get_header_value_count("Cookie");
    for (std::size_t i = 0; i < count; ++i) {
        const std::string header = req.get_header_value("Cookie", i);
        std::size_t at = 0;
        while (at < header.size()) {
            std::size_t end = header.find(';', at);
            if (end == std::string::npos) end = header.size();
            std::string pair = header.substr(at, end - at);
            while (!pair.empty() && pair.front() == ' ') pair.erase(0, 1);
            if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
            at = end + 1;
        }
    }
    return "";
}

std::string form_field(const httplib::Request& req, const std::string& name) {
    if (req.is_multipart_form_data()) {
        const auto it = req.files.find(name);
        return it == req.files.end() ? "" : it->second.content;
    }
    return req.get_param_value(name);
}

AccessControl::AccessControl(const ServerOptions& options, const Pages& pages)
    : pages_(pages), options_(options), sessions_(options.session_lifetime), throttle_(options.login_attempts, options.login_window) {
    if (!options.accounts.empty()) accounts_ = AccountFile::load(options.accounts);
}

std::optional<Session> AccessControl::session(const httplib::Request& req) {
    if (!enabled()) return std::nullopt;
    return sessions_.find(cookie_value(req, kSessionCookie));
}

bool AccessControl::allow_staff(const httplib::Request& req, httplib::Response& res) {
    if (!enabled() || session(req)) return true;
    // A POST's body is not kept: the user sends it again after logging in.
    const std::string back = req.method == "GET" ? req.path : "/";
    res.status = 303;
    res.set_header("Location", back == "/" ? "/connexion" : "/connexion?suite=" + percent_encoded(back));
    res.set_content("", "text/plain");
    return false;
}

std::string AccessControl::cookie(const httplib::Request& req, const std::string& name, const std::string& value,
                                  bool remove) const {
    // Under TLS, here or in a reverse proxy in front (docs/SERVEUR.md), the
    // cookie never travels in clear text.
    const bool tls = options_.browser_uses_https(req.get_header_value("X-Forwarded-Proto"));
    return name + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "") +
           (remove ? "; Max-Age=0" : "");
}

std::string AccessControl::form_token(const httplib::Request& req, httplib::Response& res) {
    if (const auto s = session(req)) return s->form_token;
    std::string token = cookie_value(req, kFormCookie);
    if (!is_token(token)) {
        token = random_token();
        res.set_header("Set-Cookie", cookie(req, kFormCookie, token));
    }
    return token;
}

bool AccessControl::check_form(const httplib::Request& req, httplib::Response& res) {
    const std::string sent = form_field(req, kFormTokenField);
    const auto s = session(req);
    const std::string expected = s ? s->form_token : cookie_value(req, kFormCookie);
    if (is_token(sent) && is_token(expected) && same_secret(sent, expected)) return true;
    res.status = 403;
    res.set_header("Cache-Control", "no-store");
    res.set_content(pages_.message("Formulaire expiré",
                                   "Ce formulaire n’est plus valable\u00A0: la page a été ouverte avant une déconnexion, "
                                   "ou dans une autre fenêtre. Rechargez la page, puis envoyez de nouveau."),
                    kHtml);
    return false;
}

void AccessControl::add_session_fields(const httplib::Request& req, DataValue& data) {
    const auto s = session(req);
    if (!s) return;
    data.set("compte", DataValue::text(s->account));
    data.set("jeton_session", DataValue::text(s->form_token));
}

void AccessControl::add_routes(httplib::Server& http) {
    if (!enabled()) return;
    http.Get("/connexion", [this](const httplib::Request& req, httplib::Response& res) { login_page(req, res, 200, ""); });
    http.Post("/connexion", [this](const httplib::Request& req, httplib::Response& res) { post_login(req, res); });
    http.Post("/deconnexion", [this](const httplib::Request& req, httplib::Response& res) { post_logout(req, res); });
}

void AccessControl::login_page(const httplib::Request& req, httplib::Response& res, int status,
                               const std::string& problem) {
    DataValue data = DataValue::map();
    data.set("jeton", DataValue::text(form_token(req, res)));
    data.set("suite", DataValue::text(safe_next(req.has_param("suite") ? req.get_param_value("suite") : "/")));
    data.set("nom", DataValue::text(form_field(req, "nom")));
    data.set("probleme", DataValue::text(problem));
    data.set("avec_probleme", DataValue::boolean(!problem.empty()));
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(pages_.render("connexion", "Connexion", data, !problem.empty()), kHtml);
}

void AccessControl::post_login(const httplib::Request& req, httplib::Response& res) {
    if (!check_form(req, res)) return;
    const std::string name = form_field(req, "nom"), password = form_field(req, "mot_de_passe");
    const std::string by_address = "adresse " + client_address(req), by_name = "compte " + name.substr(0, 64);
    const std::chrono::seconds wait = std::max(throttle_.wait(by_address), throttle_.wait(by_name));
    if (wait.count() > 0) {
        res.set_header("Retry-After", std::to_string(wait.count()));
        login_page(req, res, 429, "Trop d’essais manqués\u00A0: par sécurité, la connexion est suspendue. Réessayez dans " +
                                      minutes_text(wait) + ".");
        return;
    }
    bool right = false;
    {
        std::lock_guard<std::mutex> lock(hashing_);
        right = password.size() <= 4096 && accounts_->verify(name, password);
    }
    if (!right) {
        throttle_.failed(by_address);
        throttle_.failed(by_name);
        login_page(req, res, 403, "Nom ou mot de passe incorrect. Vérifiez-les (majuscules comprises) et réessayez.");
        return;
    }
    throttle_.succeeded(by_address);
    throttle_.succeeded(by_name);
    const Session opened = sessions_.open(name);
    res.set_header("Set-Cookie", cookie(req, kSessionCookie, opened.id));
    res.status = 303;
    res.set_header("Location", safe_next(form_field(req, "suite")));
    res.set_content("", "text/plain");
}

void AccessControl::post_logout(const httplib::Request& req, httplib::Response& res) {
    const auto s = session(req);
    if (s) {
        if (!check_form(req, res)) return;
        sessions_.close(s->id);
    }
    res.set_header("Set-Cookie", cookie(req, kSessionCookie, "", true));
    res.status = 303;
    res.set_header("Location", "/connexion");
    res.set_content("", "text/plain");
}

}  // namespace lettrine::web
