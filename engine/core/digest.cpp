#include "core/digest.hpp"

#include <openssl/evp.h>

#include "core/diagnostic.hpp"

namespace lettrine {

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "calcul de l’empreinte SHA-256 impossible");
    static const char* const hex = "0123456789abcdef";
    std::string text;
    text.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 15];
    }
    return text;
}

}  // namespace lettrine
