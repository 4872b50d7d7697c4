// TLS without a reverse proxy: `lettrine serveur --certificat --cle` answers
// in https with the association's certificate (here a self-signed one made
// by the test with OpenSSL), its cookies marked Secure; and the options that
// open the server to the network (a non-local address needs accounts and
// TLS, or a reverse proxy acknowledged with --derriere-mandataire).
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "core/diagnostic.hpp"
#include "core/installation.hpp"
#include "web/options.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

std::string pem_of(int (*write)(BIO*, void*), void* object) {
    BIO* bio = BIO_new(BIO_s_mem());
    write(bio, object);
    char* bytes = nullptr;
    const long size = BIO_get_mem_data(bio, &bytes);
    std::string pem(bytes, static_cast<std::size_t>(size));
    BIO_free(bio);
    return pem;
}

void add_extension(X509* certificate, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    ASSERT_NE(extension, nullptr) << value;
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
}

// A self-signed certificate for 127.0.0.1 (P-256, valid one hour) and its
// key, written as PEM files in `folder`; returns the certificate's path.
struct Credentials {
    fs::path certificate, key;
};
Credentials self_signed(const fs::path& folder, const std::string& stem) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    add_extension(certificate, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(certificate, NID_subject_alt_name, "IP:127.0.0.1");
    X509_sign(certificate, key, EVP_sha256());
    const Credentials files{folder / (stem + "-certificat.pem"), folder / (stem + "-cle.pem")};
    std::ofstream(files.certificate.string()) << pem_of(
        [](BIO* bio, void* x) { return PEM_write_bio_X509(bio, static_cast<X509*>(x)); }, certificate);
    std::ofstream(files.key.string()) << pem_of(
        [](BIO* bio, void* k) {
            return PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(k), nullptr, nullptr, 0, nullptr, nullptr);
        },
        key);
    fs::permissions(files.key, fs::owner_read | fs::owner_write);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return files;
}

class Tls : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = fs::temp_directory_path() / fs::unique_path("lettrine-tls-%%%%-%%%%");
        fs::create_directories(folder_);
        credentials_ = self_signed(folder_, "lettrine");
    }
    void TearDown() override { fs::remove_all(folder_); }

    ServerOptions with_tls() const {
        ServerOptions options;
        options.certificate = credentials_.certificate.string();
        options.key = credentials_.key.string();
        return options;
    }
    // A client that trusts only the test's certificate, and checks it names 127.0.0.1.
    httplib::Client https_client(int port) const {
        httplib::Client client("https://127.0.0.1:" + std::to_string(port));
        client.set_ca_cert_path(credentials_.certificate.c_str());
        client.enable_server_certificate_verification(true);
        client.set_read_timeout(120, 0);
        return client;
    }
    std::string refusal(ServerOptions options) const {
        options.folder = folder_.string();
        options.templates = source("templates").string();
        try {
            WebServer server(options);
        } catch (const LettrineError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Usage);
            return e.what();
        }
        return "(accepté)";
    }

    fs::path folder_;
    Credentials credentials_;
};

TEST_F(Tls, ThePagesAnswerInHttpsWithSecureCookies) {
    RunningServer server(with_tls());
    auto client = https_client(server.port());
    auto page = client.Get("/decembre");
    ASSERT_TRUE(page) << httplib::to_string(page.error());
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<html lang=\"fr\""), std::string::npos);
    const std::string cookie = page->get_header_value("Set-Cookie");
    EXPECT_NE(cookie.find("; HttpOnly; SameSite=Strict; Secure"), std::string::npos) << cookie;
    // The December batch, over TLS: the result's page and its cards.
    auto result = post_files(client, "/decembre", "/decembre",
                             {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 303) << result->body;
    const std::string location = result->get_header_value("Location");
    EXPECT_EQ(location.rfind("/resultats/", 0), 0u) << location;
    auto cards = client.Get(location.c_str(), {{"Cookie", with_cookies_of(page, "")}});
    ASSERT_TRUE(cards);
    EXPECT_EQ(count_of(cards->body, "<li class=\"carte\">"), 4u) << cards->body;
    EXPECT_NE(cards->body.find("lettre-de-mission-2016-habitat.pdf"), std::string::npos);
    // A client that does not trust the certificate gets nothing; clear HTTP neither.
    httplib::Client stranger("https://127.0.0.1:" + std::to_string(server.port()));
    stranger.set_ca_cert_path(self_signed(folder_, "autre").certificate.c_str());
    stranger.enable_server_certificate_verification(true);
    EXPECT_FALSE(stranger.Get("/"));
    httplib::Client clear("127.0.0.1", server.port());
    auto plain = clear.Get("/");
    EXPECT_TRUE(!plain || plain->status != 200);
}

