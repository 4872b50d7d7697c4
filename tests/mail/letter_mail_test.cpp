// The December e-mail: who writes to whom, the French wording and its
// typography, the dates, the identifiers; the sent log; the SMTP settings.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "cli/command_line.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"
#include "data/programme_reader.hpp"
#include "mailing/letter_mail.hpp"
#include "mailing/sent_log.hpp"
#include "mailing/smtp_config.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

namespace {

const Programme& programme() {
    static const Programme p = read_programme(LETTRINE_SOURCE_DIR "/input/programme-2016.xml");
    return p;
}

const Sector& sector(const std::string& id) { return *programme().find_sector(id); }

fs::path temp_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-mail-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string error_text(const LettrineError& e) {
    std::string all;
    for (const auto& d : e.diagnostics().items()) all += d.describe() + "\n";
    return all;
}

}  // namespace

TEST(LetterMail, FromTheOrganisationToTheSectorsContactWithTheLetter) {
    const mail::Message m = letter_message(programme(), sector("habitat"), "%PDF-1.7 lettre");
    EXPECT_EQ(m.from.name, "Les Ecossolies");
    EXPECT_EQ(m.from.address, "damien.labrousse@ecossolies.fr");
    ASSERT_EQ(m.to.size(), 1u);
    EXPECT_EQ(m.to[0].name, "Alex Exemple");
    EXPECT_EQ(m.to[0].address, sector("habitat").email);
    ASSERT_EQ(m.attachments.size(), 1u);
    EXPECT_EQ(m.attachments[0].file_name, "lettre-de-mission-2016-habitat.pdf");
    EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
    EXPECT_TRUE(m.draft);
    EXPECT_EQ(m.subject, "Lettre de mission 2016 pour le secteur «\u202FHabitat\u202F»");
}

TEST(LetterMail, FrenchWordingWithFrenchTypography) {
    const std::string body = letter_mail_body(programme(), sector("dechets-ressources"));
    EXPECT_EQ(body.rfind("Madame, Monsieur,\n\n", 0), 0u);
    EXPECT_NE(body.find("secteur «\u202FDéchets et ressources\u202F» pour l’année 2016"), std::string::npos) << body;
    EXPECT_NE(body.find("(fichier lettre-de-mission-2016-dechets-ressources.pdf)"), std::string::npos);
    EXPECT_NE(body.find("– le soutien aux projets émergents\u202F;"), std::string::npos) << body;
    EXPECT_NE(body.find("– la coordination d’expérimentations."), std::string::npos) << body;
    EXPECT_NE(body.find("contacter Damien Labrousse au 02\u00A040\u00A089\u00A033\u00A069 ou à l’adresse "
                        "damien.labrousse@ecossolies.fr."),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("salutations distinguées.\n\nClaire Exemple\nCo-présidente\nLes Ecossolies\nLe Solilab\n"),
              std::string::npos)
        << body;
    EXPECT_EQ(body.find('\''), std::string::npos) << "apostrophe droite : " << body;
    for (const char* wrong : {" :", " ;", "« ", " »", "\u00A0;"}) EXPECT_EQ(body.find(wrong), std::string::npos) << wrong;
}

TEST(LetterMail, ThePrepositionAgreesWithTheReferentsArticle) {
    Sector s = sector("habitat");
    s.referent = "Le Collectif Exemple";
    EXPECT_NE(letter_mail_body(programme(), s).find("qui confie au Collectif Exemple la mission"), std::string::npos)
        << letter_mail_body(programme(), s);
}

TEST(LetterMail, DatedTheLettersDayAtNineInParis) {
    const mail::MailTime winter = letter_mail_time(Date{2015, 12, 1});
    EXPECT_EQ(winter.hour, 9);
    EXPECT_EQ(winter.utc_offset_minutes, 60);
    EXPECT_EQ(letter_mail_time(Date{2016, 7, 1}).utc_offset_minutes, 120);
    EXPECT_EQ(letter_mail_time(Date{2016, 3, 26}).utc_offset_minutes, 60);   // the Saturday before the change
    EXPECT_EQ(letter_mail_time(Date{2016, 3, 27}).utc_offset_minutes, 120);  // last Sunday of March 2016
    EXPECT_EQ(letter_mail_time(Date{2016, 10, 29}).utc_offset_minutes, 120);
    EXPECT_EQ(letter_mail_time(Date{2016, 10, 30}).utc_offset_minutes, 60);  // last Sunday of October 2016
}

TEST(LetterMail, MessageIdFollowsTheLettersBytes) {
    const auto a = letter_message(programme(), sector("habitat"), "lettre A");
    EXPECT_EQ(a.message_id, letter_message(programme(), sector("habitat"), "lettre A").message_id);
    EXPECT_NE(a.message_id, letter_message(programme(), sector("habitat"), "lettre B").message_id);
    EXPECT_EQ(a.message_id.rfind("lettre-2016-habitat.", 0), 0u);
    EXPECT_EQ(a.message_id.substr(a.message_id.size() - 14), "@ecossolies.fr");
}

