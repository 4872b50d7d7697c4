// `lettrine signer` end to end, checked by outside programs: a test
// certificate authority made here with `openssl` (no committed key), the
// four December letters signed in one command, `pdfsig` (poppler) trusting
// the CA through an NSS database made with `certutil`, `qpdf --check`.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "../cli/cli_support.hpp"

using namespace cli_test;

namespace {

const char* const kLetters[] = {
    "lettre-de-mission-2016-services-aux-personnes.pdf",
    "lettre-de-mission-2016-circuits-courts.pdf",
    "lettre-de-mission-2016-habitat.pdf",
    "lettre-de-mission-2016-dechets-ressources.pdf",
};

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

void must(const std::string& command) {
    const RunResult r = run(command);
    ASSERT_EQ(r.code, 0) << command << "\n" << r.out << r.err;
}

// Everything the tests need, made once for the whole binary: the CA, the
// signers' .p12 files, the NSS database trusting the CA, the letters.
class Signing : public ::testing::Test {
protected:
    static fs::path dir;

    static void SetUpTestSuite() {
        dir = fresh_dir("lettrine-pdfsig-", "ca");
        const std::string d = q(dir);
        std::ofstream((dir / "mdp").string()) << "tournesol\n";
        std::ofstream((dir / "signataire.ext").string())
            << "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n";
        const std::string ca = "openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout " + d + "/ca.key -out " + d +
                               "/ca.pem -subj '/CN=Autorite de test Lettrine' -addext basicConstraints=critical,CA:TRUE"
                               " -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null";
        must(ca);
        make_signer("ecossolies", "/CN=Marie Dupont/title=Co-présidente/O=Les Ecossolies");
        make_signer("referent", "/CN=Łukasz Nguyễn/O=Structure référente");
        must("openssl pkcs12 -export -inkey " + d + "/ecossolies.key -in " + d + "/ecossolies.pem -certfile " + d +
             "/ca.pem -out " + d + "/ecossolies.p12 -passout file:" + d + "/mdp");
        must("openssl pkcs12 -export -legacy -inkey " + d + "/ecossolies.key -in " + d + "/ecossolies.pem -certfile " +
             d + "/ca.pem -out " + d + "/ancien.p12 -passout file:" + d + "/mdp");
        must("openssl pkcs12 -export -inkey " + d + "/referent.key -in " + d + "/referent.pem -certfile " + d +
             "/ca.pem -out " + d + "/referent.p12 -passout file:" + d + "/mdp");
        fs::create_directories(dir / "nss");
        must("certutil -N -d sql:" + d + "/nss --empty-password");
        must("certutil -A -d sql:" + d + "/nss -n ca-lettrine -t CT,C,C -i " + d + "/ca.pem");
        must(lettrine_exe() + " lettres -q --sortie " + d + "/sortie");
    }

    static void TearDownTestSuite() { fs::remove_all(dir); }

    static void make_signer(const std::string& name, const std::string& subject) {
        const std::string d = q(dir);
        must("openssl req -newkey rsa:2048 -nodes -utf8 -keyout " + d + "/" + name + ".key -out " + d + "/" + name +
             ".csr -subj '" + subject + "' 2>/dev/null");
        must("openssl x509 -req -days 30 -in " + d + "/" + name + ".csr -CA " + d + "/ca.pem -CAkey " + d +
             "/ca.key -CAcreateserial -extfile " + d + "/signataire.ext -out " + d + "/" + name + ".pem 2>/dev/null");
    }

    // A fresh copy of the letters for one test.
    static fs::path letters(const std::string& name) {
        const fs::path out = dir / name;
        fs::remove_all(out);
        fs::create_directories(out);
        for (const char* letter : kLetters) fs::copy_file(dir / "sortie/lettres" / letter, out / letter);
        return out;
    }

    static RunResult sign(const std::string& options, const std::string& files) {
        return run(lettrine_exe() + " signer --certificat " + q(dir) + "/ecossolies.p12 --mot-de-passe-fichier " + q(dir) +
                   "/mdp " + options + " " + files);
    }

    static RunResult pdfsig(const fs::path& pdf) {
        return run("pdfsig -nssdir sql:" + q(dir) + "/nss -no-ocsp " + q(pdf));
    }

    // The chain's trust. pdfsig 22.12 with -no-ocsp says « Unknown issue with
    // Certificate » for every chain (its own signatures' too: NSS's classic
    // OCSP-disabled policy); with OCSP on, a certificate without an OCSP
    // address (the test CA's) is checked offline all the same.
    static RunResult pdfsig_trust(const fs::path& pdf) {
        return run("pdfsig -nssdir sql:" + q(dir) + "/nss " + q(pdf));
    }

