// The in-memory ZIP package: entry order, stored vs deflated entries, fixed
// times, identical bytes for identical entries; read back by Python's
// zipfile (an outside reader) as well as by the raw bytes an ODF consumer
// checks (`mimetype` first, stored, no extra field).
#include <fstream>
#include <string>

#include <boost/filesystem.hpp>
#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "package/zip_package.hpp"
#include "support/process.hpp"

namespace fs = boost::filesystem;
using lettrine::package::PackageEntry;
using lettrine::package::zip_package;

namespace {

const std::string kMime = "application/vnd.oasis.opendocument.text";

std::vector<PackageEntry> odf_like() {
    return {{"mimetype", kMime, false},
            {"content.xml", std::string(5000, 'a') + "<é/>", true},
            {"META-INF/manifest.xml", "<manifest/>", true}};
}

uint16_t le16(const std::string& b, size_t at) {
    return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

}  // namespace

TEST(ZipPackage, MimetypeComesFirstStoredWithoutExtraField) {
    const std::string bytes = zip_package(odf_like(), "lettre.odt");
    ASSERT_GT(bytes.size(), 30u + 8 + kMime.size());
    EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(le16(bytes, 8), 0) << "compression method of the first entry";
    EXPECT_EQ(le16(bytes, 26), 8) << "name length";
    EXPECT_EQ(le16(bytes, 28), 0) << "extra field length";
    EXPECT_EQ(bytes.substr(30, 8 + kMime.size()), "mimetype" + kMime);
}

TEST(ZipPackage, SameEntriesGiveSameBytes) {
    EXPECT_EQ(zip_package(odf_like(), "a.odt"), zip_package(odf_like(), "a.odt"));
}

TEST(ZipPackage, DuplicateNamesAreRefusedInFrench) {
    std::vector<PackageEntry> entries = odf_like();
    entries.push_back({"content.xml", "x", true});
    try {
        zip_package(entries, "lettre.odt");
        FAIL() << "a duplicate entry was accepted";
    } catch (const lettrine::LettrineError& error) {
        EXPECT_NE(std::string(error.what()).find("« content.xml » figure deux fois"), std::string::npos) << error.what();
    }
}

TEST(ZipPackage, PythonZipfileReadsEveryEntryInOrder) {
    const fs::path file = fs::temp_directory_path() / fs::unique_path("zip-package-%%%%%%.zip");
    std::ofstream(file.string(), std::ios::binary) << zip_package(odf_like(), "a.odt");
    const auto result = lettrine::test_support::run_command(
        "/usr/bin/python3 -c 'import sys, zipfile\n"
        "z = zipfile.ZipFile(sys.argv[1])\n"
        "assert z.testzip() is None\n"
        "for i in z.infolist(): print(i.filename, i.compress_type, i.date_time[0], len(z.read(i)))' " +
        lettrine::test_support::shell_quote(file.string()));
    fs::remove(file);
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_EQ(result.out, "mimetype 0 2000 39\ncontent.xml 8 2000 5005\nMETA-INF/manifest.xml 8 2000 11\n");
}
