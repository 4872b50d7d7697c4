#pragma once
// Staff sessions and the limit on failed logins, kept in the server's
// memory only (a restart logs everybody out, which is the safe side).
#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace lettrine::web {

using Clock = std::chrono::steady_clock;

// 64 lowercase hexadecimal digits from 32 random bytes (OpenSSL RAND_bytes):
// session ids and form tokens.
std::string random_token();
bool is_token(const std::string& text);
// Equal strings, compared in a time that does not depend on where they differ.
bool same_secret(const std::string& a, const std::string& b);

struct Session {
    std::string id;      // the cookie's value (random_token)
    std::string account;
    std::string form_token;  // every POST form of the session carries it (CSRF)
    Clock::time_point expires;
};

class SessionStore {
public:
    // Sessions end `lifetime` after the login, whatever happens meanwhile;
    // at most `most` live at once (the oldest goes first).
    SessionStore(std::chrono::seconds lifetime, std::size_t most = 1000);

    Session open(const std::string& account);
    // The session of `id` when it exists and has not expired.
    std::optional<Session> find(const std::string& id);
    void close(const std::string& id);

private:
    void forget_expired(Clock::time_point now);
    std::chrono::seconds lifetime_;
    std::size_t most_;
    std::mutex mutex_;
    std::map<std::string, Session> sessions_;
};

// At most `attempts` failed logins per key (the client's address, the
// account's name) in any `window`; a key beyond it waits until its oldest
// failure leaves the window.
class LoginThrottle {
public:
    LoginThrottle(std::size_t attempts, std::chrono::seconds window);

    // How long `key` must still wait (zero: it may try).
    std::chrono::seconds wait(const std::string& key);
    void failed(const std::string& key);
    void succeeded(const std::string& key);

private:
    void forget_old(Clock::time_point now);
    std::size_t attempts_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace lettrine::web
