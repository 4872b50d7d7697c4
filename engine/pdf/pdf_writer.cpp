#include "pdf/pdf_writer.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/diagnostic.hpp"
#include "pdf/archival.hpp"
#include "pdf/cut_words.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/image_embedding.hpp"
#include "pdf/page_content.hpp"
#include "pdf/pdf_streams.hpp"
#include "pdf/pdf_syntax.hpp"
#include "pdf/structure_tree.hpp"
#include "pdf/signature_fields.hpp"

namespace lettrine {

using pdf::append_integer;
using pdf::append_literal_string;
using pdf::append_name;
using pdf::append_number;
using pdf::append_reference;
using pdf::append_text_string;

namespace {

// Written as /Producer: fixed, so the output never depends on library versions.
constexpr const char* kProducer = "Lettrine";
// Decimals of the coordinates written in dictionaries (page boxes, link
// rectangles, bookmark targets): a thousandth of a point.
constexpr int kBoxDecimals = 3;

bool is_ascii(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// URIs are 7-bit ASCII (ISO 32000-1, 12.6.4.7): percent-encode the rest.
std::string ascii_uri(const std::string& uri) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : uri) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7F) {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

bool digits(const std::string& text, std::size_t from, std::size_t count) {
    if (from + count > text.size()) return false;
    for (std::size_t i = from; i < from + count; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    return true;
}

// "D:YYYY[MM[DD[HH[mm[SS]]]]][Z|+HH'mm'|-HH'mm']" (ISO 32000-1, 7.9.4); the
// closing apostrophes and the minutes are optional.
bool is_pdf_date(const std::string& date) {
    if (date.compare(0, 2, "D:") != 0) return false;
    std::size_t at = 2;
    while (at < date.size() && date[at] >= '0' && date[at] <= '9') ++at;
    const std::size_t count = at - 2;
    if (count < 4 || count > 14 || count % 2 != 0) return false;
    if (at == date.size()) return true;
    if (date[at] == 'Z') return at + 1 == date.size();
    if (date[at] != '+' && date[at] != '-') return false;
    if (!digits(date, at + 1, 2)) return false;
    at += 3;
    if (at == date.size()) return true;
    if (date[at] != '\'') return false;
    ++at;
    if (at == date.size()) return true;
    if (!digits(date, at, 2)) return false;
    at += 2;
    return at == date.size() || (date[at] == '\'' && at + 1 == date.size());
}

// Everything wrong with a part that is not the images' fault, found before
// anything of it is written.
void check_part(const LaidOutDocument& document, Diagnostics& problems) {
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const LaidOutPage& page = document.pages[i];
        if (!(page.width > 0 && page.height > 0 && page.width < 14400 && page.height < 14400))
            problems.error({}, "la page " + std::to_string(i + 1) + " a une taille invalide");
        for (const PageItem& item : page.items) {
            if (const auto* run = std::get_if<GlyphRun>(&item); run && !run->font && !run->glyphs.empty())
                problems.error({}, "la page " + std::to_string(i + 1) + " contient du texte sans police");
            if (const auto* link = std::get_if<LinkArea>(&item); link && link->internal && link->target_page >= document.pages.size())
                problems.error({}, "un lien de la page " + std::to_string(i + 1) + " renvoie à la page " +
                                       std::to_string(link->target_page + 1) + ", au-delà de la dernière");
        }
    }
    for (const OutlineEntry& entry : document.outline)
        if (entry.page >= document.pages.size())
            problems.error({}, "le signet « " + entry.title + " » renvoie à la page " +
                                   std::to_string(entry.page + 1) + ", au-delà de la dernière");
}

void check_date(const DocumentMetadata& metadata) {
    const std::string& date = metadata.creation_date;
    if (!date.empty() && !is_pdf_date(date))
        throw LettrineError(ErrorKind::Data, SourcePosition{},
                            "date de création « " + date + " » invalide : le format attendu est D:AAAAMMJJHHmmSS");
}

const char* const kNoPages = "le document mis en page ne contient aucune page";

void append_box(std::string& out, double left, double bottom, double right, double top) {
    out += '[';
    append_number(out, left, kBoxDecimals);
    out += ' ';
    append_number(out, bottom, kBoxDecimals);
    out += ' ';
    append_number(out, right, kBoxDecimals);
    out += ' ';
    append_number(out, top, kBoxDecimals);
    out += ']';
}

}  // namespace

struct PdfStreamWriter::State {
    explicit State(pdf::ByteSink& sink)
        : file(sink), catalog(file.allocate()), page_tree(file.allocate()), info(file.allocate()), fonts(file),
          images(file), content(fonts, images), structure(file), signatures(file) {}

