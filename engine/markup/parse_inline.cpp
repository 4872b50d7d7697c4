// Inline content: text, styles, links, breaks and page references; HTML
// whitespace collapsed, then French typography on the paragraph's text.
#include "core/text.hpp"
#include "markup/detail/parser.hpp"
#include "markup/french_punctuation.hpp"
#include "markup/french_spacing.hpp"

namespace lettrine::markup_detail {

void Parser::read_inline_children(pugi::xml_node parent, const Context& ctx, std::vector<Inline>& out) {
    for (pugi::xml_node child : parent.children()) read_inline(child, ctx, out);
}

void Parser::read_inline(pugi::xml_node node, const Context& parent_ctx, std::vector<Inline>& out) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        append_text(node, parent_ctx, out);
        return;
    }
    if (node.type() != pugi::node_element) return;
    const std::string name = node.name();
    if (!is_one_of(node.name(), kInlineNames)) {
        wrong_place(node, node.parent().name(),
                    element_list({"b", "i", "u", "exposant", "texte", "lien", "br", "numero-page", "nombre-pages",
                                  "renvoi-page"}));
        return;
    }
    Attributes attrs(*this, node);
    Context ctx = parent_ctx;
    read_lang(attrs, ctx);
    auto leaf = [&](InlineKind kind) {
        for (pugi::xml_node c : node.children())
            if (c.type() == pugi::node_element || !is_blank(c.value())) {
                error(position(c), "<" + name + "> doit être vide");
                break;
            }
        Inline i;
        i.kind = kind;
        i.style = ctx.style;
        i.position = position(node);
        out.push_back(std::move(i));
    };
    if (name == "br") {
        leaf(InlineKind::LineBreak);
    } else if (name == "renvoi-page") {
        const char* target = attrs.raw("cible");
        if (!target || !*target) error(position(node), "l’attribut cible est obligatoire sur <renvoi-page>");
        leaf(InlineKind::PageReference);
        if (target && *target) {
            out.back().text = target;
            references_.emplace_back(target, position(node));
        }
    } else if (name == "numero-page" || name == "nombre-pages") {
        if (!ctx.in_furniture)
            error(position(node), "<" + name + "> n’est permis que dans <entete> ou <pied>");
        leaf(name == "numero-page" ? InlineKind::PageNumber : InlineKind::PageCount);
    } else {
        if (name == "b") ctx.style.bold = true;
        else if (name == "i") ctx.style.italic = true;
        else if (name == "u") ctx.style.underline = true;
        else if (name == "exposant") ctx.style.superscript = true;
        else if (name == "texte") read_text_style(attrs, ctx, false);
        else if (name == "lien") {
            const char* href = attrs.raw("href");
            if (!href || !*href) error(position(node), "l’attribut href est obligatoire sur <lien>");
            else if (!is_link_target(href))
                attrs.invalid("href", "le lien « " + std::string(href) +
                                          " » n’est pas valide (il doit commencer par « mailto: », « https:// » ou « http:// »)");
            else ctx.style.link = href;
            // An address is set as written: never hyphenated, never respaced.
            ctx.style.hyphenate = false;
            ctx.style.french_spacing = false;
        }
        attrs.finish();
        read_inline_children(node, ctx, out);
        return;
    }
    attrs.finish();
}

void Parser::append_text(pugi::xml_node node, const Context& ctx, std::vector<Inline>& out) {
    // Entities were resolved on the source (resolve_html_entities): the
    // decoded text is taken as it is.
    std::string text = node.value();
    if (text.empty()) return;
    Inline i;
    i.kind = InlineKind::Text;
    i.text = std::move(text);
    i.style = ctx.style;
    i.position = position(node);
    out.push_back(std::move(i));
}

// HTML whitespace: ASCII whitespace runs become one space, removed at the
// start and end of the paragraph and around <br/>.
void Parser::collapse(std::vector<Inline>& inlines) {
    bool after_space = true;  // at the start of a line
    for (Inline& in : inlines) {
        if (in.kind == InlineKind::LineBreak) { after_space = true; continue; }
        if (in.kind != InlineKind::Text) { after_space = false; continue; }
        std::string out;
        out.reserve(in.text.size());
        for (char c : in.text) {
            const bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (ws) {
                if (!after_space) out += ' ';
                after_space = true;
            } else {
                out += c;
                after_space = false;
            }
        }
        in.text = std::move(out);
    }
    // Trailing spaces before a line break and at the end.
    bool line_end = true;
    for (std::size_t k = inlines.size(); k-- > 0;) {
        Inline& in = inlines[k];
        if (in.kind == InlineKind::LineBreak) { line_end = true; continue; }
        if (in.kind != InlineKind::Text) { line_end = false; continue; }
        if (line_end) {
            while (!in.text.empty() && in.text.back() == ' ') in.text.pop_back();
            if (!in.text.empty()) line_end = false;
        }
    }
    std::vector<Inline> kept;
    kept.reserve(inlines.size());
    for (Inline& in : inlines)
        if (in.kind != InlineKind::Text || !in.text.empty()) kept.push_back(std::move(in));
    inlines = std::move(kept);
    // French spacing works on the final spaces of the paragraph.
    apply_french_typography(inlines);
}

}  // namespace lettrine::markup_detail
