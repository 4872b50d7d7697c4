// The MIME writer, checked against an outside parser (Python's email
// package): headers, encodings, folding, a binary attachment, determinism.
#include <gtest/gtest.h>

#include <algorithm>

#include <openssl/evp.h>
#include <unistd.h>

#include "core/output_files.hpp"
#include "core/text.hpp"
#include "mail/mime.hpp"
#include "mail/mime_encoding.hpp"
#include "mail_support.hpp"
#include "mailing/letter_mail.hpp"

using namespace lettrine;
using namespace lettrine::mail;
using mail_test::parse_with_python;
namespace fs = boost::filesystem;

namespace {

std::string every_byte_value(std::size_t size) {
    std::string bytes;
    for (std::size_t i = 0; i < size; ++i) bytes += static_cast<char>((i * 7 + i / 256) & 0xFF);
    return bytes;
}

Message sample_message() {
    Message m;
    m.from = {"Les Ecossolies", "damien.labrousse@ecossolies.fr"};
    m.to = {{"Zoé Ébauche-Delacroix de La Maquette, chargée de mission « circuits courts »", "zoe@exemple.org"}};
    m.subject = "Lettre de mission 2016 pour le secteur «\u202FDéchets et ressources\u202F» : "
                "structure référente, missions, volume et montant de l’année";
    m.body = "Madame, Monsieur,\n\n"
             "Une très longue ligne qui dépasse largement les soixante-seize caractères autorisés par ligne en "
             "quoted-printable, avec des accents é è à ç œ et un signe égal = au milieu.\n"
             "Une ligne qui finit par une espace \n"
             ".Une ligne qui commence par un point\n"
             "From le début d’une ligne mbox\n"
             "\tTabulation en tête\n";
    m.language = "fr";
    m.attachments.push_back({"lettre-de-mission-2016-déchets-et-ressources-structure-référente-du-secteur.pdf",
                             "application/pdf", every_byte_value(5000)});
    m.date = {2015, 12, 1, 9, 0, 0, 60};
    m.message_id = "lettre-2016-dechets.0123456789abcdef@ecossolies.fr";
    m.draft = true;
    return m;
}

fs::path write_temp(const std::string& bytes, const std::string& name) {
    const fs::path file = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".eml");
    write_file_atomically(file, bytes);
    return file;
}

}  // namespace

TEST(Mime, PythonReadsBackEveryHeaderAndPart) {
    const Message m = sample_message();
    const fs::path file = write_temp(compose(m), "mime-headers");
    auto f = parse_with_python(file);
    EXPECT_EQ(f["defects"], "0");
    EXPECT_EQ(f["subject"], m.subject);
    EXPECT_EQ(f["from_name"], "Les Ecossolies");
    EXPECT_EQ(f["from_address"], "damien.labrousse@ecossolies.fr");
    EXPECT_EQ(f["to_count"], "1");
    // Longer than one encoded word: cut after a space. Python's address
    // parser keeps the folding between encoded words (RFC 2047 says to drop
    // it), so it reads that one space doubled; every word stays whole.
    std::string expected_name = m.to[0].name;
    const std::size_t cut = f["to_name"].find("  ");
    ASSERT_NE(cut, std::string::npos) << f["to_name"];
    expected_name.insert(cut, " ");
    EXPECT_EQ(f["to_name"], expected_name);
    EXPECT_EQ(f["to_address"], "zoe@exemple.org");
    EXPECT_EQ(f["message-id"], "<" + m.message_id + ">");
    EXPECT_EQ(f["date"], "Tue, 01 Dec 2015 09:00:00 +0100");
    EXPECT_EQ(f["x-unsent"], "1");
    EXPECT_EQ(f["mime-version"], "1.0");
    EXPECT_EQ(f["content_type"], "multipart/mixed");
    EXPECT_EQ(f["body_charset"], "utf-8");
    EXPECT_EQ(f["body_encoding"], "quoted-printable");
    EXPECT_EQ(f["body_language"], "fr");
    EXPECT_EQ(f["body"], m.body);
    fs::remove(file);
}

