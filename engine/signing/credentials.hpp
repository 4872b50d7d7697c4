#pragma once
// The signer's certificate and private key, read from a PKCS#12 file (.p12,
// .pfx: what a certification authority or a browser export gives).
//
// A .p12 exported with old algorithms (RC2-40, 3DES: older Windows and
// Firefox exports) needs OpenSSL 3's « legacy » provider: without it,
// OpenSSL fails with « unsupported algorithm », which users would take for
// a wrong password. The provider is loaded only when such a file needs it,
// and `legacy_algorithms` says so, for the command to tell the user.
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

typedef struct x509_st X509;
typedef struct evp_pkey_st EVP_PKEY;

namespace lettrine::signing {

struct X509Free {
    void operator()(X509* x) const;
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const;
};
using CertificatePtr = std::shared_ptr<X509>;

struct Credentials {
    CertificatePtr certificate;          // the signer's
    std::shared_ptr<EVP_PKEY> key;       // matches `certificate`
    std::vector<CertificatePtr> chain;   // the other certificates of the file (CAs)
    bool legacy_algorithms = false;      // the file needed OpenSSL's legacy provider
};

// Reads `file` with `password`. Throws LettrineError(Data) in French, naming
// the file: unreadable or not PKCS#12, wrong password, no private key, a
// key that is not the certificate's, algorithms OpenSSL cannot provide.
Credentials load_credentials(const boost::filesystem::path& file, const std::string& password);

// Throws LettrineError(Data) when the certificate is not valid at `when`
// (expired, or not yet valid), with its dates in French.
void check_validity(const Credentials& credentials, std::time_t when, const boost::filesystem::path& file);

// The certificate's subject common name (UTF-8), its title (2.5.4.12) or
// empty when it has none.
std::string subject_common_name(const Credentials& credentials);
std::string subject_title(const Credentials& credentials);

}  // namespace lettrine::signing
