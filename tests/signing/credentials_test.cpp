// Reading a .p12 and the French errors a signer meets: wrong password, no
// private key, expired certificate, not a PKCS#12 file. The files are made
// here with OpenSSL.
#include <sys/stat.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <fstream>

#include "core/diagnostic.hpp"
#include "signing/credentials.hpp"
#include "signing/sign_command.hpp"
#include "test_certificates.hpp"

using namespace lettrine;
using namespace lettrine::signing;
namespace fs = boost::filesystem;

namespace {

fs::path temp_folder() { return fs::temp_directory_path() / ("lettrine-signing-" + std::to_string(::getpid())); }

// The certificates written by a test process go with it.
struct RemoveTempFolder : ::testing::Environment {
    void TearDown() override { fs::remove_all(temp_folder()); }
};
const auto* const remove_temp_folder = ::testing::AddGlobalTestEnvironment(new RemoveTempFolder);

fs::path write_temp(const std::string& name, const std::string& bytes) {
    const fs::path dir = temp_folder();
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file.string(), std::ios::binary) << bytes;
    return file;
}

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const LettrineError& e) {
        std::string text;
        for (const auto& d : e.diagnostics().items()) text += d.describe() + "\n";
        return text;
    }
    return "(aucune erreur)";
}

}  // namespace

TEST(Credentials, ReadsCertificateAndKeyOfAPkcs12) {
    const Credentials made = signing_test::valid_now("Marie Dupont");
    const fs::path file = write_temp("bon.p12", signing_test::pkcs12_of(made, "secret"));
    const Credentials read = load_credentials(file, "secret");
    EXPECT_EQ(X509_cmp(read.certificate.get(), made.certificate.get()), 0);
    EXPECT_EQ(subject_common_name(read), "Marie Dupont");
    EXPECT_EQ(subject_title(read), "Co-présidente");
    EXPECT_FALSE(read.legacy_algorithms);
}

TEST(Credentials, WrongPasswordSaysSoInFrenchNamingTheFile) {
    const fs::path file = write_temp("mdp.p12", signing_test::pkcs12_of(signing_test::valid_now(), "secret"));
    const std::string m = message_of([&] { load_credentials(file, "pas le bon"); });
    EXPECT_NE(m.find("mot de passe incorrect"), std::string::npos) << m;
    EXPECT_NE(m.find("mdp.p12"), std::string::npos) << m;
}

TEST(Credentials, CertificateWithoutPrivateKeyIsRefused) {
    const fs::path file = write_temp("sans-cle.p12", signing_test::pkcs12_of(signing_test::valid_now(), "secret", true));
    const std::string m = message_of([&] { load_credentials(file, "secret"); });
    EXPECT_NE(m.find("pas sa clé privée"), std::string::npos) << m;
}

TEST(Credentials, NotAPkcs12FileIsRefused) {
    const fs::path file = write_temp("lettre.p12", "%PDF-1.7 pas un certificat");
    const std::string m = message_of([&] { load_credentials(file, ""); });
    EXPECT_NE(m.find("n’est pas un certificat PKCS#12"), std::string::npos) << m;
}

// A FIFO or a device given as the certificate was read by OpenSSL itself
// (BIO_new_file): a FIFO with no writer hung the command for ever.
TEST(Credentials, AFifoOrADeviceIsRefusedWithoutBeingRead) {
    fs::create_directories(temp_folder());
    const fs::path fifo = temp_folder() / "certificat.p12";
    fs::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.string().c_str(), 0600), 0);
    const std::string from_fifo = message_of([&] { load_credentials(fifo, ""); });
    EXPECT_NE(from_fifo.find("tube nommé"), std::string::npos) << from_fifo;
    fs::remove(fifo);
    const std::string from_device = message_of([&] { load_credentials("/dev/zero", ""); });
    EXPECT_NE(from_device.find("périphérique"), std::string::npos) << from_device;
}

TEST(Credentials, ExpiredCertificateIsRefusedWithItsDate) {
    const std::time_t day = 86400;
    const std::time_t end = 1733184000;  // 3 December 2024, 00:00 UTC
    const Credentials old = signing_test::self_signed("Ancien Président", end - 365 * day, end);
    EXPECT_NO_THROW(check_validity(old, end - day, "ancien.p12"));
    const std::string m = message_of([&] { check_validity(old, end + day, "ancien.p12"); });
    EXPECT_NE(m.find("a expiré le 3\u00A0décembre 2024"), std::string::npos) << m;
    EXPECT_NE(m.find("Ancien Président"), std::string::npos) << m;
    const std::string early = message_of([&] { check_validity(old, end - 400 * day, "ancien.p12"); });
    EXPECT_NE(early.find("n’est valable qu’à partir du"), std::string::npos) << early;
}

TEST(SignOptions, DatesInUtcAndUsageErrors) {
    EXPECT_EQ(parse_signing_date("2026-12-03"), std::optional<std::time_t>(1796256000));
    EXPECT_EQ(parse_signing_date("2026-12-03T18:40"), std::optional<std::time_t>(1796256000 + 18 * 3600 + 40 * 60));
    EXPECT_EQ(parse_signing_date("2026-12-03T18:40:05Z"), std::optional<std::time_t>(1796256000 + 18 * 3600 + 2405));
    EXPECT_FALSE(parse_signing_date("2026-02-30"));
    EXPECT_FALSE(parse_signing_date("3/12/2026"));
    EXPECT_FALSE(parse_signing_date("2026-12-03T25:00"));
    EXPECT_FALSE(parse_signing_date("2026-12-03T18:40+01"));
    const SignOptions o = parse_sign_arguments({"--certificat", "c.p12", "--champ", "référent", "a.pdf", "b.pdf"});
    EXPECT_EQ(o.field, "referent");
    EXPECT_EQ(o.files, (std::vector<std::string>{"a.pdf", "b.pdf"}));
    EXPECT_THROW(parse_sign_arguments({"a.pdf"}), LettrineError);
    EXPECT_THROW(parse_sign_arguments({"--certificat", "c.p12"}), LettrineError);
    EXPECT_THROW(parse_sign_arguments({"--certificat", "c.p12", "--date", "hier", "a.pdf"}), LettrineError);
}
