// The output batch under attack and under faults (issue 16): links planted in
// the output folder, something in the way of a destination, a run's own
// input as destination, two runs at once, and a failure or a kill at each
// step of the publication (LETTRINE_TEST_PANNE, test build only).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>

#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

using namespace lettrine;
namespace fs = boost::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("lettrine-batch-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const LettrineError& e) {
        std::string all;
        for (const auto& d : e.diagnostics().items()) all += d.describe() + "\n";
        return all;
    }
    return "no error";
}

// Every regular file (relative path -> bytes) outside Lettrine's .lettrine folder.
std::map<std::string, std::string> visible(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
        if (it->path().filename() == ".lettrine") {
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_symlink(it->path())) out[it->path().lexically_relative(dir).string()] = "<lien>";
        else if (fs::is_regular_file(it->path())) out[it->path().lexically_relative(dir).string()] = read_file(it->path());
    }
    return out;
}

void publish(const fs::path& dir, const std::map<std::string, std::string>& files) {
    OutputBatch batch(dir);
    for (const auto& [name, bytes] : files) batch.stage_bytes(dir / name, bytes);
    batch.commit();
}

const std::map<std::string, std::string> kOld = {{"a.pdf", "ancien a"}, {"lettres/b.pdf", "ancien b"},
                                                 {"lettres/c.pdf", "ancien c"}};
const std::map<std::string, std::string> kNew = {{"a.pdf", "nouveau a"}, {"lettres/b.pdf", "nouveau b"},
                                                 {"lettres/c.pdf", "nouveau c"}, {"lettres/d.pdf", "nouveau d"}};

struct ScopedVariable {
    ScopedVariable(const char* name, const std::string& value) : name_(name) { ::setenv(name, value.c_str(), 1); }
    ~ScopedVariable() { ::unsetenv(name_); }
    const char* name_;
};

}  // namespace

TEST(OutputBatchSafety, LinksPlantedWithEveryPlausibleNameAreNeverFollowed) {
    const fs::path dir = fresh_dir("links");
    const fs::path outside = fresh_dir("links-victim") / "configuration";
    std::ofstream(outside.string()) << "précieux";
    fs::create_directories(dir / ".lettrine");
    fs::create_directories(dir / "lettres");
    // The outputs, the manifest and journal, the earlier versions' temporary names for the next pids.
    std::vector<fs::path> links = {dir / "a.pdf", dir / "lettres" / "b.pdf", dir / ".lettrine" / "manifeste",
                                   dir / ".lettrine" / "publication"};
    for (int pid = ::getpid(); pid < ::getpid() + 50; ++pid)
        for (const char* name : {".a.pdf.tmp-", ".b.pdf.tmp-"}) links.push_back(dir / (name + std::to_string(pid) + "-0"));
    for (const fs::path& link : links) fs::create_symlink(outside, link);
    publish(dir, {{"a.pdf", "A"}, {"lettres/b.pdf", "B"}});
    EXPECT_EQ(read_file(outside), "précieux");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir / "a.pdf")));
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir / "lettres" / "b.pdf")));
    EXPECT_EQ(read_file(dir / "a.pdf"), "A");
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir / ".lettrine" / "manifeste")));

    // A link in place of the lock or of Lettrine's folder: refused, the target untouched.
    fs::remove(dir / ".lettrine" / "verrou");
    fs::create_symlink(outside, dir / ".lettrine" / "verrou");
    EXPECT_NE(error_of([&] { publish(dir, {{"a.pdf", "A2"}}); }), "no error");
    const fs::path other = fresh_dir("links-2");
    fs::create_symlink(outside.parent_path(), other / ".lettrine");
    EXPECT_NE(error_of([&] { publish(other, {{"a.pdf", "A3"}}); }), "no error");
    EXPECT_EQ(read_file(outside), "précieux");
    EXPECT_EQ(fs::directory_iterator(outside.parent_path())->path(), outside);  // nothing added next to it
    fs::remove_all(dir);
    fs::remove_all(other);
    fs::remove_all(outside.parent_path());
}

TEST(OutputBatchSafety, AFolderInTheWayFailsTheBatchBeforeAnythingIsReplaced) {
    const fs::path dir = fresh_dir("in-the-way");
    publish(dir, {{"lettre-1.pdf", "ancienne 1"}, {"lettre-2.pdf", "ancienne 2"}});
    fs::create_directories(dir / "budget-2016.xlsx");
    const std::string message = error_of([&] {
        publish(dir, {{"lettre-1.pdf", "nouvelle 1"}, {"lettre-2.pdf", "nouvelle 2"}, {"budget-2016.xlsx", "classeur"},
                      {"sous-dossier/autre.pdf", "x"}});
    });
    EXPECT_EQ(message, (dir / "budget-2016.xlsx").string() +
                           " : un dossier porte ce nom : il ne peut pas être remplacé par un fichier ; aucun fichier "
                           "n’a été remplacé\n");
    EXPECT_EQ(visible(dir), (std::map<std::string, std::string>{{"lettre-1.pdf", "ancienne 1"},
                                                                {"lettre-2.pdf", "ancienne 2"}}));
    EXPECT_FALSE(fs::exists(dir / "sous-dossier"));  // no empty folder left
    fs::remove_all(dir);
}

