// The book: the report's template over the chapters, then each note's own
// document tree made into a chapter where the template leaves its place.
#include <cstdio>

#include "bilan/note_job.hpp"
#include "core/text.hpp"
#include "data/value.hpp"
#include "markup/document_walk.hpp"
#include "markup/markup_parser.hpp"
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

DataValue chapter_view(const ReportChapter& chapter, std::size_t number) {
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
    return v;
}

}  // namespace

std::vector<Block> note_chapter_blocks(Document note, const std::string& sector_id, const std::string& chapter_id) {
    std::vector<Block> blocks = std::move(note.body);
    const std::string prefix = slugify(sector_id) + "-";
    for_each_block(blocks, [&](Block& b) {
        if (!b.id.empty()) b.id = prefix + b.id;
        // Level 1 is the chapter's: its <signet>, the sector's name, stands for it.
        if (auto* p = std::get_if<Paragraph>(&b.content); p && p->level == 1) {
            p->bookmark = false;
            p->in_contents = false;
        }
        if (auto* marker = std::get_if<OutlineMarker>(&b.content); marker && marker->level == 1)
            marker->in_contents = false;
        if (auto* reserved = std::get_if<ReservedPages>(&b.content)) reserved->id = b.id;
    });
    for_each_inline(blocks, [&](Inline& in) {
        if (in.kind == InlineKind::PageReference) in.text = prefix + in.text;
    });
    if (blocks.empty()) return blocks;
    // The chapter starts at the note's first block: it carries the chapter's id.
    const std::string first_id = blocks.front().id;
    if (!first_id.empty())
        for_each_inline(blocks, [&](Inline& in) {
            if (in.kind == InlineKind::PageReference && in.text == first_id) in.text = chapter_id;
        });
    blocks.front().id = chapter_id;
    return blocks;
}

void fill_note_chapters(Document& book, const std::vector<ReportChapter>& chapters, const Template& note_template) {
    std::vector<Block> body;
    body.reserve(book.body.size());
    for (Block& b : book.body) {
        const auto* placeholder = std::get_if<Placeholder>(&b.content);
        const ReportChapter* chapter = nullptr;
        if (placeholder)
            for (const ReportChapter& c : chapters)
                if (c.id() == placeholder->name && c.note && c.note->kind == SectorNote::Kind::Bilan) chapter = &c;
        if (!chapter) {
            body.push_back(std::move(b));
            continue;
        }
        const SectorNote& note = *chapter->note;
        const std::string source = note_template.source_name() + " (note de « " + note.file.filename().string() + " »)";
        Document parsed = parse_markup(note_markup(*note.bilan, note_template), source);
        for (Block& block : note_chapter_blocks(std::move(parsed), chapter->sector->id, chapter->id()))
            body.push_back(std::move(block));
    }
    book.body = std::move(body);
}

DataValue report_view(const Programme& programme, const std::vector<ReportChapter>& chapters, bool duplex) {
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
        list.push_back(chapter_view(chapter, i + 1));
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
                          const Template& report_template, bool duplex) {
    return report_template.render(report_view(programme, chapters, duplex));
}

std::string report_file_name(const Programme& programme) {
    return "rapport-activite-" + std::to_string(programme.year) + ".pdf";
}

}  // namespace lettrine
