// Rendering: DataValue → kainjow data (once per call), and a kainjow context
// that resolves the rewritten tags of compiled.hpp.
#include <algorithm>
#include <cctype>

#include "template/compiled.hpp"

namespace lettrine::template_detail {

namespace {

using KData = kainjow::mustache::data;
using KList = kainjow::mustache::list;

// Converts in place, without deep copies (kainjow's list and object
// constructors copy their argument).
void fill(KData& target, const DataValue& value) {
    switch (value.kind()) {
        case DataValue::Kind::Null: target = KData(false); break;
        case DataValue::Kind::Text: target = KData(value.as_text()); break;
        case DataValue::Kind::List: {
            target = KData(KData::type::list);
            // kainjow only exposes the list as const; the vector itself is ours.
            auto& items = const_cast<KList&>(target.list_value());
            items.reserve(value.items().size());  // no reallocation: kainjow's move is not noexcept
            for (const DataValue& item : value.items()) {
                items.emplace_back(KData::type::bool_false);  // cheapest placeholder
                fill(items.back(), item);
            }
            break;
        }
        case DataValue::Kind::Map:
            target = KData(KData::type::object);
            for (const auto& [key, child] : value.entries()) fill(target[key], child);
            break;
    }
}

// Texts that read as "no" to a non-programmer skip a section.
bool is_falsy_text(const std::string& text) {
    std::size_t b = 0, e = text.size();
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e - b > 5) return false;
    std::string word;
    for (std::size_t i = b; i < e; ++i) word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    return word.empty() || word == "non" || word == "faux" || word == "false";
}

const KData& false_data() {
    static const KData kFalse(false);
    return kFalse;
}

const KData& brace_data() {
    static const KData kBrace(std::string("{"));
    return kBrace;
}

class RenderContext : public kainjow::mustache::basic_context<std::string> {
public:
    RenderContext(const Template::Compiled& compiled, const KData* root)
        : compiled_(compiled), helpers_(compiled.tags.size()) {
        stack_.push_back(root);
    }

    void push(const KData* data) override { stack_.push_back(data); }
    void pop() override { stack_.pop_back(); }

    const KData* get(const std::string& name) const override {
        if (name.size() < 2 || name[0] != kMarker) return nullptr;  // every tag was rewritten
        const std::size_t index = std::stoul(name.substr(1));
        const CompiledTag& tag = compiled_.tags.at(index);
        if (tag.literal_brace) return &brace_data();
        if (tag.kind == TagKind::Helper) return helper(index);
        const KData* value = lookup(tag.path);
        if (value && value->is_string() && (tag.kind == TagKind::Section || tag.kind == TagKind::InvertedSection) &&
            is_falsy_text(value->string_value()))
            return &false_data();
        return value;
    }

    const KData* get_partial(const std::string&) const override { return nullptr; }  // partials are inlined

    Diagnostics problems;

private:
    // Mustache specification: the first name from the innermost context
    // outwards, the following ones inside what was found.
    const KData* lookup(const std::vector<std::string>& path) const {
        if (path.empty()) return stack_.back();
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            const KData* value = (*it)->get(path.front());
            if (!value) continue;
            for (std::size_t i = 1; i < path.size() && value; ++i) value = value->get(path[i]);
            return value;
        }
        return nullptr;
    }

    const KData* helper(std::size_t index) const {
        if (!helpers_[index]) {
            RenderContext* self = const_cast<RenderContext*>(this);
            const kainjow::mustache::lambda2 apply = [self, index](const std::string& text,
                                                                   const kainjow::mustache::renderer& render) {
                return self->apply_helper_at(index, render(text));
            };
            helpers_[index] = std::make_unique<KData>(apply);
        }
        return helpers_[index].get();
    }

    std::string apply_helper_at(std::size_t index, const std::string& rendered) {
        const CompiledTag& tag = compiled_.tags[index];
        if (auto result = apply_helper(tag.helper->kind, rendered)) return *result;
        std::string shown = xml_unescape(rendered);
        if (shown.size() > 80) shown = shown.substr(0, 77) + "…";
        const std::string message = std::string("la fonction « ") + tag.helper->name + " » attend " +
                                    tag.helper->expects + ", pas « " + shown + " »";
        for (const auto& d : problems.items())
            if (d.message == message && d.position.describe() == tag.position.describe()) return {};
        problems.error(tag.position, message);
        return {};
    }

    const Template::Compiled& compiled_;
    std::vector<const KData*> stack_;
    mutable std::vector<std::unique_ptr<KData>> helpers_;
};

}  // namespace

std::string render_compiled(const Template::Compiled& compiled, const DataValue& data) {
    KData root;
    fill(root, data);
    RenderContext context(compiled, &root);
    auto engine = compiled.acquire();
    std::string output = engine->render(context);
    if (!engine->error_message().empty())
        throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(compiled.source_name),
                            "erreur du moteur Mustache : " + engine->error_message());
    compiled.release(std::move(engine));
    if (context.problems.has_errors()) throw LettrineError(ErrorKind::Data, context.problems);
    return output;
}

}  // namespace lettrine::template_detail
