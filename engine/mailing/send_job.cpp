#include "mailing/send_job.hpp"

#include <ctime>
#include <set>

#include "core/output_files.hpp"
#include "data/programme_reader.hpp"
#include "mail/smtp.hpp"
#include "mailing/letter_mail.hpp"
#include "mailing/send_lock.hpp"
#include "mailing/sent_log.hpp"
#include "mailing/smtp_config.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {


struct Letter {
    const Sector* sector = nullptr;
    std::string pdf;
};

// Every letter's bytes, or one error listing every missing letter.
std::vector<Letter> read_letters(const SendOptions& options, const Programme& programme,
                                 const std::vector<const Sector*>& sectors, Diagnostics& warnings) {
    Diagnostics missing;
    std::vector<Letter> letters;
    for (const Sector* sector : sectors) {
        const fs::path file = options.output / "lettres" / letter_file_name(programme, *sector);
        if (!fs::is_regular_file(file)) {
            missing.error(SourcePosition::in_file(file.string()),
                          "lettre de mission introuvable pour le secteur « " + sector->id + " »");
            continue;
        }
        if (fs::is_regular_file(options.data) && fs::last_write_time(options.data) > fs::last_write_time(file))
            warnings.warning(SourcePosition::in_file(file.string()),
                             "la lettre est plus ancienne que les données " + options.data.string() +
                                 " : relancer « lettrine lettres » si les données ont changé depuis");
        letters.push_back({sector, read_file(file)});
    }
    if (missing.has_errors()) {
        missing.error({}, "lancer d’abord « lettrine lettres » (avec les mêmes --donnees et --sortie) : "
                          "les courriels joignent les lettres de mission déjà écrites");
        throw LettrineError(ErrorKind::Io, missing);
    }
    return letters;
}

void write_drafts(const SendOptions& options, const Programme& programme, const std::vector<Letter>& letters,
                  SendReport& report) {
    OutputBatch batch;
    for (const Letter& letter : letters) {
        const fs::path file = options.output / "courriels" / draft_file_name(programme, *letter.sector);
        batch.stage_bytes(file, mail::compose(letter_message(programme, *letter.sector, letter.pdf)));
        report.drafts.push_back(file);
        if (options.progress) options.progress->advance(file.string());
    }
    batch.commit();
}

// Now, for the log ("2026-12-03T16:50:07Z") and a sent message's Date and
// Message-ID: a message dated weeks back looks like spam to filters.
struct Now {
    std::tm utc{};
    std::string iso, compact;
};

Now now() {
    Now n;
    const std::time_t t = std::time(nullptr);
    gmtime_r(&t, &n.utc);
    char iso[32], compact[32];
    std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &n.utc);
    std::strftime(compact, sizeof compact, "%Y%m%dT%H%M%SZ", &n.utc);
    n.iso = iso;
    n.compact = compact;
    return n;
}

mail::Message sendable(mail::Message m, const Now& when) {
    m.draft = false;
    m.date = {when.utc.tm_year + 1900, when.utc.tm_mon + 1, when.utc.tm_mday,
              when.utc.tm_hour, when.utc.tm_min, when.utc.tm_sec, 0};
    const std::size_t at = m.message_id.find('@');
    m.message_id.insert(at, "." + when.compact);  // a message sent again (--renvoyer) gets its own identifier
    return m;
}

void send_all(const SendOptions& options, const Programme& programme, const std::vector<Letter>& letters,
              SendReport& report) {
    SmtpConfig config = read_smtp_config(*options.smtp);
    report.warnings.append(config.warnings);
    report.log = options.output / "courriels" / "envois.log";
    // Held until every e-mail is sent and logged: a second run at once stops here.
    const SendLock lock(report.log.parent_path(), now().iso);
    std::vector<SentRecord> log = read_sent_log(report.log);
    mail::SmtpClient client(config.settings);
    bool unreachable = false;
    for (const Letter& letter : letters) {
        const Sector& sector = *letter.sector;
        const std::string label = sector.id + " (" + sector.email + ")";
        const std::string sha = sha256_hex(letter.pdf);
        if (options.progress) options.progress->advance(label);
        if (unreachable) {
            report.not_tried.push_back(label);
            continue;
        }
        if (!options.resend && was_sent(log, sector.id, sector.email, sha)) {
            report.already_sent.push_back(label);
            continue;
        }
        const Now when = now();
        const mail::Message message = sendable(letter_message(programme, sector, letter.pdf), when);
        const mail::SendOutcome outcome = client.send(programme.email, {sector.email}, mail::compose(message));
        if (outcome.status != mail::SendOutcome::Status::Sent) {
            report.failed.push_back({sector.id, sector.email, outcome.error});
            unreachable = outcome.status == mail::SendOutcome::Status::Unreachable;
            continue;
        }
        // Logged at once: a run stopped half-way still knows what went.
        log.push_back({when.iso, sector.id, sector.email, letter_file_name(programme, sector), sha, message.message_id});
        write_file_atomically(report.log, format_sent_log(log));
        report.sent.push_back(label);
    }
}

std::string count(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n > 1 ? many : one);
}

}  // namespace

SendReport run_send(const SendOptions& options) {
    SendReport report;
    report.smtp = options.smtp.has_value();
    const Programme programme = read_programme(options.data);
    const std::vector<const Sector*> sectors = letter_sectors(programme, options.sectors, report.warnings, "pas de lettre de mission, pas de courriel");
    const std::vector<Letter> letters = read_letters(options, programme, sectors, report.warnings);
    if (options.progress) options.progress->start("Courriels", letters.size());
    if (report.smtp) send_all(options, programme, letters, report);
    else write_drafts(options, programme, letters, report);
    if (options.progress) options.progress->finish();
    return report;
}

std::vector<std::string> summary_lines(const SendReport& r) {
    std::vector<std::string> lines;
    if (!r.smtp) {
        const fs::path folder = r.drafts.empty() ? fs::path() : r.drafts.front().parent_path();
        lines.push_back(count(r.drafts.size(), "courriel préparé", "courriels préparés") +
                        (r.drafts.empty() ? "" : " dans " + folder.string() + "/") +
                        " (brouillons .eml à ouvrir dans la messagerie)");
        return lines;
    }
    lines.push_back(count(r.sent.size(), "courriel envoyé", "courriels envoyés") +
                    (r.sent.empty() ? "" : " : " + [&] {
                        std::string all;
                        for (const auto& s : r.sent) all += (all.empty() ? "" : ", ") + s;
                        return all;
                    }()));
    if (!r.already_sent.empty()) {
        std::string all;
        for (const auto& s : r.already_sent) all += (all.empty() ? "" : ", ") + s;
        lines.push_back(count(r.already_sent.size(), "lettre déjà envoyée, inchangée, non renvoyée",
                              "lettres déjà envoyées, inchangées, non renvoyées") +
                        " (--renvoyer pour les renvoyer) : " + all);
    }
    for (const SendFailure& f : r.failed)
        lines.push_back("ÉCHEC secteur « " + f.sector + " » (" + f.recipient + ") : " + f.reason);
    for (const auto& s : r.not_tried) lines.push_back("non tenté après cet échec : " + s);
    if (!r.complete()) lines.push_back("Relancer la même commande enverra seulement ce qui n’est pas parti.");
    return lines;
}

}  // namespace lettrine
