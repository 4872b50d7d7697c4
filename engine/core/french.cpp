#include "core/french.hpp"

namespace lettrine {

std::string quoted(const std::string& text) { return "« " + text + " »"; }

std::string french_alternatives(const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i > 0) out += i + 1 == labels.size() ? " ou " : ", ";
        out += quoted(labels[i]);
    }
    return out;
}

std::string group_digits(const std::string& digits, const std::string& separator) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

std::string signed_grouped_digits(bool negative, const std::string& digits, const std::string& minus,
                                  const std::string& separator) {
    return (negative ? minus : std::string()) + group_digits(digits, separator);
}

}  // namespace lettrine
