#include "data/names.hpp"

#include "core/text.hpp"

namespace lettrine {

std::string normalize_name(const std::string& name) {
    if (trim(name).empty()) return "";
    return slugify(name);
}

std::string mustache_key(const std::string& name) {
    std::string key = normalize_name(name);
    for (char& c : key)
        if (c == '-') c = '_';
    return key;
}

}  // namespace lettrine
