#pragma once
// The staff's accounts for `lettrine serveur --acces FICHIER`: one
// « nom:empreinte » line per account, the empreinte made by libsodium's
// crypto_pwhash_str (Argon2id, its « interactive » limits), so the file
// never holds a password. Blank lines and lines starting with « # » are
// ignored. `lettrine serveur --acces FICHIER --ajouter-compte NOM` writes it.
#include <cstddef>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

namespace lettrine::web {

// The shortest password accepted for a new account.
inline constexpr std::size_t kMinPasswordLength = 10;

// Letters, digits, « . », « - », « _ » and « @ »; 1 to 64 characters.
bool is_account_name(const std::string& name);

class AccountFile {
public:
    // Reads `file`. Throws LettrineError (Io: unreadable; Data: every bad
    // line at once, « acces.txt:3 : … », or a file without any account).
    static AccountFile load(const boost::filesystem::path& file);

    // True when `name` exists and `password` is its password. The time taken
    // does not tell whether the name exists (a decoy hash is checked).
    bool verify(const std::string& name, const std::string& password) const;
    std::size_t size() const { return accounts_.size(); }

private:
    struct Account {
        std::string name, hash;
    };
    std::vector<Account> accounts_;
    std::string decoy_;
};

// Adds `name` to `file` or changes its password (the file is created when
// missing, rewritten at once, readable by its owner only). Throws
// LettrineError(Usage) in French for a bad name or a too short password.
void set_password(const boost::filesystem::path& file, const std::string& name, const std::string& password);

}  // namespace lettrine::web
