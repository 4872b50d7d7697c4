#include "markup/markup_parser.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <map>
#include <utility>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "markup/entities.hpp"
#include "markup/french_punctuation.hpp"
#include "markup/french_spacing.hpp"
#include "markup/units.hpp"

namespace lettrine {

namespace {

// ---- Defaults (docs/BALISAGE.md) ---------------------------------------------

constexpr double kDefaultMargin = 20.0 * kPointsPerMm;
constexpr double kDefaultFontSize = 11.0;       // points
constexpr double kDefaultLineFactor = 1.2;      // line height / font size
constexpr double kParagraphSpaceFactor = 0.5;   // space after <p>, in line heights
constexpr double kHeadingScale[4] = {1.0, 1.5, 1.25, 1.1};  // by level
constexpr double kListIndent = 6.0 * kPointsPerMm;
constexpr double kCellPadding = 1.5 * kPointsPerMm;
constexpr double kColumnGap = 10.0 * kPointsPerMm;
constexpr double kFurnitureDistance = 10.0 * kPointsPerMm;
constexpr double kContentsIndent = 5.0 * kPointsPerMm;  // <table-matieres>: per level

// Inherited settings while walking the tree.
struct Context {
    InlineStyle style;
    double line_factor = kDefaultLineFactor;  // used when line_fixed == 0
    double line_fixed = 0;                    // points
    TextAlign align = TextAlign::Left;
    bool in_furniture = false;                // inside <entete>/<pied>
    double line_height() const { return line_fixed > 0 ? line_fixed : line_factor * style.size; }
};

const char* const kBlockNames[] = {"p", "titre", "liste", "tableau", "image", "bloc", "insecable",
                                   "position", "colonnes", "saut-page", "espace", "filet", "graphique",
                                   "table-matieres", "signet", "pages-reservees", "sans-entete-pied"};
const char* const kInlineNames[] = {"b", "i", "u", "exposant", "texte", "lien", "br",
                                    "numero-page", "nombre-pages", "renvoi-page"};

template <std::size_t N>
bool is_one_of(const char* name, const char* const (&names)[N]) {
    for (const char* n : names)
        if (std::strcmp(n, name) == 0) return true;
    return false;
}

bool is_known_element(const char* name) {
    static const char* const others[] = {"document", "entete", "pied", "element", "ligne", "cellule",
                                         "colonne", "serie", "categorie", "valeur"};
    return is_one_of(name, kBlockNames) || is_one_of(name, kInlineNames) || is_one_of(name, others);
}

std::string element_list(std::initializer_list<const char*> names) {
    std::string text;
    for (const char* n : names) text += (text.empty() ? "<" : ", <") + std::string(n) + ">";
    return text;
}

const char* status_message(pugi::xml_parse_status status) {
    switch (status) {
    case pugi::status_unrecognized_tag: return "balise mal formée";
    case pugi::status_bad_pi: return "instruction de traitement mal formée";
    case pugi::status_bad_comment: return "commentaire mal formé";
    case pugi::status_bad_cdata: return "section CDATA mal formée";
    case pugi::status_bad_doctype: return "déclaration DOCTYPE mal formée";
    case pugi::status_bad_pcdata: return "texte mal formé";
    case pugi::status_bad_start_element: return "balise ouvrante mal formée";
    case pugi::status_bad_attribute: return "attribut mal formé (guillemets manquants ?)";
    case pugi::status_bad_end_element: return "balise fermante mal formée";
    case pugi::status_end_element_mismatch:
        return "la balise fermante ne correspond pas à la dernière balise ouverte";
    case pugi::status_append_invalid_root: return "élément racine invalide";
    case pugi::status_no_document_element: return "le document ne contient aucun élément";
    default: return "XML mal formé";
    }
}

class Parser;

// The attributes of one element: each is read at most once through this
// reader; finish() reports those nobody asked for.
class Attributes {
public:
    Attributes(Parser& parser, pugi::xml_node node) : parser_(parser), node_(node) {}
    const char* raw(const char* name);  // nullptr when absent
    void finish();

    std::string text(const char* name, const std::string& fallback);
    bool length(const char* name, double& out);                  // true when present and valid
    bool font_size(const char* name, double& out);
    bool extent(const char* name, Extent& out, bool relative_allowed);
    bool color(const char* name, Rgb& out);
    bool yes_no(const char* name, bool& out);
    bool integer(const char* name, int minimum, int maximum, int& out);
    template <typename T>
    bool choice(const char* name, std::initializer_list<std::pair<const char*, T>> values, T& out);
    bool text_align(TextAlign& out) {
        return choice<TextAlign>("align", {{"gauche", TextAlign::Left}, {"droite", TextAlign::Right},
                                           {"centre", TextAlign::Center}, {"justifie", TextAlign::Justify}},
                                 out);
    }
    bool box_align(BoxAlign& out) {
        return choice<BoxAlign>("align", {{"gauche", BoxAlign::Left}, {"centre", BoxAlign::Center},
                                          {"droite", BoxAlign::Right}},
                                out);
    }
    void invalid(const char* name, const std::string& message);

private:
    Parser& parser_;
    pugi::xml_node node_;
    std::vector<std::string> asked_;
    bool finished_ = false;
};

class Parser {
public:
    // `xml` has been through resolve_html_entities, which found `unknown`.
    Parser(const std::string& xml, std::string source, std::vector<UnknownEntity> unknown)
        : xml_(xml), source_(std::move(source)), unknown_entities_(std::move(unknown)) {}

    Document run();

