#pragma once
// Internals of the markup reader (markup_parser.hpp is its interface): the
// parser's state and its helpers, shared by its source files —
// parse_document.cpp (the document, its pages, header and footer),
// parse_attributes.cpp, parse_blocks.cpp (flow and block elements, one reader
// per element), parse_tables.cpp, parse_charts.cpp, parse_inline.cpp (inline
// content, whitespace and French typography).
#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.hpp"
#include "markup/document.hpp"
#include "markup/entities.hpp"
#include "markup/units.hpp"

namespace lettrine::markup_detail {

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

inline const char* const kBlockNames[] = {"p", "titre", "liste", "tableau", "image", "bloc", "insecable",
                                   "position", "colonnes", "saut-page", "espace", "filet", "graphique",
                                   "table-matieres", "signet", "pages-reservees", "sans-entete-pied", "emplacement"};
inline const char* const kInlineNames[] = {"b", "i", "u", "exposant", "texte", "lien", "br",
                                    "numero-page", "nombre-pages", "renvoi-page"};

template <std::size_t N>
bool is_one_of(const char* name, const char* const (&names)[N]) {
    for (const char* n : names)
        if (std::strcmp(n, name) == 0) return true;
    return false;
}

bool is_known_element(const char* name);
std::string element_list(std::initializer_list<const char*> names);
// pugixml's parse status, in French.
const char* status_message(pugi::xml_parse_status status);

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
    // One reader per block element, chosen by name from a table (parse_blocks.cpp).
    struct BlockRead;
    using BlockReader = void (Parser::*)(BlockRead& r);
    static BlockReader block_reader(const std::string& name);
    void read_text_block(BlockRead& r);  // <p>, <titre>
    void read_image(BlockRead& r);
    void read_box(BlockRead& r);         // <bloc>, <insecable>
    void read_positioned(BlockRead& r);
    void read_page_break(BlockRead& r);
    void read_contents(BlockRead& r);
    void read_bookmark(BlockRead& r);    // <signet>
    void read_reserved(BlockRead& r);    // <pages-reservees>
    void read_no_furniture(BlockRead& r);
    void read_placeholder(BlockRead& r);  // <emplacement>
    void read_space(BlockRead& r);
    void read_rule(BlockRead& r);        // <filet>
    void read_list_block(BlockRead& r);
    void read_table_block(BlockRead& r);
    void read_columns_block(BlockRead& r);
    void read_chart_block(BlockRead& r);
    // Reports anything inside an element that must be empty.
    void only_empty(pugi::xml_node node, const char* what);
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
            error(position(node), "l’élément <" + std::string(node.name()) + "> est inconnu (éléments permis ici : " +
                                      allowed + ")");
        else
            error(position(node), "l’élément <" + std::string(node.name()) + "> n’est pas permis dans <" + parent +
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

// What a block reader works on: the element, its attributes (read once), the
// inherited settings it may change, the block it fills.
struct Parser::BlockRead {
    pugi::xml_node node;
    Attributes& attrs;
    Context& ctx;
    Block& block;
    bool top_level;
    bool has_space_after;  // espace-apres given: a reader keeps it
};

template <typename T>
bool Attributes::choice(const char* name, std::initializer_list<std::pair<const char*, T>> values, T& out) {
    const char* v = raw(name);
    if (!v) return false;
    std::string allowed;
    for (const auto& [key, value] : values) {
        if (std::strcmp(key, v) == 0) { out = value; return true; }
        allowed += (allowed.empty() ? "« " : ", « ") + std::string(key) + " »";
    }
    invalid(name, "la valeur « " + std::string(v) + " » de l’attribut " + name + " n’est pas permise (valeurs permises : " +
                      allowed + ")");
    return false;
}

}  // namespace lettrine::markup_detail
