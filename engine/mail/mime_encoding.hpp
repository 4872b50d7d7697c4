#pragma once
// The encodings of an Internet message, each on its own: what lets a UTF-8
// French text travel through 7-bit SMTP and come back unchanged.
#include <string>

namespace lettrine::mail {

// RFC 2045 base64 of arbitrary bytes, in lines of 76 characters separated
// by CRLF (the last line without CRLF).
std::string base64_lines(const std::string& bytes);

// RFC 2045 quoted-printable of UTF-8 text whose lines end with '\n' (or
// "\r\n"): CRLF line ends, lines of at most 76 characters (soft breaks "="),
// '=' and every non-ASCII byte as =XX, a space or tab ending a line encoded,
// a line starting with '.' or "From " encoded (so no relay can mangle it).
std::string quoted_printable(const std::string& text);

// RFC 2047 encoded words ("=?UTF-8?B?…?=") for a header's text, each at most
// 75 characters, never cutting a UTF-8 character, joined by CRLF SP (a
// folded header). `used` is how many characters the header line already
// holds before the text (its name and ": "), so the first line stays within
// 78. Printable ASCII text that fits is returned as is, folded at spaces.
std::string header_text(const std::string& text, std::size_t used);

// A display name for From/To: as is when it is atoms and spaces, a quoted
// string when it has ASCII specials, encoded words when it is not ASCII.
std::string display_name(const std::string& name, std::size_t used);

// A MIME parameter `name=value` (RFC 2045/2231): `name="value"` for short
// printable ASCII; otherwise RFC 2231 continuations (name*0*=UTF-8''%C3%A9…;
// name*1*=…), each on its own folded line. Begins with "\r\n " (each
// parameter on its own line) and without the leading ';'.
std::string parameter(const std::string& name, const std::string& value);

// A quoted string of encoded words, for the `name` parameter of a
// Content-Type when the file name is not ASCII: not RFC 2231, but what
// Outlook reads (Thunderbird writes both, RFC 2231 in Content-Disposition).
std::string quoted_encoded_words(const std::string& text, std::size_t used);

// True when every byte is printable ASCII (0x20..0x7E).
bool is_printable_ascii(const std::string& text);

}  // namespace lettrine::mail