TEST(Mime, BinaryAttachmentComesBackByteForByteWithItsUtf8Name) {
    const Message m = sample_message();
    const fs::path file = write_temp(compose(m), "mime-attachment");
    auto f = parse_with_python(file);
    EXPECT_EQ(f["attachments"], "1");
    EXPECT_EQ(f["attachment0_filename"], m.attachments[0].file_name);  // RFC 2231, continued over lines
    EXPECT_EQ(f["attachment0_disposition"], "attachment");
    EXPECT_EQ(f["attachment0_type"], "application/pdf");
    EXPECT_EQ(f["attachment0_encoding"], "base64");
    EXPECT_EQ(f["attachment0_size"], "5000");
    EXPECT_EQ(f["attachment0_sha256"], sha256_hex(m.attachments[0].bytes));
    fs::remove(file);
}

TEST(Mime, LinesAreCrlfShortAndSevenBit) {
    const fs::path file = write_temp(compose(sample_message()), "mime-lines");
    auto f = parse_with_python(file);
    EXPECT_EQ(f["crlf_only"], "1");
    EXPECT_LE(std::stoi(f["longest_line"]), 78);
    EXPECT_EQ(f["seven_bit"], "1");
    fs::remove(file);
}

TEST(Mime, SameMessageSameBytes) {
    EXPECT_EQ(compose(sample_message()), compose(sample_message()));
    Message other = sample_message();
    other.attachments[0].bytes[10] ^= 1;
    EXPECT_NE(compose(sample_message()), compose(other));
}

TEST(Mime, ShortUtf8DisplayNameIsOneEncodedWord) {
    Message m = sample_message();
    m.to = {{"Zoé Ébauche-Delacroix", "zoe@exemple.org"}};
    const fs::path file = write_temp(compose(m), "mime-name");
    EXPECT_EQ(parse_with_python(file)["to_name"], "Zoé Ébauche-Delacroix");
    fs::remove(file);
}

TEST(Mime, AsciiHeadersStayReadable) {
    Message m = sample_message();
    m.subject = "Lettre de mission 2016";
    m.to = {{"Camille Exemple", "camille@exemple.org"}};
    m.attachments[0].file_name = "lettre.pdf";
    m.draft = false;
    const std::string bytes = compose(m);
    EXPECT_NE(bytes.find("\r\nSubject: Lettre de mission 2016\r\n"), std::string::npos);
    EXPECT_NE(bytes.find("\r\nTo: Camille Exemple <camille@exemple.org>\r\n"), std::string::npos);
    EXPECT_NE(bytes.find("Content-Disposition: attachment;\r\n filename=\"lettre.pdf\"\r\n"), std::string::npos);
    EXPECT_EQ(bytes.find("X-Unsent"), std::string::npos);
}

TEST(Mime, DateNamesTheRightWeekdayAndOffset) {
    EXPECT_EQ(format_date({2015, 12, 1, 9, 0, 0, 60}), "Tue, 01 Dec 2015 09:00:00 +0100");
    EXPECT_EQ(format_date({2016, 2, 29, 23, 59, 58, 120}), "Mon, 29 Feb 2016 23:59:58 +0200");
    EXPECT_EQ(format_date({2000, 1, 1, 0, 0, 0, -330}), "Sat, 01 Jan 2000 00:00:00 -0530");
}

TEST(MimeEncoding, QuotedPrintable) {
    EXPECT_EQ(quoted_printable("a=b\n"), "a=3Db");
    EXPECT_EQ(quoted_printable("fin \nsuite"), "fin=20\r\nsuite");
    EXPECT_EQ(quoted_printable("é"), "=C3=A9");
    EXPECT_EQ(quoted_printable(".point"), "=2Epoint");
    const std::string encoded = quoted_printable(std::string(200, 'x'));
    EXPECT_EQ(encoded.substr(0, 77), std::string(75, 'x') + "=\r");
    for (std::size_t start = 0, end; start < encoded.size(); start = end + 2) {
        end = encoded.find("\r\n", start);
        if (end == std::string::npos) end = encoded.size();
        EXPECT_LE(end - start, 76u);
    }
}

