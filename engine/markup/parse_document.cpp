// The document element (page format, margins, metadata), its header and
// footer, and the reader's entry point.
#include "core/xml_status.hpp"
#include "core/text.hpp"
#include "markup/detail/parser.hpp"
#include "markup/french_punctuation.hpp"
#include "markup/french_spacing.hpp"
#include "markup/markup_parser.hpp"

namespace lettrine {

namespace markup_detail {

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

const char* status_message(pugi::xml_parse_status status) { return french_xml_status(status); }

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
        error(position(root), "l’élément racine doit être <document>, pas <" + std::string(root.name()) + ">");
        throw LettrineError(ErrorKind::Template, diagnostics_);
    }
    for (const UnknownEntity& e : unknown_entities_)
        error(at(e.text_offset), "l’entité « &" + e.name +
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
    else attrs.invalid("lang", "la langue « " + std::string(v) + " » n’est pas valide (exemples : « fr », « fr-FR », « en »)");
}

void Parser::read_text_style(Attributes& attrs, Context& ctx, bool with_line_height) {
    attrs.choice<std::string>("police", {{"serif", "serif"}, {"sans", "sans"}, {"mono", "mono"}}, ctx.style.family);
    attrs.font_size("taille", ctx.style.size);
    attrs.color("couleur", ctx.style.color);
    if (!with_line_height) return;
    if (const char* v = attrs.raw("interligne")) {
        if (auto factor = parse_factor(v)) { ctx.line_factor = *factor; ctx.line_fixed = 0; }
        else if (auto points = parse_length(v)) ctx.line_fixed = *points;
        else attrs.invalid("interligne", "l’interligne « " + std::string(v) +
                                             " » n’est pas valide (exemples : « 1.2 », « 14pt »)");
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
        else attrs.invalid("date", "la date « " + std::string(v) + " » n’est pas une date ISO valide (exemple : « 2016-01-15 »)");
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
                                                " » n’est pas permis (valeurs permises : « A4 », « A5 », « A3 », « lettre »)");
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
    attrs.yes_no("alignement-optique", doc.optical_margins);
    attrs.finish();
    if (m[1] + m[3] >= doc.page.width || m[0] + m[2] >= doc.page.height)
        error(position(root), "les marges ne laissent aucune place au texte");

    doc.base_style = ctx.style;
    doc.line_height = ctx.line_height();
    // The Info dictionary and the XMP are read as the pages are: the same
    // French typography (’, « », …) on the document's own words.
    if (ctx.style.french_spacing && is_french(ctx.style.lang))
        for (std::string* text : {&doc.info.title, &doc.info.author, &doc.info.subject, &doc.info.keywords})
            *text = french_typography(collapse_whitespace(*text));
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
                error(f.position, std::string("un seul <") + child.name() + "> est permis par valeur de l’attribut pages");
            already = true;
            f.content = read_flow(child, inner, false);
            (header ? doc.headers : doc.footers).push_back(std::move(f));
            continue;
        }
        if (!is_one_of(child.name(), kBlockNames)) {
            wrong_place(child, "document",
                        element_list({"entete", "pied", "p", "titre", "liste", "tableau", "image", "bloc", "insecable",
                                      "position", "colonnes", "saut-page", "espace", "filet", "graphique",
                                      "table-matieres", "signet", "pages-reservees", "sans-entete-pied", "emplacement"}));
            continue;
        }
        read_block(child, ctx, true, doc.body);
    }
}

}  // namespace markup_detail

Document parse_markup(const std::string& xml, const std::string& source_name) {
    std::vector<UnknownEntity> unknown;
    const std::string resolved = resolve_html_entities(xml, unknown);
    return markup_detail::Parser(resolved, source_name, std::move(unknown)).run();
}

}  // namespace lettrine
