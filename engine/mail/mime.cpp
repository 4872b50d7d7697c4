#include "mail/mime.hpp"

#include <cstdio>

#include "mail/mime_encoding.hpp"

namespace lettrine::mail {

namespace {

// Never found in base64 (no '_', no '=' followed by '_') nor in
// quoted-printable ('=' is always followed by hex digits or a line end), so
// no body can contain it: a fixed boundary keeps the output deterministic.
const std::string kBoundary = "=_lettrine_mixed";

// Sakamoto's day of the week (0 = Sunday) for the proleptic Gregorian calendar.
int day_of_week(int year, int month, int day) {
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    return (year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) % 7;
}

std::string mailbox(const Mailbox& box, std::size_t used) {
    if (box.name.empty()) return "<" + box.address + ">";
    const std::string name = display_name(box.name, used);
    const std::size_t fold = name.rfind('\n');
    const std::size_t last_line = fold == std::string::npos ? used + name.size() : name.size() - fold - 1;
    // The address goes on a line of its own when the name's last line is long.
    return name + (last_line + box.address.size() + 3 > 78 ? "\r\n <" : " <") + box.address + ">";
}

std::string address_header(const std::string& header, const std::vector<Mailbox>& boxes) {
    std::string out = header + ": ";
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        if (i > 0) out += ",\r\n ";
        out += mailbox(boxes[i], i == 0 ? header.size() + 2 : 1);
    }
    return out + "\r\n";
}

std::string text_part(const Message& m) {
    std::string out = "Content-Type: text/plain; charset=UTF-8\r\n";
    if (!m.language.empty()) out += "Content-Language: " + m.language + "\r\n";
    return out + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + quoted_printable(m.body) + "\r\n";
}

std::string attachment_part(const Attachment& a) {
    const std::string name = is_printable_ascii(a.file_name) ? parameter("name", a.file_name)
                                                              : "\r\n name=" + quoted_encoded_words(a.file_name, 6);
    return "Content-Type: " + a.content_type + ";" + name + "\r\n" +
           "Content-Disposition: attachment;" + parameter("filename", a.file_name) + "\r\n" +
           "Content-Transfer-Encoding: base64\r\n\r\n" + base64_lines(a.bytes);
}

}  // namespace

std::string format_date(const MailTime& t) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = t.utc_offset_minutes < 0 ? -t.utc_offset_minutes : t.utc_offset_minutes;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                  days[day_of_week(t.year, t.month, t.day)], t.day, months[(t.month - 1) % 12], t.year, t.hour,
                  t.minute, t.second, t.utc_offset_minutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return buffer;
}

std::string compose(const Message& m) {
    std::string out = "Date: " + format_date(m.date) + "\r\n";
    out += address_header("From", {m.from});
    out += address_header("To", m.to);
    out += "Subject: " + header_text(m.subject, 9) + "\r\n";
    // A long identifier goes on its own folded line.
    out += std::string("Message-ID:") + (m.message_id.size() + 14 > 78 ? "\r\n <" : " <") + m.message_id + ">\r\n";
    if (m.draft) out += "X-Unsent: 1\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed;\r\n boundary=\"" + kBoundary + "\"\r\n\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    out += "\r\n--" + kBoundary + "\r\n" + text_part(m);
    for (const Attachment& a : m.attachments) out += "\r\n--" + kBoundary + "\r\n" + attachment_part(a);
    out += "\r\n--" + kBoundary + "--\r\n";
    return out;
}

}  // namespace lettrine::mail