    pdf::PdfFile file;
    const uint32_t catalog, page_tree, info;
    pdf::DocumentFonts fonts;
    pdf::DocumentImages images;
    pdf::PageContent content;
    pdf::StructureTree structure;
    pdf::SignatureFields signatures;
    std::vector<uint32_t> pages;  // page objects, in order
    // Page objects numbered before their page is written (targets of links
    // to later pages), by page index in the whole file.
    std::map<std::size_t, uint32_t> early_pages;
    std::size_t part_first = 0;   // index of the current part's first page
    struct Bookmark {
        std::string title;
        int level = 1;
        uint32_t page = 0;  // page object
        double top = 0;     // PDF y of the target
    };
    std::vector<Bookmark> outline;
    std::optional<DocumentMetadata> metadata;
    // Why the file claims no PDF/UA-1 or no PDF/A-2: the first part's reason.
    std::string not_accessible, not_archival;
    bool broken = false, finished = false;
    std::string scratch;

    void write_page(const LaidOutPage& page);
    void paint_marked(const LaidOutPage& page);
    // Returns false when it closed the element's marked content.
    bool paint_run(const LaidOutPage& page, std::size_t item, std::optional<pdf::CutWord>& cut);
    uint32_t page_object(std::size_t index);  // of page `index` of the file, written or not
    std::string links(const LaidOutPage& page, uint32_t page_object);
    uint32_t write_outline();  // the outline root, 0 when there is none
    void write_catalog(uint32_t outline_root, uint32_t structure_root, uint32_t xmp, uint32_t output_intent);
    uint32_t write_metadata_stream();
    uint32_t write_output_intent();
    void write_info();
};

// /Link annotations with /URI actions, invisible (no border), printable;
// returns the page's /Annots entry (empty when it has no links).
std::string PdfStreamWriter::State::links(const LaidOutPage& page, uint32_t page_object) {
    std::string annotations;
    for (const PageItem& item : page.items) {
        const auto* link = std::get_if<LinkArea>(&item);
        if (!link || (link->uri.empty() && !link->internal)) continue;
        const double bottom = page.height - link->y - link->height;
        const uint32_t annotation = file.allocate();
        std::string a = "<< /Type /Annot /Subtype /Link /Rect ";
        append_box(a, link->x, bottom, link->x + link->width, bottom + link->height);
        a += " /Border [0 0 0] /F 4 /P ";  // 4: print
        append_reference(a, page_object);
        if (pdf::StructureTree::tagged(link->tag)) {
            a += " /StructParent ";
            append_integer(a, structure.annotation(link->tag, annotation));
        }
        // What a screen reader announces (PDF/UA-1, 7.18.5).
        a += " /Contents ";
        append_text_string(a, link->internal ? "Aller à la page " + std::to_string(link->target_page + 1) : link->uri);
        if (link->internal) {
            // The target page shown from the link's height (its top by default), zoom unchanged.
            a += " /Dest [";
            append_reference(a, this->page_object(part_first + link->target_page));
            a += " /XYZ null ";
            append_number(a, page.height - link->target_y, kBoxDecimals);
            a += " null] >>";
        } else {
            a += " /A << /S /URI /URI ";
            append_literal_string(a, ascii_uri(link->uri));
            a += " >> >>";
        }
        file.write_object(annotation, a);
        annotations += annotations.empty() ? " /Annots [" : " ";
        append_reference(annotations, annotation);
    }
    if (!annotations.empty()) annotations += ']';
    return annotations;
}

// Every painted item in a marked-content sequence: of its structure
// element (consecutive items of one element share one), or an artifact.
void PdfStreamWriter::State::paint_marked(const LaidOutPage& page) {
    bool open = false;
    StructureId current = kUntagged;
    std::optional<pdf::CutWord> cut;  // a cut word whose /Span is open
    for (std::size_t n = 0; n < page.items.size(); ++n) {
        const PageItem& item = page.items[n];
        if (std::holds_alternative<LinkArea>(item)) continue;  // an annotation, not content
        StructureId tag = std::visit([](const auto& i) { return i.tag; }, item);
        if (!pdf::StructureTree::tagged(tag)) tag = kArtifact;
        if (!open || tag != current) {
            if (open) content.end_marked();
            if (tag == kArtifact) content.begin_artifact();
            else content.begin_marked(structure.role(tag), structure.mark(tag));
            open = true;
            current = tag;
        }
        if (std::holds_alternative<GlyphRun>(item)) open = paint_run(page, n, cut);
        else if (const auto* rule = std::get_if<Rule>(&item)) content.paint(*rule);
        else if (const auto* rectangle = std::get_if<Rectangle>(&item)) content.paint(*rectangle);
        else if (const auto* image = std::get_if<PlacedImage>(&item)) content.paint(*image);
    }
    if (open) content.end_marked();
}

// A glyph run of the element whose marked content is open. A word the line
// breaker cut (cut_words.hpp) gets two sequences of its own: its first part
// with the whole word as /ActualText, its second part with an empty one, so
// that the word extracts whole at the end of its first line; the element's
// text goes on in a new sequence after each. The sequences are tagged Span,
// the tag whose /ActualText poppler honours, and belong to the element by
// their MCID; none is nested in another (poppler's structure reading,
// pdfinfo -struct-text, stops at the end of a nested sequence).
bool PdfStreamWriter::State::paint_run(const LaidOutPage& page, std::size_t item, std::optional<pdf::CutWord>& cut) {
    const GlyphRun& run = std::get<GlyphRun>(page.items[item]);
    static const std::string kNothing;
    std::size_t start = 0;
    if (cut && cut->second_item == item) {
        start = cut->to;
        cut.reset();
        content.end_marked();
        content.begin_marked("Span", structure.mark(run.tag), &kNothing);
        content.paint(run, 0, start);
        content.end_marked();
        if (start == run.glyphs.size()) return false;
        content.begin_marked(structure.role(run.tag), structure.mark(run.tag));
    }
    if (pdf::StructureTree::tagged(run.tag)) {
        if (auto word = pdf::cut_word(page, item); word && word->from >= start) {
            content.paint(run, start, word->from);
            content.end_marked();
            content.begin_marked("Span", structure.mark(run.tag), &word->text);
            content.paint(run, word->from, run.glyphs.size());
            content.end_marked();
            cut = std::move(word);
            return false;
        }
    }
    content.paint(run, start, run.glyphs.size());
    return true;
}

void PdfStreamWriter::State::write_page(const LaidOutPage& page) {
    content.begin_page(pages.size() + 1, page.height);
    const uint32_t page_object = this->page_object(pages.size());
    structure.begin_page(page_object);
    paint_marked(page);
    const uint32_t stream = file.allocate();
    file.write_stream(stream, " /Filter /FlateDecode", pdf::deflate_bytes(content.operators()));
    std::string annotations = links(page, page_object);
    signatures.add_widgets(pages.size(), page.height, page_object, annotations, structure);
    const int structure_key = structure.end_page();

    std::string& d = scratch;
    d = "<< /Type /Page /Parent ";
    append_reference(d, page_tree);
    d += " /MediaBox ";
    append_box(d, 0, 0, page.width, page.height);
    d += " /Resources <<";
    if (!content.fonts().empty()) {
        d += " /Font <<";
        for (const auto* font : content.fonts()) {
            d += ' ';
            append_name(d, font->resource_name());
            d += ' ';
            append_reference(d, font->object());
        }
        d += " >>";
    }
    if (!content.images().empty()) {
        d += " /XObject <<";
        for (const auto* image : content.images()) {
            d += ' ';
            append_name(d, image->resource_name);
            d += ' ';
            append_reference(d, image->object);
        }
        d += " >>";
    }
    d += " >> /Contents ";
    append_reference(d, stream);
    d += " /StructParents ";
    append_integer(d, structure_key);
    d += annotations;
    if (!annotations.empty()) d += " /Tabs /S";  // tab order: the structure's (PDF/UA-1, 7.18.3)
    d += " >>";
    file.write_object(page_object, d);
    pages.push_back(page_object);
}

uint32_t PdfStreamWriter::State::page_object(std::size_t index) {
    if (index < pages.size()) return pages[index];
    auto it = early_pages.find(index);
    if (it == early_pages.end()) it = early_pages.emplace(index, file.allocate()).first;
    return it->second;
}

// Bookmarks nested by level (a level deeper than its predecessor's plus one
// nests one step only), all open, each pointing at its page and height.
uint32_t PdfStreamWriter::State::write_outline() {
    if (outline.empty()) return 0;
    struct Node {
        uint32_t object = 0;
        int level = 0;
        std::size_t parent = 0;  // index into nodes; node 0 is the outline root
        std::vector<std::size_t> children;
        std::size_t descendants = 0;
        const Bookmark* bookmark = nullptr;
    };
    std::vector<Node> nodes(1);
    nodes[0].object = file.allocate();
    std::vector<std::size_t> open{0};  // the chain of possible parents
    for (const Bookmark& entry : outline) {
        while (open.size() > 1 && nodes[open.back()].level >= entry.level) open.pop_back();
        Node node;
        node.object = file.allocate();
        node.level = entry.level;
        node.parent = open.back();
        node.bookmark = &entry;
        nodes.push_back(std::move(node));
        const std::size_t index = nodes.size() - 1;
        nodes[nodes[index].parent].children.push_back(index);
        for (std::size_t ancestor = nodes[index].parent;; ancestor = nodes[ancestor].parent) {
            ++nodes[ancestor].descendants;
            if (ancestor == 0) break;
        }
        open.push_back(index);
    }
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const Node& node = nodes[n];
        std::string d = "<<";
        if (n == 0) d += " /Type /Outlines";
        if (node.bookmark) {
            d += " /Title ";
            append_text_string(d, node.bookmark->title);
            d += " /Parent ";
            append_reference(d, nodes[node.parent].object);
            d += " /Dest [";
            append_reference(d, node.bookmark->page);
            d += " /XYZ null ";
            append_number(d, node.bookmark->top, kBoxDecimals);
            d += " null]";
            const auto& siblings = nodes[node.parent].children;
            for (std::size_t i = 0; i < siblings.size(); ++i) {
                if (siblings[i] != n) continue;
                if (i > 0) {
                    d += " /Prev ";
                    append_reference(d, nodes[siblings[i - 1]].object);
                }
                if (i + 1 < siblings.size()) {
                    d += " /Next ";
                    append_reference(d, nodes[siblings[i + 1]].object);
                }
            }
        }
        if (!node.children.empty()) {
            d += " /First ";
            append_reference(d, nodes[node.children.front()].object);
            d += " /Last ";
            append_reference(d, nodes[node.children.back()].object);
            d += " /Count ";
            append_integer(d, static_cast<long long>(node.descendants));
        }
        d += " >>";
        file.write_object(node.object, d);
    }
    return nodes[0].object;
}

