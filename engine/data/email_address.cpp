#include "data/email_address.hpp"

#include <algorithm>
#include <cstring>

namespace lettrine {

namespace {

constexpr std::size_t kMaxLocalBytes = 64;     // RFC 5321, 4.5.3.1.1
constexpr std::size_t kMaxDomainBytes = 253;   // RFC 1035 (255 on the wire, minus length and root bytes)
constexpr std::size_t kMaxAddressBytes = 254;  // RFC 5321's path (256) minus the angle brackets
constexpr std::size_t kMaxLabelBytes = 63;     // RFC 1035, 2.3.4

bool is_utf8_byte(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 5322 atext, plus UTF-8 (RFC 6531).
bool is_atext(char c) { return is_alnum(c) || is_utf8_byte(c) || (c != '\0' && std::strchr("!#$%&'*+/=?^_`{|}~-", c)); }

// Calls `part` on each dot-separated part of `text`; false when one is empty.
template <class Check>
bool each_part(const std::string& text, Check part) {
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = text.find('.', start);
        const std::string piece = text.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (piece.empty() || !part(piece)) return false;
        if (dot == std::string::npos) return true;
        start = dot + 1;
    }
}

bool is_label(const std::string& label) {
    if (label.size() > kMaxLabelBytes || label.front() == '-' || label.back() == '-') return false;
    return std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || is_utf8_byte(c) || c == '-'; });
}

}  // namespace

bool is_plausible_email(const std::string& email) {
    if (email.size() > kMaxAddressBytes) return false;
    const std::size_t at = email.rfind('@');
    if (at == std::string::npos) return false;
    const std::string local = email.substr(0, at), domain = email.substr(at + 1);
    if (local.size() > kMaxLocalBytes || domain.size() > kMaxDomainBytes) return false;
    const bool local_ok =
        each_part(local, [](const std::string& atom) { return std::all_of(atom.begin(), atom.end(), is_atext); });
    if (!local_ok) return false;
    std::size_t labels = 0;
    std::string last;
    if (!each_part(domain, [&](const std::string& label) { ++labels; last = label; return is_label(label); })) return false;
    const bool numeric_tld = std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
    return labels >= 2 && !numeric_tld;
}

}  // namespace lettrine