TEST(MimeEncoding, QuotedPrintableNeverCutsAnEscape) {
    const std::string encoded = quoted_printable(std::string(74, 'x') + "éé");
    EXPECT_EQ(encoded, std::string(74, 'x') + "=\r\n=C3=A9=C3=A9");
}

TEST(MimeEncoding, Base64LinesOf76) {
    EXPECT_EQ(base64_lines(""), "");
    EXPECT_EQ(base64_lines("Man"), "TWFu");
    EXPECT_EQ(base64_lines(std::string(57, 'a')).size(), 76u);
    const std::string two = base64_lines(std::string(58, 'a'));
    EXPECT_EQ(two.substr(76, 2), "\r\n");
    EXPECT_EQ(two.substr(78), "YQ==");
}

TEST(MimeEncoding, HeaderTextEncodesNonAsciiInShortWordsNeverCuttingACharacter) {
    EXPECT_EQ(header_text("Bonjour", 9), "Bonjour");
    EXPECT_EQ(header_text("é", 9), "=?UTF-8?B?w6k=?=");
    const std::string words = header_text("«\u202F" + std::string(100, 'a') + "é\u202F»", 9);
    for (std::size_t start = 0, end; start < words.size(); start = end + 3) {
        end = words.find("\r\n ", start);
        if (end == std::string::npos) end = words.size();
        EXPECT_LE(end - start + (start == 0 ? 9 : 1), 78u);
        EXPECT_LE(end - start, 75u);
    }
}

// RFC 2047: each encoded word must hold whole characters on its own.
TEST(MimeEncoding, EachEncodedWordDecodesToWholeCharacters) {
    const std::string text = "Ébauche «\u202F" + std::string(30, 'a') + "éèàçœ€𝄞" + std::string(17, 'b') + "\u202F»";
    for (std::size_t used : {9u, 40u, 70u}) {
        const std::string header = header_text(text, used);
        std::string decoded;
        for (std::size_t at = header.find("=?UTF-8?B?"); at != std::string::npos; at = header.find("=?UTF-8?B?", at + 1)) {
            const std::size_t end = header.find("?=", at + 10);
            const std::string b64 = header.substr(at + 10, end - at - 10);
            std::string raw(b64.size(), '\0');
            int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(&raw[0]),
                                    reinterpret_cast<const unsigned char*>(b64.data()), static_cast<int>(b64.size()));
            ASSERT_GE(n, 0);
            n -= static_cast<int>(std::count(b64.end() - 2, b64.end(), '='));
            raw.resize(static_cast<std::size_t>(n));
            EXPECT_TRUE(is_valid_utf8(raw)) << b64;
            EXPECT_LE(end + 2 - at, 75u);
            decoded += raw;
        }
        EXPECT_EQ(decoded, text);
    }
}

TEST(MimeEncoding, Rfc2231ParameterForNonAsciiFileNames) {
    EXPECT_EQ(parameter("filename", "lettre.pdf"), "\r\n filename=\"lettre.pdf\"");
    EXPECT_EQ(parameter("filename", "é.pdf"), "\r\n filename*0*=UTF-8''%C3%A9.pdf");
    EXPECT_EQ(parameter("filename", "a\"b.pdf"), "\r\n filename*0*=UTF-8''a%22b.pdf");
}

TEST(MimeEncoding, DisplayNames) {
    EXPECT_EQ(display_name("Les Ecossolies", 6), "Les Ecossolies");
    EXPECT_EQ(display_name("Dupont, Camille", 6), "\"Dupont, Camille\"");
    EXPECT_EQ(display_name("Say \"hi\"", 6), "\"Say \\\"hi\\\"\"");
    EXPECT_EQ(display_name("Zoé", 6), "=?UTF-8?B?Wm/DqQ==?=");
}
