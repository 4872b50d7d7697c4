#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace lettrine::mail {

namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init a échoué");
    });
}

// The upload: libcurl pulls the message through this, and does the SMTP
// dot-stuffing and the final "." itself.
struct Upload {
    const std::string* bytes = nullptr;
    std::size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
    auto* upload = static_cast<Upload*>(user);
    const std::size_t n = std::min(size * count, upload->bytes->size() - upload->offset);
    std::memcpy(buffer, upload->bytes->data() + upload->offset, n);
    upload->offset += n;
    return n;
}

// The server's answers, from libcurl's protocol trace: the last refusal
// (4xx, 5xx) is what a failure is reported with; libcurl says QUIT after
// it, so the very last line is the server's goodbye.
int trace(CURL*, curl_infotype type, char* data, size_t size, void* user) {
    if (type != CURLINFO_HEADER_IN) return 0;
    std::string line(data, size);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (!line.empty() && (line[0] == '4' || line[0] == '5')) *static_cast<std::string*>(user) = line;
    return 0;
}

bool is_recipient_level(CURLcode code) {
    // libcurl reports a refused MAIL FROM, RCPT TO or DATA as a send or
    // receive error after a server reply; everything before (resolving,
    // connecting, TLS, login) concerns every message alike.
    return code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_QUOTE_ERROR ||
           code == CURLE_WEIRD_SERVER_REPLY;
}

std::string describe(CURLcode code, const SmtpSettings& s, const char* detail) {
    const std::string server = s.host + ":" + std::to_string(s.port);
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST: return "serveur « " + s.host + " » introuvable (nom inconnu)";
        case CURLE_COULDNT_CONNECT: return "connexion impossible à " + server + " (serveur arrêté ou port fermé)";
        case CURLE_OPERATION_TIMEDOUT:
            return "délai dépassé avec " + server + " (connexion : " + std::to_string(s.connect_timeout_seconds) +
                   " s, envoi : " + std::to_string(s.transfer_timeout_seconds) + " s)";
        case CURLE_LOGIN_DENIED: return "identifiant ou mot de passe refusé par " + server;
        case CURLE_USE_SSL_FAILED: return server + " ne propose pas STARTTLS : envoi chiffré impossible";
        case CURLE_PEER_FAILED_VERIFICATION: return "le certificat de " + server + " n’est pas reconnu";
        case CURLE_SSL_CONNECT_ERROR: return "échec de la négociation TLS avec " + server;
        default: break;
    }
    return std::string("échec de l’envoi à ") + server + " (" + (detail && *detail ? detail : curl_easy_strerror(code)) + ")";
}

}  // namespace

struct SmtpClient::Handle {
    CURL* curl = nullptr;
    ~Handle() {
        if (curl) curl_easy_cleanup(curl);
    }
};

std::string smtp_url(const SmtpSettings& s) {
    return std::string(s.security == Security::Tls ? "smtps://" : "smtp://") + s.host + ":" + std::to_string(s.port);
}

SmtpClient::SmtpClient(SmtpSettings settings) : settings_(std::move(settings)), handle_(new Handle) {
    global_init();
    handle_->curl = curl_easy_init();
    if (!handle_->curl) throw std::runtime_error("curl_easy_init a échoué");
}

SmtpClient::~SmtpClient() = default;

SendOutcome SmtpClient::send(const std::string& sender, const std::vector<std::string>& recipients,
                             const std::string& bytes) {
    CURL* curl = handle_->curl;
    curl_easy_reset(curl);  // keeps the open connection, forgets the last message's options
    Upload upload{&bytes, 0};
    std::string last_reply;  // the last refusal
    char error[CURL_ERROR_SIZE] = {0};
    curl_slist* rcpt = nullptr;
    for (const std::string& r : recipients) rcpt = curl_slist_append(rcpt, ("<" + r + ">").c_str());
    const std::string url = smtp_url(settings_), from = "<" + sender + ">";
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
    curl_easy_setopt(curl, CURLOPT_USE_SSL, settings_.security == Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL);
    if (!settings_.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    if (!settings_.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, settings_.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, settings_.connect_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.transfer_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // the trace feeds `last_reply`, it is not printed
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, trace);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &last_reply);
    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(rcpt);

    SendOutcome outcome;
    outcome.server_reply = last_reply;
    if (code == CURLE_OK) return outcome;
    const bool refused = is_recipient_level(code) && !last_reply.empty();
    outcome.status = refused ? SendOutcome::Status::Refused : SendOutcome::Status::Unreachable;
    outcome.error = refused ? "refusé par le serveur : " + last_reply : describe(code, settings_, error);
    return outcome;
}

}  // namespace lettrine::mail
