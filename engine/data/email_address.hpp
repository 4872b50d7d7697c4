#pragma once
// The one check of an e-mail address typed in data (a contact, a
// registrant): the syntax of RFC 5321's Mailbox, without its rare forms.
#include <string>

namespace lettrine {

// True when `email` is local@domain with
//  - a local part of at most 64 bytes: dot-separated atoms of letters,
//    digits, the RFC 5322 atext signs ! # $ % & ' * + / = ? ^ _ ` { | } ~ -
//    and UTF-8 (RFC 6531); no quoted local part, no comment;
//  - a domain of at most 253 bytes: two labels or more, separated by
//    single dots, each 1 to 63 letters, digits, hyphens (not first nor
//    last) or UTF-8 bytes (an internationalised name), the last one not
//    all digits; no address literal ([192.0.2.1]);
//  - 254 bytes in all at most.
// So « a)/S/Launch/F(calc.exe@x.org » (a PDF action smuggled into a
// mailto: link) is not an address, whatever escaping does later.
bool is_plausible_email(const std::string& email);

}  // namespace lettrine
