#pragma once
// Internal: the tags of one template file, found the way kainjow 4.1 finds
// them (default delimiters), with positions and every structural problem of
// that file (unclosed tags, unbalanced sections, depth, bad names).
#include <cstddef>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/position.hpp"

namespace lettrine::template_detail {

enum class ScannedType { Variable, Raw, SectionBegin, InvertedBegin, SectionEnd, Partial, Comment };

struct ScannedTag {
    ScannedType type = ScannedType::Variable;
    std::string name;          // trimmed; empty for comments
    std::size_t begin = 0;     // byte range replaced by the tag: "{{…}}", or the whole
    std::size_t end = 0;       //   line for a standalone comment or partial
    SourcePosition position;   // of the "{{"
};

struct ScannedFile {
    std::string source_name;
    std::string text;               // UTF-8, byte order mark removed
    std::vector<ScannedTag> tags;   // in order; the text between them is literal
};

// Scans `text`; problems go to `problems` (errors). The result is only
// meaningful when no error was added.
ScannedFile scan_template(std::string text, std::string source_name, Diagnostics& problems);

// "{{#nom}}", "{{/nom}}", "{{> nom}}": a tag as the user would write it, for messages.
std::string tag_display(ScannedType type, const std::string& name);

}  // namespace lettrine::template_detail
