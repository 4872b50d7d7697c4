// `lettrine envoyer` end to end: the real executable, the letters written by
// `lettrine lettres`, drafts read back by Python's email package, and e-mails
// sent to a real SMTP server (aiosmtpd) started here on 127.0.0.1: what it
// received, a recipient it refuses, the log that keeps a letter from being
// sent twice.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <set>

#include "mail_support.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;
using mail_test::parse_with_python;
using mail_test::slurp;

namespace {

using Outcome = lettrine::test_support::CommandResult;

Outcome lettrine_run(const std::string& arguments) {
    return lettrine::test_support::run_command(std::string(LETTRINE_EXE) + " " + arguments);
}

const std::string kData = LETTRINE_SOURCE_DIR "/input/programme-2016.xml";
const std::vector<std::string> kSectors = {"services-aux-personnes", "circuits-courts", "habitat", "dechets-ressources"};
const std::map<std::string, std::string> kSubjects = {
    {"services-aux-personnes", "Lettre de mission 2016 pour le secteur «\u202FServices aux personnes\u202F»"},
    {"circuits-courts", "Lettre de mission 2016 pour le secteur «\u202FCircuits courts et alimentation\u202F»"},
    {"habitat", "Lettre de mission 2016 pour le secteur «\u202FHabitat\u202F»"},
    {"dechets-ressources", "Lettre de mission 2016 pour le secteur «\u202FDéchets et ressources\u202F»"}};

std::string address_of(const std::string& sector) { return sector + "@exemple.org"; }

fs::path letter(const fs::path& output, const std::string& sector) {
    return output / "lettres" / ("lettre-de-mission-2016-" + sector + ".pdf");
}

// The letters, written once per test process by the real `lettrine
// lettres`; each test copies them. Removed when the process ends.
struct LettersOnce {
    fs::path dir = fs::temp_directory_path() / ("lettrine-mail-letters-" + std::to_string(::getpid()));
    LettersOnce() {
        fs::remove_all(dir);
        const Outcome r = lettrine_run("lettres --donnees '" + kData + "' --sortie '" + dir.string() + "' --quiet");
        if (r.code != 0) throw std::runtime_error("lettrine lettres : " + r.err);
    }
    ~LettersOnce() {
        boost::system::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

const fs::path& letters_once() {
    static const LettersOnce letters;
    return letters.dir;
}

fs::path work_folder(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-mail-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "lettres");
    for (const auto& s : kSectors) fs::copy_file(letter(letters_once(), s), letter(dir, s));
    return dir;
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream out(file.string(), std::ios::binary);
    out << text;
}

// What the server received: each message's recipient and its parse.
struct Received {
    std::string recipient;
    std::map<std::string, std::string> parsed;
    std::string raw;
};

std::vector<Received> received(const fs::path& inbox) {
    std::vector<Received> all;
    std::set<fs::path> files;
    for (fs::directory_iterator it(inbox), end; it != end; ++it)
        if (it->path().extension() == ".eml") files.insert(it->path());
    for (const fs::path& f : files) {
        Received r;
        std::istringstream envelope(slurp(fs::path(f).replace_extension(".env")));
        std::string from;
        std::getline(envelope, from);
        std::getline(envelope, r.recipient);
        r.raw = slurp(f);
        r.parsed = parse_with_python(f);
        all.push_back(std::move(r));
    }
    return all;
}

std::string smtp_config(const fs::path& dir, int port) {
    const fs::path file = dir / "smtp.conf";
    write(file, "serveur = 127.0.0.1\nport = " + std::to_string(port) +
                    "\nsecurite = aucune\ndelai-connexion = 5\ndelai-envoi = 30\n");
    return file.string();
}

std::size_t logged_lines(const fs::path& output) {
    std::istringstream log(slurp(output / "courriels" / "envois.log"));
    std::size_t n = 0;
    for (std::string line; std::getline(log, line);)
        if (!line.empty() && line[0] != '#') ++n;
    return n;
}

// The PDF's SHA-256, computed by Python too.
std::string pdf_sha256(const fs::path& pdf) {
    const std::string command = std::string(mail_test::kPython) +
                                " -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],\"rb\").read()).hexdigest())' '" +
                                pdf.string() + "'";
    std::string digest = lettrine::test_support::command_output(command);
    if (!digest.empty() && digest.back() == '\n') digest.pop_back();
    return digest;
}

}  // namespace

TEST(Envoyer, DraftsThatAnOutsideParserReads) {
    const fs::path out = work_folder("drafts");
    const Outcome r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("4 courriels préparés dans"), std::string::npos) << r.err;
    for (const auto& s : kSectors) {
        const fs::path eml = out / "courriels" / ("courriel-2016-" + s + ".eml");
        ASSERT_TRUE(fs::exists(eml)) << eml;
        auto f = parse_with_python(eml);
        EXPECT_EQ(f["defects"], "0");
        EXPECT_EQ(f["crlf_only"], "1");
        EXPECT_LE(std::stoi(f["longest_line"]), 78);
        EXPECT_EQ(f["x-unsent"], "1");
        EXPECT_EQ(f["subject"], kSubjects.at(s));
        EXPECT_EQ(f["from_address"], "damien.labrousse@ecossolies.fr");
        EXPECT_EQ(f["to_address"], address_of(s));
        EXPECT_EQ(f["date"], "Tue, 01 Dec 2015 09:00:00 +0100");
        EXPECT_EQ(f["body"].rfind("Madame, Monsieur,", 0), 0u);
        EXPECT_EQ(f["attachment0_filename"], "lettre-de-mission-2016-" + s + ".pdf");
        EXPECT_EQ(f["attachment0_sha256"], pdf_sha256(letter(out, s)));
    }
    const std::string first = slurp(out / "courriels" / "courriel-2016-habitat.eml");
    ASSERT_EQ(lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "'").code, 0);
    EXPECT_EQ(slurp(out / "courriels" / "courriel-2016-habitat.eml"), first) << "same input, same bytes";
    fs::remove_all(out);
}

