// Paragraphs, inlines and lists as OpenDocument text (detail/odt_body.hpp).
// Tables, pictures, frames and the contents table are in odt_blocks.cpp.
#include <type_traits>

#include "odt/detail/odt_body.hpp"

namespace lettrine::odt_detail {

namespace {

const char* alignment(TextAlign a) {
    switch (a) {
    case TextAlign::Right: return "end";
    case TextAlign::Center: return "center";
    case TextAlign::Justify: return "justify";
    default: return "start";
    }
}

// The text-properties of a paragraph style: the paragraph's own style, less
// what the default style already says.
Attributes paragraph_text_properties(const InlineStyle& style, const Document& doc) {
    InlineStyle plain;
    plain.family = doc.base_style.family;
    plain.size = doc.base_style.size;
    plain.lang = doc.info.lang;
    return text_difference(style, plain);
}

}  // namespace

void BodyWriter::blocks(const std::vector<Block>& blocks, pugi::xml_node parent, const Measure& measure) {
    for (const Block& b : blocks) block(b, parent, measure, Flags{});
}

void BodyWriter::block(const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    std::visit(
        [&](const auto& content) {
            using T = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<T, Paragraph>) paragraph(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, List>) list(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Table>) table(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Image>) image(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Columns>) columns(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Chart>) chart(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Positioned>) positioned(content, b, parent);
            else if constexpr (std::is_same_v<T, ContentsTable>) contents(content, b, parent, m);
            else if constexpr (std::is_same_v<T, HorizontalRule>) rule(content, b, parent, m, f);
            else if constexpr (std::is_same_v<T, Box>) {
                const double w = std::min(m.width, resolve_extent(content.width, m.width));
                const double free = m.width - w;
                Measure inner = m;
                inner.width = w;
                if (content.align == BoxAlign::Right) inner.left += free;
                else if (content.align == BoxAlign::Center) { inner.left += free / 2; inner.right += free / 2; }
                else inner.right += free;
                pending_space_ += b.space_before;
                for (std::size_t k = 0; k < content.content.size(); ++k) {
                    Flags inner_flags = f;
                    inner_flags.keep_together = f.keep_together || content.keep_together;
                    inner_flags.keep_with_next = content.keep_together && k + 1 < content.content.size();
                    block(content.content[k], parent, inner, inner_flags);
                }
                pending_space_ += b.space_after;
            } else if constexpr (std::is_same_v<T, PageBreak>) {
                page_break_ = true;
                odd_ = content.odd;
                pending_space_ = 0;
                ++page_;
            } else if constexpr (std::is_same_v<T, Space>) {
                pending_space_ += b.space_before + content.height + b.space_after;
            } else if constexpr (std::is_same_v<T, ReservedPages>) {
                for (int k = 0; k < content.count; ++k) {
                    page_break_ = true;
                    ++page_;
                    empty_paragraph(parent, 0, b, m, f);
                }
                page_break_ = true;
                ++page_;
            }
            else if constexpr (std::is_same_v<T, NoFurniture>) {
                // At a page's top only (as in the DOCX): within a page's text
                // an editor cannot drop that page's header.
                if (page_break_ || !started_) bare_ = true;
            }
            else if constexpr (std::is_same_v<T, OutlineMarker>) {
                // Nothing shows; a contents entry is an index mark, put in
                // the next paragraph, that LibreOffice's update keeps.
                if (content.in_contents) pending_marks_.push_back(&content);
            }
            // Placeholder: nothing an editor shows.
        },
        b.content);
}

std::string BodyWriter::take_master() {
    std::string master = std::exchange(master_, std::string());
    if ((page_break_ || !started_) && (odd_ || bare_)) {
        master = bare_ ? (odd_ ? kMasterBareOdd : kMasterBare) : kMasterOdd;
        page_break_ = false;  // a new master page starts a page
    }
    odd_ = bare_ = false;
    started_ = true;
    return master;
}

Attributes BodyWriter::block_paragraph_properties(const Block& b, const Measure& m, const Flags& f) {
    Attributes a;
    a.emplace_back("fo:margin-top", points(b.space_before + pending_space_));
    a.emplace_back("fo:margin-bottom", points(b.space_after));
    pending_space_ = 0;
    if (!f.in_list) {
        a.emplace_back("fo:margin-left", points(m.left));
        a.emplace_back("fo:margin-right", points(m.right));
    }
    if (f.keep_together) a.emplace_back("fo:keep-together", "always");
    if (f.keep_with_next) a.emplace_back("fo:keep-with-next", "always");
    if (page_break_) a.emplace_back("fo:break-before", "page");
    page_break_ = false;
    return a;
}

