// Access control of `lettrine serveur --acces`: accounts hashed with
// libsodium, the login page, sessions that expire on the server, the form
// token on every POST, the limit on failed logins, and the référents' links
// that need no account.
#include <map>
#include <regex>

#include "core/diagnostic.hpp"
#include "web/accounts.hpp"
#include "web/options.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

const char* const kPassword = "pommes de terre 42";

// One accounts file for the whole suite (each hash costs 64 Mio and a tenth of a second).
fs::path accounts_file() {
    static const fs::path file = [] {
        const fs::path f = fs::temp_directory_path() / fs::unique_path("lettrine-acces-%%%%-%%%%.txt");
        set_password(f, "marie", kPassword);
        struct Remove { fs::path f; ~Remove() { boost::system::error_code e; fs::remove(f, e); } };
        static Remove remove{f};
        return f;
    }();
    return file;
}

ServerOptions with_accounts() {
    ServerOptions options;
    options.accounts = accounts_file().string();
    return options;
}

// Logs in as marie (or with `password`); the response of the POST, and the session cookie in `cookies`.
httplib::Result log_in(httplib::Client& client, std::string& cookies, const std::string& password = kPassword,
                       const std::string& next = "/", const std::string& name = "marie",
                       const std::string& forwarded_for = "") {
    const FormCredentials form = form_credentials(client, "/connexion");
    httplib::Headers headers{{"Cookie", form.cookies}};
    if (!forwarded_for.empty()) headers.emplace("X-Forwarded-For", "10.0.0.1, " + forwarded_for);
    auto res = client.Post("/connexion", headers,
                           httplib::Params{{"jeton", form.token}, {"nom", name}, {"mot_de_passe", password},
                                           {"suite", next}});
    if (res) cookies = with_cookies_of(res, form.cookies);
    return res;
}

httplib::Result get(httplib::Client& client, const std::string& path, const std::string& cookies) {
    return client.Get(path.c_str(), {{"Cookie", cookies}});
}

TEST(Accounts, PasswordsAreHashedAndChecked) {
    const std::string text = slurp(accounts_file());
    EXPECT_EQ(text.rfind("marie:$argon2id$", 0), 0u) << text;
    EXPECT_EQ(text.find(kPassword), std::string::npos);
    EXPECT_EQ(fs::status(accounts_file()).permissions(), fs::owner_read | fs::owner_write);
    const AccountFile accounts = AccountFile::load(accounts_file());
    EXPECT_TRUE(accounts.verify("marie", kPassword));
    EXPECT_FALSE(accounts.verify("marie", "pommes de terre 43"));
    EXPECT_FALSE(accounts.verify("paul", kPassword));
    EXPECT_THROW(set_password(accounts_file(), "marie", "court"), LettrineError);
    EXPECT_THROW(set_password(accounts_file(), "../marie", kPassword), LettrineError);
}

TEST(Accounts, BadLinesAreReportedWithTheirLineNumbers) {
    const fs::path file = fs::temp_directory_path() / fs::unique_path("lettrine-acces-%%%%.txt");
    std::ofstream(file.string()) << "# comptes\nmarie:motdepasseenclair\n\npaul\n";
    try {
        AccountFile::load(file);
        FAIL() << "a bad accounts file was accepted";
    } catch (const LettrineError& e) {
        ASSERT_EQ(e.diagnostics().items().size(), 2u);
        EXPECT_EQ(e.diagnostics().items()[0].position.line, 2);
        EXPECT_EQ(e.diagnostics().items()[1].position.line, 4);
        EXPECT_NE(std::string(e.what()).find("--ajouter-compte"), std::string::npos);
    }
    fs::remove(file);
}

