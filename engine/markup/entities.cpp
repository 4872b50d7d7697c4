#include "markup/entities.hpp"

#include <cstring>

namespace lettrine {

namespace {

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// The offset just past the markup construct starting with '<' at `i`.
std::size_t skip_markup(const std::string& xml, std::size_t i) {
    const auto past = [&](const char* end) {
        const std::size_t found = xml.find(end, i);
        return found == std::string::npos ? xml.size() : found + std::strlen(end);
    };
    if (xml.compare(i, 4, "<!--") == 0) return past("-->");
    if (xml.compare(i, 9, "<![CDATA[") == 0) return past("]]>");
    if (xml.compare(i, 2, "<?") == 0) return past("?>");
    char quote = 0;
    int brackets = 0;  // a DOCTYPE's internal subset
    for (++i; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            ++brackets;
        } else if (c == ']') {
            --brackets;
        } else if (c == '>' && brackets <= 0) {
            return i + 1;
        }
    }
    return xml.size();
}

}  // namespace

std::string resolve_html_entities(const std::string& xml, std::vector<UnknownEntity>& unknown) {
    std::string out = xml;
    std::size_t text_start = 0;
    for (std::size_t i = 0; i < xml.size();) {
        if (xml[i] == '<') {
            i = text_start = skip_markup(xml, i);
            continue;
        }
        if (xml[i] != '&') { ++i; continue; }
        std::size_t end = i + 1;
        while (end < xml.size() && is_name_char(xml[end])) ++end;
        if (end == xml.size() || xml[end] != ';' || end == i + 1) { ++i; continue; }
        const std::string name = xml.substr(i + 1, end - i - 1);
        if (name == "nbsp") out.replace(i, 6, "&#160;");
        else if (name == "nnbsp") out.replace(i, 7, "&#8239;");
        else if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos")
            unknown.push_back({text_start, name});
        i = end + 1;
    }
    return out;
}

}  // namespace lettrine
