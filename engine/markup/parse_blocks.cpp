// Flow content and block elements: one reader per element, chosen by name.
#include "core/limits.hpp"
#include "core/text.hpp"
#include "markup/detail/parser.hpp"
#include "markup/french_punctuation.hpp"
#include "markup/french_spacing.hpp"

#include <sstream>

namespace lettrine::markup_detail {

namespace {

std::vector<std::string> split_words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

}  // namespace

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

Parser::BlockReader Parser::block_reader(const std::string& name) {
    static const std::pair<const char*, BlockReader> readers[] = {
        {"p", &Parser::read_text_block},          {"titre", &Parser::read_text_block},
        {"liste", &Parser::read_list_block},      {"tableau", &Parser::read_table_block},
        {"colonnes", &Parser::read_columns_block}, {"graphique", &Parser::read_chart_block},
        {"image", &Parser::read_image},           {"bloc", &Parser::read_box},
        {"insecable", &Parser::read_box},         {"position", &Parser::read_positioned},
        {"saut-page", &Parser::read_page_break},  {"table-matieres", &Parser::read_contents},
        {"signet", &Parser::read_bookmark},       {"pages-reservees", &Parser::read_reserved},
        {"sans-entete-pied", &Parser::read_no_furniture}, {"espace", &Parser::read_space},
        {"filet", &Parser::read_rule},            {"emplacement", &Parser::read_placeholder},
    };
    for (const auto& [element, reader] : readers)
        if (name == element) return reader;
    return nullptr;
}

// What every block element shares (lang, cesure, typographie, espace-avant,
// espace-apres, id), then its own reader.
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
    BlockRead r{node, attrs, ctx, block, top_level, has_space_after};
    if (const BlockReader reader = block_reader(name)) (this->*reader)(r);
    attrs.finish();
    block.lang = ctx.style.lang;
    out.push_back(std::move(block));
    return true;
}

void Parser::only_empty(pugi::xml_node node, const char* what) {
    for (pugi::xml_node c : node.children())
        if (c.type() == pugi::node_element || !is_blank(c.value())) {
            error(position(c), std::string("<") + what + "> doit être vide");
            break;
        }
}

void Parser::read_text_block(BlockRead& r) {
    const bool heading = std::strcmp(r.node.name(), "titre") == 0;
    int level = 0;
    if (heading) {
        level = 1;
        r.attrs.integer("niveau", 1, 3, level);
    }
    r.attrs.text_align(r.ctx.align);
    Context text_ctx = r.ctx;
    if (level > 0) {
        text_ctx.style.bold = true;
        text_ctx.style.size = r.ctx.style.size * kHeadingScale[level];
    }
    read_text_style(r.attrs, text_ctx, level == 0);
    if (level > 0 && text_ctx.line_fixed > 0)  // a fixed interligne scales with the heading
        text_ctx.line_fixed *= kHeadingScale[level];
    Paragraph p;
    p.level = level;
    if (level > 0) {
        r.attrs.yes_no("signet", p.bookmark);
        r.attrs.yes_no("sommaire", p.in_contents);
    }
    r.attrs.length("retrait", p.first_indent);
    p.align = text_ctx.align;
    p.style = text_ctx.style;
    p.line_height = text_ctx.line_height();
    read_inline_children(r.node, text_ctx, p.inlines);
    collapse(p.inlines);
    if (level > 0) {
        if (!r.attrs.raw("espace-avant")) r.block.space_before = p.line_height;
        if (!r.has_space_after) r.block.space_after = 0.5 * p.line_height;
    } else if (!r.has_space_after) {
        r.block.space_after = kParagraphSpaceFactor * p.line_height;
    }
    r.block.content = std::move(p);
}

void Parser::read_list_block(BlockRead& r) { read_list(r.node, r.ctx, r.attrs, r.block); }
void Parser::read_table_block(BlockRead& r) { read_table(r.node, r.ctx, r.attrs, r.block); }
void Parser::read_columns_block(BlockRead& r) { read_columns(r.node, r.ctx, r.attrs, r.block); }

