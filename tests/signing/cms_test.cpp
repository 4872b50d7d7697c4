// The CMS of a PAdES B-B signature, read back with OpenSSL: the attributes
// ETSI asks for are there, the one it forbids (signing-time) is not, and
// OpenSSL's own verifier accepts the signature over the signed content.
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

#include "signing/cms.hpp"
#include "test_certificates.hpp"

using namespace lettrine::signing;

namespace {

Sha256 sha256(const std::string& bytes) {
    Sha256 digest;
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
    return digest;
}

struct Parsed {
    std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms{nullptr, &CMS_ContentInfo_free};
    CMS_SignerInfo* signer = nullptr;
};

Parsed parse(const std::string& der) {
    Parsed p;
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
    p.cms.reset(d2i_CMS_ContentInfo(nullptr, &bytes, static_cast<long>(der.size())));
    if (p.cms) p.signer = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(p.cms.get()), 0);
    return p;
}

bool verifies(const Parsed& p, const Credentials& c, const std::string& content) {
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
    X509_STORE_add_cert(store.get(), c.certificate.get());
    BIO* data = BIO_new_mem_buf(content.data(), static_cast<int>(content.size()));
    const int ok = CMS_verify(p.cms.get(), nullptr, store.get(), data, nullptr, CMS_BINARY | CMS_DETACHED);
    BIO_free(data);
    ERR_clear_error();
    return ok == 1;
}

}  // namespace

TEST(PadesCms, CarriesContentTypeDigestAndSigningCertificateV2ButNoSigningTime) {
    const Credentials c = signing_test::valid_now();
    const std::string content = "%PDF-1.7 the bytes of the /ByteRange";
    const Parsed p = parse(pades_cms(c, sha256(content)));
    ASSERT_TRUE(p.cms);
    ASSERT_TRUE(p.signer);
    EXPECT_GE(CMS_signed_get_attr_by_NID(p.signer, NID_pkcs9_contentType, -1), 0);
    EXPECT_GE(CMS_signed_get_attr_by_NID(p.signer, NID_pkcs9_messageDigest, -1), 0);
    EXPECT_GE(CMS_signed_get_attr_by_NID(p.signer, NID_id_smime_aa_signingCertificateV2, -1), 0);
    EXPECT_LT(CMS_signed_get_attr_by_NID(p.signer, NID_pkcs9_signingTime, -1), 0);
    EXPECT_LT(CMS_signed_get_attr_by_NID(p.signer, NID_SMIMECapabilities, -1), 0);
    EXPECT_EQ(CMS_signed_get_attr_count(p.signer), 3);
    // Detached: the content is not inside.
    ASN1_OCTET_STRING** content_inside = CMS_get0_content(p.cms.get());
    ASSERT_NE(content_inside, nullptr);
    EXPECT_EQ(*content_inside, nullptr);
    X509_ALGOR* digest_algorithm = nullptr;
    CMS_SignerInfo_get0_algs(p.signer, nullptr, nullptr, &digest_algorithm, nullptr);
    const ASN1_OBJECT* oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, digest_algorithm);
    EXPECT_EQ(OBJ_obj2nid(oid), NID_sha256);
}

TEST(PadesCms, OpenSslVerifiesTheSignatureOverTheContentAndRejectsAnotherContent) {
    const Credentials c = signing_test::valid_now();
    const std::string content = "lettre de mission, octets signés";
    const Parsed p = parse(pades_cms(c, sha256(content)));
    ASSERT_TRUE(p.cms);
    EXPECT_TRUE(verifies(p, c, content));
    EXPECT_FALSE(verifies(p, c, content + "!"));
}

TEST(PadesCms, TheSigningCertificateV2NamesTheSignersCertificate) {
    const Credentials c = signing_test::valid_now();
    const Credentials other = signing_test::valid_now("Quelqu’un d’autre");
    const Parsed p = parse(pades_cms(c, sha256("x")));
    ASSERT_TRUE(p.signer);
    EXPECT_EQ(CMS_SignerInfo_cert_cmp(p.signer, c.certificate.get()), 0);
    EXPECT_NE(CMS_SignerInfo_cert_cmp(p.signer, other.certificate.get()), 0);
    // The ESSCertIDv2 holds the SHA-256 of the certificate's DER.
    const int index = CMS_signed_get_attr_by_NID(p.signer, NID_id_smime_aa_signingCertificateV2, -1);
    const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(p.signer, index), 0);
    ASSERT_EQ(value->type, V_ASN1_SEQUENCE);
    const std::string attribute(reinterpret_cast<const char*>(value->value.sequence->data),
                                static_cast<std::size_t>(value->value.sequence->length));
    unsigned char* der = nullptr;
    const int length = i2d_X509(c.certificate.get(), &der);
    const Sha256 hash = sha256(std::string(reinterpret_cast<char*>(der), static_cast<std::size_t>(length)));
    OPENSSL_free(der);
    EXPECT_NE(attribute.find(std::string(reinterpret_cast<const char*>(hash.data()), hash.size())), std::string::npos);
}
