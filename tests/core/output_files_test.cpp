#include <gtest/gtest.h>

#include <boost/filesystem.hpp>

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
    for (fs::recursive_directory_iterator it(dir), end; it != end; ++it)
        if (fs::is_regular_file(it->path())) ++n;
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
