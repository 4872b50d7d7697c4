// The book's markup: the report's template over the chapters, each note's
// own markup made into a chapter.
#include <cstdio>
#include <sstream>

#include <pugixml.hpp>

#include "bilan/note_job.hpp"
#include "core/text.hpp"
#include "data/value.hpp"
#include "report/report.hpp"

namespace lettrine {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

std::string iso_date(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

bool later(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year > b.year;
    if (a.month != b.month) return a.month > b.month;
    return a.day > b.day;
}

// Every id of the note, and the titles of level 1, fitted into the book.
void adapt_note_element(pugi::xml_node node, const std::string& prefix) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        const std::string name = child.name();
        if (pugi::xml_attribute id = child.attribute("id")) id.set_value((prefix + id.value()).c_str());
        if (name == "renvoi-page")
            if (pugi::xml_attribute target = child.attribute("cible")) target.set_value((prefix + target.value()).c_str());
        if (name == "titre" || name == "signet") {
            const pugi::xml_attribute level = child.attribute("niveau");
            if (!level || std::string(level.value()) == "1") {
                // The chapter's <signet> (the sector's name) stands for it.
                for (const char* attribute : {"signet", "sommaire"}) {
                    if (name == "signet" && std::string(attribute) == "signet") continue;
                    pugi::xml_attribute a = child.attribute(attribute);
                    if (!a) a = child.append_attribute(attribute);
                    a.set_value("non");
                }
            }
        }
        adapt_note_element(child, prefix);
    }
}

// Replaces the target of every <renvoi-page cible="from"> by `to`.
void retarget(pugi::xml_node node, const std::string& from, const std::string& to) {
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        if (std::string(child.name()) == "renvoi-page")
            if (pugi::xml_attribute target = child.attribute("cible"); target && from == target.value())
                target.set_value(to.c_str());
        retarget(child, from, to);
    }
}

bool is_furniture(const pugi::xml_node& node) {
    const std::string name = node.name();
    return name == "entete" || name == "pied";
}

DataValue chapter_view(const ReportChapter& chapter, std::size_t number, const Template& note_template) {
    const Sector& sector = *chapter.sector;
    DataValue v = DataValue::map();
    v.set("numero", text(std::to_string(number)));
    v.set("id", text(chapter.id()));
    DataValue s = DataValue::map();
    s.set("identifiant", text(sector.id));
    s.set("nom", text(sector.name));
    v.set("secteur", s);
    v.set("referent", text(sector.referent));
    v.set("conventionnement_direct", DataValue::boolean(sector.contracting != Contracting::Ecossolies));
    const SectorNote* note = chapter.note;
    const bool lettrine = note && note->kind == SectorNote::Kind::Bilan;
    const bool pdf = note && note->kind == SectorNote::Kind::ExternalPdf;
    v.set("note_lettrine", DataValue::boolean(lettrine));
    v.set("note_pdf", DataValue::boolean(pdf));
    v.set("note_absente", DataValue::boolean(!note));
    v.set("fichier", text(note ? note->file.filename().string() : ""));
    v.set("pages", text(pdf ? std::to_string(note->page_count) : ""));
    std::string chapter_markup;
    if (lettrine)
        chapter_markup = note_chapter_markup(note_markup(*note->bilan, note_template), sector.id, chapter.id(),
                                             note_template.source_name() + " (note de « " +
                                                 note->file.filename().string() + " »)");
    v.set("balisage", text(chapter_markup));
    return v;
}

}  // namespace

std::string note_chapter_markup(const std::string& note_markup, const std::string& sector_id,
                                const std::string& chapter_id, const std::string& source_name) {
    pugi::xml_document document;
    // Entities and whitespace kept exactly as written: the chapter is the
    // note's own markup, re-parsed by the markup stage as part of the book.
    const unsigned flags = (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_escapes;
    const pugi::xml_parse_result parsed =
        document.load_buffer(note_markup.data(), note_markup.size(), flags, pugi::encoding_utf8);
    if (!parsed) {
        const LineColumn at = line_column_at(note_markup, static_cast<std::size_t>(parsed.offset));
        throw LettrineError(ErrorKind::Template, SourcePosition::at_line(source_name, at.line, at.column),
                            std::string("le balisage de la note n'est pas de l'XML bien formé (") +
                                parsed.description() + ")");
    }
    pugi::xml_node root = document.child("document");
    if (!root)
        throw LettrineError(ErrorKind::Template, SourcePosition::in_file(source_name),
                            "le balisage de la note n'a pas d'élément <document>");

    const std::string prefix = slugify(sector_id) + "-";
    adapt_note_element(root, prefix);
    for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element || is_furniture(child)) continue;
        // The chapter starts at the note's first block: it carries the chapter's id.
        pugi::xml_attribute id = child.attribute("id");
        if (id) {
            retarget(root, id.value(), chapter_id);
        } else {
            id = child.append_attribute("id");
        }
        id.set_value(chapter_id.c_str());
        break;
    }

    std::ostringstream out;
    for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element && is_furniture(child)) continue;
        child.print(out, "", pugi::format_raw | pugi::format_no_escapes, pugi::encoding_utf8);
    }
    return out.str();
}

DataValue report_view(const Programme& programme, const std::vector<ReportChapter>& chapters,
                      const Template& note_template, bool duplex) {
    DataValue v = DataValue::map();
    v.set("annee", text(std::to_string(programme.year)));
    v.set("annee_suivante", text(std::to_string(programme.year + 1)));
    v.set("organisation", text(programme.organisation));
    DataValue address = DataValue::list();
    std::string line;
    for (char c : programme.address + "\n") {
        if (c == '\n') {
            if (!trim(line).empty()) address.push_back(text(trim(line)));
            line.clear();
        } else {
            line += c;
        }
    }
    v.set("adresse", address);
    v.set("telephone", text(programme.phone));
    v.set("courriel", text(programme.email));
    v.set("partenaire_public", text(programme.public_partner));
    v.set("logo", text(programme.logo));
    v.set("recto_verso", DataValue::boolean(duplex));

    // The book's date: the latest note's (never the clock).
    std::optional<Date> date;
    std::size_t lettrine_notes = 0, pdf_notes = 0, missing = 0;
    DataValue list = DataValue::list();
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        const ReportChapter& chapter = chapters[i];
        if (!chapter.note) ++missing;
        else if (chapter.note->kind == SectorNote::Kind::Bilan) ++lettrine_notes;
        else ++pdf_notes;
        if (chapter.note && chapter.note->bilan && chapter.note->bilan->date &&
            (!date || later(*chapter.note->bilan->date, *date)))
            date = chapter.note->bilan->date;
        list.push_back(chapter_view(chapter, i + 1, note_template));
    }
    v.set("date_iso", text(date ? iso_date(*date) : ""));
    v.set("chapitres", list);
    v.set("nombre_chapitres", text(std::to_string(chapters.size())));
    v.set("nombre_notes", text(std::to_string(lettrine_notes + pdf_notes)));
    v.set("des_notes_manquent", DataValue::boolean(missing > 0));
    v.set("nombre_notes_manquantes", text(std::to_string(missing)));
    return v;
}

std::string report_markup(const Programme& programme, const std::vector<ReportChapter>& chapters,
                          const Template& report_template, const Template& note_template, bool duplex) {
    return report_template.render(report_view(programme, chapters, note_template, duplex));
}

std::string report_file_name(const Programme& programme) {
    return "rapport-activite-" + std::to_string(programme.year) + ".pdf";
}

}  // namespace lettrine
