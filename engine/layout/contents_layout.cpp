// What the layout must know of the whole document (ids, contents entries,
// page references), and the table of contents built from it.
#include <algorithm>
#include <cmath>
#include <type_traits>

#include "layout/detail/layouter.hpp"
#include "markup/document_walk.hpp"

namespace lettrine::layout_detail {

namespace {

void index_blocks(const std::vector<Block>& blocks, DocumentIndex& index);

void index_inlines(const std::vector<Inline>& inlines, DocumentIndex& index) {
    for (const Inline& in : inlines)
        if (in.kind == InlineKind::PageReference) {
            index.needs_pages = true;
            index.references.emplace(in.text, in.position);
        }
}

void index_block(const Block& b, DocumentIndex& index) {
    if (!b.id.empty() && !index.furniture) index.ids.emplace(b.id, &b);
    std::visit(
        [&](const auto& c) {
            using T = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<T, Paragraph>) {
                index_inlines(c.inlines, index);
            } else if constexpr (std::is_same_v<T, ContentsTable>) {
                index.needs_pages = true;
            } else if constexpr (std::is_same_v<T, List>) {
                for (const ListItem& item : c.items) index_blocks(item.content, index);
            } else if constexpr (std::is_same_v<T, Table>) {
                for (const TableRow& row : c.rows)
                    for (const TableCell& cell : row.cells) index_blocks(cell.content, index);
            } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, Positioned>) {
                index_blocks(c.content, index);
            } else if constexpr (std::is_same_v<T, Columns>) {
                for (const Column& column : c.columns) index_blocks(column.content, index);
            }
        },
        b.content);
}

void index_blocks(const std::vector<Block>& blocks, DocumentIndex& index) {
    for (const Block& b : blocks) index_block(b, index);
}

// The right end of a set line's text.
double text_end_of(const SetLine& line, double from) {
    double end = from;
    for (const PageItem& item : line.items)
        if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->glyphs.empty())
            end = std::max(end, run->x + run->glyphs.back().x + run->glyphs.back().advance);
    return end;
}

// Dotted leaders from `from` to `to`: dots on a grid from the measure's left
// edge `x`, so they line up from entry to entry. Null when none fits.
std::optional<GlyphRun> leaders(const GlyphRun& dot, double x, double from, double to, double spacing) {
    if (dot.glyphs.empty()) return std::nullopt;
    const double advance = dot.glyphs.front().advance;
    GlyphRun run = dot;
    run.glyphs.clear();
    double px = x + std::ceil((from - x) / spacing) * spacing;
    run.x = px;
    for (; px + advance <= to; px += spacing) {
        PlacedGlyph g = dot.glyphs.front();
        g.x = px - run.x;
        run.glyphs.push_back(std::move(g));
    }
    if (run.glyphs.empty()) return std::nullopt;
    return run;
}

}  // namespace

DocumentIndex index_document(const Document& document) {
    DocumentIndex index;
    index_blocks(document.body, index);
    for (ListedHeading& h : listed_headings(document)) index.contents.push_back({h.block, std::move(h.title), h.level});
    index.furniture = true;
    for (const PageFurniture& f : document.headers) index_blocks(f.content, index);
    for (const PageFurniture& f : document.footers) index_blocks(f.content, index);
    return index;
}

// A table of contents: one entry per listed heading or <signet>, its title
// wrapped clear of a column kept for the page number (so that the entry's
// height never depends on the number), dotted leaders on the last line, the
// number right-aligned, the whole entry a link to its page.
void Layouter::content(const ContentsTable& toc, const Block&, double x, double width, std::vector<Slice>& out,
                       const FieldValues*) {
    bool first = true;
    for (const DocumentIndex::Entry& e : index_.contents) {
        if (e.level > toc.levels) continue;
        if (e.level == 1 && !first) {
            // The chapter space goes before an entry that has lines; an entry without any adds nothing.
            std::vector<Slice> entry;
            contents_entry(e, toc, x, width, entry);
            if (entry.empty()) continue;
            space(kContentsChapterSpace * toc.line_height, out);
            for (Slice& s : entry) out.push_back(std::move(s));
        } else {
            const std::size_t before = out.size();
            contents_entry(e, toc, x, width, out);
            if (out.size() == before) continue;
        }
        first = false;
    }
}

void Layouter::contents_entry(const DocumentIndex::Entry& e, const ContentsTable& toc, double x, double width,
                              std::vector<Slice>& out) {
    InlineStyle style = toc.style;
    if (e.level == 1) style.bold = true;
    const InlineStyle& leader_style = toc.style;
    const SourcePosition& where = e.block->position;
    const double indent = toc.indent * (e.level - 1);
    const double gap = kContentsGapEm * style.size;
    const double number_column = setter_.text_width("000", style, where);
    Paragraph p;
    p.style = style;
    p.line_height = toc.line_height;
    Inline in;
    in.text = e.title;
    in.style = style;
    in.position = where;
    p.inlines.push_back(std::move(in));
    std::vector<SetLine> lines = setter_.set(p, x + indent, std::max(1.0, width - indent - number_column - gap), nullptr);
    const StructureId entry = open_element(StructureNode{"TOCI"});
    const StructureId reference = open_element(StructureNode{"Link"});
    close_element(reference);
    close_element(entry);
    std::size_t target_page = 0;
    bool known = false;
    if (known_)
        if (auto it = known_->find(e.block); it != known_->end()) {
            target_page = it->second;
            known = true;
        }
    for (std::size_t k = 0; k < lines.size(); ++k) {
        SetLine& line = lines[k];
        Slice::Content s;
        s.height = line.height;
        s.first_baseline = line.baseline;
        s.keep_with_next = k + 1 < lines.size();
        const double text_end = text_end_of(line, x + indent);
        s.items = std::move(line.items);
        if (k + 1 == lines.size()) {
            const std::string number = known ? std::to_string(target_page + 1) : "00";
            const double number_width = setter_.text_width(number, style, where);
            const GlyphRun dot = setter_.single_run(".", leader_style, 0, line.baseline, where);
            if (auto run = leaders(dot, x, text_end + gap, x + width - number_column - gap / 2,
                                   kLeaderSpacingEm * leader_style.size)) {
                run->tag = kArtifact;
                s.items.push_back(std::move(*run));
            }
            s.items.push_back(setter_.single_run(number, style, x + width - number_width, line.baseline, where));
        }
        LinkArea link{x + indent, 0, width - indent, line.height, ""};
        link.internal = true;
        link.target_page = target_page;
        s.items.push_back(link);
        tag_untagged(s.items, reference, false);
        out.emplace_back(std::move(s));
    }
}

}  // namespace lettrine::layout_detail