// The command line writes an account into a file named relative to the
// current folder (it failed with « impossible de créer le dossier » at first).
TEST(ServeCommand, AddsAnAccountReadingThePasswordFromStandardInput) {
    const fs::path folder = fs::temp_directory_path() / fs::unique_path("lettrine-compte-%%%%-%%%%");
    fs::create_directories(folder);
    const std::string cd = "cd '" + folder.string() + "' && ";
    const auto [code, out] = run_lettrine("serveur --acces comptes.txt --ajouter-compte jeanne", cd + "echo 'une phrase assez longue' | ");
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find("Compte « jeanne » enregistré"), std::string::npos) << out;
    EXPECT_TRUE(AccountFile::load(folder / "comptes.txt").verify("jeanne", "une phrase assez longue"));
    const auto [short_code, short_out] = run_lettrine("serveur --acces comptes.txt --ajouter-compte paul", cd + "echo court | ");
    EXPECT_EQ(short_code, 2);
    EXPECT_NE(short_out.find("mot de passe trop court"), std::string::npos) << short_out;
    fs::remove_all(folder);
}

TEST(ServerOptions, ANonLocalAddressIsAllowedWithAccountsAndTls) {
    EXPECT_EQ(parse_server_arguments({"--adresse", "0.0.0.0", "--acces", "comptes.txt", "--derriere-mandataire"}).address,
              "0.0.0.0");
    EXPECT_EQ(parse_server_arguments({"--duree-session", "30"}).session_lifetime, std::chrono::minutes(30));
    EXPECT_THROW(parse_server_arguments({"--ajouter-compte", "marie"}), LettrineError);
}

TEST(Access, StaffPagesSendToTheLoginPage) {
    RunningServer server(with_accounts());
    auto client = server.client();
    for (const char* path : {"/decembre", "/referents", "/resultats/0123456789abcdef0123456789abcdef/"}) {
        auto res = client.Get(path);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 303) << path;
        EXPECT_EQ(res->get_header_value("Location"), std::string("/connexion?suite=") + path);
    }
    EXPECT_EQ(client.Get("/")->get_header_value("Location"), "/connexion");
    auto page = client.Get("/connexion");
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<h1>Connexion</h1>"), std::string::npos);
    EXPECT_NE(page->body.find("<label for=\"mot_de_passe\">Mot de passe</label>"), std::string::npos);
    // A POST without a session is not served either, and nothing is kept.
    auto posted = post_files(client, "/connexion", "/decembre", {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    EXPECT_EQ(posted->status, 303);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
}

TEST(Access, TheWorkflowPagesNeedALogin) {
    RunningServer server(with_accounts());
    auto client = server.client();
    for (const std::string path : {"/rapport", "/assemblee", "/publipostage"}) {
        auto res = client.Get(path.c_str());
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 303) << path;
        EXPECT_EQ(res->get_header_value("Location"), "/connexion?suite=" + path);
        // A POST without a session is not served: nothing is made or kept.
        auto posted = post_form(client, "/connexion", path, {{"notes", "bilan-2016-habitat.xlsx",
                                                               slurp(source("input/bilans/bilan-2016-habitat.xlsx"))}});
        ASSERT_TRUE(posted);
        EXPECT_EQ(posted->status, 303) << path;
        EXPECT_EQ(posted->get_header_value("Location").rfind("/connexion", 0), 0u) << path;
    }
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
    std::string cookies;
    ASSERT_EQ(log_in(client, cookies)->status, 303);
    for (const char* path : {"/rapport", "/assemblee", "/publipostage"}) {
        auto page = get(client, path, cookies);
        EXPECT_EQ(page->status, 200) << path;
        EXPECT_NE(page->body.find("Se déconnecter"), std::string::npos) << path;
    }
    // The home page offers them.
    const std::string home = get(client, "/", cookies)->body;
    for (const char* link : {"<h2><a href=\"/rapport\">", "<h2><a href=\"/assemblee\">", "<h2><a href=\"/publipostage\">"})
        EXPECT_NE(home.find(link), std::string::npos) << link;
}

TEST(Access, AWrongPasswordIsRefusedAndTheRightOneOpensASession) {
    RunningServer server(with_accounts());
    auto client = server.client();
    std::string cookies;
    auto wrong = log_in(client, cookies, "pommes de terre 43");
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->status, 403);
    EXPECT_NE(wrong->body.find("Nom ou mot de passe incorrect"), std::string::npos);
    EXPECT_EQ(cookies.find("lettrine_session"), std::string::npos);
    EXPECT_EQ(get(client, "/decembre", cookies)->status, 303);

    auto right = log_in(client, cookies, kPassword, "/decembre");
    ASSERT_EQ(right->status, 303) << right->body;
    EXPECT_EQ(right->get_header_value("Location"), "/decembre");
    const std::string set = right->get_header_value("Set-Cookie");
    EXPECT_TRUE(std::regex_search(set, std::regex("^lettrine_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict")))
        << set;
    auto page = get(client, "/decembre", cookies);
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<strong>marie</strong>"), std::string::npos);
    EXPECT_NE(page->body.find("Se déconnecter"), std::string::npos);
}