TEST_F(Tls, ACertificateWithoutItsKeyIsRefusedInFrench) {
    ServerOptions mismatched = with_tls();
    mismatched.key = self_signed(folder_, "autre").key.string();
    EXPECT_NE(refusal(mismatched).find("que la clé soit celle du certificat"), std::string::npos);
    ServerOptions missing = with_tls();
    missing.certificate = (folder_ / "absent.pem").string();
    const std::string message = refusal(missing);
    EXPECT_NE(message.find("absent.pem"), std::string::npos) << message;
    EXPECT_NE(message.find("fichier illisible"), std::string::npos) << message;
    ServerOptions not_pem = with_tls();
    std::ofstream((folder_ / "texte.pem").string()) << "pas un certificat\n";
    not_pem.certificate = (folder_ / "texte.pem").string();
    EXPECT_NE(refusal(not_pem).find("au format PEM"), std::string::npos);
}

TEST(ServerOptions, ANonLocalAddressNeedsAccountsAndTls) {
    auto refused = [](std::vector<std::string> args) {
        try {
            parse_server_arguments(args);
        } catch (const LettrineError& e) {
            return std::string(e.what());
        }
        return std::string("(accepté)");
    };
    const std::string accounts_only = refused({"--adresse", "0.0.0.0", "--acces", "comptes.txt"});
    EXPECT_NE(accounts_only.find("--certificat FICHIER --cle FICHIER"), std::string::npos) << accounts_only;
    EXPECT_NE(accounts_only.find("--derriere-mandataire"), std::string::npos) << accounts_only;
    EXPECT_NE(refused({"--adresse", "0.0.0.0", "--certificat", "c.pem", "--cle", "k.pem"}).find("--acces FICHIER"),
              std::string::npos);
    EXPECT_NE(refused({"--certificat", "c.pem"}).find("--cle FICHIER"), std::string::npos);
    EXPECT_NE(refused({"--cle", "k.pem"}).find("--certificat FICHIER"), std::string::npos);
    EXPECT_NE(refused({"--certificat", "c.pem", "--cle", "k.pem", "--derriere-mandataire"}).find("s’excluent"),
              std::string::npos);
    const ServerOptions tls =
        parse_server_arguments({"--adresse", "0.0.0.0", "--acces", "a", "--certificat", "c.pem", "--cle", "k.pem"});
    EXPECT_TRUE(tls.tls());
    EXPECT_TRUE(tls.browser_uses_https(""));
    const ServerOptions proxied = parse_server_arguments({"--adresse", "192.168.1.10", "--acces", "a", "--derriere-mandataire"});
    EXPECT_FALSE(proxied.tls());
    EXPECT_TRUE(proxied.browser_uses_https(""));
    const ServerOptions local = parse_server_arguments({});
    EXPECT_FALSE(local.browser_uses_https("http"));
    EXPECT_TRUE(local.browser_uses_https("https"));
}

TEST(ServerOptions, TheTemplatesAreTheFoldersOwnElseTheInstalledOnes) {
    const fs::path folder = fs::temp_directory_path() / fs::unique_path("lettrine-modeles-%%%%-%%%%");
    fs::create_directories(folder / "templates");
    // Without the pages (templates/web), the folder's templates are not the server's.
    EXPECT_EQ(parse_server_arguments({"--dossier", folder.string()}).templates,
              (installed_defaults_folder() / "templates").string());
    fs::create_directories(folder / "templates" / "web");
    EXPECT_EQ(parse_server_arguments({"--dossier", folder.string()}).templates, (folder / "templates").string());
    EXPECT_EQ(parse_server_arguments({"--dossier", folder.string(), "--modeles", "ailleurs"}).templates, "ailleurs");
    fs::remove_all(folder);
}

// Behind a reverse proxy acknowledged by --derriere-mandataire, the cookies are Secure.
TEST(ReverseProxy, CookiesAreSecureBehindAnAcknowledgedProxy) {
    ServerOptions options;
    options.behind_proxy = true;
    RunningServer server(options);
    auto client = server.client();
    auto page = client.Get("/decembre");
    ASSERT_TRUE(page);
    EXPECT_NE(page->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
    RunningServer direct;
    auto plain = direct.client();
    EXPECT_EQ(plain.Get("/decembre")->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

}  // namespace
}  // namespace lettrine::web::testing
