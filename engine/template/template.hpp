#pragma once
// Mustache templates (kainjow Mustache 4.1) that produce the document markup
// (docs/BALISAGE.md) from a DataValue. The user's guide is docs/MODELES.md.
//
// Parsing checks everything before kainjow sees the text (kainjow recurses
// without limit and reports errors as byte offsets, or not at all): size,
// UTF-8, unclosed tags, unbalanced or mismatched sections, nesting depth,
// partials (missing, cycles, inclusion bounds). Every problem is collected
// and thrown at once as LettrineError(ErrorKind::Template) with French
// messages positioned "file:line:column".
//
// Rendering differs from plain Mustache in three documented ways:
//   - values are XML-escaped (& < > " '), {{{nom}}} and {{&nom}} insert raw markup;
//   - a section whose value is an empty text, a text of spaces, « non »,
//     « faux » or « false » (any case) is skipped, like an absent value or an
//     empty list ({{^…}} shows its content instead);
//   - sections named after a helper ({{#en_euros}}15000{{/en_euros}}) format
//     their rendered content (template/helpers.hpp).
// Dotted names follow the Mustache specification: the first name is looked
// up from the innermost section outwards, the rest inside what was found.
//
// A Template is immutable and cheap to copy (shared); render() is const and
// thread-safe: any number of threads may render the same Template.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>

#include "core/diagnostic.hpp"
#include "core/position.hpp"
#include "data/value.hpp"

namespace lettrine {

// Limits, checked before kainjow parses anything.
namespace template_limits {
// Per file. A letter template is ~10 KiB; 1 MiB leaves room and keeps a
// mistaken file (a PDF, a log) from being parsed.
inline constexpr std::size_t kMaxFileBytes = 1024 * 1024;
// After partials are inlined (a partial used many times is copied each time).
inline constexpr std::size_t kMaxExpandedBytes = 4 * 1024 * 1024;
// Nested sections, partials included. kainjow recurses once per level (about
// 30 KiB of stack each); 64 is far beyond any real document.
inline constexpr int kMaxSectionDepth = 64;
// Partials including partials.
inline constexpr int kMaxPartialDepth = 16;
// Total partial inclusions once expanded (guards against 2^n fan-outs).
inline constexpr std::size_t kMaxInclusions = 10000;
// Diagnostics reported per file before giving up.
inline constexpr std::size_t kMaxDiagnostics = 100;
}  // namespace template_limits

enum class TagKind {
    Variable,         // {{nom}}
    RawVariable,      // {{{nom}}} or {{&nom}}
    Section,          // {{#nom}}…{{/nom}}
    InvertedSection,  // {{^nom}}…{{/nom}}
    Helper,           // {{#en_euros}}…{{/en_euros}}: a formatting helper, not a data name
};

// One use of a name in a template (partials included), where it was written.
struct TemplateName {
    std::string name;  // "secteur.nom", "." or a helper name
    TagKind kind = TagKind::Variable;
    SourcePosition position;  // file:line:column of the tag's "{{"
};

// A partial's text and the name used in messages ("entete.mustache").
struct PartialText {
    std::string text;
    std::string source_name;
};
// Finds partial `name` ({{> name}}); nullopt when there is none. May throw
// LettrineError (unreadable or oversized file).
using PartialLoader = std::function<std::optional<PartialText>(const std::string& name)>;

// Partials from a folder: `name.mustache`, else `name.xml.mustache`.
PartialLoader partials_in_folder(const boost::filesystem::path& folder);

class Template {
public:
    // `source_name` is used in messages ("lettre.xml.mustache"). Without a
    // loader, any {{> partial}} is reported as missing.
    static Template parse(std::string text, std::string source_name, PartialLoader partials = {});
    // Reads `file` (the name in messages is its file name) with partials
    // from the same folder. Throws LettrineError(Io) when unreadable.
    static Template load(const boost::filesystem::path& file);

    // The markup for `data`. A helper given unsuitable content (« quinze
    // mille » for {{#en_euros}}) → LettrineError(ErrorKind::Data) positioned
    // at the helper's tag, with every such problem of this rendering.
    std::string render(const DataValue& data) const;

    const std::string& source_name() const;

    // Every variable, section and helper name used, in document order, with
    // its position (a partial's names carry the partial's file name).
    std::vector<TemplateName> names() const;

    struct Compiled;  // engine/template/compiled.hpp

private:
    explicit Template(std::shared_ptr<const Compiled> compiled) : compiled_(std::move(compiled)) {}
    std::shared_ptr<const Compiled> compiled_;
    friend Diagnostics check_names(const Template& t, const DataValue& sample);
};

// Names the template uses that `sample` does not have (kainjow would print
// nothing, silently). Errors, positioned at the tag:
//   « lettre.xml.mustache:12:5 : le champ « secteur.budjet » n'existe pas
//     dans les données (vouliez-vous dire « secteur.budget » ?) »
// Also an error: printing a list or a group of fields with {{nom}}. A
// warning: a data field hidden by a helper of the same name.
// Follows Mustache lookup: inside {{#secteurs}} a name is looked up in the
// items first, then in outer sections. A name inside a section over an empty
// list cannot be checked and is accepted. Each problem is reported once.
Diagnostics check_names(const Template& t, const DataValue& sample);

// Loads each template file once, thread-safe; a later change on disk is not
// seen (one run of the command line).
class TemplateCache {
public:
    Template get(const boost::filesystem::path& file);

private:
    std::mutex mutex_;
    std::map<std::string, Template> loaded_;
};

}  // namespace lettrine
