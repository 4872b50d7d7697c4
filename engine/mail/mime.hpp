#pragma once
// An Internet message (RFC 5322, MIME) from plain values: a UTF-8 text body
// and attachments, multipart/mixed. Knows nothing of what is being sent.
// The bytes depend only on the values given (no clock, no random boundary):
// the same message composes to the same bytes.
#include <string>
#include <vector>

namespace lettrine::mail {

struct Mailbox {
    std::string name;     // display name, UTF-8; may be empty
    std::string address;  // "camille@exemple.org"
};

struct Attachment {
    std::string file_name;     // UTF-8, as the recipient will see it
    std::string content_type;  // "application/pdf"
    std::string bytes;
};

// A wall-clock time with its offset from UTC, as the Date header gives it.
struct MailTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
    int utc_offset_minutes = 0;  // +60 for Paris in winter
};

struct Message {
    Mailbox from;
    std::vector<Mailbox> to;
    std::string subject;     // UTF-8
    std::string body;        // UTF-8 text, lines separated by '\n'
    std::string language;    // Content-Language of the body ("fr"); may be empty
    std::vector<Attachment> attachments;
    MailTime date;
    std::string message_id;  // "id@domain", without angle brackets
    bool draft = false;      // X-Unsent: 1 (a mail client opens it as a draft to send)
};

// The message's bytes: CRLF line ends, no line over 78 characters, 7-bit
// only (encoded words, quoted-printable, base64).
std::string compose(const Message& message);

// "Tue, 01 Dec 2015 09:00:00 +0100"
std::string format_date(const MailTime& time);

}  // namespace lettrine::mail
