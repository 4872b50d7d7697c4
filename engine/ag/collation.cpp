#include "ag/collation.hpp"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/diagnostic.hpp"

namespace lettrine {

namespace {

// One collator per thread: ICU collators are not meant to be shared for
// writing, and creating one costs a locale lookup.
const icu::Collator& french_collator(CollationStrength strength) {
    thread_local std::unique_ptr<icu::Collator> primary, tertiary;
    std::unique_ptr<icu::Collator>& collator = strength == CollationStrength::Primary ? primary : tertiary;
    if (collator) return *collator;
    collator = [strength] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale::getFrench(), status));
        if (U_FAILURE(status) || !c)
            throw LettrineError(ErrorKind::Internal, SourcePosition{},
                                std::string("ICU ne fournit pas l’ordre alphabétique français : ") + u_errorName(status));
        c->setStrength(strength == CollationStrength::Primary ? icu::Collator::PRIMARY : icu::Collator::TERTIARY);
        return c;
    }();
    return *collator;
}

}  // namespace

std::string french_sort_key(const std::string& text, CollationStrength strength) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    const icu::Collator& collator = french_collator(strength);
    std::string key(64, '\0');
    int32_t length = collator.getSortKey(u, reinterpret_cast<uint8_t*>(&key[0]), static_cast<int32_t>(key.size()));
    if (length > static_cast<int32_t>(key.size())) {
        key.assign(static_cast<std::size_t>(length), '\0');
        length = collator.getSortKey(u, reinterpret_cast<uint8_t*>(&key[0]), length);
    }
    key.resize(length > 0 ? static_cast<std::size_t>(length) - 1 : 0);  // drop the terminating zero
    return key;
}

std::vector<std::string> sorted_in_french(std::vector<std::string> texts) {
    std::vector<std::pair<std::string, std::string>> keyed;
    for (auto& t : texts) keyed.emplace_back(french_sort_key(t), std::move(t));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& k : keyed) out.push_back(std::move(k.second));
    return out;
}

std::vector<const Registrant*> sorted_registrants(std::vector<const Registrant*> registrants) {
    using Primary = CollationStrength;
    struct Keyed {
        std::vector<std::string> keys;  // compared in order
        const Registrant* registrant;
    };
    std::vector<Keyed> keyed;
    for (const Registrant* r : registrants)
        keyed.push_back({{french_sort_key(r->last_name, Primary::Primary), french_sort_key(r->first_name, Primary::Primary),
                          french_sort_key(r->last_name), french_sort_key(r->first_name), french_sort_key(r->organisation)},
                         r});
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.keys < b.keys; });
    std::vector<const Registrant*> out;
    for (const auto& k : keyed) out.push_back(k.registrant);
    return out;
}

}  // namespace lettrine