TEST(OutputBatchSafety, ARunsOwnInputIsNeverItsOutput) {
    const fs::path dir = fresh_dir("input");
    std::ofstream((dir / "p.xml").string()) << "<programme/>";
    EXPECT_NE(error_of([&] { refuse_unusable_destination(dir / "p.xml", {dir / "p.xml"}); }).find("un des fichiers que ce lancement lit"),
              std::string::npos);
    EXPECT_NE(error_of([&] { refuse_unusable_destination("/dev/null", {}); }).find("périphérique"), std::string::npos);
    EXPECT_NE(error_of([&] { refuse_unusable_destination(dir, {}); }).find("c’est un dossier"), std::string::npos);
    EXPECT_EQ(error_of([&] { refuse_unusable_destination(dir / "absent.xlsx", {dir / "p.xml"}); }), "no error");
    OutputBatch batch(dir);
    batch.protect(dir / "p.xml");
    batch.stage_bytes(dir / "p.xml", "PK classeur");
    EXPECT_NE(error_of([&] { batch.commit(); }).find("un des fichiers que ce lancement lit"), std::string::npos);
    EXPECT_EQ(read_file(dir / "p.xml"), "<programme/>");
    fs::remove_all(dir);
}

TEST(OutputBatchSafety, ASecondRunWaitsThenSaysAnotherRunIsWriting) {
    const fs::path dir = fresh_dir("lock");
    publish(dir, {{"a.pdf", "A"}});
    const int held = ::open((dir / ".lettrine" / "verrou").c_str(), O_RDWR | O_CLOEXEC);
    ASSERT_EQ(::flock(held, LOCK_EX), 0);
    ScopedVariable wait("LETTRINE_TEST_ATTENTE_VERROU", "1");
    EXPECT_EQ(error_of([&] { publish(dir, {{"a.pdf", "B"}}); }),
              dir.string() + " : un autre lancement de Lettrine écrit dans ce dossier (attendu 1 s) : rien n’a été "
                             "remplacé, relancer quand il aura fini\n");
    ::close(held);
    publish(dir, {{"a.pdf", "C"}});
    EXPECT_EQ(read_file(dir / "a.pdf"), "C");
    fs::remove_all(dir);
}

TEST(OutputBatchSafety, TwoRunsAtOnceLeaveTheFilesOfOne) {
    const fs::path dir = fresh_dir("two-runs");
    std::vector<pid_t> children;
    for (const char* run : {"premier", "second"}) {
        const pid_t child = ::fork();
        if (child == 0) {
            std::map<std::string, std::string> files;
            for (int i = 0; i < 60; ++i) files["lettre-" + std::to_string(i) + ".pdf"] = run;
            try {
                publish(dir, files);
            } catch (...) {
                ::_exit(1);
            }
            ::_exit(0);
        }
        children.push_back(child);
    }
    for (pid_t child : children) {
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_EQ(WEXITSTATUS(status), 0);
    }
    const auto files = visible(dir);
    ASSERT_EQ(files.size(), 60u);
    for (const auto& [name, bytes] : files) EXPECT_EQ(bytes, files.begin()->second) << name;
    fs::remove_all(dir);
}

// A failure (a rename refused) at each step: everything already published is
// put back, the message says so, the folder holds the previous run's files.
TEST(OutputBatchSafety, AFailureAtEachPublicationStepRollsBack) {
    std::vector<std::string> points = {"journal:0"};
    for (int i = 0; i < 4; ++i)
        for (const char* step : {"sauvegarde:", "remplacement:"}) points.push_back(step + std::to_string(i));
    for (const std::string& point : points) {
        const fs::path dir = fresh_dir("fault");
        publish(dir, kOld);
        std::string message;
        {
            ScopedVariable fault("LETTRINE_TEST_PANNE", point + ":erreur");
            message = error_of([&] { publish(dir, kNew); });
        }
        EXPECT_NE(message.find("le dossier contient de nouveau les fichiers du lancement précédent, aucun fichier de ce "
                               "lancement n’y est"),
                  std::string::npos)
            << point << " : " << message;
        EXPECT_EQ(visible(dir), kOld) << point;
        EXPECT_FALSE(fs::exists(dir / ".lettrine" / "publication")) << point;
        publish(dir, kNew);  // and the next run is not disturbed
        EXPECT_EQ(visible(dir), kNew) << point;
        fs::remove_all(dir);
    }
}