TEST(Access, ANextAddressOutsideTheServerIsIgnored) {
    RunningServer server(with_accounts());
    auto client = server.client();
    std::string cookies;
    for (const char* next : {"//ailleurs.example/", "https://ailleurs.example/", "/\\ailleurs.example"})
        EXPECT_EQ(log_in(client, cookies, kPassword, next)->get_header_value("Location"), "/") << next;
}

TEST(Access, FailedLoginsAreLimited) {
    ServerOptions options = with_accounts();
    options.login_attempts = 3;
    RunningServer server(options);
    auto client = server.client();
    std::string cookies;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(log_in(client, cookies, "mauvais mot de passe")->status, 403);
    auto blocked = log_in(client, cookies);  // even the right password waits now
    ASSERT_TRUE(blocked);
    EXPECT_EQ(blocked->status, 429);
    EXPECT_NE(blocked->body.find("Trop d’essais manqués"), std::string::npos);
    EXPECT_NE(blocked->body.find("15\u00A0minutes"), std::string::npos);
    EXPECT_FALSE(blocked->get_header_value("Retry-After").empty());
    EXPECT_EQ(cookies.find("lettrine_session"), std::string::npos);
}

// Behind a reverse proxy on this machine, the limit applies to the address
// the proxy saw (its last X-Forwarded-For entry), not to the proxy itself.
TEST(Access, BehindAProxyTheLimitIsPerClient) {
    ServerOptions options = with_accounts();
    options.login_attempts = 2;
    RunningServer server(options);
    auto client = server.client();
    std::string cookies;
    for (int i = 0; i < 2; ++i) EXPECT_EQ(log_in(client, cookies, "mauvais", "/", "paul", "203.0.113.7")->status, 403);
    EXPECT_EQ(log_in(client, cookies, kPassword, "/", "marie", "203.0.113.7")->status, 429);
    EXPECT_EQ(log_in(client, cookies, kPassword, "/", "marie", "198.51.100.9")->status, 303);
    EXPECT_EQ(log_in(client, cookies, kPassword, "/", "paul", "198.51.100.9")->status, 429);  // and per name
}

TEST(Access, ASessionExpiresOnTheServer) {
    ServerOptions options = with_accounts();
    options.session_lifetime = std::chrono::seconds(1);
    RunningServer server(options);
    auto client = server.client();
    std::string cookies;
    ASSERT_EQ(log_in(client, cookies)->status, 303);
    EXPECT_EQ(get(client, "/decembre", cookies)->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    auto expired = get(client, "/decembre", cookies);  // the same cookie, now refused
    EXPECT_EQ(expired->status, 303);
    EXPECT_EQ(expired->get_header_value("Location"), "/connexion?suite=/decembre");
}

// A job is followed only from the session that started it: another
// session, or none (sent to the login page), sees no trace of it.
TEST(Access, AJobBelongsToItsSession) {
    RunningServer server(with_accounts());
    auto client = server.client();
    std::string marie, other;
    ASSERT_EQ(log_in(client, marie)->status, 303);
    ASSERT_EQ(log_in(client, other)->status, 303);
    const FormCredentials form = form_credentials(client, "/decembre", marie);
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""},
                                          {"fichiers", slurp(source("input/programme-2016.xlsx")), "programme-2016.xlsx",
                                           "application/octet-stream"}};
    auto posted = client.Post("/decembre", {{"Cookie", marie}}, items);
    ASSERT_EQ(posted->status, 303);
    const std::string waiting = posted->get_header_value("Location");
    ASSERT_EQ(waiting.rfind("/travaux/", 0), 0u) << waiting;
    for (const std::string& cookies : {other, std::string()}) {
        auto foreign = get(client, waiting + ".json", cookies);
        EXPECT_EQ(foreign->status, 404);
        EXPECT_NE(foreign->body.find("Travail introuvable"), std::string::npos);
        EXPECT_EQ(get(client, waiting, cookies)->status, 404);
    }
    auto done = follow_job(client, std::move(posted), marie);
    ASSERT_EQ(done->status, 303);
    EXPECT_EQ(done->get_header_value("Location").rfind("/resultats/", 0), 0u);
}

