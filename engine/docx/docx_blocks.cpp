// Blocks to WordprocessingML: paragraphs and headings, lists, spaces, rules,
// page breaks, boxes and positioned blocks (tables, columns, images and
// contents in docx_tables.cpp).
#include <cmath>
#include <type_traits>

#include "docx/detail/docx_writer_state.hpp"
#include "markup/geometry.hpp"

namespace lettrine::docx_detail {

namespace {

const char* justification(TextAlign align) {
    switch (align) {
    case TextAlign::Right: return "right";
    case TextAlign::Center: return "center";
    case TextAlign::Justify: return "both";
    default: return "left";
    }
}

// w:pPr children in the order of CT_PPr (ECMA-376 Part 1, 17.3.1.26).
void write_properties(pugi::xml_node paragraph, const ParagraphProps& p, const Document& document) {
    pugi::xml_node pr = paragraph.append_child("w:pPr");
    if (!p.style.empty()) child(pr, "w:pStyle", {{"w:val", p.style}});
    if (p.keep_next) pr.append_child("w:keepNext");
    if (p.keep_lines) pr.append_child("w:keepLines");
    if (p.page_break_before) pr.append_child("w:pageBreakBefore");
    if (p.num_id > 0) {
        pugi::xml_node num = pr.append_child("w:numPr");
        child(num, "w:ilvl", {{"w:val", number(p.ilvl)}});
        child(num, "w:numId", {{"w:val", number(p.num_id)}});
    }
    if (p.rule) {
        pugi::xml_node borders = pr.append_child("w:pBdr");
        child(borders, "w:bottom", {{"w:val", "single"}, {"w:sz", number(eighths(p.rule->thickness))},
                                    {"w:space", "0"}, {"w:color", hex(p.rule->color)}});
    }
    if (p.right_tab > 0) {
        pugi::xml_node tab = child(pr.append_child("w:tabs"), "w:tab", {{"w:val", "right"}});
        if (p.tab_leader) tab.append_attribute("w:leader") = p.tab_leader;
        tab.append_attribute("w:pos") = number(twips(p.right_tab)).c_str();
    }
    pugi::xml_node spacing = child(pr, "w:spacing", {{"w:before", number(twips(p.before))},
                                                     {"w:after", number(twips(p.after))}});
    if (p.line > 0) {
        spacing.append_attribute("w:line") = number(twips(p.line)).c_str();
        spacing.append_attribute("w:lineRule") = p.line_exact ? "exact" : "atLeast";
    }
    if (p.left != 0 || p.right != 0 || p.first_line != 0 || p.hanging != 0) {
        pugi::xml_node ind = child(pr, "w:ind", {{"w:left", number(twips(p.left))}, {"w:right", number(twips(p.right))}});
        if (p.hanging > 0) ind.append_attribute("w:hanging") = number(twips(p.hanging)).c_str();
        else if (p.first_line != 0) ind.append_attribute("w:firstLine") = number(twips(p.first_line)).c_str();
    }
    if (!p.jc.empty()) child(pr, "w:jc", {{"w:val", p.jc}});
    if (p.outline_level >= 0) child(pr, "w:outlineLvl", {{"w:val", number(p.outline_level)}});
    if (p.mark) {
        pugi::xml_node holder = paragraph.append_child("w:r");  // borrowed for its w:rPr, then moved
        run_properties(holder, *p.mark, document);
        if (pugi::xml_node rpr = holder.child("w:rPr")) pr.append_move(rpr);
        paragraph.remove_child(holder);
    }
}

bool is_empty_props(pugi::xml_node properties) { return properties && !properties.first_child(); }

// Adds w:keepNext to a paragraph written earlier (after its w:pStyle, as CT_PPr orders them).
void keep_with_next(pugi::xml_node paragraph) {
    if (std::string(paragraph.name()) != "w:p") return;
    pugi::xml_node pr = paragraph.child("w:pPr");
    if (!pr) pr = paragraph.prepend_child("w:pPr");
    if (pr.child("w:keepNext")) return;
    if (pugi::xml_node style = pr.child("w:pStyle")) pr.insert_child_after("w:keepNext", style);
    else pr.prepend_child("w:keepNext");
}

}  // namespace

ParagraphProps StoryWriter::base_props(const Block& b, const Frame& frame, bool keep_next) const {
    ParagraphProps p;
    p.before = b.space_before;
    p.after = b.space_after;
    p.left = frame.left;
    p.right = std::max(0.0, frame.story_width - frame.left - frame.width);
    p.keep_next = keep_next;
    p.keep_lines = frame.keep_together;
    return p;
}

pugi::xml_node StoryWriter::open_paragraph(const Block* b, ParagraphProps props) {
    if (pending_page_break_) props.page_break_before = true;
    if (pending_num_id_ > 0) {
        props.num_id = pending_num_id_;
        props.ilvl = pending_ilvl_;
        props.first_line = 0;
        props.hanging = pending_hanging_;
    }
    props.before += pending_before_;
    pending_page_break_ = false;
    pending_num_id_ = 0;
    pending_before_ = 0;
    // One gap, one number: the previous paragraph's space after moves into
    // this one's space before, since Writer takes the larger of the two
    // where Word and the layout add them.
    if (props.before > 0)
        if (pugi::xml_attribute after = story_.last_child().child("w:pPr").child("w:spacing").attribute("w:after");
            after && after.as_llong() > 0 && std::string(story_.last_child().name()) == "w:p") {
            props.before += after.as_llong() / 20.0;
            after = "0";
        }
    pugi::xml_node paragraph = story_.append_child("w:p");
    write_properties(paragraph, props, state_.document());
    if (is_empty_props(paragraph.child("w:pPr"))) paragraph.remove_child("w:pPr");
    if (b && !b->id.empty()) pending_bookmarks_.push_back(bookmark_name(b->id));
    for (const std::string& id : pending_bookmarks_) {
        const std::string mark = number(state_.next_bookmark_id());
        child(paragraph, "w:bookmarkStart", {{"w:id", mark}, {"w:name", id}});
        child(paragraph, "w:bookmarkEnd", {{"w:id", mark}});
    }
    pending_bookmarks_.clear();
    std::vector<const Positioned*> anchors;
    anchors.swap(pending_anchors_);
    for (const Positioned* pos : anchors) anchor_run(paragraph, *pos);
    return paragraph;
}

void StoryWriter::blocks(const std::vector<Block>& blocks, const Frame& frame) {
    for (std::size_t k = 0; k < blocks.size(); ++k)
        block(blocks[k], frame, frame.keep_together && k + 1 == blocks.size());
}

void StoryWriter::close_story() {
    const pugi::xml_node last = story_.last_child();
    const bool ends_with_paragraph = last && std::string(last.name()) == "w:p";
    if (!ends_with_paragraph || !pending_anchors_.empty() || !pending_bookmarks_.empty() || pending_page_break_)
        open_paragraph(nullptr, {});
}

void StoryWriter::block(const Block& b, const Frame& frame, bool last_of_keep) {
    const bool keep_next = frame.keep_together && !last_of_keep;
    std::visit(
        [&](const auto& content) {
            using T = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<T, Paragraph>) paragraph(content, b, frame, keep_next);
            else if constexpr (std::is_same_v<T, List>) list(content, b, frame, keep_next);
            else if constexpr (std::is_same_v<T, Table>) table(content, b, frame);
            else if constexpr (std::is_same_v<T, Image>) image(content, b, frame, keep_next);
            else if constexpr (std::is_same_v<T, Box>) {
                Frame inner = frame;
                inner.width = std::min(frame.width, resolve_extent(content.width, frame.width));
                if (content.align == BoxAlign::Right) inner.left += frame.width - inner.width;
                else if (content.align == BoxAlign::Center) inner.left += (frame.width - inner.width) / 2;
                inner.keep_together = frame.keep_together || content.keep_together;
                if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
                pending_before_ += b.space_before;
                blocks(content.content, inner);
                if (content.keep_together && !keep_next)
                    story_.last_child().child("w:pPr").remove_child("w:keepNext");
                add_space_after(b.space_after);
            } else if constexpr (std::is_same_v<T, Positioned>) positioned(content, b);
            else if constexpr (std::is_same_v<T, Columns>) columns(content, b, frame);
            else if constexpr (std::is_same_v<T, PageBreak>) {
                if (content.odd && !sections_.empty()) end_section(b, true);
                else page_break(b);
            }
            else if constexpr (std::is_same_v<T, NoFurniture>) no_furniture();
            else if constexpr (std::is_same_v<T, Space>) spacer(content.height, b, frame);
            else if constexpr (std::is_same_v<T, HorizontalRule>) rule(content, b, frame, keep_next);
            else if constexpr (std::is_same_v<T, Chart>) chart(content, b, frame);
            else if constexpr (std::is_same_v<T, ContentsTable>) contents(content, b, frame);
            else if constexpr (std::is_same_v<T, OutlineMarker>) {
                if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
                if (const std::string* toc = state_.contents_bookmark(&content)) pending_bookmarks_.push_back(*toc);
            }
            else if constexpr (std::is_same_v<T, ReservedPages>) {
                for (int k = 0; k < content.count; ++k) page_break(b);
            }
            // Placeholder has no DOCX counterpart (see docs).
        },
        b.content);
}

