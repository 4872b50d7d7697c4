#pragma once
// Sending composed messages to an SMTP server through libcurl, one at a
// time over one connection. Outcomes are values: a refused recipient is a
// result to report, not an exception.
#include <memory>
#include <string>
#include <vector>

namespace lettrine::mail {

enum class Security { None, StartTls, Tls };  // plain, STARTTLS (submission, 587), implicit TLS (465)

struct SmtpSettings {
    std::string host;
    int port = 587;
    Security security = Security::StartTls;
    std::string user;      // empty: no authentication
    std::string password;
    std::string ca_file;   // certificates to trust besides the system's (a private server); empty: the system's
    long connect_timeout_seconds = 15;
    long transfer_timeout_seconds = 120;  // a whole message, connection included
};

struct SendOutcome {
    enum class Status {
        Sent,
        Refused,     // the server refused this message or its recipient: the next ones may go
        Unreachable  // connection, TLS or login failed: the next ones would fail the same way
    };
    Status status = Status::Sent;
    std::string server_reply;  // the server's last refusal ("550 5.1.1 …"), when there was one
    std::string error;         // French, what went wrong; empty when sent
};

class SmtpClient {
public:
    explicit SmtpClient(SmtpSettings settings);
    ~SmtpClient();
    SmtpClient(const SmtpClient&) = delete;
    SmtpClient& operator=(const SmtpClient&) = delete;

    // Sends `bytes` (a composed message, CRLF line ends) from `sender` to
    // `recipients` (envelope addresses). The connection is kept for the next
    // message when the server allows it.
    SendOutcome send(const std::string& sender, const std::vector<std::string>& recipients, const std::string& bytes);

private:
    struct Handle;
    SmtpSettings settings_;
    std::unique_ptr<Handle> handle_;
};

// "smtp://host:587" or "smtps://host:465": the URL libcurl is given.
std::string smtp_url(const SmtpSettings& settings);

}  // namespace lettrine::mail