TEST(Envoyer, MissingLetterSaysToRunLettresFirstAndWritesNothing) {
    const fs::path out = work_folder("missing");
    fs::remove(letter(out, "habitat"));
    const Outcome r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "'");
    EXPECT_EQ(r.code, 5) << r.err;
    EXPECT_NE(r.err.find("lettre-de-mission-2016-habitat.pdf : lettre de mission introuvable pour le secteur « habitat »"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("lancer d’abord « lettrine lettres »"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out / "courriels"));
    fs::remove_all(out);
}

TEST(Envoyer, SendsToARealServerReportsTheRefusedOneAndNeverSendsTwice) {
    const fs::path out = work_folder("smtp");
    const fs::path inbox = out / "boite";
    fs::create_directories(inbox);
    const fs::path refuse = out / "refuser.txt";
    write(refuse, address_of("circuits-courts") + "\n");
    mail_test::SmtpServer server(inbox, refuse);
    const std::string send = "envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                             smtp_config(out, server.port()) + "'";

    // First run: three sent, the refused one reported with the server's answer.
    Outcome r = lettrine_run(send);
    EXPECT_EQ(r.code, 6) << r.err;
    EXPECT_NE(r.err.find("3 courriels envoyés"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("ÉCHEC secteur « circuits-courts » (circuits-courts@exemple.org) : refusé par le serveur : "
                         "550 5.1.1 <circuits-courts@exemple.org>: Recipient address rejected"),
              std::string::npos)
        << r.err;
    std::vector<Received> got = received(inbox);
    ASSERT_EQ(got.size(), 3u);
    std::set<std::string> recipients;
    for (const Received& m : got) {
        const std::string s = m.recipient.substr(0, m.recipient.find('@'));
        recipients.insert(s);
        EXPECT_EQ(m.parsed.at("defects"), "0");
        EXPECT_EQ(m.parsed.at("subject"), kSubjects.at(s));
        EXPECT_EQ(m.parsed.at("to_address"), m.recipient);
        EXPECT_EQ(m.parsed.at("x-unsent"), "");  // sent, not a draft
        EXPECT_NE(m.raw.find("Content-Disposition: attachment;\r\n filename=\"lettre-de-mission-2016-" + s + ".pdf\""),
                  std::string::npos);
        EXPECT_EQ(m.parsed.at("attachment0_filename"), "lettre-de-mission-2016-" + s + ".pdf");
        EXPECT_EQ(m.parsed.at("attachment0_sha256"), pdf_sha256(letter(out, s)));
    }
    EXPECT_EQ(recipients, (std::set<std::string>{"services-aux-personnes", "habitat", "dechets-ressources"}));
    EXPECT_EQ(logged_lines(out), 3u);
    EXPECT_EQ(slurp(out / "courriels" / "envois.log").find("circuits-courts"), std::string::npos);

    // Second run, the address accepted now: only the refused one goes.
    write(refuse, "");
    r = lettrine_run(send);
    EXPECT_EQ(r.code, 0) << r.err;
    got = received(inbox);
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got.back().recipient, address_of("circuits-courts"));
    EXPECT_EQ(logged_lines(out), 4u);

    // Third run: nothing new, nothing sent.
    r = lettrine_run(send);
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("0 courriel envoyé"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("4 lettres déjà envoyées"), std::string::npos) << r.err;
    EXPECT_EQ(received(inbox).size(), 4u);

    // A changed letter counts as new; --renvoyer sends again what was sent.
    { std::ofstream(letter(out, "habitat").string(), std::ios::app | std::ios::binary) << "\n% corrigée\n"; }
    r = lettrine_run(send);
    EXPECT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(received(inbox).size(), 5u);
    EXPECT_EQ(received(inbox).back().recipient, address_of("habitat"));
    r = lettrine_run(send + " --renvoyer --secteur services-aux-personnes");
    EXPECT_EQ(r.code, 0) << r.err;
    ASSERT_EQ(received(inbox).size(), 6u);
    EXPECT_EQ(received(inbox).back().recipient, address_of("services-aux-personnes"));
    EXPECT_EQ(logged_lines(out), 6u);
    fs::remove_all(out);
}

