// check_names: walks the expanded template with a sample of the data,
// stacking contexts the way rendering does.
#include <set>

#include "core/suggestion.hpp"
#include "core/text.hpp"
#include "template/compiled.hpp"

namespace lettrine {

using namespace template_detail;

namespace {

// What a section's content sees: every value the section could push (each
// item of a list). `opaque` when the shape is unknown (an empty list, an
// unknown name): anything is accepted there.
struct Frame {
    std::vector<const DataValue*> values;
    bool opaque = false;
};

enum class Found { Yes, No, Unknown };

struct Lookup {
    Found found = Found::No;
    std::vector<const DataValue*> values;
    std::string suggestion;  // closest existing name, "" if none close enough
};

// The key of `maps` closest to `wanted`, if a plausible typo of it
// (core/suggestion.hpp: case first, then Damerau–Levenshtein).
std::string closest_key(const std::string& wanted, const std::vector<const DataValue*>& maps) {
    std::vector<std::string> keys;
    for (const DataValue* m : maps)
        if (m->is_map())
            for (const auto& entry : m->entries()) keys.push_back(entry.first);
    return closest_name(wanted, keys).value_or("");
}

std::string join(const std::vector<std::string>& parts, std::size_t count) {
    std::string s;
    for (std::size_t i = 0; i < count; ++i) s += (i ? "." : "") + parts[i];
    return s;
}

class NameChecker {
public:
    NameChecker(const Template::Compiled& compiled, const DataValue& sample) : compiled_(compiled) {
        frames_.push_back(Frame{{&sample}, false});
    }

    void walk(const std::vector<Node>& nodes) {
        for (const Node& node : nodes) {
            const CompiledTag& tag = compiled_.tags[node.tag];
            switch (tag.kind) {
                case TagKind::Variable:
                case TagKind::RawVariable: check_variable(tag); break;
                case TagKind::InvertedSection:
                    check_known(tag, lookup(tag.path));
                    walk(node.children);
                    break;
                case TagKind::Helper:
                    if (lookup(tag.path).found == Found::Yes)
                        report(Severity::Warning, tag,
                               "la fonction « " + tag.name + " » masque le champ « " + tag.name +
                                   " » des données : dans « {{#" + tag.name + "}} », c’est la fonction qui s’applique");
                    walk(node.children);
                    break;
                case TagKind::Section: {
                    const Lookup found = lookup(tag.path);
                    check_known(tag, found);
                    frames_.push_back(section_frame(found));
                    walk(node.children);
                    frames_.pop_back();
                    break;
                }
            }
        }
    }

    Diagnostics result;

private:
    Lookup lookup(const std::vector<std::string>& path) const {
        Lookup r;
        if (path.empty()) {  // "."
            r.found = frames_.back().opaque ? Found::Unknown : Found::Yes;
            r.values = frames_.back().values;
            return r;
        }
        std::vector<const DataValue*> visible_maps;
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
            if (it->opaque) {
                r.found = Found::Unknown;
                return r;
            }
            std::vector<const DataValue*> current;
            for (const DataValue* v : it->values) {
                if (!v->is_map()) continue;
                visible_maps.push_back(v);
                if (const DataValue* child = v->find(path.front())) current.push_back(child);
            }
            if (current.empty()) continue;
            // Found the first name: the rest must be inside it (no fallback outwards).
            for (std::size_t i = 1; i < path.size(); ++i) {
                std::vector<const DataValue*> next;
                for (const DataValue* v : current)
                    if (v->is_map())
                        if (const DataValue* child = v->find(path[i])) next.push_back(child);
                if (next.empty()) {
                    const std::string key = closest_key(path[i], current);
                    if (!key.empty()) r.suggestion = join(path, i) + "." + key;
                    return r;
                }
                current = std::move(next);
            }
            r.found = Found::Yes;
            r.values = std::move(current);
            return r;
        }
        const std::string key = closest_key(path.front(), visible_maps);
        if (!key.empty()) {
            r.suggestion = key;
            if (path.size() > 1) r.suggestion += "." + join(std::vector<std::string>(path.begin() + 1, path.end()), path.size() - 1);
        }
        return r;
    }

    static Frame section_frame(const Lookup& found) {
        Frame frame;
        if (found.found != Found::Yes) {
            frame.opaque = true;  // unknown name (already reported) or unknown shape
            return frame;
        }
        for (const DataValue* v : found.values) {
            if (v->is_list())
                for (const DataValue& item : v->items()) frame.values.push_back(&item);
            else if (!v->is_null())
                frame.values.push_back(v);
        }
        frame.opaque = frame.values.empty();  // e.g. an empty list: its items' fields are unknown
        return frame;
    }

    void check_known(const CompiledTag& tag, const Lookup& found) {
        if (found.found != Found::No) return;
        if (const HelperInfo* helper = find_helper(tag.name); helper && tag.kind != TagKind::Section) {
            report(Severity::Error, tag,
                   "« " + tag.name + " » est une fonction, pas un champ : elle s’écrit comme une section, « {{#" +
                       tag.name + "}}…{{/" + tag.name + "}} »");
            return;
        }
        std::string message = "le champ « " + tag.name + " » n’existe pas dans les données";
        if (!found.suggestion.empty()) message += " (vouliez-vous dire « " + found.suggestion + " » ?)";
        report(Severity::Error, tag, message);
    }

    void check_variable(const CompiledTag& tag) {
        if (tag.path.empty()) return;  // "{{.}}": whatever the section pushed
        const Lookup found = lookup(tag.path);
        check_known(tag, found);
        if (found.found != Found::Yes || found.values.empty()) return;
        bool all_lists = true, all_maps = true;
        for (const DataValue* v : found.values) {
            all_lists = all_lists && v->is_list();
            all_maps = all_maps && v->is_map();
        }
        if (all_lists) {
            report(Severity::Error, tag,
                   "« " + tag.name + " » est une liste : pour l’afficher, parcourez-la avec « {{#" + tag.name +
                       "}}…{{/" + tag.name + "}} »");
        } else if (all_maps) {
            const DataValue* group = found.values.front();
            std::string message = "« " + tag.name + " » regroupe plusieurs champs : précisez lequel";
            if (!group->entries().empty())
                message += ", par exemple « " + tag.name + "." + group->entries().front().first + " »";
            report(Severity::Error, tag, message);
        }
    }

    void report(Severity severity, const CompiledTag& tag, const std::string& message) {
        // A partial used twice is checked in both contexts; its tag is reported once.
        if (!seen_.insert(tag.position.describe() + "\n" + tag.name).second) return;
        result.add(Diagnostic{severity, tag.position, message});
    }

    const Template::Compiled& compiled_;
    std::vector<Frame> frames_;
    std::set<std::string> seen_;
};

}  // namespace

Diagnostics check_names(const Template& t, const DataValue& sample) {
    NameChecker checker(*t.compiled_, sample);
    checker.walk(t.compiled_->tree);
    return std::move(checker.result);
}

}  // namespace lettrine
