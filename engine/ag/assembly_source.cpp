// Workbook and XML twin -> AssemblySource. In the workbook, columns are
// found by their header (row 1), never by position; unknown columns are
// ignored. In the XML, a field is an attribute or a child element; a
// workshop's agenda and questions nest inside its <atelier>.
#include "ag/assembly_source.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text.hpp"
#include "data/names.hpp"

namespace lettrine {

namespace {
constexpr bool kRequired = true;
constexpr bool kOptional = false;
constexpr bool kLines = true;
constexpr bool kInline = false;
}  // namespace

const AgField* AgTable::match(const std::string& name) const {
    const std::string wanted = normalize_name(name);
    if (wanted.empty()) return nullptr;
    for (const auto& f : fields) {
        if (normalize_name(f.id) == wanted || normalize_name(f.label) == wanted) return &f;
        for (const auto& alias : f.aliases)
            if (normalize_name(alias) == wanted) return &f;
    }
    return nullptr;
}

const AgField& AgTable::field(const std::string& wanted) const {
    for (const auto& f : fields)
        if (f.id == wanted) return f;
    throw std::logic_error("unknown assembly field " + wanted);
}

const AgTable& assembly_settings_table() {
    static const AgTable t{"ag", "AG", "assemblee-generale", "assemblee-generale", "", {
        {"date", "Date", kRequired, kInline, {}},
        {"lieu", "Lieu", kRequired, kInline, {}},
        {"adresse", "Adresse", kOptional, kLines, {}},
        {"lignes-emargement", "Lignes d'émargement", kOptional, kInline, {"lignes"}},
        {"lignes-vierges", "Lignes vierges minimum", kOptional, kInline, {"lignes-vierges-minimum"}},
    }};
    return t;
}

const AgTable& timetable_table() {
    static const AgTable t{"horaires", "Horaires", "horaires", "horaire", "intitule", {
        {"debut", "Début", kRequired, kInline, {"heure"}},
        {"fin", "Fin", kOptional, kInline, {}},
        {"intitule", "Intitulé", kRequired, kInline, {"moment"}},
    }};
    return t;
}

const AgTable& workshops_table() {
    static const AgTable t{"ateliers", "Ateliers", "ateliers", "atelier", "", {
        {"secteur", "Secteur", kRequired, kInline, {}},
        {"intitule", "Intitulé", kOptional, kInline, {"titre"}},
        {"salle", "Salle", kRequired, kInline, {}},
        {"debut", "Début", kRequired, kInline, {}},
        {"fin", "Fin", kRequired, kInline, {}},
        {"animateur", "Animateur", kOptional, kInline, {"animatrice", "animateur-rice"}},
        {"qualite-animateur", "Qualité de l'animateur", kOptional, kInline, {}},
        {"structure-animateur", "Structure de l'animateur", kOptional, kInline, {}},
        {"objectif", "Objectif", kOptional, kInline, {}},
    }};
    return t;
}

const AgTable& agenda_table() {
    static const AgTable t{"ordre-du-jour", "Ordre du jour", "ordre-du-jour", "point", "point", {
        {"secteur", "Secteur", kRequired, kInline, {}},
        {"horaire", "Horaire", kOptional, kInline, {"heure"}},
        {"point", "Point", kRequired, kInline, {"texte"}},
    }};
    return t;
}

const AgTable& questions_table() {
    static const AgTable t{"questions", "Questions", "questions", "question", "question", {
        {"secteur", "Secteur", kRequired, kInline, {}},
        {"question", "Question", kRequired, kInline, {"texte"}},
    }};
    return t;
}

const AgTable& registrants_table() {
    static const AgTable t{"inscrits", "Inscrits", "inscrits", "inscrit", "", {
        {"nom", "Nom", kRequired, kInline, {}},
        {"prenom", "Prénom", kRequired, kInline, {}},
        {"organisation", "Organisation", kOptional, kInline, {"structure"}},
        {"email", "Email", kOptional, kInline, {"courriel", "e-mail", "mel"}},
        {"atelier", "Atelier", kRequired, kInline, {"secteur"}},
    }};
    return t;
}

bool AgSourceTable::column_missing(const std::string& id) const {
    return std::find(missing_columns.begin(), missing_columns.end(), id) != missing_columns.end();
}

std::string ag_short_place(const SourcePosition& position) {
    if (!position.cell.empty()) return "cellule " + position.cell;
    if (position.line > 0) return "ligne " + std::to_string(position.line);
    return position.describe();
}

// ---- Workbook -----------------------------------------------------------------

namespace {

AgSourceField field_of(const Sheet& sheet, const std::string& file, std::size_t row, std::size_t column) {
    AgSourceField field;
    if (const Cell* cell = sheet.cell(row, column)) {
        field.position = cell->position;
        if (cell->type == Cell::Number) field.number = cell->number;
        if (cell->type != Cell::Empty) field.text = cell->text;
    } else {
        field.position = SourcePosition::at_cell(file, sheet.name,
                                                 cell_reference(static_cast<int>(row), static_cast<int>(column)));
    }
    return field;
}

bool row_is_blank(const Sheet& sheet, std::size_t row, const std::map<std::string, std::size_t>& columns) {
    for (const auto& [id, column] : columns) {
        const Cell* cell = sheet.cell(row, column);
        if (cell && !cell->empty() && !trim(cell->text).empty()) return false;
    }
    return true;
}

const Sheet* find_sheet(const Workbook& workbook, const AgTable& spec, AgSourceTable& table, Diagnostics& diagnostics) {
    table.spec = &spec;
    const Sheet* sheet = workbook.find(spec.sheet);
    if (!sheet) {
        table.position = SourcePosition::in_file(workbook.file);
        diagnostics.error(table.position, "la feuille « " + spec.sheet + " » est absente");
        for (const auto& f : spec.fields) table.missing_columns.push_back(f.id);
        return nullptr;
    }
    table.present = true;
    table.position = SourcePosition::at_cell(workbook.file, sheet->name, "");
    return sheet;
}

std::map<std::string, std::size_t> header_columns(const Sheet& sheet, const AgTable& spec, AgSourceTable& table,
                                                  Diagnostics& diagnostics) {
    std::map<std::string, std::size_t> columns;
    if (!sheet.rows.empty()) {
        const auto& header = sheet.rows[0];
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (header[c].type != Cell::String) continue;
            const AgField* field = spec.match(header[c].text);
            if (!field) continue;
            const auto [it, inserted] = columns.emplace(field->id, c);
            if (!inserted)
                diagnostics.error(header[c].position, "la colonne « " + field->label + " » apparaît deux fois (déjà en " +
                                                          ag_short_place(header[it->second].position) + ")");
        }
    }
    for (const auto& field : spec.fields) {
        if (columns.count(field.id)) continue;
        if (field.required_column)
            diagnostics.error(table.position, "la colonne « " + field.label + " » est absente (en-têtes attendus en ligne 1)");
        table.missing_columns.push_back(field.id);
    }
    return columns;
}

void read_sheet_table(const Workbook& workbook, const AgTable& spec, AgSourceTable& table, Diagnostics& diagnostics) {
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    if (!sheet) return;
    const auto columns = header_columns(*sheet, spec, table, diagnostics);
    for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
        if (row_is_blank(*sheet, r, columns)) continue;
        AgSourceRow row;
        row.position = SourcePosition::at_cell(workbook.file, sheet->name, cell_reference(static_cast<int>(r), 0));
        for (const auto& [id, column] : columns) row.fields[id] = field_of(*sheet, workbook.file, r, column);
        table.rows.push_back(std::move(row));
    }
}