void StoryWriter::paragraph(const Paragraph& p, const Block& b, const Frame& frame, bool keep_next) {
    ParagraphProps props = base_props(b, frame, keep_next);
    if (p.level > 0) {
        props.style = "Heading" + std::to_string(p.level);
        props.keep_next = true;
        props.keep_lines = true;
        state_.note_heading(p.level, p.style);
    }
    if (const std::string* toc = state_.contents_bookmark(&p)) pending_bookmarks_.push_back(*toc);
    props.jc = frame.number_tab > 0 ? "left" : justification(p.align);
    props.right_tab = frame.number_tab;
    props.first_line = p.first_indent;
    props.line = p.line_height;
    props.mark = p.style;
    pugi::xml_node paragraph = open_paragraph(&b, props);
    if (frame.number_tab > 0) {
        pugi::xml_node tab = paragraph.append_child("w:r");
        run_properties(tab, p.style, state_.document());
        tab.append_child("w:tab");
    }
    write_inlines(paragraph, p.inlines, state_.document(), relations_, state_.target_pages());
}

void StoryWriter::list(const List& l, const Block& b, const Frame& frame, bool keep_next) {
    ListDefinition definition;
    definition.depth = std::min(frame.list_depth, 8);
    definition.level.numbered = l.numbered;
    definition.level.bullet = l.bullet;
    definition.level.start = l.start;
    definition.level.text_left = frame.left + l.indent;
    definition.level.marker_gap = 0.5 * l.marker_style.size;  // the layout's kMarkerGapEm
    definition.level.marker_style = l.marker_style;
    const int num_id = state_.add_list(definition);
    Frame inner = frame;
    inner.left += l.indent;
    inner.width = std::max(0.0, frame.width - l.indent);
    inner.list_depth = frame.list_depth + 1;
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    pending_before_ += b.space_before;
    for (std::size_t k = 0; k < l.items.size(); ++k) {
        const ListItem& item = l.items[k];
        pending_num_id_ = num_id;
        pending_ilvl_ = definition.depth;
        pending_hanging_ = definition.level.marker_gap;
        pending_before_ += item.space_before;
        Frame item_frame = inner;
        item_frame.keep_together = frame.keep_together;
        blocks(item.content, item_frame);
        if (pending_num_id_ > 0) {  // an item that is no paragraph: its marker alone
            ParagraphProps props = base_props(Block{}, inner, false);
            open_paragraph(nullptr, props);
        }
        add_space_after(item.space_after + (k + 1 == l.items.size() ? b.space_after : 0));
        if (frame.keep_together && (k + 1 < l.items.size() || keep_next)) keep_with_next(story_.last_child());
    }
}

