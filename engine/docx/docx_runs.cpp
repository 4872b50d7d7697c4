// Inline content to WordprocessingML runs: direct formatting relative to the
// document's defaults (styles.xml), hyperlinks through relationships, page
// fields, line breaks, soft hyphens.
#include "docx/detail/docx_writer_state.hpp"

namespace lettrine::docx_detail {

namespace {

const Rgb kBlack{};

// Bookmark names Word accepts: letters, digits and '_', at most 40 characters.
std::string bookmark_for(const std::string& id) {
    std::string name = "L_";
    for (char c : id) name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    return name.substr(0, 40);
}

}  // namespace

std::string bookmark_name(const std::string& block_id) { return bookmark_for(block_id); }

void run_properties(pugi::xml_node run, const InlineStyle& style, const Document& document, const char* run_style) {
    pugi::xml_node p = run.append_child("w:rPr");
    const InlineStyle& base = document.base_style;
    if (run_style) child(p, "w:rStyle", {{"w:val", run_style}});
    if (style.family != base.family) {
        const std::string font = editable_font_name(style.family);
        child(p, "w:rFonts", {{"w:ascii", font}, {"w:hAnsi", font}, {"w:eastAsia", font}, {"w:cs", font}});
    }
    if (style.bold) { p.append_child("w:b"); p.append_child("w:bCs"); }
    if (style.italic) { p.append_child("w:i"); p.append_child("w:iCs"); }
    if (!(style.color == kBlack)) child(p, "w:color", {{"w:val", hex(style.color)}});
    if (style.size != base.size) {
        child(p, "w:sz", {{"w:val", number(half_points(style.size))}});
        child(p, "w:szCs", {{"w:val", number(half_points(style.size))}});
    }
    if (style.underline) child(p, "w:u", {{"w:val", "single"}});
    if (style.superscript) child(p, "w:vertAlign", {{"w:val", "superscript"}});
    if (style.lang != document.info.lang && !style.lang.empty()) child(p, "w:lang", {{"w:val", style.lang}});
    if (!p.first_child()) run.remove_child(p);
}

void text_run(pugi::xml_node parent, const std::string& text, const InlineStyle& style, const Document& document,
              const char* run_style) {
    pugi::xml_node run = parent.append_child("w:r");
    run_properties(run, style, document, run_style);
    static const std::string kSoftHyphen = "\xC2\xAD";  // U+00AD: Word's w:softHyphen
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t at = text.find(kSoftHyphen, start);
        const std::string piece = text.substr(start, at == std::string::npos ? std::string::npos : at - start);
        if (!piece.empty()) {
            pugi::xml_node t = child(run, "w:t", {{"xml:space", "preserve"}});
            t.text() = piece.c_str();
        }
        if (at == std::string::npos) break;
        run.append_child("w:softHyphen");
        start = at + kSoftHyphen.size();
    }
}

void field(pugi::xml_node parent, const std::string& instruction, const std::string& shown, const InlineStyle& style,
           const Document& document) {
    pugi::xml_node f = child(parent, "w:fldSimple", {{"w:instr", " " + instruction + " "}});
    text_run(f, shown, style, document);
}

void write_inlines(pugi::xml_node paragraph, const std::vector<Inline>& inlines, const Document& document,
                   Relations& relations, const std::map<std::string, int>& target_pages) {
    pugi::xml_node link;             // the open w:hyperlink, if any
    std::string link_target;
    for (const Inline& in : inlines) {
        if (in.style.link != link_target) {
            link = pugi::xml_node();
            link_target = in.style.link;
            if (!link_target.empty()) {
                const std::string id = relations.add(rel::kHyperlink, link_target, true);
                link = child(paragraph, "w:hyperlink", {{"r:id", id}, {"w:history", "1"}});
            }
        }
        pugi::xml_node parent = link ? link : paragraph;
        const char* style = link ? "Hyperlink" : nullptr;
        switch (in.kind) {
        case InlineKind::Text: text_run(parent, in.text, in.style, document, style); break;
        case InlineKind::LineBreak: {
            pugi::xml_node run = parent.append_child("w:r");
            run_properties(run, in.style, document);
            run.append_child("w:br");
            break;
        }
        case InlineKind::PageNumber: field(parent, "PAGE", "1", in.style, document); break;
        case InlineKind::PageCount: field(parent, "NUMPAGES", "1", in.style, document); break;
        case InlineKind::PageReference: {
            const auto page = target_pages.find(in.text);
            const std::string shown = page == target_pages.end() ? "?" : std::to_string(page->second);
            field(parent, "PAGEREF " + bookmark_for(in.text) + " \\h", shown, in.style, document);
            break;
        }
        }
    }
}

}  // namespace lettrine::docx_detail