// « AG »: rows of (Champ, Valeur) become the fields of one row.
void read_settings_sheet(const Workbook& workbook, AgSourceTable& table, Diagnostics& diagnostics) {
    const AgTable& spec = assembly_settings_table();
    const Sheet* sheet = find_sheet(workbook, spec, table, diagnostics);
    AgSourceRow row;
    row.position = table.position;
    if (!sheet) {
        table.rows.push_back(std::move(row));
        return;
    }
    std::optional<std::size_t> key_column, value_column;
    if (!sheet->rows.empty())
        for (std::size_t c = 0; c < sheet->rows[0].size(); ++c) {
            const std::string header = normalize_name(sheet->rows[0][c].text);
            if (header == "champ" && !key_column) key_column = c;
            if (header == "valeur" && !value_column) value_column = c;
        }
    if (!key_column) diagnostics.error(table.position, "la colonne « Champ » est absente (en-têtes attendus en ligne 1)");
    if (!value_column) diagnostics.error(table.position, "la colonne « Valeur » est absente (en-têtes attendus en ligne 1)");
    if (key_column && value_column) {
        for (std::size_t r = 1; r < sheet->rows.size(); ++r) {
            const Cell* key = sheet->cell(r, *key_column);
            if (!key || trim(key->text).empty()) continue;
            const AgField* field = spec.match(key->text);
            if (!field) {
                diagnostics.warning(key->position, "champ inconnu « " + trim(key->text) + " » : ligne ignorée");
                continue;
            }
            const auto existing = row.fields.find(field->id);
            if (existing != row.fields.end()) {
                diagnostics.error(key->position, "le champ « " + field->label + " » est donné deux fois (déjà en " +
                                                     ag_short_place(existing->second.position) + ")");
                continue;
            }
            row.fields[field->id] = field_of(*sheet, workbook.file, r, *value_column);
        }
    } else {
        for (const auto& field : spec.fields) table.missing_columns.push_back(field.id);
    }
    table.rows.push_back(std::move(row));
}