    // Positions are asked for in document order: counting from the previous
    // one keeps the whole parse linear (line_column_at scans from the start).
    SourcePosition at(std::size_t offset) const {
        offset = std::min(offset, xml_.size());
        if (offset < cursor_offset_) { cursor_offset_ = 0; cursor_line_ = 1; cursor_column_ = 1; }
        for (std::size_t k = cursor_offset_; k < offset; ++k) {
            const unsigned char c = static_cast<unsigned char>(xml_[k]);
            if (c == '\n') { ++cursor_line_; cursor_column_ = 1; }
            else if ((c & 0xC0) != 0x80) ++cursor_column_;
        }
        cursor_offset_ = offset;
        return SourcePosition::at_line(source_, cursor_line_, cursor_column_);
    }
    // An element's position is that of its '<'; text's, its first character.
    SourcePosition position(pugi::xml_node node) const {
        std::ptrdiff_t offset = node.offset_debug();
        if (node.type() == pugi::node_element && offset > 0) --offset;
        return at(offset < 0 ? 0 : static_cast<std::size_t>(offset));
    }
    // The position of an attribute's name inside its start tag.
    SourcePosition attribute_position(pugi::xml_node node, const char* name) const {
        std::ptrdiff_t start = node.offset_debug();
        if (start < 0) return position(node);
        const std::size_t len = std::strlen(name);
        std::size_t i = static_cast<std::size_t>(start) + std::strlen(node.name());
        char quote = 0;
        for (; i < xml_.size() && (quote || xml_[i] != '>'); ++i) {
            const char c = xml_[i];
            if (quote) { if (c == quote) quote = 0; continue; }
            if (c == '"' || c == '\'') { quote = c; continue; }
            if (xml_.compare(i, len, name) == 0 && (xml_[i - 1] == ' ' || xml_[i - 1] == '\t' ||
                                                    xml_[i - 1] == '\n' || xml_[i - 1] == '\r')) {
                std::size_t j = i + len;
                while (j < xml_.size() && (xml_[j] == ' ' || xml_[j] == '\t' || xml_[j] == '\n')) ++j;
                if (j < xml_.size() && xml_[j] == '=') return at(i);
            }
        }
        return position(node);
    }
    void error(const SourcePosition& where, std::string message) { diagnostics_.error(where, std::move(message)); }

private:
    friend class Attributes;

    void read_document(pugi::xml_node root, Document& doc);
    void read_lang(Attributes& attrs, Context& ctx);
    void read_text_style(Attributes& attrs, Context& ctx, bool with_line_height);

    // Children of <document>: blocks, <entete>, <pied>.
    void read_body(pugi::xml_node root, const Context& ctx, Document& doc);
    // Blocks and loose text (implicit paragraphs).
    std::vector<Block> read_flow(pugi::xml_node parent, const Context& ctx, bool top_level);
    bool read_block(pugi::xml_node node, const Context& ctx, bool top_level, std::vector<Block>& out);
    Block read_paragraph(pugi::xml_node node, const Context& ctx, int level);
    Block implicit_paragraph(const std::vector<pugi::xml_node>& nodes, const Context& ctx);
    void read_list(pugi::xml_node node, const Context& ctx, Attributes& attrs, Block& block);
    void read_table(pugi::xml_node node, const Context& ctx, Attributes& attrs, Block& block);
    void read_columns(pugi::xml_node node, const Context& ctx, Attributes& attrs, Block& block);
    void read_chart(pugi::xml_node node, const Context& ctx, Attributes& attrs, Block& block);
    // The children of `node` that are elements; reports text (not blank) as misplaced.
    std::vector<pugi::xml_node> element_children(pugi::xml_node node);

    void read_inline_children(pugi::xml_node parent, const Context& ctx, std::vector<Inline>& out);
    void read_inline(pugi::xml_node node, const Context& ctx, std::vector<Inline>& out);
    void append_text(pugi::xml_node text_node, const Context& ctx, std::vector<Inline>& out);
    static void collapse(std::vector<Inline>& inlines);

    void wrong_place(pugi::xml_node node, const char* parent, const std::string& allowed) {
        if (!is_known_element(node.name()))
            error(position(node), "l'élément <" + std::string(node.name()) + "> est inconnu (éléments permis ici : " +
                                      allowed + ")");
        else
            error(position(node), "l'élément <" + std::string(node.name()) + "> n'est pas permis dans <" + parent +
                                      "> (éléments permis ici : " + allowed + ")");
    }
    void no_text(pugi::xml_node node, const char* parent) {
        error(position(node), "du texte ne peut pas figurer directement dans <" + std::string(parent) + ">");
    }

    // id="..." of blocks, checked for unicity; <renvoi-page cible> checked once all are known.
    void read_id(Attributes& attrs, pugi::xml_node node, Block& block);
    void check_references();

