#pragma once
// Hyphenation points from Liang's patterns through libhyphen (the library
// of LibreOffice), with the French patterns of Debian's hyphen-fr. The
// patterns are read once per process; a Hyphenator is then shared, read-only,
// by every thread.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lettrine {

// French rule: at least two letters before the hyphen and three after
// (Imprimerie nationale; also TeX's French \lefthyphenmin/\righthyphenmin).
constexpr int kHyphenMinBefore = 2;
constexpr int kHyphenMinAfter = 3;

// Where Debian's hyphen-fr installs the French patterns.
constexpr const char* kFrenchPatterns = "/usr/share/hyphen/hyph_fr.dic";

class Hyphenator {
public:
    // Reads a libhyphen pattern file (.dic, UTF-8). Throws LettrineError(Io)
    // naming the file and the Debian package when it cannot be read.
    static std::shared_ptr<const Hyphenator> load(const std::string& path);
    // The French patterns, loaded on first use (thread-safe), then shared.
    static std::shared_ptr<const Hyphenator> french();

    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Break opportunities in a word of lowercase letters: each k returned
    // (ascending) allows "word[0, k)-" / "word[k, n)", with at least
    // `min_before` letters before and `min_after` after. Words of other
    // characters (capitals, digits, punctuation) are the caller's business.
    std::vector<uint32_t> points(const std::u32string& word, int min_before = kHyphenMinBefore,
                                 int min_after = kHyphenMinAfter) const;
    // The same into a reused vector.
    void points(const std::u32string& word, std::vector<uint32_t>& out, int min_before = kHyphenMinBefore,
                int min_after = kHyphenMinAfter) const;

private:
    Hyphenator() = default;
    void lookup(const std::u32string& word, std::vector<uint32_t>& all) const;
    struct Dictionary;
    std::unique_ptr<Dictionary> dictionary_;
    uint64_t id_ = 0;  // unique per loaded dictionary: the key of the per-thread caches
    // libhyphen keeps no state between calls, but is not documented as
    // thread-safe: calls are serialised; their results are cached per thread.
    mutable std::mutex mutex_;
};

}  // namespace lettrine