TEST(Envoyer, UnreachableServerStopsAtTheFirstAndLogsNothing) {
    const fs::path out = work_folder("unreachable");
    int port = 0;
    {
        const fs::path inbox = out / "boite";
        fs::create_directories(inbox);
        mail_test::SmtpServer server(inbox, out / "aucun");
        port = server.port();
    }  // stopped: nothing listens on the port any more
    const Outcome r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                           smtp_config(out, port) + "'");
    EXPECT_EQ(r.code, 6) << r.err;
    EXPECT_NE(r.err.find("connexion impossible à 127.0.0.1:" + std::to_string(port)), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("non tenté après cet échec : habitat"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(out / "courriels" / "envois.log"));
    fs::remove_all(out);
}

TEST(Envoyer, ASilentServerTimesOut) {
    // A socket that listens and never answers: the kernel accepts the
    // connection, no greeting ever comes; the transfer timeout ends the wait.
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(listener, 8), 0);
    socklen_t size = sizeof address;
    ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &size);
    const fs::path out = work_folder("silent");
    write(out / "smtp.conf", "serveur = 127.0.0.1\nport = " + std::to_string(ntohs(address.sin_port)) +
                                 "\nsecurite = aucune\ndelai-connexion = 1\ndelai-envoi = 1\n");
    const auto start = std::chrono::steady_clock::now();
    const Outcome r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                               (out / "smtp.conf").string() + "'");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ::close(listener);
    EXPECT_EQ(r.code, 6) << r.err;
    EXPECT_NE(r.err.find("délai dépassé avec 127.0.0.1"), std::string::npos) << r.err;
    EXPECT_LT(seconds, 10.0);  // one timeout, then the others are not tried
    fs::remove_all(out);
}

