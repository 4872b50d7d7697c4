#include "web/sessions.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "core/text.hpp"
#include "core/diagnostic.hpp"

namespace lettrine::web {

namespace {
constexpr std::size_t kMostKeys = 10000;
}  // namespace

std::string random_token() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "le générateur aléatoire d’OpenSSL a échoué");
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (unsigned char b : bytes) {
        text += digits[b >> 4];
        text += digits[b & 15];
    }
    return text;
}

bool is_token(const std::string& text) { return is_lower_hex(text, 64); }

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

SessionStore::SessionStore(std::chrono::seconds lifetime, std::size_t most) : lifetime_(lifetime), most_(most) {}

Session SessionStore::open(const std::string& account) {
    const Clock::time_point now = Clock::now();
    Session session{random_token(), account, random_token(), now + lifetime_};
    std::lock_guard<std::mutex> lock(mutex_);
    forget_expired(now);
    while (sessions_.size() >= most_) {
        auto oldest = sessions_.begin();
        for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
            if (it->second.expires < oldest->second.expires) oldest = it;
        sessions_.erase(oldest);
    }
    sessions_[session.id] = session;
    return session;
}

std::optional<Session> SessionStore::find(const std::string& id) {
    if (!is_lower_hex(id, 64)) return std::nullopt;
    std::lock_guard<std::mutex> lock(mutex_);
    forget_expired(Clock::now());
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    return it->second;
}

void SessionStore::close(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.erase(id);
}

void SessionStore::forget_expired(Clock::time_point now) {
    for (auto it = sessions_.begin(); it != sessions_.end();)
        it = it->second.expires <= now ? sessions_.erase(it) : std::next(it);
}

LoginThrottle::LoginThrottle(std::size_t attempts, std::chrono::seconds window) : attempts_(attempts), window_(window) {}

std::chrono::seconds LoginThrottle::wait(const std::string& key) {
    const Clock::time_point now = Clock::now();
    std::lock_guard<std::mutex> lock(mutex_);
    forget_old(now);
    const auto it = failures_.find(key);
    if (it == failures_.end() || it->second.size() < attempts_) return std::chrono::seconds(0);
    const auto left = it->second.front() + window_ - now;
    return std::chrono::duration_cast<std::chrono::seconds>(left) + std::chrono::seconds(1);
}

void LoginThrottle::failed(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    // Names typed at random must not grow the table without end.
    if (failures_.size() >= kMostKeys && !failures_.count(key)) failures_.erase(failures_.begin());
    failures_[key].push_back(Clock::now());
}

void LoginThrottle::succeeded(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    failures_.erase(key);
}

void LoginThrottle::forget_old(Clock::time_point now) {
    for (auto it = failures_.begin(); it != failures_.end();) {
        while (!it->second.empty() && it->second.front() + window_ <= now) it->second.pop_front();
        it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
}

}  // namespace lettrine::web
