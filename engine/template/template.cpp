#include "template/template.hpp"
#include "template/xml_skeleton.hpp"

#include <algorithm>
#include <deque>
#include <set>
#include <tuple>

#include "core/output_files.hpp"
#include "template/compiled.hpp"
#include "template/scan.hpp"

namespace lettrine {

namespace fs = boost::filesystem;
using namespace template_detail;

namespace {

std::vector<std::string> split_path(const std::string& name) {
    std::vector<std::string> parts;
    if (name == ".") return parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = name.find('.', start);
        parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

std::string size_error(std::uintmax_t bytes) {
    return "le modèle est trop volumineux : " + std::to_string(bytes) + " octets, la limite est de " +
           std::to_string(template_limits::kMaxFileBytes) + " octets (1 Mio)";
}

// Step 1: the root file and every partial it reaches, each scanned once.
struct SourceSet {
    std::vector<ScannedFile> files;             // [0] is the root
    std::map<std::string, int> partial_index;   // partial name → file index
    Diagnostics problems;

    void load(std::string text, std::string source_name, const PartialLoader& loader) {
        files.push_back(scan_template(std::move(text), std::move(source_name), problems));
        std::deque<int> pending{0};
        while (!pending.empty()) {
            const int current = pending.front();
            pending.pop_front();
            // Copy the partial references: loading appends to `files`.
            std::vector<std::pair<std::string, SourcePosition>> references;
            for (const auto& tag : files[current].tags)
                if (tag.type == ScannedType::Partial) references.emplace_back(tag.name, tag.position);
            for (const auto& [name, position] : references) {
                if (partial_index.count(name)) continue;
                if (missing_.count(name)) {
                    report_missing(name, position);
                    continue;
                }
                std::optional<PartialText> partial;
                try {
                    if (loader) partial = loader(name);
                } catch (const LettrineError& e) {
                    problems.append(e.diagnostics());
                    missing_.insert(name);
                    continue;
                }
                if (!partial) {
                    missing_.insert(name);
                    report_missing(name, position);
                    continue;
                }
                partial_index[name] = static_cast<int>(files.size());
                pending.push_back(static_cast<int>(files.size()));
                files.push_back(scan_template(std::move(partial->text), partial->source_name, problems));
            }
        }
    }

private:
    void report_missing(const std::string& name, const SourcePosition& position) {
        problems.error(position, "le modèle partiel « " + name + " » est introuvable (fichiers cherchés : « " + name +
                                     ".mustache », « " + name + ".xml.mustache », dans le dossier du modèle)");
    }
    std::set<std::string> missing_;
};

// Step 2: one text for kainjow, partials inlined and tags rewritten to markers.
class Expander {
public:
    explicit Expander(const SourceSet& sources) : sources_(sources) { node_stack_.push_back(&tree_); }

    void run() {
        inclusion_stack_.push_back(0);
        expand(0);
    }

    std::string text;
    std::vector<CompiledTag> tags;
    Diagnostics problems;
    std::vector<Node>& tree() { return tree_; }

private:
    void expand(int file_index) {
        const ScannedFile& file = sources_.files[file_index];
        std::size_t pos = 0;
        for (const ScannedTag& tag : file.tags) {
            if (aborted_) return;
            append_text(file.text.substr(pos, tag.begin - pos));
            pos = tag.end;
            switch (tag.type) {
                case ScannedType::Comment: break;
                case ScannedType::Partial: include(tag); break;
                case ScannedType::Variable: leaf(tag, TagKind::Variable, "{{"); break;
                case ScannedType::Raw: leaf(tag, TagKind::RawVariable, "{{&"); break;
                case ScannedType::SectionBegin:
                case ScannedType::InvertedBegin: open_section(tag); break;
                case ScannedType::SectionEnd: close_section(); break;
            }
            if (!aborted_ && text.size() > template_limits::kMaxExpandedBytes) {
                abort(tag.position, "le modèle, modèles partiels inclus, dépasse " +
                                        std::to_string(template_limits::kMaxExpandedBytes) + " octets (4 Mio)");
            }
        }
        if (!aborted_) append_text(file.text.substr(pos));
    }

    void include(const ScannedTag& tag) {
        const int target = sources_.partial_index.at(tag.name);
        const auto cycle_start = std::find(inclusion_stack_.begin(), inclusion_stack_.end(), target);
        if (cycle_start != inclusion_stack_.end()) {
            std::string chain;
            for (auto it = cycle_start; it != inclusion_stack_.end(); ++it)
                chain += sources_.files[*it].source_name + " → ";
            chain += sources_.files[target].source_name;
            report_once(tag.position, "inclusion circulaire de modèles partiels : " + chain);
            return;
        }
        if (static_cast<int>(inclusion_stack_.size()) > template_limits::kMaxPartialDepth) {
            abort(tag.position, "trop de modèles partiels inclus les uns dans les autres : la limite est de " +
                                    std::to_string(template_limits::kMaxPartialDepth) + " niveaux");
            return;
        }
        if (++inclusions_ > template_limits::kMaxInclusions) {
            abort(tag.position, "trop d’inclusions de modèles partiels : la limite est de " +
                                    std::to_string(template_limits::kMaxInclusions));
            return;
        }
        inclusion_stack_.push_back(target);
        expand(target);
        inclusion_stack_.pop_back();
    }

    int add_tag(const ScannedTag& tag, TagKind kind) {
        CompiledTag compiled;
        compiled.kind = kind;
        compiled.name = tag.name;
        compiled.path = split_path(tag.name);
        compiled.position = tag.position;
        if (kind == TagKind::Helper) compiled.helper = find_helper(tag.name);
        tags.push_back(std::move(compiled));
        return static_cast<int>(tags.size()) - 1;
    }

    void leaf(const ScannedTag& tag, TagKind kind, const char* opener) {
        const int index = add_tag(tag, kind);
        append_tag(opener + marker(index) + "}}");
        node_stack_.back()->push_back(Node{index, {}});
    }

    void open_section(const ScannedTag& tag) {
        if (static_cast<int>(open_.size()) >= template_limits::kMaxSectionDepth) {
            abort(tag.position, "trop de sections imbriquées : la limite est de " +
                                    std::to_string(template_limits::kMaxSectionDepth) +
                                    " niveaux, modèles partiels compris");
            return;
        }
        const bool inverted = tag.type == ScannedType::InvertedBegin;
        const TagKind kind = inverted ? TagKind::InvertedSection
                             : find_helper(tag.name) ? TagKind::Helper
                                                     : TagKind::Section;
        const int index = add_tag(tag, kind);
        append_tag((inverted ? "{{^" : "{{#") + marker(index) + "}}");
        node_stack_.back()->push_back(Node{index, {}});
        node_stack_.push_back(&node_stack_.back()->back().children);
        open_.push_back(index);
    }

    void close_section() {
        // Each file is balanced (checked by the scanner), so this closes the right one.
        append_tag("{{/" + marker(open_.back()) + "}}");
        open_.pop_back();
        node_stack_.pop_back();
    }

    static std::string marker(int index) { return std::string(1, kMarker) + std::to_string(index); }

    // Text from two files could join into a "{{" kainjow would read as a tag:
    // a trailing "{" followed by "{" is then printed by a literal tag instead.
    void guard_brace(char next) {
        if (next != '{' || text.empty() || text.back() != '{') return;
        text.pop_back();
        CompiledTag literal;
        literal.kind = TagKind::RawVariable;
        literal.literal_brace = true;
        tags.push_back(literal);
        text += "{{&" + marker(static_cast<int>(tags.size()) - 1) + "}}";
    }
    void append_text(const std::string& s) {
        if (s.empty()) return;
        guard_brace(s.front());
        text += s;
    }
    void append_tag(const std::string& s) {
        guard_brace(s.front());
        text += s;
    }

    void report_once(const SourcePosition& where, const std::string& message) {
        if (reported_.insert(where.describe() + message).second) problems.error(where, message);
    }
    void abort(const SourcePosition& where, const std::string& message) {
        report_once(where, message);
        aborted_ = true;
    }

    const SourceSet& sources_;
    std::vector<Node> tree_;
    std::vector<std::vector<Node>*> node_stack_;
    std::vector<int> open_;
    std::vector<int> inclusion_stack_;
    std::size_t inclusions_ = 0;
    bool aborted_ = false;
    std::set<std::string> reported_;
};

}  // namespace

// ---- Template::Compiled ----------------------------------------------------

std::unique_ptr<kainjow::mustache::mustache> Template::Compiled::acquire() const {
    {
        std::lock_guard<std::mutex> lock(pool_mutex_);
        if (!pool_.empty()) {
            auto engine = std::move(pool_.back());
            pool_.pop_back();
            return engine;
        }
    }
    return std::make_unique<kainjow::mustache::mustache>(prototype);  // copying only reads the prototype
}

void Template::Compiled::release(std::unique_ptr<kainjow::mustache::mustache> engine) const {
    // Enough for every thread of the machine; more would only hold memory.
    constexpr std::size_t kMaxPooled = 16;
    std::lock_guard<std::mutex> lock(pool_mutex_);
    if (pool_.size() < kMaxPooled) pool_.push_back(std::move(engine));
}

// ---- Template --------------------------------------------------------------

Template Template::parse(std::string text, std::string source_name, PartialLoader partials) {
    SourceSet sources;
    sources.load(std::move(text), source_name, partials);
    if (sources.problems.has_errors()) throw LettrineError(ErrorKind::Template, sources.problems);

    Expander expander(sources);
    expander.run();
    if (expander.problems.has_errors()) throw LettrineError(ErrorKind::Template, expander.problems);

    auto compiled = std::make_shared<Compiled>(expander.text);
    if (!compiled->prototype.is_valid())
        throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(source_name),
                            "le moteur Mustache refuse le modèle vérifié : " + compiled->prototype.error_message());
    compiled->prototype.set_custom_escape(xml_escape);
    compiled->source_name = std::move(source_name);
    compiled->tags = std::move(expander.tags);
    compiled->tree = std::move(expander.tree());
    compiled->expanded = std::move(expander.text);
    return Template(std::move(compiled));
}

namespace {

std::string read_template_file(const fs::path& file) {
    boost::system::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > template_limits::kMaxFileBytes)
        throw LettrineError(ErrorKind::Template, SourcePosition::in_file(file.filename().string()), size_error(size));
    return read_file(file);  // LettrineError(Io) with a French message when unreadable
}

}  // namespace