    const std::string& xml_;
    std::string source_;
    std::vector<UnknownEntity> unknown_entities_;
    Diagnostics diagnostics_;
    std::map<std::string, SourcePosition> ids_;
    std::vector<std::pair<std::string, SourcePosition>> references_;
    mutable std::size_t cursor_offset_ = 0;
    mutable int cursor_line_ = 1, cursor_column_ = 1;
};

// ---- Attributes ------------------------------------------------------------------

const char* Attributes::raw(const char* name) {
    asked_.emplace_back(name);
    pugi::xml_attribute a = node_.attribute(name);
    return a ? a.value() : nullptr;
}

void Attributes::invalid(const char* name, const std::string& message) {
    parser_.error(parser_.attribute_position(node_, name), message);
}

void Attributes::finish() {
    if (finished_) return;
    finished_ = true;
    // Permitted on every element, listed last.
    static const char* const everywhere[] = {"lang", "cesure", "typographie"};
    auto is_everywhere = [](const std::string& name) {
        for (const char* e : everywhere)
            if (name == e) return true;
        return false;
    };
    for (pugi::xml_attribute a : node_.attributes()) {
        bool known = is_everywhere(a.name());
        for (const std::string& n : asked_) known = known || n == a.name();
        if (known) continue;
        std::string allowed;
        for (std::size_t k = 0; k < asked_.size(); ++k) {
            bool repeated = is_everywhere(asked_[k]);
            for (std::size_t j = 0; j < k; ++j) repeated = repeated || asked_[j] == asked_[k];
            if (!repeated) allowed += (allowed.empty() ? " " : ", ") + asked_[k];
        }
        for (const char* e : everywhere) allowed += (allowed.empty() ? " " : ", ") + std::string(e);
        invalid(a.name(), "l'attribut « " + std::string(a.name()) + " » est inconnu sur <" + node_.name() +
                              "> (attributs permis :" + allowed + ")");
    }
}

std::string Attributes::text(const char* name, const std::string& fallback) {
    const char* v = raw(name);
    return v ? std::string(v) : fallback;
}

bool Attributes::length(const char* name, double& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto points = parse_length(v)) { out = *points; return true; }
    invalid(name, "la longueur « " + std::string(v) + " » de l'attribut " + name +
                      " n'est pas valide (exemples : « 80mm », « 2,5cm », « 12pt »)");
    return false;
}

bool Attributes::font_size(const char* name, double& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto points = parse_font_size(v)) { out = *points; return true; }
    invalid(name, "la taille « " + std::string(v) + " » n'est pas valide (exemples : « 11 », « 10.5pt »)");
    return false;
}

bool Attributes::extent(const char* name, Extent& out, bool relative_allowed) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto e = parse_extent(v, relative_allowed)) { out = *e; return true; }
    invalid(name, "la largeur « " + std::string(v) + " » de l'attribut " + name + " n'est pas valide (exemples : « 80mm », « 50% »" +
                      (relative_allowed ? ", « 2* »)" : ")"));
    return false;
}

bool Attributes::color(const char* name, Rgb& out) {
    const char* v = raw(name);
    if (!v) return false;
    if (auto c = parse_color(v)) { out = *c; return true; }
    invalid(name, "la couleur « " + std::string(v) + " » n'est pas valide (exemple : « #1F4E79 »)");
    return false;
}

bool Attributes::yes_no(const char* name, bool& out) {
    return choice<bool>(name, {{"oui", true}, {"non", false}}, out);
}

bool Attributes::integer(const char* name, int minimum, int maximum, int& out) {
    const char* v = raw(name);
    if (!v) return false;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*v && *end == '\0' && n >= minimum && n <= maximum) { out = static_cast<int>(n); return true; }
    invalid(name, "la valeur « " + std::string(v) + " » de l'attribut " + name + " doit être un entier de " +
                      std::to_string(minimum) + " à " + std::to_string(maximum));
    return false;
}

template <typename T>
bool Attributes::choice(const char* name, std::initializer_list<std::pair<const char*, T>> values, T& out) {
    const char* v = raw(name);
    if (!v) return false;
    std::string allowed;
    for (const auto& [key, value] : values) {
        if (std::strcmp(key, v) == 0) { out = value; return true; }
        allowed += (allowed.empty() ? "« " : ", « ") + std::string(key) + " »";
    }
    invalid(name, "la valeur « " + std::string(v) + " » de l'attribut " + name + " n'est pas permise (valeurs permises : " +
                      allowed + ")");
    return false;
}

// ---- Document --------------------------------------------------------------------

Document Parser::run() {
    pugi::xml_document xml;
    const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result result = xml.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_utf8);
    if (!result) {
        diagnostics_.error(at(static_cast<std::size_t>(result.offset)),
                           std::string("XML mal formé : ") + status_message(result.status));
        throw LettrineError(ErrorKind::Template, diagnostics_);
    }
    Document doc;
    doc.source_name = source_;
    pugi::xml_node root = xml.document_element();
    if (std::strcmp(root.name(), "document") != 0) {
        error(position(root), "l'élément racine doit être <document>, pas <" + std::string(root.name()) + ">");
        throw LettrineError(ErrorKind::Template, diagnostics_);
    }
    for (const UnknownEntity& e : unknown_entities_)
        error(at(e.text_offset), "l'entité « &" + e.name +
                                     "; » est inconnue (utilisez &#160; pour une espace insécable, &#8239; pour une espace fine insécable)");
    read_document(root, doc);
    check_references();
    if (diagnostics_.has_errors()) throw LettrineError(ErrorKind::Template, diagnostics_);
    return doc;
}

// lang, cesure and typographie: permitted on every element, inherited.
void Parser::read_lang(Attributes& attrs, Context& ctx) {
    attrs.yes_no("cesure", ctx.style.hyphenate);
    attrs.yes_no("typographie", ctx.style.french_spacing);
    const char* v = attrs.raw("lang");
    if (!v) return;
    if (is_language_tag(v)) ctx.style.lang = v;
    else attrs.invalid("lang", "la langue « " + std::string(v) + " » n'est pas valide (exemples : « fr », « fr-FR », « en »)");
}

void Parser::read_text_style(Attributes& attrs, Context& ctx, bool with_line_height) {
    attrs.choice<std::string>("police", {{"serif", "serif"}, {"sans", "sans"}, {"mono", "mono"}}, ctx.style.family);
    attrs.font_size("taille", ctx.style.size);
    attrs.color("couleur", ctx.style.color);
    if (!with_line_height) return;
    if (const char* v = attrs.raw("interligne")) {
        if (auto factor = parse_factor(v)) { ctx.line_factor = *factor; ctx.line_fixed = 0; }
        else if (auto points = parse_length(v)) ctx.line_fixed = *points;
        else attrs.invalid("interligne", "l'interligne « " + std::string(v) +
                                             " » n'est pas valide (exemples : « 1.2 », « 14pt »)");
    }
}

