// Nothing lost (issue 7): the real `lettrine` killed in the middle of a
// batch, or failing to write half-way, leaves only complete files; rerunning
// a batch gives the same bytes.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <chrono>
#include <thread>

#include "safety_support.hpp"

using namespace safety;

namespace {

constexpr int kIoExitCode = 5;  // docs/CLI.md

// A mail merge of `records` one-page letters: template and CSV data in `folder`.
std::vector<std::string> merge_arguments(const fs::path& folder, int records, const fs::path& output) {
    std::ofstream(( folder / "lettre.xml.mustache").string())
        << "<document titre=\"Lettre {{numero}}\" auteur=\"Les Ecossolies\" date=\"2016-05-02\">\n"
           "  <p>Bonjour {{nom}}, de {{ville}}.</p>\n"
           "  <p align=\"justifie\">Un paragraphe pour donner au fichier une taille réaliste : é è à ç œ.</p>\n"
           "</document>\n";
    std::ofstream csv((folder / "destinataires.csv").string());
    csv << "Nom;Ville\r\n";
    for (int i = 1; i <= records; ++i) csv << "Personne " << i << ";Nantes\r\n";
    csv.close();
    return {"fusion", "--modele", (folder / "lettre.xml.mustache").string(), "--donnees",
            (folder / "destinataires.csv").string(), "--chaque", "destinataires", "--sortie", output.string(),
            "--jobs", "1", "--quiet"};
}

// Files staged by live or killed runs in `folder` (".lettrine/lot-*/*").
std::size_t staged_files(const fs::path& folder) {
    std::size_t n = 0;
    boost::system::error_code ec;
    for (fs::directory_iterator lot(folder / ".lettrine", ec), end; !ec && lot != end; lot.increment(ec))
        if (lot->path().filename().string().rfind("lot-", 0) == 0)
            for (fs::directory_iterator it(lot->path(), ec); !ec && it != end; it.increment(ec)) ++n;
    return n;
}

}  // namespace

TEST(CrashSafety, KilledInTheMiddleOfABatchLeavesOnlyCompleteFiles) {
    TemporaryFolder work("kill");
    const fs::path output = work.path() / "sortie";
    const auto args = merge_arguments(work.path(), 250, output);

    // A complete run: the earlier outputs.
    const auto [first_code, first_errors] = run_lettrine(args, work.path() / "err1.txt");
    ASSERT_EQ(first_code, 0) << first_errors;
    const auto complete = files_in(output);
    ASSERT_EQ(complete.size(), 250u);

    // The same batch, killed (SIGKILL: no clean-up possible) once it has staged a few files.
    const Child child = start_lettrine(args, work.path() / "err2.txt");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (staged_files(output) < 5 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    ::kill(child.pid, SIGKILL);
    EXPECT_EQ(wait_for(child), 128 + SIGKILL);
    const auto after_kill = files_in(output);
    // Killed in the middle: its hidden temporary files are still there…
    EXPECT_GE(staged_files(output), 5u);
    // …and every file a user sees is a complete earlier output, byte for byte.
    EXPECT_EQ(visible(after_kill), complete);

    // Rerunning is idempotent, and removes the dead process's temporaries.
    const auto [third_code, third_errors] = run_lettrine(args, work.path() / "err3.txt");
    ASSERT_EQ(third_code, 0) << third_errors;
    EXPECT_EQ(files_in(output), complete);
    EXPECT_EQ(staged_files(output), 0u);
}

TEST(CrashSafety, AWriteFailingHalfWayLeavesNoPartialFile) {
    TemporaryFolder work("fsize");
    const fs::path output = work.path() / "sortie";
    const auto args = merge_arguments(work.path(), 20, output);
    const auto [first_code, first_errors] = run_lettrine(args, work.path() / "err1.txt");
    ASSERT_EQ(first_code, 0) << first_errors;
    const auto complete = files_in(output);
    ASSERT_EQ(complete.size(), 20u);
    ASSERT_GT(complete.begin()->second.size(), 3000u);

    // Each file may grow to 3000 bytes only: the first letter's write fails half-way.
    ChildOptions limited;
    limited.max_file_bytes = 3000;
    const auto [code, errors] = run_lettrine(args, work.path() / "err2.txt", limited);
    EXPECT_EQ(code, kIoExitCode) << errors;
    EXPECT_NE(errors.find("écriture impossible"), std::string::npos) << errors;
    EXPECT_NE(errors.find("aucun fichier écrit"), std::string::npos) << errors;
    EXPECT_EQ(files_in(output), complete);  // no partial file, no temporary left, earlier outputs intact
}

TEST(CrashSafety, AFullDiskLeavesNoPartialFile) {
    TemporaryFolder work("tmpfs");
    const fs::path disk = work.path() / "disque";
    fs::create_directories(disk);
    // A 64 KiB file system: about ten letters fit. Only where the test may mount one (root, no seccomp).
    if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=64k") != 0)
        GTEST_SKIP() << "impossible de monter un tmpfs ici (droits insuffisants) : test sauté";
    const fs::path output = disk / "sortie";
    const auto args = merge_arguments(work.path(), 40, output);
    const auto [code, errors] = run_lettrine(args, work.path() / "err.txt");
    const auto left = files_in(output);
    ::umount(disk.c_str());
    EXPECT_EQ(code, kIoExitCode) << errors;
    EXPECT_NE(errors.find("écriture impossible"), std::string::npos) << errors;
    EXPECT_TRUE(left.empty()) << left.begin()->first;
}

namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace

TEST(CrashSafety, TheFirstWriteErrorStopsTheBatchWithOneFrenchMessage) {
    TemporaryFolder work("first-error");
    ChildOptions limited;
    limited.max_file_bytes = 3000;  // every letter is larger: the first write fails (EFBIG)
    const std::string efbig = "écriture impossible (fichier trop gros pour le système de fichiers ou pour la limite de "
                              "taille permise) : aucun fichier partiel n’est laissé";

    // Separate files, one thread: the first letter fails, no other is even tried.
    const fs::path letters = work.path() / "lettres";
    const auto [code, errors] = run_lettrine(merge_arguments(work.path(), 20, letters), work.path() / "err1.txt", limited);
    EXPECT_EQ(code, kIoExitCode) << errors;
    EXPECT_EQ(occurrences(errors, efbig), 1u) << errors;
    EXPECT_NE(errors.find("lettre-0001.pdf"), std::string::npos) << errors;  // the destination…
    EXPECT_EQ(errors.find(".lettrine"), std::string::npos) << errors;        // …never the hidden file
    EXPECT_TRUE(files_in(letters).empty());

    // One streamed PDF: the same, and no partial book.
    auto args = merge_arguments(work.path(), 20, work.path() / "livre.pdf");
    args.push_back("--un-fichier");
    const auto [book_code, book_errors] = run_lettrine(args, work.path() / "err2.txt", limited);
    EXPECT_EQ(book_code, kIoExitCode) << book_errors;
    EXPECT_EQ(occurrences(book_errors, efbig), 1u) << book_errors;
    EXPECT_NE(book_errors.find("livre.pdf"), std::string::npos) << book_errors;
    EXPECT_EQ(book_errors.find(".lettrine"), std::string::npos) << book_errors;
    for (const auto& [name, bytes] : files_in(work.path()))
        EXPECT_TRUE(name.rfind("err", 0) == 0 || name == "lettre.xml.mustache" || name == "destinataires.csv") << name;
}
