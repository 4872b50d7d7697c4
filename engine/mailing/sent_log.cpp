#include "mailing/sent_log.hpp"

#include <sstream>

#include "core/text.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

constexpr std::size_t kFields = 6;

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields(1);
    for (char c : line) {
        if (c == '\t') fields.emplace_back();
        else fields.back() += c;
    }
    return fields;
}

}  // namespace

std::vector<SentRecord> read_sent_log(const fs::path& file) {
    std::vector<SentRecord> records;
    if (!fs::exists(file)) return records;
    std::istringstream in(read_file(file));
    Diagnostics problems;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::vector<std::string> f = split_tabs(line);
        if (f.size() != kFields || f[1].empty() || f[2].empty() || !is_lower_hex(f[4], 64)) {
            problems.error(SourcePosition::at_line(file.filename().string(), number, 1),
                           "ligne illisible du journal des envois (six champs séparés par des tabulations attendus : "
                           "date, secteur, destinataire, fichier, SHA-256, identifiant) ; corriger la ligne ou "
                           "la supprimer si ce courriel n’a pas été envoyé");
            continue;
        }
        records.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    if (problems.has_errors()) throw LettrineError(ErrorKind::Data, problems);
    return records;
}

std::string format_sent_log(const std::vector<SentRecord>& records) {
    std::string out =
        "# Lettrine : lettres de mission envoyées, une ligne par courriel accepté par le serveur.\n"
        "# Une lettre déjà envoyée (même secteur, même destinataire, même SHA-256) ne l’est plus\n"
        "# sans --renvoyer. Champs séparés par des tabulations :\n"
        "# date (UTC)\tsecteur\tdestinataire\tfichier\tSHA-256\tidentifiant du message\n";
    for (const SentRecord& r : records)
        out += r.time + "\t" + r.sector + "\t" + r.recipient + "\t" + r.file + "\t" + r.sha256 + "\t" + r.message_id + "\n";
    return out;
}

bool was_sent(const std::vector<SentRecord>& records, const std::string& sector, const std::string& recipient,
              const std::string& sha256) {
    for (const SentRecord& r : records)
        if (r.sector == sector && r.recipient == recipient && r.sha256 == sha256) return true;
    return false;
}

}  // namespace lettrine
