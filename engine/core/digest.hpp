#pragma once
// SHA-256 (OpenSSL), as lower-case hexadecimal: what identifies a file's
// bytes in caches (page previews) and logs (letters already sent).
#include <string>

namespace lettrine {

std::string sha256_hex(const std::string& bytes);

}  // namespace lettrine
