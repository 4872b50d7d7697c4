#pragma once
// `lettrine signer`: signs lettres de mission (PAdES B-B) with a PKCS#12
// certificate, each in the signature field Lettrine wrote into it. Every
// file is signed in memory first; a problem with any of them (all are
// reported at once) writes nothing. The signed files then replace the
// originals (or land in --sortie) through an OutputBatch: never a partial file.
#include <ctime>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace lettrine::signing {

struct SignOptions {
    std::string certificate;               // --certificat: the .p12 file
    std::string password_file;             // --mot-de-passe-fichier; empty: no password
    std::string reason = "Accord sur la lettre de mission";  // --raison
    std::string location = "Nantes";       // --lieu
    std::optional<std::time_t> when;       // --date; none: the clock
    std::string field = "ecossolies";      // --champ: ecossolies | referent
    std::string role;                      // --qualite; empty: the certificate's title
    std::string output;                    // --sortie; empty: each file in place
    std::vector<std::string> files;        // the PDFs
    bool help = false;
};

// Throws LettrineError(Usage) in French.
SignOptions parse_sign_arguments(const std::vector<std::string>& args);
std::string sign_help_text();

// "2026-12-03", "2026-12-03T18:40", "2026-12-03T18:40:05Z" (UTC); nullopt
// when the text is none of these or not a real date.
std::optional<std::time_t> parse_signing_date(const std::string& text);

// Signs, writes, reports on `out` (French). Throws LettrineError.
void run_signing(const SignOptions& options, std::ostream& out);

// The command: what follows « signer » on the command line; the exit code.
int sign_command(const std::vector<std::string>& args);

}  // namespace lettrine::signing