    static std::size_t count(const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    }
};

fs::path Signing::dir;

}  // namespace

TEST_F(Signing, FourLettersSignedInOneCommandVerifyWithPdfsig) {
    const fs::path out = letters("quatre");
    std::string files;
    for (const char* letter : kLetters) files += q(out / letter) + " ";
    const RunResult r = sign("--raison 'Accord' --lieu Nantes", files);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("4 lettres signées"), std::string::npos) << r.err;
    for (const char* letter : kLetters) {
        const std::string original = slurp(dir / "sortie/lettres" / letter);
        const std::string signed_bytes = slurp(out / letter);
        // An incremental update: the letter's bytes first, unchanged.
        ASSERT_GT(signed_bytes.size(), original.size());
        EXPECT_EQ(signed_bytes.compare(0, original.size(), original), 0) << letter;
        const RunResult v = pdfsig(out / letter);
        EXPECT_EQ(v.code, 0) << v.out << v.err;
        EXPECT_EQ(count(v.out, "Signature Validation:"), 1u) << v.out;
        EXPECT_NE(v.out.find("Signature-Referent\n  The signature form field is not signed."), std::string::npos) << v.out;
        EXPECT_NE(v.out.find("Signer Certificate Common Name: Marie Dupont"), std::string::npos) << v.out;
        EXPECT_NE(v.out.find("Signature Type: ETSI.CAdES.detached"), std::string::npos) << v.out;
        EXPECT_NE(v.out.find("Signing Hash Algorithm: SHA-256"), std::string::npos) << v.out;
        EXPECT_NE(v.out.find("Signature Validation: Signature is Valid."), std::string::npos) << v.out;
        EXPECT_NE(v.out.find("Total document signed"), std::string::npos) << v.out;
        const RunResult trust = pdfsig_trust(out / letter);
        EXPECT_NE(trust.out.find("Certificate Validation: Certificate is Trusted."), std::string::npos) << trust.out;
        // The update leaves the document information as the letter had it
        // (PoDoFo would stamp /ModDate with the clock), and adds no font
        // that is not embedded (PoDoFo's default form font, Helvetica).
        const auto mod_date = [](const RunResult& info) {
            const std::size_t at = info.out.find("ModDate:");
            return at == std::string::npos ? std::string("(none)") : info.out.substr(at, info.out.find('\n', at) - at);
        };
        EXPECT_EQ(mod_date(run("pdfinfo " + q(out / letter))), mod_date(run("pdfinfo " + q(dir / "sortie/lettres" / letter))));
        const RunResult fonts = run("pdffonts " + q(out / letter));
        EXPECT_EQ(fonts.out.find("Helvetica"), std::string::npos) << fonts.out;
        EXPECT_NE(fonts.out.find("LiberationSans"), std::string::npos) << fonts.out;
        EXPECT_EQ(fonts.out.find(" no "), std::string::npos) << fonts.out;
        const RunResult check = run("qpdf --check " + q(out / letter));
        EXPECT_EQ(check.code, 0) << check.out << check.err;
    }
}

TEST_F(Signing, AByteChangedAfterSigningIsReported) {
    const fs::path out = letters("modifiee");
    const fs::path letter = out / kLetters[2];
    ASSERT_EQ(sign("", q(letter)).code, 0);
    std::string bytes = slurp(letter);
    // A byte of the letter's first content stream, inside the signed range.
    const std::size_t at = bytes.find("stream\n") + 40;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x20);
    std::ofstream(letter.string(), std::ios::binary) << bytes;
    const RunResult v = pdfsig(letter);
    EXPECT_EQ(v.out.find("Signature is Valid."), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("Digest Mismatch"), std::string::npos) << v.out;
}