// ---- XML ----------------------------------------------------------------------

std::string element_label(const std::string& name) { return "<" + name + ">"; }

bool named(const XmlElement& element, const std::string& name) {
    return normalize_name(element.name) == normalize_name(name);
}

// An element's text, or one line per child element when it only wraps items.
std::string element_text(const XmlElement& element) {
    if (element.children.empty()) return element.text;
    std::string out;
    for (const auto& c : element.children) out += (out.empty() ? "" : "\n") + element_text(c);
    return out;
}

void add_field(AgSourceRow& row, const AgField& field, AgSourceField value, Diagnostics& diagnostics) {
    const auto existing = row.fields.find(field.id);
    if (existing == row.fields.end()) {
        row.fields[field.id] = std::move(value);
    } else if (field.lines) {
        existing->second.text += "\n" + value.text;
    } else {
        diagnostics.error(value.position, "le champ « " + field.id + " » est donné deux fois (déjà en " +
                                              ag_short_place(existing->second.position) + ")");
    }
}

// Attributes, child elements (except those `skip` accepts) and own text of an item.
template <typename Skip>
AgSourceRow read_item(const XmlElement& item, const AgTable& spec, Diagnostics& diagnostics, Skip&& skip) {
    AgSourceRow row;
    row.position = item.position;
    for (const auto& a : item.attributes) {
        if (a.name.rfind("xmlns", 0) == 0 || a.name.rfind("xml:", 0) == 0) continue;
        const AgField* field = spec.match(a.name);
        if (!field) {
            diagnostics.warning(a.position, "attribut inconnu « " + a.name + " » dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {a.value, std::nullopt, a.position, false}, diagnostics);
    }
    for (const auto& c : item.children) {
        if (skip(c)) continue;
        const AgField* field = spec.match(c.name);
        if (!field) {
            diagnostics.warning(c.position, "élément inconnu " + element_label(c.name) + " dans " + element_label(item.name) + " : ignoré");
            continue;
        }
        add_field(row, *field, {element_text(c), std::nullopt, c.text_position, false}, diagnostics);
    }
    if (!spec.text_field.empty() && !trim(item.text).empty())
        add_field(row, spec.field(spec.text_field), {item.text, std::nullopt, item.text_position, false}, diagnostics);
    return row;
}

const auto no_skip = [](const XmlElement&) { return false; };

// The single child list `name` of `parent`; reports a repeated list.
const XmlElement* find_list(const XmlElement& parent, const std::string& name, Diagnostics& diagnostics) {
    const XmlElement* list = nullptr;
    for (const auto& c : parent.children) {
        if (!named(c, name)) continue;
        if (list) {
            diagnostics.error(c.position, "l'élément " + element_label(name) + " apparaît deux fois (déjà en " +
                                              ag_short_place(list->position) + ")");
            continue;
        }
        list = &c;
    }
    return list;
}

// Items of a list element; other elements are reported and ignored.
template <typename OnItem>
void for_each_item(const XmlElement& list, const AgTable& spec, Diagnostics& diagnostics, OnItem&& on_item) {
    for (const auto& item : list.children) {
        if (!named(item, spec.xml_item)) {
            diagnostics.warning(item.position, "élément " + element_label(item.name) + " inattendu dans " +
                                                   element_label(list.name) + " (attendu : " +
                                                   element_label(spec.xml_item) + ") : ignoré");
            continue;
        }
        on_item(item);
    }
}

void read_xml_list(const XmlElement& root, const AgTable& spec, AgSourceTable& table, Diagnostics& diagnostics,
                   bool required) {
    table.spec = &spec;
    const XmlElement* list = find_list(root, spec.xml_list, diagnostics);
    if (!list) {
        table.position = root.position;
        if (required)
            diagnostics.error(root.position, "l'élément " + element_label(spec.xml_list) + " est absent de " +
                                                 element_label(root.name));
        return;
    }
    table.present = true;
    table.position = list->position;
    for_each_item(*list, spec, diagnostics,
                  [&](const XmlElement& item) { table.rows.push_back(read_item(item, spec, diagnostics, no_skip)); });
}

// <atelier>'s nested <ordre-du-jour> and <questions>: rows whose « secteur »
// is inherited from the workshop.
void read_nested(const XmlElement& workshop, const AgSourceRow& workshop_row, const AgTable& spec,
                 AgSourceTable& table, Diagnostics& diagnostics) {
    const XmlElement* list = find_list(workshop, spec.xml_list, diagnostics);
    if (!list) return;
    for_each_item(*list, spec, diagnostics, [&](const XmlElement& item) {
        AgSourceRow row = read_item(item, spec, diagnostics, no_skip);
        if (row.fields.count("secteur")) {
            diagnostics.warning(row.fields["secteur"].position,
                                "« secteur » est déjà donné par l'atelier qui contient cet élément : ignoré");
            row.fields.erase("secteur");
        }
        const auto sector = workshop_row.fields.find("secteur");
        AgSourceField inherited;
        inherited.position = workshop.position;
        if (sector != workshop_row.fields.end()) inherited = sector->second;
        inherited.inherited = true;
        row.fields["secteur"] = inherited;
        table.rows.push_back(std::move(row));
    });
}

}  // namespace

AssemblySource assembly_source_from_workbook(const Workbook& workbook) {
    AssemblySource source;
    source.file = workbook.file;
    source.date1904 = workbook.date1904;
    read_settings_sheet(workbook, source.settings, source.diagnostics);
    read_sheet_table(workbook, timetable_table(), source.timetable, source.diagnostics);
    read_sheet_table(workbook, workshops_table(), source.workshops, source.diagnostics);
    read_sheet_table(workbook, agenda_table(), source.agenda, source.diagnostics);
    read_sheet_table(workbook, questions_table(), source.questions, source.diagnostics);
    read_sheet_table(workbook, registrants_table(), source.registrants, source.diagnostics);
    return source;
}

AssemblySource assembly_source_from_xml(const XmlElement& root, const std::string& file) {
    AssemblySource source;
    source.file = file;
    const AgTable& settings = assembly_settings_table();
    source.settings.spec = &settings;
    source.settings.position = root.position;
    source.timetable.spec = &timetable_table();
    source.workshops.spec = &workshops_table();
    source.agenda.spec = &agenda_table();
    source.questions.spec = &questions_table();
    source.registrants.spec = &registrants_table();
    for (AgSourceTable* t : {&source.timetable, &source.workshops, &source.agenda, &source.questions, &source.registrants})
        t->position = root.position;
    if (!named(root, settings.xml_item)) {
        source.diagnostics.error(root.position, "l'élément racine doit être " + element_label(settings.xml_item) +
                                                    " (trouvé : " + element_label(root.name) + ")");
        source.settings.rows.emplace_back().position = root.position;
        return source;
    }
    source.settings.present = true;
    const auto is_list = [](const XmlElement& e) {
        return named(e, timetable_table().xml_list) || named(e, workshops_table().xml_list) ||
               named(e, registrants_table().xml_list);
    };
    source.settings.rows.push_back(read_item(root, settings, source.diagnostics, is_list));
    read_xml_list(root, timetable_table(), source.timetable, source.diagnostics, true);
    read_xml_list(root, registrants_table(), source.registrants, source.diagnostics, true);

    // Workshops, with their nested agenda and questions.
    source.workshops.spec = &workshops_table();
    const XmlElement* list = find_list(root, workshops_table().xml_list, source.diagnostics);
    if (!list) {
        source.diagnostics.error(root.position, "l'élément <ateliers> est absent de " + element_label(root.name));
    } else {
        source.workshops.present = source.agenda.present = source.questions.present = true;
        source.workshops.position = source.agenda.position = source.questions.position = list->position;
        const auto is_nested = [](const XmlElement& e) {
            return named(e, agenda_table().xml_list) || named(e, questions_table().xml_list);
        };
        for_each_item(*list, workshops_table(), source.diagnostics, [&](const XmlElement& item) {
            AgSourceRow row = read_item(item, workshops_table(), source.diagnostics, is_nested);
            read_nested(item, row, agenda_table(), source.agenda, source.diagnostics);
            read_nested(item, row, questions_table(), source.questions, source.diagnostics);
            source.workshops.rows.push_back(std::move(row));
        });
    }
    // Registrants come last in the file but are read before the workshops
    // above; restore the file's order of diagnostics.
    std::vector<Diagnostic> items = source.diagnostics.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.position.line != b.position.line ? a.position.line < b.position.line
                                                  : a.position.column < b.position.column;
    });
    source.diagnostics = Diagnostics();
    for (auto& d : items) source.diagnostics.add(std::move(d));
    return source;
}

}  // namespace lettrine
