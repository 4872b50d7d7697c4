#include "layout/hyphenation.hpp"

#include <hyphen.h>

#include <atomic>
#include <cstdlib>
#include <unordered_map>

#include "core/diagnostic.hpp"
#include "core/text.hpp"

namespace lettrine {

namespace {

// Words longer than this are not looked up (libhyphen's own limit is larger;
// such "words" are codes or glued strings, never worth a hyphen).
constexpr std::size_t kLongestWord = 60;
// Cached words per thread; beyond this the cache is emptied (bounded memory).
constexpr std::size_t kCacheLimit = 200000;

}  // namespace

struct Hyphenator::Dictionary {
    HyphenDict* dict = nullptr;
    ~Dictionary() {
        if (dict) hnj_hyphen_free(dict);
    }
};

Hyphenator::~Hyphenator() = default;

std::shared_ptr<const Hyphenator> Hyphenator::load(const std::string& path) {
    std::shared_ptr<Hyphenator> h(new Hyphenator());
    h->dictionary_ = std::make_unique<Dictionary>();
    h->dictionary_->dict = hnj_hyphen_load(path.c_str());
    if (!h->dictionary_->dict)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path),
                            "les motifs de césure sont illisibles ou absents (paquet Debian hyphen-fr)");
    if (!h->dictionary_->dict->utf8)
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(path),
                            "les motifs de césure doivent être encodés en UTF-8");
    static std::atomic<uint64_t> next_id{0};
    h->id_ = ++next_id;
    return h;
}

std::shared_ptr<const Hyphenator> Hyphenator::french() {
    static std::mutex mutex;
    static std::shared_ptr<const Hyphenator> french;
    std::lock_guard<std::mutex> lock(mutex);
    if (!french) french = load(kFrenchPatterns);  // a failure is retried (and reported) by the next call
    return french;
}

std::vector<uint32_t> Hyphenator::points(const std::u32string& word, int min_before, int min_after) const {
    std::vector<uint32_t> out;
    points(word, out, min_before, min_after);
    return out;
}

void Hyphenator::points(const std::u32string& word, std::vector<uint32_t>& out, int min_before, int min_after) const {
    out.clear();
    const std::size_t n = word.size();
    if (n < static_cast<std::size_t>(min_before + min_after) || n > kLongestWord) return;
    // Per-thread cache, keyed by dictionary and word: a lookup takes no lock.
    thread_local std::unordered_map<uint64_t, std::unordered_map<std::u32string, std::vector<uint32_t>>> caches;
    auto& cache = caches[id_];
    auto found = cache.find(word);
    if (found == cache.end()) {
        if (cache.size() >= kCacheLimit) cache.clear();
        std::vector<uint32_t> all;
        lookup(word, all);
        found = cache.emplace(word, std::move(all)).first;
    }
    for (uint32_t k : found->second)
        if (k >= static_cast<uint32_t>(min_before) && n - k >= static_cast<std::size_t>(min_after)) out.push_back(k);
}

// Every break libhyphen allows in `word`, after one character at least.
void Hyphenator::lookup(const std::u32string& word, std::vector<uint32_t>& all) const {
    const std::size_t n = word.size();
    const std::string utf8 = u32_to_utf8(word);
    std::vector<char> hyphens(utf8.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        // The minima are the caller's, applied in points(): ask for the loosest.
        hnj_hyphen_hyphenate3(dictionary_->dict, utf8.data(), static_cast<int>(utf8.size()), hyphens.data(), nullptr,
                              &rep, &pos, &cut, 1, 1, 1, 1);
    }
    // With a UTF-8 dictionary the vector is indexed by character: an odd
    // digit at k allows a break after character k.
    for (std::size_t k = 0; k + 1 < n; ++k)
        if (hyphens[k] & 1) all.push_back(static_cast<uint32_t>(k + 1));
    if (rep) {  // non-standard hyphenation (none in the French patterns): not supported, dropped
        for (std::size_t k = 0; k < utf8.size(); ++k) std::free(rep[k]);
        std::free(rep);
        all.clear();
    }
    std::free(pos);
    std::free(cut);
}

}  // namespace lettrine
