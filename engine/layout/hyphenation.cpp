#include "layout/hyphenation.hpp"

#include <hyphen.h>

#include "core/diagnostic.hpp"
#include "core/text.hpp"

namespace lettrine {

namespace {

// Words longer than this are not looked up (libhyphen's own limit is larger;
// such "words" are codes or glued strings, never worth a hyphen).
constexpr std::size_t kLongestWord = 60;
// Cached words; beyond this the cache is emptied (long documents, bounded memory).
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
    const std::size_t n = word.size();
    if (n < static_cast<std::size_t>(min_before + min_after) || n > kLongestWord) return out;
    std::lock_guard<std::mutex> lock(mutex_);
    auto cached = cache_.find(word);
    if (cached == cache_.end()) {
        const std::string utf8 = u32_to_utf8(word);
        const int size = static_cast<int>(utf8.size());
        std::vector<char> hyphens(utf8.size() + 5, '0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        // The libhyphen minima are those of the caller, applied below; ask for the loosest.
        hnj_hyphen_hyphenate3(dictionary_->dict, utf8.data(), size, hyphens.data(), nullptr, &rep, &pos, &cut, 1, 1,
                              1, 1);
        std::vector<uint32_t> all;
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
        if (cache_.size() >= kCacheLimit) cache_.clear();
        cached = cache_.emplace(word, std::move(all)).first;
    }
    for (uint32_t k : cached->second)
        if (k >= static_cast<uint32_t>(min_before) && n - k >= static_cast<std::size_t>(min_after)) out.push_back(k);
    return out;
}

}  // namespace lettrine