void StoryWriter::add_space_after(double points) {
    if (points <= 0) return;
    pugi::xml_node last = story_.last_child();
    if (std::string(last.name()) != "w:p") return;
    pugi::xml_node spacing = last.child("w:pPr").child("w:spacing");
    if (!spacing) return;
    pugi::xml_attribute after = spacing.attribute("w:after");
    after = number(after.as_llong() + twips(points)).c_str();
}

void StoryWriter::spacer(double height, const Block& b, const Frame& frame) {
    ParagraphProps props = base_props(b, frame, frame.keep_together);
    props.line = std::max(height, 1.0);
    props.line_exact = true;
    InlineStyle tiny = state_.document().base_style;
    tiny.size = 1;
    props.mark = tiny;
    open_paragraph(&b, props);
}

void StoryWriter::rule(const HorizontalRule& r, const Block& b, const Frame& frame, bool keep_next) {
    ParagraphProps props = base_props(b, frame, keep_next);
    props.rule = r;
    props.line = 1;
    props.line_exact = true;
    InlineStyle tiny = state_.document().base_style;
    tiny.size = 1;
    props.mark = tiny;
    open_paragraph(&b, props);
}

void StoryWriter::page_break(const Block& b) {
    if (pending_page_break_) flush_page_break();
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    pending_page_break_ = true;
}

