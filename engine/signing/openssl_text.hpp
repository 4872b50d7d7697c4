#pragma once
// OpenSSL values as French text, for messages and the visible signature.
#include <ctime>
#include <string>

typedef struct asn1_string_st ASN1_TIME;
typedef struct X509_name_st X509_NAME;

namespace lettrine::signing {

// OpenSSL's queued errors, oldest first, "; "-separated (and cleared), or
// « erreur inconnue ».
std::string openssl_error();

// "3 décembre 2026" (UTC).
std::string asn1_date_in_french(const ASN1_TIME* time);
std::string date_in_french(std::time_t when);
// "3 décembre 2026 à 18 h 40 UTC".
std::string date_time_in_french(std::time_t when);

// The first entry `nid` of `name` as UTF-8, empty when it has none.
std::string name_entry(X509_NAME* name, int nid);

}  // namespace lettrine::signing
