#include "mail/mime_encoding.hpp"

#include <openssl/evp.h>

#include <vector>

namespace lettrine::mail {

namespace {

constexpr std::size_t kMaxLine = 78;         // RFC 5322 recommended line length
constexpr std::size_t kQpLine = 76;          // RFC 2045 quoted-printable line length
constexpr std::size_t kEncodedWordMax = 75;  // RFC 2047
const std::string kWordStart = "=?UTF-8?B?", kWordEnd = "?=";

std::string hex_byte(unsigned char c, char prefix) {
    static const char* const digits = "0123456789ABCDEF";
    return std::string{prefix, digits[c >> 4], digits[c & 0x0F]};
}

std::string base64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(&out[0]),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// Length of the UTF-8 sequence starting with byte c (1 for an invalid lead
// byte: it is then encoded on its own and never glued to a neighbour).
std::size_t sequence_length(unsigned char c) {
    if (c >= 0xF0 && c <= 0xF4) return 4;
    if (c >= 0xE0) return c <= 0xEF ? 3 : 1;
    if (c >= 0xC2) return 2;
    return 1;
}

// Splits text into runs of whole characters of at most max_bytes bytes
// (first_max for the first). With at_spaces, a full run is cut after its
// last space when it has one, so a decoder that wrongly keeps the folding
// between encoded words (Python's address parser does) doubles a space
// rather than splitting a word.
std::vector<std::string> character_runs(const std::string& text, std::size_t first_max, std::size_t max_bytes,
                                        bool at_spaces) {
    std::vector<std::string> runs(1);
    std::size_t limit = first_max;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = std::min(sequence_length(static_cast<unsigned char>(text[i])), text.size() - i);
        if (runs.back().size() + n > limit && !runs.back().empty()) {
            std::string carried;
            const std::size_t space = runs.back().rfind(' ');
            if (at_spaces && space != std::string::npos && space + 1 < runs.back().size()) {
                carried = runs.back().substr(space + 1);
                runs.back().resize(space + 1);
            }
            runs.push_back(carried);
            limit = max_bytes;
        }
        runs.back() += text.substr(i, n);
        i += n;
    }
    return runs;
}

// Bytes of UTF-8 an encoded word can carry when `room` characters are left.
std::size_t payload_for(std::size_t room) {
    const std::size_t overhead = kWordStart.size() + kWordEnd.size();
    return room > overhead + 4 ? (room - overhead) / 4 * 3 : 3;
}

std::string encoded_words(const std::string& text, std::size_t used, bool at_spaces = false) {
    const std::size_t first_room = std::min(kEncodedWordMax, used < kMaxLine ? kMaxLine - used : 0);
    std::string out;
    for (const std::string& run : character_runs(text, payload_for(first_room), payload_for(kEncodedWordMax), at_spaces)) {
        if (!out.empty()) out += "\r\n ";
        out += kWordStart + base64(run) + kWordEnd;
    }
    return out;
}

bool is_atext(unsigned char c) {
    static const std::string specials = "!#$%&'*+-/=?^_`{|}~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           specials.find(static_cast<char>(c)) != std::string::npos;
}

// RFC 2231 attribute-char: what a parameter value keeps unescaped.
bool is_attribute_char(unsigned char c) {
    static const std::string allowed = "!#$&+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           allowed.find(static_cast<char>(c)) != std::string::npos;
}

// Segments of `pieces` joined, each segment at most max_size characters.
std::vector<std::string> segments(const std::vector<std::string>& pieces, std::size_t max_size) {
    std::vector<std::string> out(1);
    for (const std::string& p : pieces) {
        if (out.back().size() + p.size() > max_size && !out.back().empty()) out.emplace_back();
        out.back() += p;
    }
    return out;
}

}  // namespace

bool is_printable_ascii(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

std::string base64_lines(const std::string& bytes) {
    constexpr std::size_t kChunk = 57;  // 57 bytes -> 76 characters
    std::string out;
    out.reserve(bytes.size() * 4 / 3 + bytes.size() / kChunk * 2 + 4);
    for (std::size_t i = 0; i < bytes.size(); i += kChunk) {
        if (i > 0) out += "\r\n";
        out += base64(bytes.substr(i, kChunk));
    }
    return out;
}

std::string quoted_printable(const std::string& text) {
    std::vector<std::string> lines(1);
    for (char c : text) {
        if (c == '\n') lines.emplace_back();
        else lines.back() += c;
    }
    if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
    std::string out;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        std::string line = lines[l];
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (l > 0) out += "\r\n";
        std::string physical;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(line[i]);
            const bool last = i + 1 == line.size();
            const bool blank = c == ' ' || c == '\t';
            const bool from_line = i == 0 && line.compare(0, 5, "From ") == 0;
            const bool encode = c == '=' || c > 0x7E || (c < 0x20 && c != '\t') || (blank && last) || from_line ||
                                (c == '.' && physical.empty());
            const std::string token = encode ? hex_byte(c, '=') : std::string(1, static_cast<char>(c));
            if (physical.size() + token.size() > (last ? kQpLine : kQpLine - 1)) {
                out += physical + "=\r\n";
                physical.clear();
                if (c == '.') {  // a dot now starting a physical line
                    physical = "=2E";
                    continue;
                }
            }
            physical += token;
        }
        out += physical;
    }
    return out;
}

std::string header_text(const std::string& text, std::size_t used) {
    if (!is_printable_ascii(text) || text.find("=?") != std::string::npos) return encoded_words(text, used);
    std::string out;
    std::size_t line = used;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (start > 0) {
            if (line + 1 + word.size() > kMaxLine) {
                out += "\r\n";
                line = 0;
            }
            out += ' ';
            ++line;
        }
        out += word;
        line += word.size();
        start = end + 1;
    }
    return out;
}

std::string display_name(const std::string& name, std::size_t used) {
    if (!is_printable_ascii(name)) return encoded_words(name, used, true);
    bool atoms = !name.empty();
    for (unsigned char c : name)
        if (!is_atext(c) && c != ' ') atoms = false;
    if (atoms) return name;
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string parameter(const std::string& name, const std::string& value) {
    const bool plain = is_printable_ascii(value) && value.find_first_of("\"\\") == std::string::npos;
    if (plain && 1 + name.size() + 3 + value.size() + 1 <= kMaxLine) return "\r\n " + name + "=\"" + value + "\"";
    std::vector<std::string> pieces;
    for (unsigned char c : value)
        pieces.push_back(plain ? std::string(1, static_cast<char>(c))
                               : is_attribute_char(c) ? std::string(1, static_cast<char>(c)) : hex_byte(c, '%'));
    if (!plain) pieces.insert(pieces.begin(), "UTF-8''");
    const std::vector<std::string> parts = segments(pieces, 60);
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += ";";
        out += "\r\n " + name + "*" + std::to_string(i) + (plain ? "=\"" + parts[i] + "\"" : "*=" + parts[i]);
    }
    return out;
}

std::string quoted_encoded_words(const std::string& text, std::size_t used) {
    return "\"" + encoded_words(text, used + 1) + "\"";
}

}  // namespace lettrine::mail