void PdfStreamWriter::State::write_catalog(uint32_t outline_root, uint32_t structure_root, uint32_t xmp,
                                           uint32_t output_intent) {
    std::string d = "<< /Type /Catalog /Pages ";
    append_reference(d, page_tree);
    d += " /MarkInfo << /Marked true >> /StructTreeRoot ";
    append_reference(d, structure_root);
    d += " /Metadata ";
    append_reference(d, xmp);
    if (output_intent != 0) {
        d += " /OutputIntents [";
        append_reference(d, output_intent);
        d += ']';
    }
    if (outline_root != 0) {
        d += " /Outlines ";
        append_reference(d, outline_root);
        d += " /PageMode /UseOutlines";
    }
    const bool usable = !metadata->language.empty() && is_ascii(metadata->language);
    d += " /Lang ";
    append_literal_string(d, usable ? metadata->language : "fr-FR");
    d += " /ViewerPreferences << /DisplayDocTitle true >>";
    d += signatures.acroform_entry();
    d += " >>";
    file.write_object(catalog, d);
}

// The XMP packet, uncompressed so that it can be found without a PDF
// reader (PDF/A-2, 6.6.2.1).
uint32_t PdfStreamWriter::State::write_metadata_stream() {
    DocumentMetadata m = *metadata;
    if (m.creator.empty()) m.creator = "Lettrine";
    pdf::Conformance claims;
    claims.pdfa = m.archival && not_archival.empty();
    claims.pdfua = not_accessible.empty();
    const uint32_t object = file.allocate();
    file.write_stream(object, " /Type /Metadata /Subtype /XML", pdf::xmp_packet(m, m.creator, kProducer, claims));
    return object;
}

