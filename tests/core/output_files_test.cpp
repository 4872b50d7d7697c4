#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cerrno>
#include <fstream>
#include <functional>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("lettrine-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
std::size_t count_files(const fs::path& dir) {
    std::size_t n = 0;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        if (it->path().filename() == ".lettrine") {  // the batch's lock, manifest and staging
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_regular_file(it->path())) ++n;
    }
    return n;
}
}  // namespace

TEST(OutputBatch, NothingVisibleBeforeCommit) {
    const fs::path dir = fresh_dir("batch");
    {
        OutputBatch batch;
        batch.stage_bytes(dir / "a.txt", "A");
        batch.stage_bytes(dir / "sub" / "b.txt", "B");
        EXPECT_FALSE(fs::exists(dir / "a.txt"));
        batch.commit();
    }
    EXPECT_EQ(read_file(dir / "a.txt"), "A");
    EXPECT_EQ(read_file(dir / "sub" / "b.txt"), "B");
    EXPECT_EQ(count_files(dir), 2u);
    fs::remove_all(dir);
}

TEST(OutputBatch, AbandonedBatchLeavesNoFileAndKeepsOldOutput) {
    const fs::path dir = fresh_dir("abandon");
    write_file_atomically(dir / "a.txt", "old");
    {
        OutputBatch batch;
        batch.stage_bytes(dir / "a.txt", "new");
        batch.stage_bytes(dir / "c.txt", "C");
    }  // destroyed without commit, as when a later document fails
    EXPECT_EQ(read_file(dir / "a.txt"), "old");
    EXPECT_EQ(count_files(dir), 1u);
    fs::remove_all(dir);
}

TEST(OutputBatch, UnwritableFolderIsAnIoError) {
    try {
        write_file_atomically("/proc/lettrine-cannot/x.txt", "x");
        FAIL() << "expected an error";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
    }
}

namespace {
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> out;
    for (fs::directory_iterator it(dir), end; it != end; ++it)
        if (it->path().filename() != ".lettrine") out.push_back(it->path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const LettrineError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST(OutputBatch, NamesThatWouldBeOneFileAreRefused) {
    const fs::path dir = fresh_dir("twins");
    OutputBatch batch;
    batch.stage_bytes(dir / "Déchets.pdf", "A");  // precomposed « é »
    EXPECT_EQ(error_of([&] { batch.stage_bytes(dir / "De\xCC\x81" "chets.pdf", "B"); }),
              (dir / "De\xCC\x81" "chets.pdf").string() +
                  " : deux documents du lot porteraient ce nom (« Déchets.pdf » et « De\xCC\x81" "chets.pdf », identiques "
                  "ou ne différant que par les majuscules ou la forme des accents) : le second écraserait le premier");
    EXPECT_NE(error_of([&] { batch.stage_bytes(dir / "DÉCHETS.PDF", "C"); }), "no error");
    EXPECT_NE(error_of([&] { batch.stage_bytes(dir / "." / "Déchets.pdf", "D"); }), "no error");
    batch.stage_bytes(dir / "Déchets-2.pdf", "E");
    batch.commit();
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{"Déchets-2.pdf", "Déchets.pdf"}));
    EXPECT_EQ(read_file(dir / "Déchets.pdf"), "A");
    fs::remove_all(dir);
}

TEST(OutputBatch, FileNamesLongerThan255BytesAreRefused) {
    const fs::path dir = fresh_dir("long");
    const std::string name = std::string(252, 'a') + ".pdf";
    EXPECT_EQ(error_of([&] { write_file_atomically(dir / name, "x"); }),
              (dir / name).string() + " : nom de fichier trop long (256 octets, 255 au plus)");
    // 255 bytes exactly is fine.
    write_file_atomically(dir / (std::string(251, 'b') + ".pdf"), "x");
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{std::string(251, 'b') + ".pdf"}));
    fs::remove_all(dir);
}

// The hidden temporaries of earlier versions (".name.tmp-PID-N") are still swept.
TEST(OutputBatch, StaleTemporariesOfDeadProcessesAreRemoved) {
    const fs::path dir = fresh_dir("stale");
    // A process that has exited: its pid is free (no pid reuse within this test's few microseconds).
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    const std::string dead = std::to_string(child), alive = std::to_string(::getppid());
    write_file_atomically(dir / "lettre.pdf", "ancienne");
    for (const std::string& name : std::vector<std::string>{".lettre.pdf.tmp-" + dead + "-0", ".lettre-2.pdf.tmp-" + dead + "-12",
                                    ".lettre.pdf.tmp-" + alive + "-0", ".notes.tmp-abc-1", "lettre.pdf.tmp-" + dead + "-0"})
        std::ofstream((dir / name).string()) << "partiel";
    OutputBatch batch;
    batch.stage_bytes(dir / "lettre.pdf", "nouvelle");
    batch.commit();
    // The dead process's hidden temporaries are gone; everything else is kept.
    EXPECT_EQ(names_in(dir), (std::vector<std::string>{".lettre.pdf.tmp-" + alive + "-0", ".notes.tmp-abc-1", "lettre.pdf",
                                                       "lettre.pdf.tmp-" + dead + "-0"}));
    EXPECT_EQ(read_file(dir / "lettre.pdf"), "nouvelle");
    EXPECT_EQ(remove_stale_temporaries(dir), 0u);
    fs::remove_all(dir);
}

TEST(OutputBatch, AWriteFailingHalfWayLeavesNoPartialFile) {
    // The child process may write at most 4 KiB per file (RLIMIT_FSIZE, with
    // SIGXFSZ ignored so write() fails with EFBIG instead of killing it).
    const fs::path dir = fresh_dir("full");
    write_file_atomically(dir / "a.pdf", "version complète précédente");
    int pipe_fds[2];
    ASSERT_EQ(::pipe(pipe_fds), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipe_fds[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        const struct rlimit limit = {4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const std::string message = error_of([&] {
            OutputBatch batch;
            batch.stage_bytes(dir / "b.pdf", "petit");
            batch.stage_bytes(dir / "a.pdf", std::string(100000, 'x'));
            batch.commit();
        });
        (void)!::write(pipe_fds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) message.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fds[0]);
    ::waitpid(child, nullptr, 0);
    EXPECT_EQ(message, (dir / "a.pdf").string() +
                           " : écriture impossible (fichier trop gros pour le système de fichiers ou pour la limite de "
                           "taille permise) : aucun fichier partiel n’est laissé");
    EXPECT_EQ(names_in(dir), std::vector<std::string>{"a.pdf"});
    EXPECT_EQ(read_file(dir / "a.pdf"), "version complète précédente");
    fs::remove_all(dir);
}

TEST(OutputBatch, SystemErrorsInFrench) {
    EXPECT_EQ(describe_system_error(ENOSPC), "plus de place sur le disque");
    EXPECT_EQ(describe_system_error(EACCES), "permission refusée");
    EXPECT_EQ(describe_system_error(EROFS), "système de fichiers en lecture seule");
}
