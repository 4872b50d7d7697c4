#pragma once
// What the French typography tests share: readable expectations and the
// inlines of a one-paragraph document.
#include <string>
#include <variant>
#include <vector>

#include "markup/document.hpp"

namespace lettrine::french_test {

// Readable expectations: "~" stands for U+00A0, "^" for U+202F.
inline std::string nb(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '~') out += "\u00A0";
        else if (c == '^') out += "\u202F";
        else out += c;
    }
    return out;
}

inline const std::vector<Inline>& inlines_of(const Document& doc) {
    return std::get<Paragraph>(doc.body.at(0).content).inlines;
}

}  // namespace lettrine::french_test
