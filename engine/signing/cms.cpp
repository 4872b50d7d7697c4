#include "signing/cms.hpp"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "core/diagnostic.hpp"
#include "signing/openssl_text.hpp"

namespace lettrine::signing {

namespace {

struct CmsFree {
    void operator()(CMS_ContentInfo* c) const { CMS_ContentInfo_free(c); }
};
struct MdContextFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

[[noreturn]] void fail(const std::string& step) {
    throw LettrineError(ErrorKind::Internal, SourcePosition{},
                        "signature CMS impossible (" + step + ") : " + openssl_error());
}

std::string der_length(std::size_t length) {
    if (length < 0x80) return std::string(1, static_cast<char>(length));
    std::string bytes;
    for (; length > 0; length >>= 8) bytes.insert(bytes.begin(), static_cast<char>(length & 0xFF));
    return std::string(1, static_cast<char>(0x80 | bytes.size())) + bytes;
}

// The signed attributes as DER "SET OF Attribute" (tag 0x31), members in
// the DER order (byte-wise, as OpenSSL sorts them when it writes the
// [0] IMPLICIT field of the SignerInfo, so both encodings agree).
std::string signed_attributes_der(CMS_SignerInfo* signer) {
    std::vector<std::string> members;
    for (int i = 0; i < CMS_signed_get_attr_count(signer); ++i) {
        unsigned char* der = nullptr;
        const int length = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(signer, i), &der);
        if (length <= 0) fail("encodage d’un attribut signé");
        members.emplace_back(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
        OPENSSL_free(der);
    }
    std::sort(members.begin(), members.end());  // std::string compares as unsigned bytes
    std::string body;
    for (const std::string& m : members) body += m;
    return "\x31" + der_length(body.size()) + body;
}

void add_attributes(CMS_SignerInfo* signer, const Sha256& content_digest) {
    if (!CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1))
        fail("attribut content-type");
    if (!CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, content_digest.data(),
                                     static_cast<int>(content_digest.size())))
        fail("attribut message-digest");
}

void sign_attributes(CMS_SignerInfo* signer, EVP_PKEY* key) {
    const std::string attributes = signed_attributes_der(signer);
    std::unique_ptr<EVP_MD_CTX, MdContextFree> context(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(attributes.data()),
                       attributes.size()) != 1)
        fail("préparation de la signature");
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(attributes.data()), attributes.size()) != 1)
        fail("signature des attributs");
    if (!ASN1_STRING_set(CMS_SignerInfo_get0_signature(signer), signature.data(), static_cast<int>(length)))
        fail("écriture de la signature");
}

}  // namespace

std::string pades_cms(const Credentials& credentials, const Sha256& content_digest) {
    ERR_clear_error();
    std::unique_ptr<CMS_ContentInfo, CmsFree> cms(
        CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_DETACHED | CMS_BINARY | CMS_PARTIAL));
    if (!cms || !CMS_set_detached(cms.get(), 1)) fail("SignedData");
    // CMS_PARTIAL: no signing yet (that would add signing-time);
    // CMS_CADES: the signing-certificate-v2 attribute (ESSCertIDv2, SHA-256);
    // CMS_NOSMIMECAP: no S/MIME capabilities, meaningless in a PDF.
    CMS_SignerInfo* signer = CMS_add1_signer(cms.get(), credentials.certificate.get(), credentials.key.get(),
                                             EVP_sha256(), CMS_BINARY | CMS_PARTIAL | CMS_CADES | CMS_NOSMIMECAP);
    if (!signer) fail("signataire");
    for (const CertificatePtr& certificate : credentials.chain)
        if (!CMS_add1_cert(cms.get(), certificate.get())) fail("chaîne de certificats");
    add_attributes(signer, content_digest);
    sign_attributes(signer, credentials.key.get());
    unsigned char* der = nullptr;
    const int length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (length <= 0) fail("encodage");
    std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return bytes;
}

}  // namespace lettrine::signing
