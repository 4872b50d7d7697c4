#pragma once
// The log of letters sent (output/courriels/envois.log): one line per
// e-mail the SMTP server accepted, so a later run sends only what is new. A
// letter is « the same » when its sector, its recipient and its PDF's
// SHA-256 are: a letter regenerated differently, or a corrected address,
// counts as new.
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

namespace lettrine {

struct SentRecord {
    std::string time;        // "2026-12-03T16:50:07Z", UTC
    std::string sector;      // identifier
    std::string recipient;   // envelope address
    std::string file;        // "lettre-de-mission-2016-habitat.pdf"
    std::string sha256;      // of the PDF sent
    std::string message_id;  // without angle brackets
};

// Every record of the log; none when the file does not exist. A line that is
// not a record (edited by hand, cut short) is a LettrineError(Data) naming
// its line: a damaged log must not make Lettrine send twice.
std::vector<SentRecord> read_sent_log(const boost::filesystem::path& file);

// The whole log: a French header comment, then one tab-separated line per record.
std::string format_sent_log(const std::vector<SentRecord>& records);

bool was_sent(const std::vector<SentRecord>& records, const std::string& sector, const std::string& recipient,
              const std::string& sha256);

}  // namespace lettrine
