#pragma once
// The CMS (PKCS#7) signature a PAdES B-B signature carries (ETSI EN 319 142-1,
// 6.3; ETSI EN 319 122-1 for CAdES): SignedData, detached, SHA-256, with the
// signed attributes content-type, message-digest and
// signing-certificate-v2, and no signing-time: PAdES puts the time in the
// signature dictionary's /M.
//
// OpenSSL 3's CMS_final (hence CMS_sign) always adds a signing-time
// attribute, so the signed attributes are encoded and signed here: the
// signature covers their DER encoding as a SET OF (RFC 5652, 5.4).
#include <array>
#include <string>

#include "signing/credentials.hpp"

namespace lettrine::signing {

using Sha256 = std::array<unsigned char, 32>;

// The DER bytes of the ContentInfo, for a document whose signed bytes (the
// PDF's /ByteRange) hash to `content_digest`. The signer's certificate and
// the file's chain are included. Throws LettrineError(Internal) when
// OpenSSL fails (its error text included).
std::string pades_cms(const Credentials& credentials, const Sha256& content_digest);

}  // namespace lettrine::signing
