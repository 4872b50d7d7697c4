// The batch runners: every task runs and every failure is reported in task
// order; the ordered pipeline consumes in index order, one at a time, with a
// bounded number of items waiting.
#include "pipeline/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace lettrine {
namespace {

// Uneven work, so that items finish out of order.
void work(std::size_t i) { std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 40)); }

TEST(RunOrdered, ConsumesEveryItemInOrderOneAtATime) {
    for (int threads : {1, 2, 4}) {
        std::vector<std::size_t> consumed;
        std::atomic<int> consumers{0};
        bool overlapped = false;
        run_ordered<std::string>(
            200, threads, 3,
            [](std::size_t i) {
                work(i);
                return "élément " + std::to_string(i);
            },
            [&](std::size_t i, std::string& item) {
                overlapped = overlapped || consumers++ > 0;
                EXPECT_EQ(item, "élément " + std::to_string(i));
                consumed.push_back(i);
                --consumers;
            });
        ASSERT_EQ(consumed.size(), 200u) << threads << " threads";
        for (std::size_t i = 0; i < consumed.size(); ++i) ASSERT_EQ(consumed[i], i) << threads << " threads";
        EXPECT_FALSE(overlapped);
    }
}

TEST(RunOrdered, AtMostTheWindowOfItemsIsInFlight) {
    std::mutex mutex;
    std::size_t started = 0, consumed = 0, widest = 0;
    run_ordered<int>(
        300, 4, 5,
        [&](std::size_t i) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                ++started;
                widest = std::max(widest, started - consumed);
            }
            work(i);
            return static_cast<int>(i);
        },
        [&](std::size_t, int&) {
            std::lock_guard<std::mutex> lock(mutex);
            ++consumed;
        });
    EXPECT_EQ(consumed, 300u);
    EXPECT_LE(widest, 5u);
    EXPECT_GE(widest, 2u) << "four threads do produce ahead";
}

TEST(RunOrdered, ReportsEveryFailureInOrderAndStopsConsumingAtTheFirst) {
    std::vector<std::size_t> consumed;
    try {
        run_ordered<int>(
            40, 3, 4,
            [](std::size_t i) {
                work(i);
                if (i == 31) throw LettrineError(ErrorKind::Data, SourcePosition{}, "élément 32 invalide");
                if (i == 7) throw LettrineError(ErrorKind::Template, SourcePosition{}, "élément 8 invalide");
                return static_cast<int>(i);
            },
            [&](std::size_t i, int&) { consumed.push_back(i); });
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Template) << "the first item's failure gives the kind";
        ASSERT_EQ(error.diagnostics().items().size(), 2u);
        EXPECT_EQ(error.diagnostics().items()[0].message, "élément 8 invalide");
        EXPECT_EQ(error.diagnostics().items()[1].message, "élément 32 invalide");
    }
    EXPECT_EQ(consumed, (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(RunOrdered, AConsumerFailureStopsTheRest) {
    std::vector<std::size_t> consumed;
    EXPECT_THROW(run_ordered<int>(
                     20, 2, 2, [](std::size_t i) { return static_cast<int>(i); },
                     [&](std::size_t i, int&) {
                         if (i == 5) throw LettrineError(ErrorKind::Io, SourcePosition{}, "disque plein");
                         consumed.push_back(i);
                     }),
                 LettrineError);
    EXPECT_EQ(consumed, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(RunInParallel, TheLowestTaskFailureGivesTheKindAndMessagesAreMergedOnce) {
    try {
        run_in_parallel(30, 3, [](std::size_t i) {
            work(i);
            if (i == 25) throw LettrineError(ErrorKind::Io, SourcePosition{}, "fichier illisible");
            if (i % 10 == 4) throw LettrineError(ErrorKind::Template, SourcePosition{}, "modèle invalide");
        });
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        EXPECT_EQ(error.kind(), ErrorKind::Template);
        ASSERT_EQ(error.diagnostics().items().size(), 2u);
        EXPECT_EQ(error.diagnostics().items()[0].message, "modèle invalide");
        EXPECT_EQ(error.diagnostics().items()[1].message, "fichier illisible");
    }
}

// Issue 16: a full disk fails every file being written at that moment; the
// user reads « plus de place sur le disque » once, for the first file.
TEST(RunInParallel, AFullDiskIsReportedOnceNotOncePerFile) {
    try {
        run_in_parallel(8, 4, [](std::size_t i) {
            throw LettrineError(ErrorKind::Io, SourcePosition::in_file("lettre-" + std::to_string(i) + ".pdf"),
                                "écriture impossible (plus de place sur le disque) : aucun fichier partiel n’est laissé");
        });
        FAIL() << "expected a LettrineError";
    } catch (const LettrineError& error) {
        ASSERT_EQ(error.diagnostics().items().size(), 1u);
        EXPECT_EQ(error.diagnostics().items()[0].position.file, "lettre-0.pdf");
    }
}

}  // namespace
}  // namespace lettrine
