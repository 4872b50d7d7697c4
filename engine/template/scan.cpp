#include "template/scan.hpp"

#include <cstdio>

#include "template/template.hpp"

namespace lettrine::template_detail {

namespace {

// Line and column of increasing byte offsets, in linear time overall.
class LineTracker {
public:
    explicit LineTracker(const std::string& text) : text_(text) {}
    LineColumn at(std::size_t offset) {
        if (offset < offset_) { offset_ = 0; lc_ = LineColumn{}; }  // not expected; stay correct
        for (; offset_ < offset && offset_ < text_.size(); ++offset_) {
            const unsigned char c = static_cast<unsigned char>(text_[offset_]);
            if (c == '\n') { ++lc_.line; lc_.column = 1; }
            else if ((c & 0xC0) != 0x80) ++lc_.column;
        }
        return lc_;
    }

private:
    const std::string& text_;
    std::size_t offset_ = 0;
    LineColumn lc_;
};

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t first_invalid_utf8(const std::string& s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned int cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string::npos;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// kainjow trims tag contents with std::isspace (ASCII whitespace in the C locale).
std::string trim_ascii(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return s.substr(b, e - b);
}

// A data name: "." or dot-separated non-empty parts without braces or control characters.
bool valid_data_name(const std::string& name) {
    if (name == ".") return true;
    if (name.empty() || name.front() == '.' || name.back() == '.' || name.find("..") != std::string::npos)
        return false;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || c == '{' || c == '}') return false;
    }
    return true;
}

// A partial name designates a file of the same folder.
bool valid_partial_name(const std::string& name) {
    if (name.empty() || name.front() == '.') return false;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || c == '/' || c == '\\' || c == '{' || c == '}' || c == ':') return false;
    }
    return true;
}

std::string where(const LineColumn& lc) {
    return "ligne " + std::to_string(lc.line) + ", colonne " + std::to_string(lc.column);
}

class Scanner {
public:
    Scanner(ScannedFile& file, Diagnostics& problems) : file_(file), problems_(problems), lines_(file.text) {}

    void run() {
        const std::string& text = file_.text;
        std::size_t pos = 0;
        while (!stopped_) {
            const std::size_t open = text.find("{{", pos);
            if (open == std::string::npos) break;
            const LineColumn lc = lines_.at(open);
            const bool triple = open + 2 < text.size() && text[open + 2] == '{';
            const std::size_t contents_start = open + (triple ? 3 : 2);
            const std::string closer = triple ? "}}}" : "}}";
            const std::size_t close = text.find(closer, contents_start);
            const std::size_t next_open = text.find("{{", contents_start);
            if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
                error(lc, "balise non fermée : « " + closer + " » manquant");
                if (next_open == std::string::npos) break;
                pos = next_open;  // resume at the next tag to report its problems too
                continue;
            }
            const std::size_t end = close + closer.size();
            pos = end;
            const std::string contents = trim_ascii(text.substr(contents_start, close - contents_start));
            classify(triple, contents, open, end, lc);
        }
        for (std::size_t i = 0; i < open_.size() && !stopped_; ++i) {
            const ScannedTag& tag = file_.tags[open_[i]];
            error(line_column(tag), "la section « " + tag.name + " » n’est pas fermée : « " +
                                        tag_display(ScannedType::SectionEnd, tag.name) + " » manquant");
        }
    }