TEST_F(Signing, TheReferentsSecondSignatureLeavesTheFirstValid) {
    const fs::path out = letters("deux");
    const fs::path letter = out / kLetters[1];
    ASSERT_EQ(sign("", q(letter)).code, 0);
    const RunResult second = run(lettrine_exe() + " signer --champ referent --certificat " + q(dir) +
                                 "/referent.p12 --mot-de-passe-fichier " + q(dir) + "/mdp " + q(letter));
    ASSERT_EQ(second.code, 0) << second.err;
    const RunResult v = pdfsig(letter);
    EXPECT_EQ(count(v.out, "Signature is Valid."), 2u) << v.out;
    EXPECT_EQ(count(pdfsig_trust(letter).out, "Certificate is Trusted."), 2u);
    EXPECT_NE(v.out.find("Common Name: Marie Dupont"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("Common Name: Łukasz Nguyễn"), std::string::npos) << v.out;
    // Both appearances show their signer, whatever the alphabet (the
    // appearance font is embedded as a Unicode subset, not WinAnsi).
    const RunResult text = run("pdftotext -layout " + q(letter) + " -");
    EXPECT_EQ(count(text.out, "Signé électroniquement par"), 2u) << text.out;
    EXPECT_NE(text.out.find("Marie Dupont"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Co-présidente"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Łukasz Nguyễn"), std::string::npos) << text.out;
    // The first covers the file as it was; the second, the whole file.
    EXPECT_EQ(count(v.out, "Not total document signed"), 1u) << v.out;
    EXPECT_EQ(run("qpdf --check " + q(letter)).code, 0);
    // The same field cannot be signed twice.
    const RunResult again = sign("", q(letter));
    EXPECT_EQ(again.code, 3) << again.err;
    EXPECT_NE(again.err.find("est déjà signé"), std::string::npos) << again.err;
}

TEST_F(Signing, OldRc2Pkcs12IsReadWithTheLegacyProviderAndSaidSo) {
    const fs::path out = letters("ancien");
    const RunResult r = run(lettrine_exe() + " signer --certificat " + q(dir) + "/ancien.p12 --mot-de-passe-fichier " +
                            q(dir) + "/mdp " + q(out / kLetters[0]));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("module « legacy » d’OpenSSL"), std::string::npos) << r.err;
    EXPECT_NE(pdfsig(out / kLetters[0]).out.find("Signature is Valid."), std::string::npos);
}

TEST_F(Signing, ErrorsInFrenchAndNoFileTouched) {
    const fs::path out = letters("erreurs");
    const std::string before = slurp(out / kLetters[0]);
    std::ofstream((dir / "faux").string()) << "pas le bon\n";
    const RunResult wrong = run(lettrine_exe() + " signer --certificat " + q(dir) + "/ecossolies.p12 --mot-de-passe-fichier " +
                                q(dir) + "/faux " + q(out / kLetters[0]));
    EXPECT_EQ(wrong.code, 3);
    EXPECT_NE(wrong.err.find("mot de passe incorrect"), std::string::npos) << wrong.err;
    // A PDF that is not a Lettrine letter, among good ones: nothing is signed.
    must("qpdf --empty --pages " + q(out / kLetters[0]) + " 1 -- " + q(out / "autre.pdf"));
    const RunResult foreign = sign("", q(out / kLetters[0]) + " " + q(out / "autre.pdf"));
    EXPECT_EQ(foreign.code, 3);
    EXPECT_NE(foreign.err.find("autre.pdf"), std::string::npos) << foreign.err;
    EXPECT_NE(foreign.err.find("n’est pas une lettre produite par Lettrine"), std::string::npos) << foreign.err;
    EXPECT_NE(foreign.err.find("aucun fichier écrit"), std::string::npos) << foreign.err;
    // An empty file is not silently skipped.
    std::ofstream((out / "vide.pdf").string());
    const RunResult empty = sign("", q(out / "vide.pdf"));
    EXPECT_EQ(empty.code, 3);
    EXPECT_NE(empty.err.find("vide.pdf : ce fichier n’est pas un PDF lisible"), std::string::npos) << empty.err;
    EXPECT_EQ(slurp(out / kLetters[0]), before);
    EXPECT_EQ(files_under(out).size(), 6u);
}

TEST_F(Signing, LettresWithSignerWritesTheFourLettersSigned) {
    const fs::path out = dir / "lettres-signees";
    fs::remove_all(out);
    const RunResult r = run(lettrine_exe() + " lettres --sortie " + q(out) + " --signer " + q(dir) +
                            "/ecossolies.p12 --mot-de-passe-fichier " + q(dir) + "/mdp");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("4 lettres signées par « Marie Dupont »"), std::string::npos) << r.err;
    for (const char* letter : kLetters) {
        const RunResult v = pdfsig(out / "lettres" / letter);
        EXPECT_NE(v.out.find("Signature Validation: Signature is Valid."), std::string::npos) << letter << v.out;
        EXPECT_NE(v.out.find("Total document signed"), std::string::npos) << letter << v.out;
    }
    // A wrong password is found before anything is written.
    const fs::path none = dir / "lettres-refusees";
    fs::remove_all(none);
    std::ofstream((dir / "faux2").string()) << "pas le bon\n";
    const RunResult wrong = run(lettrine_exe() + " lettres --sortie " + q(none) + " --signer " + q(dir) +
                                "/ecossolies.p12 --mot-de-passe-fichier " + q(dir) + "/faux2");
    EXPECT_EQ(wrong.code, 3);
    EXPECT_NE(wrong.err.find("mot de passe incorrect"), std::string::npos) << wrong.err;
    EXPECT_TRUE(files_under(none).empty());
}