Template Template::load(const fs::path& file) {
    std::string text = read_template_file(file);
    const std::string name = file.filename().string();
    Template loaded = parse(text, name, partials_in_folder(file.parent_path()));
    // A template of document markup must at least be well-formed XML: say
    // so at the template's own line and column.
    const std::string xml_suffix = ".xml.mustache";
    if (name.size() > xml_suffix.size() && name.compare(name.size() - xml_suffix.size(), xml_suffix.size(), xml_suffix) == 0) {
        Diagnostics problems = check_xml_skeleton(text, name);
        if (problems.has_errors()) throw LettrineError(ErrorKind::Template, problems);
    }
    return loaded;
}

PartialLoader partials_in_folder(const fs::path& folder) {
    return [folder](const std::string& name) -> std::optional<PartialText> {
        for (const char* suffix : {".mustache", ".xml.mustache"}) {
            const fs::path candidate = folder / (name + suffix);
            boost::system::error_code ec;
            if (fs::is_regular_file(candidate, ec))
                return PartialText{read_template_file(candidate), candidate.filename().string()};
        }
        return std::nullopt;
    };
}

std::string Template::render(const DataValue& data) const { return render_compiled(*compiled_, data); }

const std::string& Template::source_name() const { return compiled_->source_name; }

std::vector<TemplateName> Template::names() const {
    std::vector<TemplateName> names;
    std::set<std::tuple<std::string, int, std::string>> seen;
    for (const CompiledTag& tag : compiled_->tags) {
        if (tag.literal_brace) continue;
        if (!seen.emplace(tag.name, static_cast<int>(tag.kind), tag.position.describe()).second) continue;
        names.push_back(TemplateName{tag.name, tag.kind, tag.position});
    }
    return names;
}

// ---- TemplateCache ---------------------------------------------------------

Template TemplateCache::get(const fs::path& file) {
    boost::system::error_code ec;
    fs::path key = fs::weakly_canonical(file, ec);
    if (ec) key = fs::absolute(file);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto found = loaded_.find(key.string());
        if (found != loaded_.end()) return found->second;
    }
    Template loaded = Template::load(file);  // outside the lock: parsing may take a while
    std::lock_guard<std::mutex> lock(mutex_);
    return loaded_.emplace(key.string(), loaded).first->second;
}

}  // namespace lettrine