private:
    void classify(bool triple, const std::string& contents, std::size_t open, std::size_t end, LineColumn lc) {
        ScannedTag tag;
        tag.begin = open;
        tag.end = end;
        tag.position = SourcePosition::at_line(file_.source_name, lc.line, lc.column);
        if (triple) {
            tag.type = ScannedType::Raw;
            tag.name = contents;
        } else if (contents.empty()) {
            error(lc, "balise vide « {{}} » : il manque un nom de champ");
            return;
        } else if (contents[0] == '=') {
            error(lc, "le changement de délimiteurs « {{" + contents +
                          "}} » n’est pas pris en charge : gardez « {{ » et « }} »");
            return;
        } else {
            switch (contents[0]) {
                case '#': tag.type = ScannedType::SectionBegin; break;
                case '^': tag.type = ScannedType::InvertedBegin; break;
                case '/': tag.type = ScannedType::SectionEnd; break;
                case '>': tag.type = ScannedType::Partial; break;
                case '&': tag.type = ScannedType::Raw; break;
                case '!': tag.type = ScannedType::Comment; break;
                default: tag.type = ScannedType::Variable; break;
            }
            tag.name = tag.type == ScannedType::Variable ? contents : trim_ascii(contents.substr(1));
        }

        if (tag.type == ScannedType::Comment || tag.type == ScannedType::Partial) make_standalone(tag);
        if (tag.type == ScannedType::Partial) {
            if (!valid_partial_name(tag.name)) {
                error(lc, "nom de modèle partiel invalide « " + tag.name +
                              " » : il désigne un fichier du même dossier, sans « / » ni « : »");
                return;
            }
        } else if (tag.type != ScannedType::Comment) {
            if (tag.name.empty()) {
                error(lc, "nom manquant dans la balise « " + tag_display(tag.type, "") + " »");
                return;
            }
            if (!valid_data_name(tag.name)) {
                error(lc, "nom invalide « " + tag.name + " » dans la balise « " + tag_display(tag.type, tag.name) +
                              " » : un nom ne contient ni accolade ni caractère de contrôle, et un point "
                              "sépare deux noms");
                return;
            }
        }

        const int index = static_cast<int>(file_.tags.size());
        if (tag.type == ScannedType::SectionBegin || tag.type == ScannedType::InvertedBegin) {
            if (static_cast<int>(open_.size()) >= template_limits::kMaxSectionDepth && !depth_reported_) {
                depth_reported_ = true;
                error(lc, "trop de sections imbriquées : la limite est de " +
                              std::to_string(template_limits::kMaxSectionDepth) + " niveaux");
            }
            file_.tags.push_back(std::move(tag));
            open_.push_back(index);
            return;
        }
        if (tag.type == ScannedType::SectionEnd) {
            close_section(tag, lc);
            return;
        }
        file_.tags.push_back(std::move(tag));
    }

    void close_section(ScannedTag& tag, const LineColumn& lc) {
        const std::string shown = tag_display(ScannedType::SectionEnd, tag.name);
        if (open_.empty()) {
            error(lc, "« " + shown + " » ferme une section qui n’est pas ouverte");
            return;
        }
        if (file_.tags[open_.back()].name != tag.name) {
            int match = -1;
            for (int k = static_cast<int>(open_.size()) - 2; k >= 0; --k)
                if (file_.tags[open_[k]].name == tag.name) { match = k; break; }
            if (match < 0) {
                // Most likely a typo in the end tag: one message, and the section counts as closed.
                const ScannedTag& top = file_.tags[open_.back()];
                error(lc, "« " + shown + " » ne ferme pas la section « " + top.name + " » ouverte " +
                              where(line_column(top)) + " : les noms diffèrent");
                open_.pop_back();
                return;
            }
            while (static_cast<int>(open_.size()) - 1 > match) {
                const ScannedTag& unclosed = file_.tags[open_.back()];
                error(line_column(unclosed), "la section « " + unclosed.name + " » n’est pas fermée : « " +
                                                 tag_display(ScannedType::SectionEnd, unclosed.name) +
                                                 " » manquant avant « " + shown + " » (" + where(lc) + ")");
                open_.pop_back();
            }
        }
        open_.pop_back();
        file_.tags.push_back(std::move(tag));
    }

    // A comment or partial alone on its line takes the whole line with it
    // (Mustache "standalone" rule), so it leaves no blank line behind.
    void make_standalone(ScannedTag& tag) const {
        const std::string& text = file_.text;
        std::size_t line_start = tag.begin;
        while (line_start > 0 && (text[line_start - 1] == ' ' || text[line_start - 1] == '\t')) --line_start;
        if (line_start > 0 && text[line_start - 1] != '\n') return;
        std::size_t after = tag.end;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
        if (after == text.size()) { tag.begin = line_start; tag.end = after; return; }
        if (text[after] == '\n') { tag.begin = line_start; tag.end = after + 1; return; }
        if (text[after] == '\r' && after + 1 < text.size() && text[after + 1] == '\n') {
            tag.begin = line_start;
            tag.end = after + 2;
        }
    }

    LineColumn line_column(const ScannedTag& tag) const { return {tag.position.line, tag.position.column}; }

    void error(const LineColumn& lc, const std::string& message) {
        if (stopped_) return;
        if (++count_ > template_limits::kMaxDiagnostics) {
            problems_.error(SourcePosition::in_file(file_.source_name),
                            "trop d’erreurs dans ce modèle : les suivantes ne sont pas signalées");
            stopped_ = true;
            return;
        }
        problems_.error(SourcePosition::at_line(file_.source_name, lc.line, lc.column), message);
    }

    ScannedFile& file_;
    Diagnostics& problems_;
    LineTracker lines_;
    std::vector<int> open_;  // indexes of open section tags
    bool depth_reported_ = false;
    bool stopped_ = false;
    std::size_t count_ = 0;
};

}  // namespace

std::string tag_display(ScannedType type, const std::string& name) {
    switch (type) {
        case ScannedType::Variable: return "{{" + name + "}}";
        case ScannedType::Raw: return "{{{" + name + "}}}";
        case ScannedType::SectionBegin: return "{{#" + name + "}}";
        case ScannedType::InvertedBegin: return "{{^" + name + "}}";
        case ScannedType::SectionEnd: return "{{/" + name + "}}";
        case ScannedType::Partial: return "{{> " + name + "}}";
        case ScannedType::Comment: return "{{!" + name + "}}";
    }
    return name;
}

ScannedFile scan_template(std::string text, std::string source_name, Diagnostics& problems) {
    ScannedFile file;
    file.source_name = std::move(source_name);
    if (text.size() > template_limits::kMaxFileBytes) {
        problems.error(SourcePosition::in_file(file.source_name),
                       "le modèle est trop volumineux : " + std::to_string(text.size()) +
                           " octets, la limite est de " + std::to_string(template_limits::kMaxFileBytes) +
                           " octets (1 Mio)");
        return file;
    }
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    file.text = std::move(text);
    const std::size_t bad = first_invalid_utf8(file.text);
    if (bad != std::string::npos) {
        const LineColumn lc = line_column_at(file.text, bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(file.text[bad]));
        problems.error(SourcePosition::at_line(file.source_name, lc.line, lc.column),
                       std::string("le modèle n’est pas un texte UTF-8 valide (octet ") + byte +
                           ") : enregistrez-le en UTF-8");
        return file;
    }
    Scanner(file, problems).run();
    return file;
}

}  // namespace lettrine::template_detail