void Parser::read_chart_block(BlockRead& r) {
    read_chart(r.node, r.ctx, r.attrs, r.block);
    // Set apart from the text like a figure: half a line above, a line below.
    if (!r.attrs.raw("espace-avant")) r.block.space_before = 0.5 * r.ctx.line_height();
    if (!r.has_space_after) r.block.space_after = r.ctx.line_height();
}

void Parser::read_image(BlockRead& r) {
    Image image;
    const char* src = r.attrs.raw("src");
    if (!src || !*src) error(r.block.position, "l’attribut src est obligatoire sur <image>");
    else image.src = src;
    r.attrs.length("largeur", image.width);
    r.attrs.length("hauteur", image.height);
    r.attrs.box_align(image.align);
    if (const char* alt = r.attrs.raw("alt")) image.alt = std::string(alt);
    only_empty(r.node, "image");
    r.block.content = std::move(image);
}

void Parser::read_box(BlockRead& r) {
    const bool plain_box = std::strcmp(r.node.name(), "bloc") == 0;
    Box box;
    box.keep_together = !plain_box;
    if (plain_box) {
        r.attrs.extent("largeur", box.width, false);
        r.attrs.box_align(box.align);
        r.attrs.yes_no("insecable", box.keep_together);
    }
    read_text_style(r.attrs, r.ctx, true);
    r.attrs.text_align(r.ctx.align);
    r.attrs.finish();
    box.content = read_flow(r.node, r.ctx, false);
    r.block.content = std::move(box);
}

void Parser::read_positioned(BlockRead& r) {
    Positioned pos;
    r.attrs.choice<Anchor>("ancre", {{"haut-gauche", Anchor::TopLeft}, {"haut-droite", Anchor::TopRight},
                                     {"bas-gauche", Anchor::BottomLeft}, {"bas-droite", Anchor::BottomRight}},
                           pos.anchor);
    for (auto [attr, field] : {std::pair<const char*, double*>{"x", &pos.x}, {"y", &pos.y}, {"largeur", &pos.width}}) {
        if (!r.attrs.length(attr, *field) && !r.node.attribute(attr))
            error(r.block.position, std::string("l’attribut ") + attr + " est obligatoire sur <position>");
    }
    r.attrs.length("hauteur-max", pos.max_height);
    r.attrs.length("marge", pos.margin);
    pos.name = r.attrs.text("nom", "");
    pos.data = split_words(r.attrs.text("donnees", ""));
    read_text_style(r.attrs, r.ctx, true);
    r.attrs.text_align(r.ctx.align);
    r.attrs.finish();
    if (!r.top_level) error(r.block.position, "<position> n’est permis que directement dans <document>");
    pos.content = read_flow(r.node, r.ctx, false);
    r.block.content = std::move(pos);
}

void Parser::read_page_break(BlockRead& r) {
    if (!r.top_level) error(r.block.position, "<saut-page> n’est permis que directement dans <document>");
    PageBreak page_break;
    r.attrs.choice<bool>("page", {{"suivante", false}, {"impaire", true}}, page_break.odd);
    only_empty(r.node, "saut-page");
    r.block.content = page_break;
}

void Parser::read_contents(BlockRead& r) {
    ContentsTable toc;
    r.attrs.integer("niveaux", 1, 3, toc.levels);
    toc.indent = kContentsIndent;
    r.attrs.length("retrait", toc.indent);
    read_text_style(r.attrs, r.ctx, true);
    toc.style = r.ctx.style;
    toc.style.link.clear();
    toc.line_height = r.ctx.line_height();
    only_empty(r.node, "table-matieres");
    r.block.content = toc;
}

