#include "core/suggestion.hpp"

#include <algorithm>

#include "core/french.hpp"
#include "core/text.hpp"

namespace lettrine {

namespace {

// Longer distances suggest words the user did not mean.
constexpr std::size_t kMaxSuggestionDistance = 2;

}  // namespace

std::size_t edit_distance(const std::string& a_utf8, const std::string& b_utf8) {
    const std::u32string a = utf8_to_u32(a_utf8), b = utf8_to_u32(b_utf8);
    // d[i][j]: distance between the first i characters of a and the first j of b.
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::optional<std::string> closest_name(const std::string& typed, const std::vector<std::string>& known) {
    if (std::find(known.begin(), known.end(), typed) != known.end()) return std::nullopt;
    const std::string upper = to_upper(typed);
    for (const std::string& name : known)
        if (to_upper(name) == upper) return name;
    const std::size_t length = utf8_to_u32(typed).size();
    const std::size_t limit = std::min(kMaxSuggestionDistance, std::max<std::size_t>(1, length / 3));
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const std::string& name : known) {
        const std::size_t distance = edit_distance(typed, name);
        if (distance < best_distance) {
            best = name;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& known) {
    const std::optional<std::string> name = closest_name(typed, known);
    return name ? " : vouliez-vous dire " + quoted(*name) + " ?" : "";
}

}  // namespace lettrine