void Parser::read_document(pugi::xml_node root, Document& doc) {
    Attributes attrs(*this, root);
    doc.info.title = attrs.text("titre", "");
    doc.info.author = attrs.text("auteur", "");
    doc.info.subject = attrs.text("sujet", "");
    doc.info.keywords = attrs.text("mots-cles", "");
    if (const char* v = attrs.raw("date")) {
        if (is_iso_date(v)) doc.info.date = v;
        else attrs.invalid("date", "la date « " + std::string(v) + " » n'est pas une date ISO valide (exemple : « 2016-01-15 »)");
    }
    Context ctx;
    ctx.style.size = kDefaultFontSize;
    read_lang(attrs, ctx);
    doc.info.lang = ctx.style.lang;

    struct Format { const char* name; double w, h; };  // millimetres
    static const Format formats[] = {{"A4", 210, 297}, {"A5", 148, 210}, {"A3", 297, 420}, {"lettre", 215.9, 279.4}};
    double w = 210, h = 297;
    if (const char* v = attrs.raw("format")) {
        bool found = false;
        for (const Format& f : formats)
            if (std::strcmp(f.name, v) == 0) { w = f.w; h = f.h; found = true; }
        if (!found) attrs.invalid("format", "le format « " + std::string(v) +
                                                " » n'est pas permis (valeurs permises : « A4 », « A5 », « A3 », « lettre »)");
    }
    bool landscape = false;
    attrs.choice<bool>("orientation", {{"portrait", false}, {"paysage", true}}, landscape);
    doc.page.width = w * kPointsPerMm;
    doc.page.height = h * kPointsPerMm;
    if (landscape) std::swap(doc.page.width, doc.page.height);
    attrs.length("largeur", doc.page.width);
    attrs.length("hauteur", doc.page.height);

    double m[4] = {kDefaultMargin, kDefaultMargin, kDefaultMargin, kDefaultMargin};  // top right bottom left
    if (const char* v = attrs.raw("marges")) {
        std::vector<double> values;
        bool ok = true;
        for (const std::string& part : split_spaces(v)) {
            auto p = parse_length(part);
            if (p) values.push_back(*p); else ok = false;
        }
        if (!ok || values.empty() || values.size() == 3 || values.size() > 4)
            attrs.invalid("marges", "les marges « " + std::string(v) +
                                        " » ne sont pas valides (1, 2 ou 4 longueurs, exemple : « 25mm 20mm »)");
        else if (values.size() == 1) m[0] = m[1] = m[2] = m[3] = values[0];
        else if (values.size() == 2) { m[0] = m[2] = values[0]; m[1] = m[3] = values[1]; }
        else for (int i = 0; i < 4; ++i) m[i] = values[static_cast<std::size_t>(i)];
    }
    attrs.length("marge-haut", m[0]);
    attrs.length("marge-droite", m[1]);
    attrs.length("marge-bas", m[2]);
    attrs.length("marge-gauche", m[3]);
    doc.page.margin_top = m[0];
    doc.page.margin_right = m[1];
    doc.page.margin_bottom = m[2];
    doc.page.margin_left = m[3];
    read_text_style(attrs, ctx, true);
    attrs.finish();
    if (m[1] + m[3] >= doc.page.width || m[0] + m[2] >= doc.page.height)
        error(position(root), "les marges ne laissent aucune place au texte");

    doc.base_style = ctx.style;
    doc.line_height = ctx.line_height();
    read_body(root, ctx, doc);
}

void Parser::read_body(pugi::xml_node root, const Context& ctx, Document& doc) {
    bool seen[2][3] = {};  // [header/footer][pages]
    std::vector<pugi::xml_node> blocks;
    for (pugi::xml_node child : root.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value())) no_text(child, "document");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        const bool header = std::strcmp(child.name(), "entete") == 0;
        if (header || std::strcmp(child.name(), "pied") == 0) {
            Attributes attrs(*this, child);
            PageFurniture f;
            f.position = position(child);
            f.distance = kFurnitureDistance;
            attrs.choice<PageSelection>("pages", {{"toutes", PageSelection::All}, {"premiere", PageSelection::First},
                                                  {"suivantes", PageSelection::Following}},
                                        f.pages);
            attrs.length("distance", f.distance);
            Context inner = ctx;
            inner.in_furniture = true;
            read_lang(attrs, inner);
            attrs.finish();
            bool& already = seen[header ? 0 : 1][static_cast<int>(f.pages)];
            if (already)
                error(f.position, std::string("un seul <") + child.name() + "> est permis par valeur de l'attribut pages");
            already = true;
            f.content = read_flow(child, inner, false);
            (header ? doc.headers : doc.footers).push_back(std::move(f));
            continue;
        }
        if (!is_one_of(child.name(), kBlockNames)) {
            wrong_place(child, "document",
                        element_list({"entete", "pied", "p", "titre", "liste", "tableau", "image", "bloc", "insecable",
                                      "position", "colonnes", "saut-page", "espace", "filet", "graphique",
                                      "table-matieres", "signet", "pages-reservees", "sans-entete-pied"}));
            continue;
        }
        read_block(child, ctx, true, doc.body);
    }
}

// ---- Blocks ----------------------------------------------------------------------

