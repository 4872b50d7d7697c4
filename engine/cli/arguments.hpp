#pragma once
// The command line, parsed into plain values. French option names, French
// messages; unknown options and missing values are usage errors (exit 2).
#include <optional>
#include <string>
#include <vector>

namespace lettrine {

enum class Command { December, Letters, Budget, Check, Merge, Convert, Workshops, ConvertAssembly, Forms, Note, Report, Send, Help, Version };

struct Arguments {
    Command command = Command::December;
    std::string data = "input/programme-2016.xlsx";  // --donnees (note: the filled bilan, no default)
    bool data_given = false;
    std::string output;                              // --sortie (default depends on command)
    std::string templates = "templates";             // --modeles
    std::vector<std::string> sectors;                // --secteur (repeatable)
    int jobs = 0;                                    // --jobs (0: number of cores)
    bool quiet = false, verbose = false;
    // fusion
    std::string merge_template;                      // --modele
    std::string each;                                // --chaque
    bool single_file = false;                        // --un-fichier
    std::string file_name_field;                     // --nom (field used to name each PDF)
    // atelier, convertir-ag
    std::string assembly_data = "input/ag-2016.xlsx";  // --donnees-ag
    bool assembly_data_given = false;
    bool badges = false;                               // --badges
    bool duplex = false;                               // --recto-verso (atelier, rapport)
    // rapport
    std::string notes = "input/bilans";               // --notes: the folder of notes de bilan
    bool notes_given = false;
    // envoyer
    std::string smtp;                                 // --smtp: the SMTP settings file; empty: drafts (.eml)
    bool resend = false;                              // --renvoyer
    // decembre, lettres: sign the letters once written (engine/signing)
    std::string sign_certificate;                     // --signer FICHIER.p12
    std::string sign_password_file;                   // --mot-de-passe-fichier
};

// `lettrine envoyer` returns this when some e-mail could not be sent (the
// others were sent and logged).
inline constexpr int kExitIncompleteSending = 6;

// Throws LettrineError(ErrorKind::Usage) with a French message.
Arguments parse_arguments(const std::vector<std::string>& args);

std::string help_text();
std::string version_text();

}  // namespace lettrine