TEST(SentLog, RoundTripAndLookup) {
    const fs::path dir = temp_folder("log");
    const fs::path log = dir / "envois.log";
    EXPECT_TRUE(read_sent_log(log).empty());
    const std::string sha(64, 'a');
    write_file_atomically(log, format_sent_log({{"2026-12-03T16:50:07Z", "habitat", "h@exemple.org",
                                                 "lettre-de-mission-2016-habitat.pdf", sha, "id@x.org"}}));
    const auto records = read_sent_log(log);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].message_id, "id@x.org");
    EXPECT_TRUE(was_sent(records, "habitat", "h@exemple.org", sha));
    EXPECT_FALSE(was_sent(records, "habitat", "h@exemple.org", std::string(64, 'b')));  // a changed letter
    EXPECT_FALSE(was_sent(records, "habitat", "autre@exemple.org", sha));             // a corrected address
    fs::remove_all(dir);
}

TEST(SentLog, DamagedLineIsAnErrorWithItsLine) {
    const fs::path dir = temp_folder("damaged");
    const fs::path log = dir / "envois.log";
    write_file_atomically(log, format_sent_log({}) + "2026-12-03T16:50:07Z\thabitat\tcoupé\n");
    try {
        read_sent_log(log);
        FAIL() << "a damaged log must not be read as « nothing sent »";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_NE(error_text(e).find("envois.log:5"), std::string::npos) << error_text(e);
    }
    fs::remove_all(dir);
}

TEST(SmtpConfig, ReadsEveryKeyAndThePasswordFile) {
    const fs::path dir = temp_folder("config");
    write_file_atomically(dir / "mdp", "s3cret\n");
    ::chmod((dir / "mdp").c_str(), 0600);
    write_file_atomically(dir / "smtp.conf", "# envoi\nserveur = smtp.exemple.org\nutilisateur = moi@exemple.org\n"
                                             "fichier-mot-de-passe = mdp\ndelai-connexion = 5\ndélai-envoi = 30\n");
    const SmtpConfig c = read_smtp_config(dir / "smtp.conf");
    EXPECT_EQ(c.settings.host, "smtp.exemple.org");
    EXPECT_EQ(c.settings.port, 587);
    EXPECT_EQ(c.settings.security, mail::Security::StartTls);
    EXPECT_EQ(c.settings.user, "moi@exemple.org");
    EXPECT_EQ(c.settings.password, "s3cret");
    EXPECT_EQ(c.settings.connect_timeout_seconds, 5);
    EXPECT_EQ(c.settings.transfer_timeout_seconds, 30);
    EXPECT_TRUE(c.warnings.empty());
    ::chmod((dir / "mdp").c_str(), 0644);
    EXPECT_EQ(read_smtp_config(dir / "smtp.conf").warnings.items().size(), 1u);
    fs::remove_all(dir);
}

TEST(SmtpConfig, EveryProblemAtOnceWithItsLine) {
    const fs::path dir = temp_folder("bad-config");
    write_file_atomically(dir / "smtp.conf", "serveur = smtp.exemple.org\nprot = 25\nport = vingt-cinq\n"
                                             "mot-de-passe = s3cret\nsecurite = aucune\nutilisateur = moi\n"
                                             "fichier-mot-de-passe = absent\n");
    try {
        read_smtp_config(dir / "smtp.conf");
        FAIL();
    } catch (const LettrineError& e) {
        const std::string text = error_text(e);
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        EXPECT_NE(text.find("smtp.conf:2:1 : clé inconnue « prot »"), std::string::npos) << text;
        EXPECT_NE(text.find("smtp.conf:3:1 : « vingt-cinq »"), std::string::npos) << text;
        EXPECT_NE(text.find("smtp.conf:4:1 : le mot de passe ne s’écrit pas"), std::string::npos) << text;
        EXPECT_NE(text.find("smtp.conf:5:1 : « securite = aucune » enverrait le mot de passe en clair"),
                  std::string::npos)
            << text;
        EXPECT_NE(text.find("smtp.conf:7:1 : fichier de mot de passe introuvable"), std::string::npos) << text;
    }
    write_file_atomically(dir / "smtp.conf", "serveur = smtp.exemple.org:587/x@y\n");
    try {
        read_smtp_config(dir / "smtp.conf");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_NE(error_text(e).find("smtp.conf:1:1 : « smtp.exemple.org:587/x@y » n’est pas un nom de serveur"),
                  std::string::npos)
            << error_text(e);
    }
    fs::remove_all(dir);
}

TEST(EnvoyerArguments, SmtpAndResendBelongToEnvoyer) {
    const Invocation a = parse_arguments({"envoyer", "--smtp", "smtp.conf", "--renvoyer", "--secteur", "habitat"});
    EXPECT_EQ(a.command->names.front(), "envoyer");
    EXPECT_EQ(a.value("--smtp"), "smtp.conf");
    EXPECT_TRUE(a.flag("--renvoyer"));
    EXPECT_EQ(parse_arguments({"envoyer"}).value("--smtp"), "");
    for (const std::vector<std::string>& wrong :
         {std::vector<std::string>{"lettres", "--smtp", "smtp.conf"}, {"envoyer", "--renvoyer"}, {"envoyer", "--smtp"}}) {
        try {
            parse_arguments(wrong);
            ADD_FAILURE() << wrong[0] << " " << wrong[1];
        } catch (const LettrineError& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Usage);
        }
    }
}
