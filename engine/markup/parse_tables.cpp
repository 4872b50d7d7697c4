// <tableau>: columns, rows (header rows first), cells and their spans.
#include "core/text.hpp"
#include "markup/detail/parser.hpp"

namespace lettrine::markup_detail {

namespace {

// colonnes-nombres="3 4 5": the columns (from 1) whose numbers align on the
// decimal comma. False, and the table unmarked, when a number is not one of
// its columns.
bool read_numeric_columns(const char* value, std::size_t columns, std::vector<bool>& numeric) {
    numeric.assign(columns, false);
    const std::vector<std::string> parts = split_spaces(value);
    for (const std::string& part : parts) {
        const bool digits = !part.empty() && part.size() < 5 &&
                            part.find_first_not_of("0123456789") == std::string::npos;
        const std::size_t n = digits ? std::stoul(part) : 0;
        if (n < 1 || n > columns) {
            numeric.assign(columns, false);
            return false;
        }
        numeric[n - 1] = true;
    }
    return !parts.empty();
}

}  // namespace

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
        error(block.position, "l’attribut colonnes est obligatoire sur <tableau>");
    }
    attrs.extent("largeur", table.width, false);
    if (const char* v = attrs.raw("bordure")) {
        if (std::strcmp(v, "non") == 0) table.border_width = 0;
        else if (auto p = parse_length(v)) table.border_width = *p;
        else attrs.invalid("bordure", "la bordure « " + std::string(v) + " » n’est pas valide (exemples : « 0.5pt », « non »)");
    }
    attrs.color("couleur-bordure", table.border_color);
    table.numeric.assign(table.columns.size(), false);
    if (const char* v = attrs.raw("colonnes-nombres")) {
        if (!read_numeric_columns(v, table.columns.size(), table.numeric) && !table.columns.empty())
            attrs.invalid("colonnes-nombres", "les colonnes « " + std::string(v) + " » ne sont pas des numéros de colonnes de ce tableau (de 1 à " +
                                                  std::to_string(table.columns.size()) + ", séparés par des espaces : « 3 4 5 »)");
    }
    attrs.choice<TableRules>("filets", {{"grille", TableRules::Grid}, {"leger", TableRules::Light}}, table.rules);
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
            error(row.position, "les lignes d’en-tête (entete=\"oui\") doivent précéder les autres lignes du tableau");
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
            // A column of numbers sets its cells flush right (the header, and
            // a number that wraps); a body cell's number then aligns on the comma.
            const std::size_t column = static_cast<std::size_t>(covered);
            const bool numeric = column < table.numeric.size() && table.numeric[column];
            if (numeric) cell_ctx.align = TextAlign::Right;
            cell_attrs.text_align(cell_ctx.align);
            cell_attrs.choice<VerticalAlign>("valign", {{"haut", VerticalAlign::Top}, {"milieu", VerticalAlign::Middle},
                                                        {"bas", VerticalAlign::Bottom}},
                                             cell.valign);
            cell_attrs.integer("fusion", 1, 1000, cell.span);
            cell.decimal = numeric && cell.span == 1 && !row.header;
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

}  // namespace lettrine::markup_detail