// A hairline paragraph ends the section (it holds its w:sectPr); the next
// section starts on a new page, an odd one for page="impaire".
void StoryWriter::end_section(const Block& b, bool odd) {
    flush_page_break();
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    ParagraphProps props;
    props.line = 1;
    props.line_exact = true;
    InlineStyle tiny = state_.document().base_style;
    tiny.size = 1;
    props.mark = tiny;
    sections_.back().end = open_paragraph(nullptr, props);
    sections_.push_back(Section{{}, odd, false});
}

// <sans-entete-pied/> at the top of a page (the document's start, after a
// page break): that page starts a section whose first page has an empty
// header and footer. Within a page's text Word has no way to say it: left out.
void StoryWriter::no_furniture() {
    if (sections_.empty()) return;
    const pugi::xml_node previous_end = sections_.size() > 1 ? sections_[sections_.size() - 2].end : pugi::xml_node();
    if (story_.last_child() == previous_end) {  // nothing written in this section yet (both null at the start)
        sections_.back().bare_first_page = true;
        return;
    }
    if (!pending_page_break_) return;
    pending_page_break_ = false;
    end_section(Block{}, false);
    sections_.back().bare_first_page = true;
}

void StoryWriter::flush_page_break() {
    if (!pending_page_break_) return;
    pending_page_break_ = false;
    pugi::xml_node paragraph = open_paragraph(nullptr, {});
    child(paragraph.append_child("w:r"), "w:br", {{"w:type", "page"}});
}

void StoryWriter::positioned(const Positioned& pos, const Block& b) {
    if (in_text_box_) {  // a box in a box: its content where it stands
        blocks(pos.content, Frame{0, pos.width, pos.width});
        return;
    }
    if (!b.id.empty()) pending_bookmarks_.push_back(bookmark_name(b.id));
    pending_anchors_.push_back(&pos);
}

void StoryWriter::anchor_run(pugi::xml_node paragraph, const Positioned& pos) {
    // The box's own height, not its hauteur-max: the flow keeps clear of what
    // the block holds, as in the layout (Word and Writer grow the box to fit).
    double height = estimated_height(pos.content, pos.width);
    if (pos.max_height > 0) height = std::min(height, pos.max_height);
    pugi::xml_node content =
        anchored_text_box(paragraph, pos, state_.document().page, height, state_.next_drawing_id());
    StoryWriter inner(state_, relations_, content);
    inner.in_text_box_ = true;
    inner.blocks(pos.content, Frame{0, pos.width, pos.width});
    inner.close_story();
}

double StoryWriter::estimated_height(const std::vector<Block>& blocks, double width) {
    double height = 0;
    for (const Block& b : blocks) {
        height += b.space_before + b.space_after;
        if (const auto* p = std::get_if<Paragraph>(&b.content)) {
            double lines = 1, chars = 0;
            for (const Inline& in : p->inlines) {
                if (in.kind == InlineKind::LineBreak) { lines += std::ceil(chars * 0.5 * p->style.size / width); chars = 0; }
                else chars += static_cast<double>(in.text.size());
            }
            lines += std::max(0.0, std::ceil(chars * 0.5 * p->style.size / width) - 1);
            height += lines * p->line_height;
        } else if (const auto* img = std::get_if<Image>(&b.content)) {
            double h = img->height;
            if (h <= 0)
                if (const auto media = state_.image(*img, b.position); media && media->info.size.width > 0)
                    h = (img->width > 0 ? img->width : width) * media->info.size.height / media->info.size.width;
            height += h;
        } else if (const auto* space = std::get_if<Space>(&b.content)) {
            height += space->height;
        } else if (const auto* box = std::get_if<Box>(&b.content)) {
            height += estimated_height(box->content, width);
        }
    }
    return std::max(height, 12.0);
}

}  // namespace lettrine::docx_detail
