#include "web/accounts.hpp"

#include <mutex>
#include <sstream>

#include <sodium.h>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine::web {

namespace {

// The largest accounts file read: a few hundred accounts at most.
constexpr std::uint64_t kMaxAccountsFile = 1u << 20;

void start_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            throw LettrineError(ErrorKind::Internal, SourcePosition{}, "libsodium n’a pas pu démarrer");
    });
}

std::string hash_of(const std::string& password) {
    start_sodium();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw LettrineError(ErrorKind::Io, SourcePosition{},
                            "pas assez de mémoire pour calculer l’empreinte du mot de passe");
    return hash;
}

bool is_hash(const std::string& text) { return text.rfind("$argon2", 0) == 0 && text.size() < crypto_pwhash_STRBYTES; }

// The lines of an accounts file: (line number, name, hash), each bad line in `problems`.
struct Entry {
    int line = 0;
    std::string name, hash;
};

std::vector<Entry> parse(const std::string& text, const std::string& shown, Diagnostics& problems) {
    std::vector<Entry> entries;
    std::istringstream in(text);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(':');
        Entry entry{number, line.substr(0, colon), colon == std::string::npos ? "" : line.substr(colon + 1)};
        const SourcePosition where = SourcePosition::at_line(shown, number, 1);
        if (colon == std::string::npos || !is_account_name(entry.name) || !is_hash(entry.hash))
            problems.error(where, "ligne illisible : une ligne par compte, « nom:empreinte », écrite par « lettrine "
                                  "serveur --acces FICHIER --ajouter-compte NOM »");
        else
            entries.push_back(entry);
    }
    return entries;
}

}  // namespace

bool is_account_name(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_' || c == '@';
        if (!ok) return false;
    }
    return true;
}

AccountFile AccountFile::load(const fs::path& file) {
    const std::string shown = file.filename().string();
    Diagnostics problems;
    AccountFile accounts;
    for (const Entry& e : parse(read_file(file, kMaxAccountsFile), shown, problems)) {
        for (const Account& a : accounts.accounts_)
            if (a.name == e.name)
                problems.error(SourcePosition::at_line(shown, e.line, 1), "le compte « " + e.name + " » est déjà écrit plus haut");
        accounts.accounts_.push_back({e.name, e.hash});
    }
    if (!problems.has_errors() && accounts.accounts_.empty())
        problems.error(SourcePosition::in_file(shown),
                       "aucun compte : ajoutez-en un avec « lettrine serveur --acces FICHIER --ajouter-compte NOM »");
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    accounts.decoy_ = hash_of("compte inexistant : ce calcul égalise seulement la durée");
    return accounts;
}

bool AccountFile::verify(const std::string& name, const std::string& password) const {
    start_sodium();
    const std::string* hash = &decoy_;
    for (const Account& a : accounts_)
        if (a.name == name) hash = &a.hash;
    const bool matches = crypto_pwhash_str_verify(hash->c_str(), password.data(), password.size()) == 0;
    return matches && hash != &decoy_;
}

void set_password(const fs::path& given, const std::string& name, const std::string& password) {
    // Absolute: the atomic write works in the file's folder, which a bare
    // « comptes.txt » does not name.
    const fs::path file = fs::absolute(given);
    if (!is_account_name(name))
        throw LettrineError(ErrorKind::Usage, SourcePosition{},
                            "le nom de compte « " + name + " » ne convient pas : lettres sans accent, chiffres, « . », "
                            "« - », « _ » ou « @ », 64 caractères au plus");
    if (password.size() < kMinPasswordLength)
        throw LettrineError(ErrorKind::Usage, SourcePosition{},
                            "mot de passe trop court : " + std::to_string(kMinPasswordLength) + " caractères au moins");
    boost::system::error_code missing;
    const std::string text = fs::exists(file, missing) ? read_file(file, kMaxAccountsFile) : "";
    Diagnostics problems;
    parse(text, file.filename().string(), problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    // Every line kept as it was (comments too), the account's own replaced.
    std::string kept, line;
    std::istringstream in(text);
    while (std::getline(in, line))
        if (line.rfind(name + ":", 0) != 0) kept += line + "\n";
    write_file_atomically(file, kept + name + ":" + hash_of(password) + "\n");
    fs::permissions(file, fs::owner_read | fs::owner_write);
}

}  // namespace lettrine::web
