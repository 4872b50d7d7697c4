#include "core/manifest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "core/publication.hpp"

namespace lettrine::publication {

namespace {

constexpr const char* kHeader = "lettrine-manifeste 2";
constexpr const char* kJobTag = "job\t";

struct Section {
    std::string job;
    std::vector<std::string> files;
};

// The sections of a manifest, in order; files before any section line (a
// version 1 manifest) belong to the unnamed job.
std::vector<Section> sections_of(const std::string& manifest) {
    std::vector<Section> sections;
    std::istringstream lines(manifest);
    std::string line;
    std::getline(lines, line);  // the header
    while (std::getline(lines, line)) {
        if (line.compare(0, 4, kJobTag) == 0) {
            sections.push_back({unescape_line(line.substr(4)), {}});
            continue;
        }
        if (line.empty()) continue;
        if (sections.empty()) sections.push_back({"", {}});
        sections.back().files.push_back(unescape_line(line));
    }
    return sections;
}

}  // namespace

std::string escape_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}

std::string unescape_line(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char c = text[++i];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    }
    return out;
}

std::vector<std::string> stale_in(const std::string& manifest, const std::string& job,
                                  const std::vector<std::string>& written,
                                  const std::function<bool(const std::string&)>& present) {
    std::vector<std::string> stale;
    if (job.empty()) return stale;
    for (const Section& section : sections_of(manifest)) {
        if (section.job != job) continue;
        for (const std::string& file : section.files)
            if (std::find(written.begin(), written.end(), file) == written.end() &&
                std::find(stale.begin(), stale.end(), file) == stale.end() && present(file))
                stale.push_back(file);
    }
    return stale;
}

std::string manifest_with(const std::string& manifest, const std::string& job, const std::vector<std::string>& files) {
    std::vector<Section> sections = sections_of(manifest);
    const auto same = [&](const Section& s) { return s.job == job; };
    const auto it = std::find_if(sections.begin(), sections.end(), same);
    if (it == sections.end()) sections.push_back({job, files});
    else it->files = files;
    sections.erase(std::remove_if(std::next(std::find_if(sections.begin(), sections.end(), same)), sections.end(), same),
                   sections.end());
    std::string text = std::string(kHeader) + "\n";
    for (const Section& section : sections) {
        text += kJobTag + escape_line(section.job) + "\n";
        for (const std::string& file : section.files) text += escape_line(file) + "\n";
    }
    return text;
}

bool regular_file_at(int root_fd, const std::string& relative) {
    Fd parent(open_parent(root_fd, relative, nullptr));
    struct stat st {};
    return parent && ::fstatat(parent.get(), leaf(relative).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
           S_ISREG(st.st_mode);
}

std::vector<std::string> remove_files(int root_fd, const std::vector<std::string>& files) {
    std::vector<std::string> left;
    for (const std::string& file : files) {
        Fd parent(open_parent(root_fd, file, nullptr));
        struct stat st {};
        const std::string name = leaf(file);
        const bool regular = parent && ::fstatat(parent.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                             S_ISREG(st.st_mode);
        if (!regular || ::unlinkat(parent.get(), name.c_str(), 0) != 0) left.push_back(file);
        else ::fsync(parent.get());
    }
    return left;
}

}  // namespace lettrine::publication
