#pragma once
// `lettrine envoyer`: for each sector the letters cover, the e-mail to its
// référent with its lettre de mission attached. Without SMTP settings, one
// draft per sector (output/courriels/courriel-<année>-<secteur>.eml); with
// them, the e-mails are sent one by one and logged, and a letter already
// sent is not sent again unless `resend`.
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/default_paths.hpp"

#include "core/diagnostic.hpp"
#include "pipeline/progress.hpp"

namespace lettrine {

struct SendOptions {
    boost::filesystem::path data = kDefaultProgramme;
    boost::filesystem::path output = "output";     // letters read from output/lettres/, e-mails in output/courriels/
    std::vector<std::string> sectors;              // --secteur; empty: every sector with a letter
    std::optional<boost::filesystem::path> smtp;   // the settings file; none: drafts only
    bool resend = false;                           // --renvoyer: send even what the log says was sent
    Progress* progress = nullptr;
};

struct SendFailure {
    std::string sector, recipient, reason;  // reason: French, with the server's answer when it gave one
};

struct SendReport {
    bool smtp = false;
    std::vector<boost::filesystem::path> drafts;  // .eml files written
    std::vector<std::string> sent;                // "habitat (habitat@exemple.org)"
    std::vector<std::string> already_sent;        // left alone: in the log, unchanged
    std::vector<SendFailure> failed;
    std::vector<std::string> not_tried;           // after a failure that would repeat (server unreachable)
    boost::filesystem::path log;
    Diagnostics warnings;
    bool complete() const { return failed.empty() && not_tried.empty(); }
};

// Throws LettrineError: Usage for an unknown --secteur, Io when a letter is
// missing (run `lettrine lettres` first) or a file cannot be written, Data
// for a bad settings file or a damaged log. A refused or failed e-mail is
// not an exception: it is in the report, and the others are still sent.
SendReport run_send(const SendOptions& options);

// The French summary printed at the end: what was written or sent, what
// was left alone, what failed and why.
std::vector<std::string> summary_lines(const SendReport& report);

}  // namespace lettrine
