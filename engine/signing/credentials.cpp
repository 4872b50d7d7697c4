#include "signing/credentials.hpp"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "core/french.hpp"
#include "signing/openssl_text.hpp"

namespace lettrine::signing {

void X509Free::operator()(X509* x) const { X509_free(x); }
void KeyFree::operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }

namespace {

[[noreturn]] void fail(const boost::filesystem::path& file, const std::string& what) {
    throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file.string()), what);
}

struct P12Free {
    void operator()(PKCS12* p) const { PKCS12_free(p); }
};

std::unique_ptr<PKCS12, P12Free> read_pkcs12(const boost::filesystem::path& file) {
    // core's read_file: a regular file only (a FIFO or /dev/zero is refused
    // at once, never read), and at most 1 MiB (a .p12 holds a few kilobytes).
    const std::string bytes = read_file(file, 1u << 20);
    BIO* bio = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
    if (!bio) fail(file, "le fichier de certificat ne peut pas être lu (" + openssl_error() + ")");
    std::unique_ptr<PKCS12, P12Free> p12(d2i_PKCS12_bio(bio, nullptr));
    BIO_free(bio);
    if (!p12)
        fail(file, "ce fichier n’est pas un certificat PKCS#12 (.p12, .pfx) lisible (" + openssl_error() + ")");
    return p12;
}

// OpenSSL 3 keeps old PKCS#12 algorithms (RC2-40, RC4, DES) in its legacy
// provider; loading it replaces the implicit default provider, so both are
// loaded, once for the process.
bool load_legacy_provider() {
    static const bool loaded = OSSL_PROVIDER_load(nullptr, "legacy") && OSSL_PROVIDER_load(nullptr, "default");
    return loaded;
}

bool unsupported_algorithm() {
    bool found = false;
    for (unsigned long e; (e = ERR_peek_error()) != 0; ERR_get_error())
        found = found || ERR_GET_REASON(e) == ERR_R_UNSUPPORTED || ERR_GET_REASON(e) == EVP_R_UNSUPPORTED_ALGORITHM;
    return found;
}

}  // namespace

Credentials load_credentials(const boost::filesystem::path& file, const std::string& password) {
    ERR_clear_error();
    const auto p12 = read_pkcs12(file);
    // The MAC checks the password alone: a failure here is a wrong password,
    // never an algorithm problem (the MAC's SHA-1 is always available).
    if (!PKCS12_mac_present(p12.get()) || !PKCS12_verify_mac(p12.get(), password.c_str(), -1)) {
        if (PKCS12_mac_present(p12.get()))
            fail(file, "mot de passe incorrect pour ce certificat (vérifiez le fichier donné à --mot-de-passe-fichier)");
    }
    Credentials c;
    EVP_PKEY* key = nullptr;
    X509* certificate = nullptr;
    STACK_OF(X509)* others = nullptr;
    ERR_clear_error();
    if (!PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, &others)) {
        if (!unsupported_algorithm()) fail(file, "le certificat ne peut pas être ouvert (" + openssl_error() + ")");
        if (!load_legacy_provider())
            fail(file, "ce certificat est protégé par un algorithme ancien (RC2-40, 3DES) et le module « legacy » "
                       "d’OpenSSL est introuvable : réexportez-le avec AES-256 (voir docs/SIGNATURE.md)");
        c.legacy_algorithms = true;
        ERR_clear_error();
        if (!PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, &others))
            fail(file, "le certificat ne peut pas être ouvert, même avec le module « legacy » d’OpenSSL (" +
                           openssl_error() + ")");
    }
    c.key.reset(key, KeyFree{});
    c.certificate.reset(certificate, X509Free{});
    for (int i = 0; others && i < sk_X509_num(others); ++i) c.chain.emplace_back(sk_X509_value(others, i), X509Free{});
    sk_X509_free(others);
    // Without a key, PKCS12_parse cannot tell the signer's certificate from
    // the others: it returns them all in the chain.
    if (!c.key && (c.certificate || !c.chain.empty()))
        fail(file, "le fichier contient le certificat mais pas sa clé privée : exportez-le « avec la clé privée »");
    if (!c.certificate) fail(file, "le fichier ne contient aucun certificat");
    if (!c.key) fail(file, "le fichier ne contient pas de clé privée");
    if (!X509_check_private_key(c.certificate.get(), c.key.get()))
        fail(file, "la clé privée du fichier n’est pas celle de son certificat");
    return c;
}

void check_validity(const Credentials& credentials, std::time_t when, const boost::filesystem::path& file) {
    X509* certificate = credentials.certificate.get();
    const std::string who = "le certificat de « " + subject_common_name(credentials) + " »";
    if (X509_cmp_time(X509_get0_notAfter(certificate), &when) < 0)
        fail(file, who + " a expiré le " + asn1_date_in_french(X509_get0_notAfter(certificate)) +
                       " : demandez-en un nouveau à votre autorité de certification");
    if (X509_cmp_time(X509_get0_notBefore(certificate), &when) > 0)
        fail(file, who + " n’est valable qu’à partir du " + asn1_date_in_french(X509_get0_notBefore(certificate)));
}

std::string subject_common_name(const Credentials& credentials) {
    return name_entry(X509_get_subject_name(credentials.certificate.get()), NID_commonName);
}

std::string subject_title(const Credentials& credentials) {
    return name_entry(X509_get_subject_name(credentials.certificate.get()), NID_title);
}

}  // namespace lettrine::signing
