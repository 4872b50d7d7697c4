#pragma once
// The SMTP settings file given to `lettrine envoyer --smtp FICHIER`
// (docs/COURRIELS.md): « clé = valeur » lines, '#' comments. The password
// is never in it nor on the command line: the file names a password file.
#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "mail/smtp.hpp"

namespace lettrine {

struct SmtpConfig {
    mail::SmtpSettings settings;
    Diagnostics warnings;  // a password file others can read, …
};

// Throws LettrineError(Data) with every problem, each at its file:line
// (unknown key, bad number, missing server, a password sent in clear to a
// distant server); LettrineError(Io) when a file cannot be read. A relative
// password file is relative to the settings file's folder.
SmtpConfig read_smtp_config(const boost::filesystem::path& file);

}  // namespace lettrine
