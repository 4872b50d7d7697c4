#pragma once
// Certificates made in the test process with OpenSSL (never committed keys):
// a self-signed RSA certificate valid around a given time, its PKCS#12.
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <ctime>
#include <string>

#include "signing/credentials.hpp"

namespace signing_test {

inline lettrine::signing::Credentials self_signed(const std::string& common_name, std::time_t not_before,
                                                  std::time_t not_after) {
    lettrine::signing::Credentials c;
    c.key.reset(EVP_RSA_gen(2048), lettrine::signing::KeyFree{});
    X509* x = X509_new();
    c.certificate.reset(x, lettrine::signing::X509Free{});
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 42);
    X509_time_adj_ex(X509_getm_notBefore(x), 0, 0, &not_before);
    X509_time_adj_ex(X509_getm_notAfter(x), 0, 0, &not_after);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "title", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Co-présidente"),
                               -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509_set_pubkey(x, c.key.get());
    X509_sign(x, c.key.get(), EVP_sha256());
    return c;
}

inline lettrine::signing::Credentials valid_now(const std::string& common_name = "Marie Test") {
    const std::time_t now = std::time(nullptr);
    return self_signed(common_name, now - 86400, now + 365 * 86400);
}

// The PKCS#12 bytes of `c` (AES-256, as OpenSSL 3 exports by default);
// without_key: the certificate alone.
inline std::string pkcs12_of(const lettrine::signing::Credentials& c, const char* password, bool without_key = false) {
    PKCS12* p12 = PKCS12_create(password, "test", without_key ? nullptr : c.key.get(), c.certificate.get(), nullptr,
                                NID_aes_256_cbc, NID_aes_256_cbc, 0, 0, 0);
    unsigned char* der = nullptr;
    const int length = i2d_PKCS12(p12, &der);
    std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    PKCS12_free(p12);
    return bytes;
}

}  // namespace signing_test