std::vector<Block> Parser::read_flow(pugi::xml_node parent, const Context& ctx, bool top_level) {
    std::vector<Block> blocks;
    std::vector<pugi::xml_node> loose;  // inline nodes waiting to become a paragraph
    auto flush = [&] {
        if (loose.empty()) return;
        Block p = implicit_paragraph(loose, ctx);
        if (!std::get<Paragraph>(p.content).inlines.empty()) blocks.push_back(std::move(p));
        loose.clear();
    };
    for (pugi::xml_node child : parent.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            loose.push_back(child);
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (is_one_of(child.name(), kInlineNames)) {
            loose.push_back(child);
            continue;
        }
        flush();
        if (!is_one_of(child.name(), kBlockNames)) {
            wrong_place(child, parent.name(),
                        element_list({"p", "titre", "liste", "tableau", "image", "bloc", "insecable", "colonnes",
                                      "espace", "filet", "graphique", "table-matieres", "b", "i", "u", "exposant", "texte",
                                      "lien", "br", "renvoi-page"}));
            continue;
        }
        read_block(child, ctx, top_level, blocks);
    }
    flush();
    return blocks;
}

Block Parser::implicit_paragraph(const std::vector<pugi::xml_node>& nodes, const Context& ctx) {
    Block block;
    block.position = position(nodes.front());
    block.lang = ctx.style.lang;
    Paragraph p;
    p.align = ctx.align;
    p.style = ctx.style;
    p.line_height = ctx.line_height();
    for (pugi::xml_node n : nodes) read_inline(n, ctx, p.inlines);
    collapse(p.inlines);
    block.space_after = kParagraphSpaceFactor * p.line_height;
    block.content = std::move(p);
    return block;
}

bool Parser::read_block(pugi::xml_node node, const Context& parent_ctx, bool top_level, std::vector<Block>& out) {
    const std::string name = node.name();
    Attributes attrs(*this, node);
    Context ctx = parent_ctx;
    read_lang(attrs, ctx);
    Block block;
    block.position = position(node);
    attrs.length("espace-avant", block.space_before);
    const bool has_space_after = attrs.length("espace-apres", block.space_after);
    if (name != "pages-reservees") read_id(attrs, node, block);

    auto only_empty = [&](const char* what) {
        for (pugi::xml_node c : node.children())
            if (c.type() == pugi::node_element || !is_blank(c.value())) {
                error(position(c), std::string("<") + what + "> doit être vide");
                break;
            }
    };

    if (name == "p" || name == "titre") {
        int level = 0;
        if (name == "titre") {
            level = 1;
            attrs.integer("niveau", 1, 3, level);
        }
        attrs.text_align(ctx.align);
        Context text_ctx = ctx;
        if (level > 0) {
            text_ctx.style.bold = true;
            text_ctx.style.size = ctx.style.size * kHeadingScale[level];
        }
        read_text_style(attrs, text_ctx, level == 0);
        if (level > 0 && text_ctx.line_fixed > 0)  // a fixed interligne scales with the heading
            text_ctx.line_fixed *= kHeadingScale[level];
        Paragraph p;
        p.level = level;
        if (level > 0) {
            attrs.yes_no("signet", p.bookmark);
            attrs.yes_no("sommaire", p.in_contents);
        }
        attrs.length("retrait", p.first_indent);
        p.align = text_ctx.align;
        p.style = text_ctx.style;
        p.line_height = text_ctx.line_height();
        read_inline_children(node, text_ctx, p.inlines);
        collapse(p.inlines);
        if (level > 0) {
            if (!attrs.raw("espace-avant")) block.space_before = p.line_height;
            if (!has_space_after) block.space_after = 0.5 * p.line_height;
        } else if (!has_space_after) {
            block.space_after = kParagraphSpaceFactor * p.line_height;
        }
        block.content = std::move(p);
    } else if (name == "liste") {
        read_list(node, ctx, attrs, block);
    } else if (name == "tableau") {
        read_table(node, ctx, attrs, block);
    } else if (name == "colonnes") {
        read_columns(node, ctx, attrs, block);
    } else if (name == "graphique") {
        read_chart(node, ctx, attrs, block);
        // Set apart from the text like a figure: half a line above, a line below.
        if (!attrs.raw("espace-avant")) block.space_before = 0.5 * ctx.line_height();
        if (!has_space_after) block.space_after = ctx.line_height();
    } else if (name == "image") {
        Image image;
        const char* src = attrs.raw("src");
        if (!src || !*src) error(block.position, "l'attribut src est obligatoire sur <image>");
        else image.src = src;
        attrs.length("largeur", image.width);
        attrs.length("hauteur", image.height);
        attrs.box_align(image.align);
        only_empty("image");
        block.content = std::move(image);
    } else if (name == "bloc" || name == "insecable") {
        Box box;
        box.keep_together = name == "insecable";
        if (name == "bloc") {
            attrs.extent("largeur", box.width, false);
            attrs.box_align(box.align);
            attrs.yes_no("insecable", box.keep_together);
        }
        read_text_style(attrs, ctx, true);
        attrs.text_align(ctx.align);
        attrs.finish();
        box.content = read_flow(node, ctx, false);
        block.content = std::move(box);
    } else if (name == "position") {
        Positioned pos;
        attrs.choice<Anchor>("ancre", {{"haut-gauche", Anchor::TopLeft}, {"haut-droite", Anchor::TopRight},
                                       {"bas-gauche", Anchor::BottomLeft}, {"bas-droite", Anchor::BottomRight}},
                             pos.anchor);
        for (auto [attr, field] : {std::pair<const char*, double*>{"x", &pos.x}, {"y", &pos.y}, {"largeur", &pos.width}}) {
            if (!attrs.length(attr, *field) && !node.attribute(attr))
                error(block.position, std::string("l'attribut ") + attr + " est obligatoire sur <position>");
        }
        read_text_style(attrs, ctx, true);
        attrs.text_align(ctx.align);
        attrs.finish();
        if (!top_level) error(block.position, "<position> n'est permis que directement dans <document>");
        pos.content = read_flow(node, ctx, false);
        block.content = std::move(pos);
    } else if (name == "saut-page") {
        if (!top_level) error(block.position, "<saut-page> n'est permis que directement dans <document>");
        PageBreak page_break;
        attrs.choice<bool>("page", {{"suivante", false}, {"impaire", true}}, page_break.odd);
        only_empty("saut-page");
        block.content = page_break;
    } else if (name == "table-matieres") {
        ContentsTable toc;
        attrs.integer("niveaux", 1, 3, toc.levels);
        toc.indent = kContentsIndent;
        attrs.length("retrait", toc.indent);
        read_text_style(attrs, ctx, true);
        toc.style = ctx.style;
        toc.style.link.clear();
        toc.line_height = ctx.line_height();
        only_empty("table-matieres");
        block.content = toc;
    } else if (name == "signet") {
        if (!top_level) error(block.position, "<signet> n'est permis que directement dans <document>");
        OutlineMarker marker;
        const char* title = attrs.raw("titre");
        if (!title || is_blank(title)) error(block.position, "l'attribut titre est obligatoire sur <signet>");
        else marker.title = ctx.style.french_spacing && is_french(ctx.style.lang) ? french_typography(collapse_whitespace(title))
                                                                                 : collapse_whitespace(title);
        attrs.integer("niveau", 1, 3, marker.level);
        attrs.yes_no("sommaire", marker.in_contents);
        only_empty("signet");
        block.content = marker;
    } else if (name == "pages-reservees") {
        if (!top_level) error(block.position, "<pages-reservees> n'est permis que directement dans <document>");
        ReservedPages reserved;
        read_id(attrs, node, block);
        if (!attrs.raw("id")) error(block.position, "l'attribut id est obligatoire sur <pages-reservees>");
        reserved.id = block.id;
        if (!attrs.integer("nombre", 1, static_cast<int>(kMaxExternalPdfPages), reserved.count) && !node.attribute("nombre"))
            error(block.position, "l'attribut nombre est obligatoire sur <pages-reservees>");
        only_empty("pages-reservees");
        block.content = reserved;
    } else if (name == "sans-entete-pied") {
        if (!top_level) error(block.position, "<sans-entete-pied> n'est permis que directement dans <document>");
        only_empty("sans-entete-pied");
        block.content = NoFurniture{};
    } else if (name == "espace") {
        Space space;
        if (!attrs.length("hauteur", space.height) && !node.attribute("hauteur"))
            error(block.position, "l'attribut hauteur est obligatoire sur <espace>");
        only_empty("espace");
        block.content = space;
    } else if (name == "filet") {
        HorizontalRule rule;
        attrs.length("epaisseur", rule.thickness);
        attrs.color("couleur", rule.color);
        only_empty("filet");
        block.content = rule;
    }
    attrs.finish();
    block.lang = ctx.style.lang;
    out.push_back(std::move(block));
    return true;
}

