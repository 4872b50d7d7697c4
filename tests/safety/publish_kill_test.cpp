// Issue 16, item 7: the real `lettrine` killed (SIGKILL) while it publishes a
// large batch, at several moments of the renames. The next run publishing
// into the folder finishes the interrupted publication: the folder then holds
// the letters of exactly one run, never a mixture. Label `externe`: kill
// loops are run once in CI, not under the sanitizers.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "safety_support.hpp"

using namespace safety;

namespace {

// A merge of `records` letters whose text says `version`.
std::vector<std::string> merge_arguments(const fs::path& folder, int records, const std::string& version,
                                         const fs::path& output) {
    std::ofstream((folder / "lettre.xml.mustache").string())
        << "<document titre=\"Lettre {{numero}}\" auteur=\"Les Ecossolies\" date=\"2016-05-02\">\n"
           "  <p>Bonjour {{nom}}.</p>\n</document>\n";
    std::ofstream csv((folder / (version + ".csv")).string());
    csv << "Nom\r\n";
    for (int i = 1; i <= records; ++i) csv << "Personne " << i << " " << version << "\r\n";
    csv.close();
    return {"fusion", "--modele", (folder / "lettre.xml.mustache").string(), "--donnees",
            (folder / (version + ".csv")).string(), "--chaque", version, "--sortie", output.string(),
            "--jobs", "2", "--quiet"};
}

}  // namespace

TEST(PublishKill, AKillDuringThePublicationLeavesTheLettersOfOneRun) {
    constexpr int kRecords = 1500;
    TemporaryFolder work("publish-kill");
    const fs::path output = work.path() / "sortie";
    const auto old_args = merge_arguments(work.path(), kRecords, "v1", output);
    const auto new_args = merge_arguments(work.path(), kRecords, "v2", output);
    const auto [code, errors] = run_lettrine(old_args, work.path() / "err.txt");
    ASSERT_EQ(code, 0) << errors;
    const auto v1 = files_in(output);
    ASSERT_EQ(v1.size(), static_cast<std::size_t>(kRecords));
    const auto [code2, errors2] = run_lettrine(new_args, work.path() / "err.txt");
    ASSERT_EQ(code2, 0) << errors2;
    const auto v2 = files_in(output);
    ASSERT_NE(v1, v2);

    int finished_by_next_run = 0;
    for (int delay_us : {0, 300, 1500, 4000}) {
        const bool from_v1 = files_in(output) == v1;
        const Child child = start_lettrine(from_v1 ? new_args : old_args, work.path() / "err-kill.txt");
        const fs::path journal = output / ".lettrine" / "publication";
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (!fs::exists(journal) && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (::waitpid(child.pid, &status, WNOHANG) == child.pid) break;  // finished before we saw it
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
        ::kill(child.pid, SIGKILL);
        wait_for(child);
        if (fs::exists(journal)) ++finished_by_next_run;
        // The next run into the folder (a book beside the letters) finishes the publication first.
        auto book = merge_arguments(work.path(), 3, "v3", output / "livre.pdf");
        book.push_back("--un-fichier");
        const auto [next, next_errors] = run_lettrine(book, work.path() / "err-next.txt");
        ASSERT_EQ(next, 0) << next_errors;
        fs::remove(output / "livre.pdf");
        const auto now = files_in(output);
        EXPECT_TRUE(now == v1 || now == v2) << "délai " << delay_us << " µs : un mélange de deux lancements";
        EXPECT_FALSE(fs::exists(journal));
    }
    EXPECT_GT(finished_by_next_run, 0);  // at least one kill landed inside the publication
}