TEST(Access, EveryPostNeedsTheFormsToken) {
    RunningServer server(with_accounts());
    auto client = server.client();
    std::string cookies;
    ASSERT_EQ(log_in(client, cookies)->status, 303);
    const std::string workbook = slurp(source("input/programme-2016.xlsx"));
    auto post = [&](const std::string& token) {
        httplib::MultipartFormDataItems items{{"fichiers", workbook, "programme-2016.xlsx", "application/octet-stream"}};
        if (!token.empty()) items.push_back({"jeton", token, "", ""});
        return client.Post("/decembre", {{"Cookie", cookies}}, items);
    };
    for (const std::string& token : {std::string(), std::string(64, 'a'), std::string("jeton")}) {
        auto refused = post(token);
        ASSERT_TRUE(refused);
        EXPECT_EQ(refused->status, 403) << token;
        EXPECT_NE(refused->body.find("Formulaire expiré"), std::string::npos);
    }
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
    EXPECT_EQ(post(form_credentials(client, "/decembre", cookies).token)->status, 303);
    // The login form has its own: a page of another site cannot log a user in.
    auto login = client.Post("/connexion", httplib::Params{{"nom", "marie"}, {"mot_de_passe", kPassword}});
    EXPECT_EQ(login->status, 403);
    EXPECT_EQ(login->get_header_value("Set-Cookie").find("lettrine_session"), std::string::npos);
}

TEST(Access, LoggingOutEndsTheSession) {
    RunningServer server(with_accounts());
    auto client = server.client();
    std::string cookies;
    ASSERT_EQ(log_in(client, cookies)->status, 303);
    const std::string token = form_credentials(client, "/", cookies).token;
    EXPECT_EQ(client.Post("/deconnexion", {{"Cookie", cookies}}, httplib::Params{{"jeton", std::string(64, '0')}})->status,
              403);
    auto out = client.Post("/deconnexion", {{"Cookie", cookies}}, httplib::Params{{"jeton", token}});
    EXPECT_EQ(out->status, 303);
    EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(get(client, "/decembre", cookies)->status, 303);  // the old cookie is dead on the server
}

TEST(Access, ReferentLinksWorkWithoutAnAccount) {
    RunningServer server(with_accounts());
    auto staff = server.client();
    std::string cookies;
    ASSERT_EQ(log_in(staff, cookies)->status, 303);
    auto made = post_files(staff, "/referents", "/referents",
                           {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}}, cookies);
    ASSERT_EQ(made->status, 303) << made->body;
    std::smatch link;
    const std::string page = get(staff, "/referents", cookies)->body;
    ASSERT_TRUE(std::regex_search(page, link, std::regex(R"re(<td>Habitat</td><td><a href="http://[^/]+(/referent/[0-9a-f]{32})")re")));

    auto referent = server.client();  // no session, no cookie
    EXPECT_EQ(referent.Get(link[1].str().c_str())->status, 200);
    EXPECT_EQ(referent.Get((link[1].str() + "/formulaire").c_str())->status, 200);
    auto sent = post_files(referent, link[1], link[1],
                           {{"bilan.xlsx", slurp(source("input/bilans/bilan-2016-habitat.xlsx"))}});
    ASSERT_EQ(sent->status, 303) << sent->body;
    const std::string note = sent->get_header_value("Location");
    EXPECT_EQ(referent.Get(note.c_str())->status, 200);
    EXPECT_EQ(referent.Get((note + "notes/note-bilan-2016-habitat.pdf").c_str())->status, 200);
    // Its upload form has a token too.
    httplib::MultipartFormDataItems bare{{"fichiers", "x", "bilan.xlsx", "application/octet-stream"}};
    EXPECT_EQ(referent.Post(link[1].str().c_str(), bare)->status, 403);
}

}  // namespace
}  // namespace lettrine::web::testing