void Parser::read_list(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    List list;
    attrs.choice<bool>("type", {{"puces", false}, {"numeros", true}}, list.numbered);
    if (const char* v = attrs.raw("puce")) {
        if (*v) list.bullet = v;
        else attrs.invalid("puce", "l'attribut puce ne peut pas être vide");
    }
    attrs.integer("debut", 0, 1000000, list.start);
    list.indent = kListIndent;
    attrs.length("retrait", list.indent);
    read_text_style(attrs, ctx, true);
    attrs.text_align(ctx.align);
    attrs.finish();
    list.marker_style = ctx.style;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value())) no_text(child, "liste");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "element") != 0) {
            wrong_place(child, "liste", "<element>");
            continue;
        }
        Attributes item_attrs(*this, child);
        Context item_ctx = ctx;
        read_lang(item_attrs, item_ctx);
        ListItem item;
        item.position = position(child);
        item_attrs.length("espace-avant", item.space_before);
        item_attrs.length("espace-apres", item.space_after);
        item_attrs.finish();
        item.content = read_flow(child, item_ctx, false);
        list.items.push_back(std::move(item));
    }
    block.content = std::move(list);
}

void Parser::read_table(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    Table table;
    if (const char* v = attrs.raw("colonnes")) {
        bool ok = true;
        for (const std::string& part : split_spaces(v)) {
            auto e = parse_extent(part, true);
            if (e && e->kind != Extent::Kind::Auto) table.columns.push_back(*e); else ok = false;
        }
        if (!ok || table.columns.empty()) {
            attrs.invalid("colonnes", "les largeurs de colonnes « " + std::string(v) +
                                          " » ne sont pas valides (exemple : « 2* 25mm 20% »)");
            table.columns.clear();
        }
    } else {
        error(block.position, "l'attribut colonnes est obligatoire sur <tableau>");
    }
    attrs.extent("largeur", table.width, false);
    if (const char* v = attrs.raw("bordure")) {
        if (std::strcmp(v, "non") == 0) table.border_width = 0;
        else if (auto p = parse_length(v)) table.border_width = *p;
        else attrs.invalid("bordure", "la bordure « " + std::string(v) + " » n'est pas valide (exemples : « 0.5pt », « non »)");
    }
    attrs.color("couleur-bordure", table.border_color);
    table.padding = kCellPadding;
    attrs.length("marge-cellule", table.padding);
    read_text_style(attrs, ctx, true);
    attrs.finish();

    bool body_seen = false;
    for (pugi::xml_node row_node : node.children()) {
        if (row_node.type() == pugi::node_pcdata || row_node.type() == pugi::node_cdata) {
            if (!is_blank(row_node.value())) no_text(row_node, "tableau");
            continue;
        }
        if (row_node.type() != pugi::node_element) continue;
        if (std::strcmp(row_node.name(), "ligne") != 0) {
            wrong_place(row_node, "tableau", "<ligne>");
            continue;
        }
        Attributes row_attrs(*this, row_node);
        Context row_ctx = ctx;
        read_lang(row_attrs, row_ctx);
        TableRow row;
        row.position = position(row_node);
        row_attrs.yes_no("entete", row.header);
        Rgb row_background;
        const bool row_has_background = row_attrs.color("fond", row_background);
        row_attrs.finish();
        if (row.header && body_seen)
            error(row.position, "les lignes d'en-tête (entete=\"oui\") doivent précéder les autres lignes du tableau");
        body_seen = body_seen || !row.header;
        int covered = 0;
        for (pugi::xml_node cell_node : row_node.children()) {
            if (cell_node.type() == pugi::node_pcdata || cell_node.type() == pugi::node_cdata) {
                if (!is_blank(cell_node.value())) no_text(cell_node, "ligne");
                continue;
            }
            if (cell_node.type() != pugi::node_element) continue;
            if (std::strcmp(cell_node.name(), "cellule") != 0) {
                wrong_place(cell_node, "ligne", "<cellule>");
                continue;
            }
            Attributes cell_attrs(*this, cell_node);
            Context cell_ctx = row_ctx;
            read_lang(cell_attrs, cell_ctx);
            TableCell cell;
            cell.position = position(cell_node);
            cell_attrs.text_align(cell_ctx.align);
            cell_attrs.choice<VerticalAlign>("valign", {{"haut", VerticalAlign::Top}, {"milieu", VerticalAlign::Middle},
                                                        {"bas", VerticalAlign::Bottom}},
                                             cell.valign);
            cell_attrs.integer("fusion", 1, 1000, cell.span);
            cell.has_background = row_has_background;
            cell.background = row_background;
            if (cell_attrs.color("fond", cell.background)) cell.has_background = true;
            read_text_style(cell_attrs, cell_ctx, true);
            cell_attrs.finish();
            cell.content = read_flow(cell_node, cell_ctx, false);
            covered += cell.span;
            row.cells.push_back(std::move(cell));
        }
        if (!table.columns.empty() && covered != static_cast<int>(table.columns.size()))
            error(row.position, "cette ligne couvre " + std::to_string(covered) + " colonne" + (covered > 1 ? "s" : "") +
                                    " alors que le tableau en a " + std::to_string(table.columns.size()));
        table.rows.push_back(std::move(row));
    }
    block.content = std::move(table);
}