void BodyWriter::paragraph(const Paragraph& p, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    AutoStyle style;
    style.family = "paragraph";
    style.parent = p.level > 0 ? "Heading_20_" + std::to_string(p.level) : "Standard";
    style.master_page = take_master();
    Attributes props = block_paragraph_properties(b, m, f);
    props.emplace_back("fo:text-align", f.number_tab > 0 ? "start" : alignment(p.align));
    style.right_tab = f.number_tab;
    // In a list, the list style places the label and the text.
    if (!f.in_list || p.first_indent != 0) props.emplace_back("fo:text-indent", points(p.first_indent));
    if (p.line_height > 0) props.emplace_back("fo:line-height", points(p.line_height));
    style.properties.emplace_back("style:paragraph-properties", props);
    InlineStyle own = p.style;
    if (!b.lang.empty()) own.lang = b.lang;
    const Attributes text = paragraph_text_properties(own, doc_);
    if (!text.empty()) style.properties.emplace_back("style:text-properties", text);

    pugi::xml_node node = parent.append_child(p.level > 0 ? "text:h" : "text:p");
    node.append_attribute("text:style-name") = styles_.name(style).c_str();
    if (p.level > 0) node.append_attribute("text:outline-level") = p.level;
    bookmark(b, node);
    for (const OutlineMarker* marker : pending_marks_) {
        pugi::xml_node mark = node.append_child("text:toc-mark");
        mark.append_attribute("text:string-value") = marker->title.c_str();
        mark.append_attribute("text:outline-level") = marker->level;
    }
    pending_marks_.clear();
    if (f.number_tab > 0) node.append_child("text:tab");
    inlines(p.inlines, own, node);
}

void BodyWriter::bookmark(const Block& b, pugi::xml_node paragraph) {
    if (b.id.empty()) return;
    paragraph.append_child("text:bookmark").append_attribute("text:name") = b.id.c_str();
}

void BodyWriter::inlines(const std::vector<Inline>& inlines, const InlineStyle& base, pugi::xml_node node) {
    for (const Inline& in : inlines) {
        pugi::xml_node target = node;
        if (!in.style.link.empty()) {
            // Consecutive runs of one link share one text:a.
            pugi::xml_node last = node.last_child();
            if (last && std::string(last.name()) == "text:a" &&
                in.style.link == last.attribute("xlink:href").value()) {
                target = last;
            } else {
                target = node.append_child("text:a");
                target.append_attribute("xlink:type") = "simple";
                target.append_attribute("xlink:href") = in.style.link.c_str();
                target.append_attribute("text:style-name") = "Lien";
                target.append_attribute("text:visited-style-name") = "Lien";
            }
        }
        InlineStyle visible = in.style;
        visible.link.clear();
        const Attributes difference = text_difference(visible, base);
        if (!difference.empty()) {
            AutoStyle span;
            span.family = "text";
            span.properties.emplace_back("style:text-properties", difference);
            target = target.append_child("text:span");
            target.append_attribute("text:style-name") = styles_.name(span).c_str();
        }
        switch (in.kind) {
        case InlineKind::Text: text(in.text, target); break;
        case InlineKind::LineBreak: target.append_child("text:line-break"); break;
        case InlineKind::PageNumber: {
            pugi::xml_node field = target.append_child("text:page-number");
            field.append_attribute("text:select-page") = "current";
            field.text() = "1";
            break;
        }
        case InlineKind::PageCount: target.append_child("text:page-count").text() = "1"; break;
        case InlineKind::PageReference: {
            pugi::xml_node field = target.append_child("text:bookmark-ref");
            field.append_attribute("text:reference-format") = "page";
            field.append_attribute("text:ref-name") = in.text.c_str();
            const auto page = numbers_ ? numbers_->target_pages.find(in.text) : std::map<std::string, int>::const_iterator();
            const bool known = numbers_ && page != numbers_->target_pages.end();
            field.text() = known ? std::to_string(page->second).c_str() : "?";
            break;
        }
        }
    }
}