TEST(Envoyer, StartTlsAndLoginToARealServer) {
    const fs::path out = work_folder("starttls");
    const fs::path inbox = out / "boite";
    fs::create_directories(inbox);
    // A certificate for 127.0.0.1 that the settings file names as trusted.
    const std::string cert = (out / "serveur.pem").string(), key = (out / "cle.pem").string();
    ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                           "-addext subjectAltName=IP:127.0.0.1 -keyout '" + key + "' -out '" + cert +
                           "' >/dev/null 2>&1").c_str()),
              0);
    mail_test::SmtpServer server(inbox, out / "aucun", {cert, key, "damien", "s3cret mot"});
    write(out / "mdp", "s3cret mot\n");
    ::chmod((out / "mdp").c_str(), 0600);
    const std::string common = "serveur = 127.0.0.1\nport = " + std::to_string(server.port()) +
                               "\nsecurite = starttls\ncertificat = serveur.pem\nfichier-mot-de-passe = mdp\n";
    // Without the certificate named, the server is not trusted: nothing goes.
    write(out / "inconnu.conf", "serveur = 127.0.0.1\nport = " + std::to_string(server.port()) +
                                    "\nutilisateur = damien\nfichier-mot-de-passe = mdp\n");
    Outcome untrusted = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                                 (out / "inconnu.conf").string() + "'");
    EXPECT_EQ(untrusted.code, 6) << untrusted.err;
    EXPECT_NE(untrusted.err.find("n’est pas reconnu"), std::string::npos) << untrusted.err;

    write(out / "faux.conf", common + "utilisateur = quelquun\n");
    Outcome r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                         (out / "faux.conf").string() + "'");
    EXPECT_EQ(r.code, 6) << r.err;
    EXPECT_NE(r.err.find("identifiant ou mot de passe refusé par 127.0.0.1"), std::string::npos) << r.err;
    EXPECT_TRUE(received(inbox).empty());

    write(out / "smtp.conf", common + "utilisateur = damien\n");
    r = lettrine_run("envoyer --donnees '" + kData + "' --sortie '" + out.string() + "' --smtp '" +
                 (out / "smtp.conf").string() + "'");
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(received(inbox).size(), 4u);
    EXPECT_EQ(logged_lines(out), 4u);
    fs::remove_all(out);
}

// Two `envoyer --smtp` at once (a double click, two colleagues): the second
// stops at the lock, naming who holds it, and no letter is sent twice.
TEST(Envoyer, TwoRunsAtOnceNeverSendTheSameLetterTwice) {
    const fs::path out = work_folder("concurrent");
    const fs::path inbox = out / "boite";
    fs::create_directories(inbox);
    ::setenv("LETTRINE_TEST_SMTP_DELAI", "1", 1);  // four seconds of sending: the runs overlap
    mail_test::SmtpServer server(inbox, out / "refuser.txt");
    ::unsetenv("LETTRINE_TEST_SMTP_DELAI");
    const std::string send = std::string(LETTRINE_EXE) + " envoyer --donnees '" + kData + "' --sortie '" +
                             out.string() + "' --smtp '" + smtp_config(out, server.port()) + "'";
    const std::string a = (out / "a").string(), b = (out / "b").string();
    const Outcome both = lettrine::test_support::run_command(
        "(" + send + " >" + a + ".out 2>" + a + ".err; echo $? >" + a + ".rc) & (sleep 0.2; " + send + " >" + b +
        ".out 2>" + b + ".err; echo $? >" + b + ".rc) & wait");
    ASSERT_EQ(both.code, 0);
    const std::string first = slurp(a + ".err"), second = slurp(b + ".err");
    EXPECT_EQ(slurp(a + ".rc"), "0\n") << first;
    EXPECT_EQ(slurp(b + ".rc"), "5\n") << second;
    EXPECT_NE(second.find("envois.verrou : un autre envoi est en cours dans ce dossier (processus "), std::string::npos)
        << second;
    EXPECT_NE(second.find("pour qu’aucune lettre ne parte deux fois"), std::string::npos) << second;
    std::multiset<std::string> recipients;
    for (const Received& m : received(inbox)) recipients.insert(m.recipient);
    EXPECT_EQ(recipients.size(), 4u);
    for (const auto& s : kSectors) EXPECT_EQ(recipients.count(address_of(s)), 1u) << s;
    EXPECT_EQ(logged_lines(out), 4u);
    // Once the first is done, the lock is free and names nobody.
    const Outcome again = lettrine_run(send.substr(std::string(LETTRINE_EXE).size() + 1));
    EXPECT_EQ(again.code, 0) << again.err;
    EXPECT_NE(again.err.find("4 lettres déjà envoyées"), std::string::npos) << again.err;
    fs::remove_all(out);
}