void Parser::read_bookmark(BlockRead& r) {
    if (!r.top_level) error(r.block.position, "<signet> n’est permis que directement dans <document>");
    OutlineMarker marker;
    const char* title = r.attrs.raw("titre");
    if (!title || is_blank(title)) error(r.block.position, "l’attribut titre est obligatoire sur <signet>");
    else if (r.ctx.style.french_spacing && is_french(r.ctx.style.lang)) marker.title = french_typography(collapse_whitespace(title));
    else marker.title = collapse_whitespace(title);
    r.attrs.integer("niveau", 1, 3, marker.level);
    r.attrs.yes_no("sommaire", marker.in_contents);
    only_empty(r.node, "signet");
    r.block.content = marker;
}

void Parser::read_reserved(BlockRead& r) {
    if (!r.top_level) error(r.block.position, "<pages-reservees> n’est permis que directement dans <document>");
    ReservedPages reserved;
    read_id(r.attrs, r.node, r.block);
    if (!r.attrs.raw("id")) error(r.block.position, "l’attribut id est obligatoire sur <pages-reservees>");
    reserved.id = r.block.id;
    if (!r.attrs.integer("nombre", 1, static_cast<int>(kMaxExternalPdfPages), reserved.count) && !r.node.attribute("nombre"))
        error(r.block.position, "l’attribut nombre est obligatoire sur <pages-reservees>");
    only_empty(r.node, "pages-reservees");
    r.block.content = reserved;
}

void Parser::read_no_furniture(BlockRead& r) {
    if (!r.top_level) error(r.block.position, "<sans-entete-pied> n’est permis que directement dans <document>");
    only_empty(r.node, "sans-entete-pied");
    r.block.content = NoFurniture{};
}

void Parser::read_placeholder(BlockRead& r) {
    if (!r.top_level) error(r.block.position, "<emplacement> n’est permis que directement dans <document>");
    Placeholder placeholder;
    const char* name = r.attrs.raw("nom");
    if (!name || is_blank(name)) error(r.block.position, "l’attribut nom est obligatoire sur <emplacement>");
    else placeholder.name = name;
    only_empty(r.node, "emplacement");
    r.block.content = placeholder;
}

void Parser::read_space(BlockRead& r) {
    Space space;
    if (!r.attrs.length("hauteur", space.height) && !r.node.attribute("hauteur"))
        error(r.block.position, "l’attribut hauteur est obligatoire sur <espace>");
    only_empty(r.node, "espace");
    r.block.content = space;
}

void Parser::read_rule(BlockRead& r) {
    HorizontalRule rule;
    r.attrs.length("epaisseur", rule.thickness);
    r.attrs.color("couleur", rule.color);
    only_empty(r.node, "filet");
    r.block.content = rule;
}

void Parser::read_list(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    List list;
    attrs.choice<bool>("type", {{"puces", false}, {"numeros", true}}, list.numbered);
    if (const char* v = attrs.raw("puce")) {
        if (*v) list.bullet = v;
        else attrs.invalid("puce", "l’attribut puce ne peut pas être vide");
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

void Parser::read_columns(pugi::xml_node node, const Context& parent_ctx, Attributes& attrs, Block& block) {
    Context ctx = parent_ctx;
    Columns columns;
    columns.gap = kColumnGap;
    attrs.length("espace", columns.gap);
    attrs.choice<VerticalAlign>("valign", {{"haut", VerticalAlign::Top}, {"bas", VerticalAlign::Bottom}}, columns.valign);
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
        attrs.invalid("id", "l’identifiant « " + id +
                                " » n’est pas valide (lettres sans accent, chiffres, « - », « _ », « . » ; exemple : « habitat-2016 »)");
        return;
    }
    const SourcePosition where = attribute_position(node, "id");
    const auto [it, fresh] = ids_.emplace(id, where);
    if (!fresh) {
        error(where, "l’identifiant « " + id + " » est déjà celui d’un autre bloc (" + it->second.describe() + ")");
        return;
    }
    block.id = id;
}

void Parser::check_references() {
    for (const auto& [target, where] : references_)
        if (!ids_.count(target))
            error(where, "<renvoi-page> renvoie à « " + target + " », qui n’est l’id d’aucun bloc du document");
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

}  // namespace lettrine::markup_detail