// A failure, then a failure of the roll back itself: the message names the
// stuck file and says the next run finishes; the next run does.
TEST(OutputBatchSafety, ARollBackThatFailsLeavesTheJournalForTheNextRun) {
    const fs::path dir = fresh_dir("stuck");
    publish(dir, kOld);
    std::string message;
    bool pending = false;
    {
        ScopedVariable fault("LETTRINE_TEST_PANNE", "remplacement:2:erreur,remise:1:erreur");
        try {
            publish(dir, kNew);
        } catch (const PublicationPending& e) {
            pending = true;
            message = e.what();
        }
    }
    EXPECT_TRUE(pending);
    EXPECT_EQ(message, (dir / "lettres/c.pdf").string() +
                           " : impossible de mettre le fichier en place (erreur d’entrée-sortie du disque) ; la remise en "
                           "état a échoué pour « lettres/b.pdf » : le journal " +
                           (dir / ".lettrine/publication").string() +
                           " est conservé et le prochain lancement dans ce dossier terminera la publication");
    EXPECT_TRUE(fs::exists(dir / ".lettrine" / "publication"));
    publish(dir, {{"autre.pdf", "autre"}});
    auto expected = kNew;
    expected["autre.pdf"] = "autre";
    EXPECT_EQ(visible(dir), expected);
    fs::remove_all(dir);
}

// A kill (SIGKILL) at each step: the next run finishes the interrupted
// publication, so the folder holds exactly the files of one run.
TEST(OutputBatchSafety, AKillAtEachPublicationStepIsFinishedByTheNextRun) {
    std::vector<std::string> points = {"journal:0", "manifeste:0"};
    for (int i = 0; i < 4; ++i)
        for (const char* step : {"sauvegarde:", "remplacement:"}) points.push_back(step + std::to_string(i));
    for (const std::string& point : points) {
        const fs::path dir = fresh_dir("kill");
        publish(dir, kOld);
        const pid_t child = ::fork();
        if (child == 0) {
            ::setenv("LETTRINE_TEST_PANNE", (point + ":arret").c_str(), 1);
            try {
                publish(dir, kNew);
            } catch (...) {
            }
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        const bool killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
        EXPECT_TRUE(killed || point == "manifeste:0") << point;
        publish(dir, {{"autre.pdf", "autre"}});  // the next run in the folder
        auto expected = kNew;
        expected["autre.pdf"] = "autre";
        EXPECT_EQ(visible(dir), expected) << point;
        EXPECT_FALSE(fs::exists(dir / ".lettrine" / "publication")) << point;
        std::size_t left = 0;
        for (fs::directory_iterator it(dir / ".lettrine"), end; it != end; ++it) left += fs::is_directory(it->path());
        EXPECT_EQ(left, 0u) << point;  // no staging folder left behind
        fs::remove_all(dir);
    }
}

TEST(OutputBatchSafety, TheManifestListsWhatTheRunWrote) {
    const fs::path dir = fresh_dir("manifest");
    publish(dir, kNew);
    EXPECT_EQ(read_file(dir / ".lettrine" / "manifeste"),
              "lettrine-manifeste 2\njob\t\na.pdf\nlettres/b.pdf\nlettres/c.pdf\nlettres/d.pdf\n");
    fs::remove_all(dir);
}

TEST(OutputBatchSafety, StagingFoldersOfKilledRunsAreSweptLiveOnesKept) {
    const fs::path dir = fresh_dir("sweep");
    fs::create_directories(dir / ".lettrine" / "lot-mort0000");
    std::ofstream((dir / ".lettrine" / "lot-mort0000" / "n-0").string()) << "partiel";
    OutputBatch live(dir);
    live.stage_bytes(dir / "x.pdf", "x");
    EXPECT_EQ(remove_stale_temporaries(dir), 1u);
    EXPECT_FALSE(fs::exists(dir / ".lettrine" / "lot-mort0000"));
    live.commit();
    EXPECT_EQ(read_file(dir / "x.pdf"), "x");
    fs::remove_all(dir);
}

TEST(ReadFile, RefusesAtOnceWhatIsNotARegularFile) {
    const fs::path dir = fresh_dir("read");
    ASSERT_EQ(::mkfifo((dir / "tube.xlsx").c_str(), 0600), 0);
    EXPECT_EQ(error_of([&] { read_file(dir / "tube.xlsx"); }),
              (dir / "tube.xlsx").string() + " : c’est un tube nommé (FIFO), pas un fichier ordinaire : refusé\n");
    EXPECT_EQ(error_of([&] { read_file("/dev/zero"); }),
              "/dev/zero : c’est un périphérique, pas un fichier ordinaire : refusé\n");
    EXPECT_EQ(error_of([&] { read_file(dir); }), dir.string() + " : c’est un dossier, pas un fichier\n");
    std::ofstream((dir / "gros.xml").string()) << std::string(3 << 20, 'x');
    EXPECT_EQ(error_of([&] { read_file(dir / "gros.xml", 1 << 20); }),
              (dir / "gros.xml").string() + " : fichier trop gros (3 Mo, 1 Mo au plus) : il n’est pas lu\n");
    EXPECT_EQ(read_file(dir / "gros.xml").size(), 3u << 20);
    fs::remove_all(dir);
}
