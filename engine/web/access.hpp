#pragma once
// Who may use which page of `lettrine serveur` (docs/SERVEUR.md, « Accès ») :
//   - with --acces FICHIER, the staff's pages need a session, opened on the
//     login page (/connexion) with an account of the file; the session id is
//     a random 256-bit value in an HttpOnly, SameSite=Strict cookie and the
//     session ends on the server after --duree-session;
//   - the référents' pages never need an account: their link's token is
//     their key;
//   - every POST form carries a token (field « jeton ») checked against the
//     session's own, or, without a session (login page, référents' pages,
//     a server without --acces), against a random cookie set with the form
//     (double submit): a page of another site cannot post in a user's name.
// Failed logins are limited per client address and per account name.
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <httplib.h>

#include "web/accounts.hpp"
#include "web/options.hpp"
#include "web/pages.hpp"
#include "web/sessions.hpp"

namespace lettrine::web {

inline constexpr const char* kSessionCookie = "lettrine_session";
inline constexpr const char* kFormCookie = "lettrine_formulaire";
inline constexpr const char* kFormTokenField = "jeton";

// A cookie's value from the request's Cookie headers (empty when absent).
std::string cookie_value(const httplib::Request& req, const std::string& name);
// A form field, from a multipart form or an url-encoded one.
std::string form_field(const httplib::Request& req, const std::string& name);

class AccessControl {
public:
    // Reads the accounts file when options.accounts is set (LettrineError in French).
    AccessControl(const ServerOptions& options, const Pages& pages);

    bool enabled() const { return accounts_.has_value(); }
    std::optional<Session> session(const httplib::Request& req);

    // A staff page: true when it may be served; otherwise `res` sends the
    // browser to the login page (and back here after it).
    bool allow_staff(const httplib::Request& req, httplib::Response& res);
    // The token the forms of the page answered by `res` carry (setting the
    // form cookie when the request had none).
    std::string form_token(const httplib::Request& req, httplib::Response& res);
    // A POST: true when its token is right; otherwise `res` is a French 403.
    bool check_form(const httplib::Request& req, httplib::Response& res);
    // The values every page's header shows: « compte » and « jeton » (for
    // the logout button) when there is a session.
    void add_session_fields(const httplib::Request& req, DataValue& data);

    // GET and POST /connexion, POST /deconnexion.
    void add_routes(httplib::Server& http);

private:
    void login_page(const httplib::Request& req, httplib::Response& res, int status, const std::string& problem);
    void post_login(const httplib::Request& req, httplib::Response& res);
    void post_logout(const httplib::Request& req, httplib::Response& res);
    std::string cookie(const httplib::Request& req, const std::string& name, const std::string& value,
                       bool remove = false) const;

    const Pages& pages_;
    ServerOptions options_;
    std::optional<AccountFile> accounts_;
    SessionStore sessions_;
    LoginThrottle throttle_;
    std::mutex hashing_;  // one password hash at a time: each takes 64 Mio
};

}  // namespace lettrine::web