// ODF collapses runs of spaces: a space after a space (or first in its
// element) is written text:s, a tab text:tab. Other characters (no-break
// spaces U+00A0 and U+202F included) are kept as they are.
void BodyWriter::text(const std::string& text, pugi::xml_node node) {
    std::string run;
    bool after_space = node.last_child().empty() ? node.text().empty() : false;
    const auto flush = [&] {
        if (run.empty()) return;
        node.append_child(pugi::node_pcdata).set_value(run.c_str());
        run.clear();
    };
    for (char c : text) {
        if (c == ' ' && after_space) {
            flush();
            node.append_child("text:s");
            continue;
        }
        if (c == '\t') {
            flush();
            node.append_child("text:tab");
            after_space = false;
            continue;
        }
        run += c;
        after_space = c == ' ';
    }
    flush();
}

// One list style per outermost list: level k takes the k-th nested list's
// bullet, numbering and indent (ODF applies the outer list's style to every level).
void BodyWriter::list(const List& l, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    std::vector<ListLevel> levels;
    for (const List* level = &l; level;) {
        ListLevel ll;
        ll.numbered = level->numbered;
        ll.bullet = level->bullet;
        ll.start = level->start;
        ll.indent = level->indent;
        // The PDF ends the marker half an em before the text (kMarkerGapEm);
        // a bullet or "10." is about one em, a number one more.
        ll.label = level->marker_style.size * (level->numbered ? 2.0 : 1.2);
        InlineStyle marker = level->marker_style;
        AutoStyle ms;
        ms.family = "text";
        const Attributes difference = text_difference(marker, doc_.base_style);
        if (!difference.empty()) {
            ms.properties.emplace_back("style:text-properties", difference);
            ll.marker_style = styles_.name(ms);
        }
        levels.push_back(ll);
        const List* next = nullptr;
        for (const ListItem& item : level->items) {
            for (const Block& ib : item.content)
                if (const auto* nested = std::get_if<List>(&ib.content)) { next = nested; break; }
            if (next) break;
        }
        level = next;
    }
    pugi::xml_node node = parent.append_child("text:list");
    if (!f.in_list) node.append_attribute("text:style-name") = styles_.list_name(levels).c_str();
    pending_space_ += b.space_before;
    Measure inner = m;
    inner.width = std::max(0.0, m.width - l.indent);
    list_items(l, node, inner, f);
    pending_space_ += b.space_after;
}

void BodyWriter::list_items(const List& l, pugi::xml_node list, const Measure& m, const Flags& f) {
    for (const ListItem& item : l.items) {
        pugi::xml_node node = list.append_child("text:list-item");
        Flags inner = f;
        inner.in_list = true;
        pending_space_ += item.space_before;
        if (item.content.empty()) empty_paragraph(node, 0, Block{}, m, inner);
        for (const Block& b : item.content) block(b, node, m, inner);
        pending_space_ += item.space_after;
    }
}

AutoStyle BodyWriter::block_paragraph_style(const Block& b, const Measure& m, const Flags& f) {
    AutoStyle style;
    style.family = "paragraph";
    style.parent = "Standard";
    style.master_page = take_master();
    style.properties.emplace_back("style:paragraph-properties", block_paragraph_properties(b, m, f));
    return style;
}

void BodyWriter::empty_paragraph(pugi::xml_node parent, double height, const Block& b, const Measure& m,
                                 const Flags& f) {
    AutoStyle style = block_paragraph_style(b, m, f);
    if (height > 0) style.properties.front().second.emplace_back("fo:line-height", points(height));
    if (height > 0) style.properties.push_back({"style:text-properties", {{"fo:font-size", points(std::min(height, 2.0))}}});
    parent.append_child("text:p").append_attribute("text:style-name") = styles_.name(style).c_str();
}

void BodyWriter::rule(const HorizontalRule& r, const Block& b, pugi::xml_node parent, const Measure& m, const Flags& f) {
    AutoStyle style = block_paragraph_style(b, m, f);
    Attributes& props = style.properties.front().second;
    props.emplace_back("fo:line-height", points(1));
    props.emplace_back("fo:border-bottom", points(r.thickness) + " solid " + colour(r.color));
    props.emplace_back("fo:padding", "0pt");
    style.properties.push_back({"style:text-properties", {{"fo:font-size", "1pt"}}});
    parent.append_child("text:p").append_attribute("text:style-name") = styles_.name(style).c_str();
}

}  // namespace lettrine::odt_detail