void Parser::read_columns(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    Columns columns;
    columns.gap = kColumnGap;
    attrs.length("espace", columns.gap);
    read_text_style(attrs, ctx, true);
    attrs.text_align(ctx.align);
    attrs.finish();
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value())) no_text(child, "colonnes");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        if (std::strcmp(child.name(), "colonne") != 0) {
            wrong_place(child, "colonnes", "<colonne>");
            continue;
        }
        Attributes col_attrs(*this, child);
        Context col_ctx = ctx;
        read_lang(col_attrs, col_ctx);
        Column column;
        column.position = position(child);
        column.width = Extent{Extent::Kind::Relative, 1};
        col_attrs.extent("largeur", column.width, true);
        read_text_style(col_attrs, col_ctx, true);
        col_attrs.text_align(col_ctx.align);
        col_attrs.finish();
        column.content = read_flow(child, col_ctx, false);
        columns.columns.push_back(std::move(column));
    }
    if (columns.columns.empty()) error(block.position, "<colonnes> doit contenir au moins une <colonne>");
    block.content = std::move(columns);
}

// Letters, digits, '-', '_', '.', ':' (an XML name without the XML rules).
bool is_block_id(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.' || c == ':';
        if (!ok) return false;
    }
    return true;
}

void Parser::read_id(Attributes& attrs, pugi::xml_node node, Block& block) {
    const char* v = attrs.raw("id");
    if (!v) return;
    const std::string id = v;
    if (!is_block_id(id)) {
        attrs.invalid("id", "l'identifiant « " + id +
                                " » n'est pas valide (lettres sans accent, chiffres, « - », « _ », « . » ; exemple : « habitat-2016 »)");
        return;
    }
    const SourcePosition where = attribute_position(node, "id");
    const auto [it, fresh] = ids_.emplace(id, where);
    if (!fresh) {
        error(where, "l'identifiant « " + id + " » est déjà celui d'un autre bloc (" + it->second.describe() + ")");
        return;
    }
    block.id = id;
}

void Parser::check_references() {
    for (const auto& [target, where] : references_)
        if (!ids_.count(target))
            error(where, "<renvoi-page> renvoie à « " + target + " », qui n'est l'id d'aucun bloc du document");
}

std::vector<pugi::xml_node> Parser::element_children(pugi::xml_node node) {
    std::vector<pugi::xml_node> out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value())) no_text(child, node.name());
            continue;
        }
        if (child.type() == pugi::node_element) out.push_back(child);
    }
    return out;
}

// Series colours when <serie> gives none: the charter's blues, then contrasts.
constexpr Rgb kChartPalette[] = {{0x1F, 0x4E, 0x79}, {0xA9, 0xC4, 0xE0}, {0xC5, 0x5A, 0x11},
                                 {0x70, 0xAD, 0x47}, {0x7F, 0x7F, 0x7F}, {0xFF, 0xC0, 0x00}};

