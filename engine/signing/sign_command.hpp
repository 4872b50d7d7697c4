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

#include <boost/filesystem/path.hpp>

#include "signing/credentials.hpp"
#include "signing/pdf_signer.hpp"

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

// A certificate opened for signing: its password checked, its validity
// at the signing time too, before any file is written.
class Signer {
public:
    // Throws LettrineError in French (wrong password, expired, …). Says on
    // `out` when the file needed OpenSSL's legacy provider.
    Signer(const SignOptions& options, std::ostream& out);

    // Signs `files` in memory, then publishes them (SignOptions::output or
    // in place); all problems at once, nothing written on any. Throws
    // LettrineError.
    void sign(const std::vector<std::string>& files, std::ostream& out) const;

    // `decembre --signer`, `lettres --signer`: signs the PDFs a batch has
    // just written. They are already published, so a failure is reported
    // here (« the letters are written, unsigned ») and its exit code returned.
    int sign_written(const std::vector<boost::filesystem::path>& written, std::ostream& out) const;

private:
    SignOptions options_;
    Credentials credentials_;
    SignatureRequest request_;
};

// `decembre`, `lettres` with --signer: the Signer, or none without a certificate.
std::optional<Signer> signer_for_batch(const std::string& certificate, const std::string& password_file,
                                       std::ostream& out);

// Signs, writes, reports on `out` (French). Throws LettrineError.
void run_signing(const SignOptions& options, std::ostream& out);

// The command: what follows « signer » on the command line; the exit code.
int sign_command(const std::vector<std::string>& args);

}  // namespace lettrine::signing