// The sRGB output intent the DeviceRGB colours are read against (PDF/A-2,
// 6.2.3); 0 when the file claims no PDF/A.
uint32_t PdfStreamWriter::State::write_output_intent() {
    if (!metadata->archival || !not_archival.empty()) return 0;
    const uint32_t profile = file.allocate();
    file.write_stream(profile, " /N 3 /Filter /FlateDecode", pdf::deflate_bytes(pdf::srgb_profile()));
    const uint32_t intent = file.allocate();
    std::string d = "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
                    "/Info (sRGB IEC61966-2.1) /DestOutputProfile ";
    append_reference(d, profile);
    d += " >>";
    file.write_object(intent, d);
    return intent;
}

// The Info dictionary, dates from the metadata only (never the clock).
void PdfStreamWriter::State::write_info() {
    const DocumentMetadata& m = *metadata;
    std::string d = "<<";
    const auto entry = [&d](const char* key, const std::string& value) {
        if (value.empty()) return;
        d += ' ';
        append_name(d, key);
        d += ' ';
        append_text_string(d, value);
    };
    entry("Title", m.title);
    entry("Author", m.author);
    entry("Subject", m.subject);
    entry("Keywords", m.keywords);
    entry("Creator", m.creator.empty() ? std::string("Lettrine") : m.creator);
    entry("Producer", kProducer);
    entry("CreationDate", m.creation_date);
    entry("ModDate", m.creation_date);
    d += " >>";
    file.write_object(info, d);
}