void Parser::read_chart(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    Chart chart;
    chart.title = collapse_whitespace(attrs.text("titre", ""));
    chart.unit = collapse_whitespace(attrs.text("unite", ""));
    attrs.choice<bool>("sens", {{"horizontal", true}, {"vertical", false}}, chart.horizontal);
    attrs.extent("largeur", chart.width, false);
    attrs.box_align(chart.align);
    attrs.length("hauteur", chart.height);
    read_text_style(attrs, ctx, false);
    attrs.finish();
    chart.style = ctx.style;
    chart.style.link.clear();
    // Labels get the same French spacing as running text.
    const bool french = ctx.style.french_spacing && is_french(ctx.style.lang);
    auto label = [french](const std::string& text) { return french ? french_typography(text) : text; };
    chart.title = label(chart.title);
    chart.unit = label(chart.unit);

    // Values are checked against the number of series once all are known.
    struct PendingCategory { std::size_t index; pugi::xml_node node; };
    std::vector<PendingCategory> pending;
    for (pugi::xml_node child : element_children(node)) {
        const std::string child_name = child.name();
        Attributes child_attrs(*this, child);
        if (child_name == "serie") {
            ChartSeries series;
            series.position = position(child);
            series.name = collapse_whitespace(child_attrs.text("nom", ""));
            if (series.name.empty()) error(series.position, "l'attribut nom est obligatoire sur <serie>");
            series.color = kChartPalette[chart.series.size() % (sizeof kChartPalette / sizeof kChartPalette[0])];
            child_attrs.color("couleur", series.color);
            child_attrs.finish();
            for (pugi::xml_node c : child.children())
                if (c.type() == pugi::node_element || !is_blank(c.value())) {
                    error(position(c), "<serie> doit être vide");
                    break;
                }
            series.name = label(series.name);
            chart.series.push_back(std::move(series));
        } else if (child_name == "categorie") {
            ChartCategory category;
            category.position = position(child);
            category.name = collapse_whitespace(child_attrs.text("nom", ""));
            if (category.name.empty()) error(category.position, "l'attribut nom est obligatoire sur <categorie>");
            child_attrs.finish();
            for (pugi::xml_node value_node : element_children(child)) {
                if (std::strcmp(value_node.name(), "valeur") != 0) {
                    wrong_place(value_node, "categorie", "<valeur>");
                    continue;
                }
                Attributes value_attrs(*this, value_node);
                value_attrs.finish();
                std::string text;
                for (pugi::xml_node c : value_node.children()) {
                    if (c.type() == pugi::node_element) {
                        error(position(c), "<valeur> ne contient qu'un nombre");
                        continue;
                    }
                    text += c.value();
                }
                text = trim(text);
                std::optional<double> value;
                if (!text.empty()) {
                    value = parse_markup_number(text);
                    if (!value)
                        error(position(value_node), "la valeur « " + text +
                                                        " » n'est pas un nombre (exemples : « 12 », « 10,5 »)");
                    else if (*value < 0)
                        error(position(value_node), "la valeur « " + text +
                                                        " » est négative : un graphique en barres ne montre que des valeurs positives ou nulles");
                }
                category.values.push_back(value);
            }
            category.name = label(category.name);
            pending.push_back({chart.categories.size(), child});
            chart.categories.push_back(std::move(category));
        } else {
            wrong_place(child, "graphique", element_list({"serie", "categorie"}));
        }
    }
    if (chart.series.empty()) error(block.position, "<graphique> doit contenir au moins une <serie>");
    if (chart.categories.empty()) error(block.position, "<graphique> doit contenir au moins une <categorie>");
    const std::size_t n = chart.series.size();
    for (const PendingCategory& p : pending) {
        const ChartCategory& c = chart.categories[p.index];
        if (n == 0 || c.values.size() == n) continue;
        error(c.position, "la catégorie « " + c.name + " » a " + std::to_string(c.values.size()) + " valeur" +
                              (c.values.size() > 1 ? "s" : "") + " alors que le graphique a " + std::to_string(n) +
                              " série" + (n > 1 ? "s" : "") + " (une <valeur> par <serie>, <valeur/> pour une valeur absente)");
    }
    block.content = std::move(chart);
}

// ---- Inline content ----------------------------------------------------------------

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
        if (!target || !*target) error(position(node), "l'attribut cible est obligatoire sur <renvoi-page>");
        leaf(InlineKind::PageReference);
        if (target && *target) {
            out.back().text = target;
            references_.emplace_back(target, position(node));
        }
    } else if (name == "numero-page" || name == "nombre-pages") {
        if (!ctx.in_furniture)
            error(position(node), "<" + name + "> n'est permis que dans <entete> ou <pied>");
        leaf(name == "numero-page" ? InlineKind::PageNumber : InlineKind::PageCount);
    } else {
        if (name == "b") ctx.style.bold = true;
        else if (name == "i") ctx.style.italic = true;
        else if (name == "u") ctx.style.underline = true;
        else if (name == "exposant") ctx.style.superscript = true;
        else if (name == "texte") read_text_style(attrs, ctx, false);
        else if (name == "lien") {
            const char* href = attrs.raw("href");
            if (!href || !*href) error(position(node), "l'attribut href est obligatoire sur <lien>");
            else if (!is_link_target(href))
                attrs.invalid("href", "le lien « " + std::string(href) +
                                          " » n'est pas valide (il doit commencer par « mailto: », « https:// » ou « http:// »)");
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

}  // namespace

Document parse_markup(const std::string& xml, const std::string& source_name) {
    std::vector<UnknownEntity> unknown;
    const std::string resolved = resolve_html_entities(xml, unknown);
    return Parser(resolved, source_name, std::move(unknown)).run();
}

}  // namespace lettrine
