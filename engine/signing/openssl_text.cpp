#include "signing/openssl_text.hpp"

#include <openssl/err.h>
#include <openssl/x509.h>

#include "template/french_format.hpp"

namespace lettrine::signing {

std::string openssl_error() {
    std::string text;
    char buffer[256];
    for (unsigned long e; (e = ERR_get_error()) != 0;) {
        ERR_error_string_n(e, buffer, sizeof buffer);
        if (!text.empty()) text += " ; ";
        text += buffer;
    }
    return text.empty() ? "erreur inconnue" : text;
}

namespace {

std::tm utc(std::time_t when) {
    std::tm t{};
    gmtime_r(&when, &t);
    return t;
}

}  // namespace

std::string date_in_french(std::time_t when) {
    const std::tm t = utc(when);
    return format_date_long(Date{t.tm_year + 1900, t.tm_mon + 1, t.tm_mday});
}

std::string date_time_in_french(std::time_t when) {
    const std::tm t = utc(when);
    char clock[32];
    std::snprintf(clock, sizeof clock, " à %d\u00A0h\u00A0%02d UTC", t.tm_hour, t.tm_min);
    return date_in_french(when) + clock;
}

std::string asn1_date_in_french(const ASN1_TIME* time) {
    std::tm t{};
    if (!ASN1_TIME_to_tm(time, &t)) return "(date illisible)";
    return format_date_long(Date{t.tm_year + 1900, t.tm_mon + 1, t.tm_mday});
}

std::string name_entry(X509_NAME* name, int nid) {
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0) return {};
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (length < 0) return {};
    std::string text(reinterpret_cast<char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return text;
}

}  // namespace lettrine::signing