PdfStreamWriter::PdfStreamWriter(pdf::ByteSink& sink) : state_(std::make_unique<State>(sink)) {}

PdfStreamWriter::~PdfStreamWriter() = default;

std::size_t PdfStreamWriter::page_count() const { return state_->pages.size(); }

void PdfStreamWriter::add(const LaidOutDocument& part) {
    State& s = *state_;
    if (s.broken || s.finished)
        throw LettrineError(ErrorKind::Internal, SourcePosition{},
                            "le PDF ne peut plus recevoir de pages (déjà terminé ou en échec)");
    Diagnostics problems;
    check_part(part, problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Internal, std::move(problems));
    // As when documents are appended: the first part's metadata, unless it had neither pages nor title.
    if (s.pages.empty() && (!s.metadata || s.metadata->title.empty())) {
        check_date(part.metadata);
        s.metadata = part.metadata;
    }
    if (s.not_accessible.empty()) s.not_accessible = part.metadata.not_accessible;
    if (s.not_archival.empty()) s.not_archival = part.metadata.not_archival;
    s.broken = true;  // until the part is entirely written
    s.images.prepare(part.pages);
    const std::size_t first = s.pages.size();
    s.part_first = first;
    s.signatures.begin_part(part, first);
    // Appended documents as if added one by one: the same bytes (see parts).
    const auto elements = static_cast<StructureId>(part.structure.size());
    const std::size_t parts = std::max<std::size_t>(1, part.parts.size());
    const auto element_end = [&](std::size_t k) { return k + 1 < parts ? part.parts[k + 1].first_element : elements; };
    const auto page_end = [&](std::size_t k) { return k + 1 < parts ? part.parts[k + 1].first_page : part.pages.size(); };
    for (std::size_t k = 0; k < parts; ++k) {
        const StructureId first = part.parts.empty() ? 0 : part.parts[k].first_element;
        const std::size_t first_page = part.parts.empty() ? 0 : part.parts[k].first_page;
        s.structure.begin_part(part.structure, first, element_end(k));
        for (std::size_t i = first_page; i < page_end(k); ++i) s.write_page(part.pages[i]);
        s.structure.end_part();
    }
    for (const OutlineEntry& entry : part.outline) {
        const LaidOutPage& page = part.pages[entry.page];
        s.outline.push_back({entry.title, entry.level, s.pages[first + entry.page], page.height - entry.y});
    }
    s.broken = false;
}

void PdfStreamWriter::finish() {
    State& s = *state_;
    if (s.broken || s.finished)
        throw LettrineError(ErrorKind::Internal, SourcePosition{},
                            "le PDF ne peut plus être terminé (déjà terminé ou en échec)");
    if (s.pages.empty()) throw LettrineError(ErrorKind::Internal, SourcePosition{}, kNoPages);
    s.broken = true;
    s.fonts.embed_all();
    const uint32_t outline_root = s.write_outline();
    std::string kids = "<< /Type /Pages /Kids [";
    kids.reserve(kids.size() + 8 * s.pages.size() + 32);
    for (std::size_t i = 0; i < s.pages.size(); ++i) {
        if (i > 0) kids += ' ';
        append_reference(kids, s.pages[i]);
    }
    kids += "] /Count ";
    append_integer(kids, static_cast<long long>(s.pages.size()));
    kids += " >>";
    s.file.write_object(s.page_tree, kids);
    const uint32_t structure_root = s.structure.finish();
    const uint32_t xmp = s.write_metadata_stream();
    const uint32_t output_intent = s.write_output_intent();
    s.write_catalog(outline_root, structure_root, xmp, output_intent);
    s.write_info();
    s.file.finish(s.catalog, s.info);
    s.broken = false;
    s.finished = true;
}

std::string write_pdf(const LaidOutDocument& document) {
    // Every problem of the document at once, before anything is written.
    Diagnostics problems;
    if (document.pages.empty()) problems.error({}, kNoPages);
    check_part(document, problems);
    if (problems.has_errors()) throw LettrineError(ErrorKind::Internal, std::move(problems));
    std::string bytes;
    pdf::StringSink sink(bytes);
    PdfStreamWriter writer(sink);
    writer.add(document);
    writer.finish();
    return bytes;
}

}  // namespace lettrine
