#include "layout/layout.hpp"

#include <algorithm>
#include <type_traits>

#include "core/diagnostic.hpp"
#include "layout/detail/layouter.hpp"

namespace lettrine {

namespace layout_detail {

double item_y(const PageItem& item) {
    return std::visit(
        [](const auto& i) -> double {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Rule>) return std::min(i.y1, i.y2);
            else return i.y;
        },
        item);
}

void shift_item(PageItem& item, double dy) {
    std::visit(
        [dy](auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Rule>) {
                i.y1 += dy;
                i.y2 += dy;
            } else {
                i.y += dy;
            }
        },
        item);
}

void shift_item_x(PageItem& item, double dx) {
    std::visit(
        [dx](auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Rule>) {
                i.x1 += dx;
                i.x2 += dx;
            } else {
                i.x += dx;
            }
        },
        item);
}

std::string plain_text(const Paragraph& p) {
    std::string text;
    for (const Inline& in : p.inlines) {
        if (in.kind == InlineKind::Text) text += in.text;
        else if (in.kind == InlineKind::LineBreak) text += ' ';
    }
    return text;
}

Color to_color(const Rgb& rgb) { return Color{rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0}; }

namespace {

SettingOptions setting_options(const LayoutOptions& options, const Document& doc) {
    SettingOptions s;
    if (options.space_glue) {
        s.space_natural = options.space_glue->natural;
        s.space_stretch = options.space_glue->stretch;
        s.space_shrink = options.space_glue->shrink;
    }
    s.hyphenate = options.hyphenate;
    s.protrusion = doc.optical_margins;
    return s;
}

}  // namespace

Layouter::Layouter(const Document& doc, const FontSet& fonts, const LayoutOptions& options, const DocumentIndex& index,
                   const AnchorPages* known)
    : doc_(doc), options_(options),
      breaker_(options.line_breaker ? options.line_breaker : std::make_shared<KnuthPlassLineBreaker>()),
      images_(options.images ? options.images : std::make_shared<ImageCache>()),
      resources_(options.resources ? options.resources
                                   : std::make_shared<const ResourceResolver>(
                                         ResourceResolver::for_template_folder(options.image_directory))),
      setter_(fonts, *breaker_, diagnostics_, setting_options(options, doc)), index_(index), known_(known) {
    if (known_) {
        for (const auto& [id, block] : index_.ids)
            if (auto it = known_->find(block); it != known_->end()) references_[id] = static_cast<int>(it->second) + 1;
        setter_.set_references(&references_);
    }
}

AnchorPages Layouter::anchor_pages() const {
    AnchorPages pages;
    for (const auto& [block, point] : anchors_) pages[block] = point.page;
    return pages;
}

void Layouter::add_furniture() {
    const int count = static_cast<int>(result_.pages.size());
    const double x = doc_.page.margin_left;
    const double width = doc_.page.width - doc_.page.margin_left - doc_.page.margin_right;
    auto choose = [](const std::vector<PageFurniture>& list, int page) -> const PageFurniture* {
        const PageFurniture* all = nullptr;
        for (const PageFurniture& f : list) {
            if (f.pages == PageSelection::First && page == 1) return &f;
            if (f.pages == PageSelection::Following && page > 1) return &f;
            if (f.pages == PageSelection::All) all = &f;
        }
        return all;
    };
    furniture_ = true;  // running headers and footers are artifacts
    for (int n = 1; n <= count; ++n) {
        LaidOutPage& page = result_.pages[static_cast<std::size_t>(n - 1)];
        if (!page.furniture) continue;
        const FieldValues fields{n, count};
        if (const PageFurniture* header = choose(doc_.headers, n)) {
            Stack st = stack(header->content, x, width, &fields);
            for (PageItem& item : st.items) {
                shift_item(item, header->distance);
                page.items.push_back(std::move(item));
            }
        }
        if (const PageFurniture* footer = choose(doc_.footers, n)) {
            Stack st = stack(footer->content, x, width, &fields);
            for (PageItem& item : st.items) {
                shift_item(item, doc_.page.height - footer->distance - st.height);
                page.items.push_back(std::move(item));
            }
        }
    }
}

LaidOutDocument Layouter::run() {
    const DocumentInfo& info = doc_.info;
    result_.metadata.title = info.title;
    result_.metadata.author = info.author;
    result_.metadata.subject = info.subject;
    result_.metadata.keywords = info.keywords;
    result_.metadata.language = info.lang;
    result_.metadata.creation_date = pdf_date(info.date);

    const double width = doc_.page.width - doc_.page.margin_left - doc_.page.margin_right;
    std::vector<Slice> slices;
    flow(doc_.body, doc_.page.margin_left, width, slices, nullptr);
    carry_markers(slices);
    paginate(slices, doc_.page, Pagination{&result_, &anchors_, &table_headers_, &diagnostics_, &data_problems_});
    add_furniture();
    for (const auto& [id, block] : index_.ids)
        if (auto it = anchors_.find(block); it != anchors_.end())
            result_.targets.push_back(PageTarget{id, it->second.page, it->second.y});
    for (const DocumentIndex::Entry& e : index_.contents) {
        const auto it = anchors_.find(e.block);
        result_.contents_pages.push_back(it == anchors_.end() ? std::nullopt : std::optional(it->second.page));
    }
    // A data cell to shorten is the data's fault unless the template has its own mistakes.
    if (diagnostics_.has_errors()) {
        diagnostics_.append(data_problems_);
        throw LettrineError(ErrorKind::Template, diagnostics_);
    }
    if (data_problems_.has_errors()) throw LettrineError(ErrorKind::Data, data_problems_);
    return std::move(result_);
}


}  // namespace layout_detail

void append_laid_out(LaidOutDocument& book, LaidOutDocument next) {
    if (book.pages.empty() && book.metadata.title.empty()) book.metadata = next.metadata;
    if (book.metadata.not_accessible.empty()) book.metadata.not_accessible = next.metadata.not_accessible;
    if (book.metadata.not_archival.empty()) book.metadata.not_archival = next.metadata.not_archival;
    const auto elements = static_cast<StructureId>(book.structure.size());
    // Where each appended document starts, for the writers (LaidOutDocument::parts).
    if (book.parts.empty() && !(book.pages.empty() && book.structure.empty())) book.parts.push_back({});
    if (next.parts.empty()) next.parts.push_back({});
    for (const LaidOutDocument::Part& part : next.parts)
        book.parts.push_back({part.first_page + book.pages.size(), part.first_element + elements});
    for (StructureNode& node : next.structure) {
        if (node.parent != 0) node.parent += elements;
        book.structure.push_back(std::move(node));
    }
    const auto shift_tag = [elements](auto& i) {
        if (i.tag != kUntagged && i.tag != kArtifact) i.tag += elements;
    };
    const std::size_t offset = book.pages.size();
    for (OutlineEntry& entry : next.outline) {
        entry.page += offset;
        book.outline.push_back(std::move(entry));
    }
    for (PageTarget& target : next.targets) {
        target.page += offset;
        book.targets.push_back(std::move(target));
    }
    for (std::optional<std::size_t>& page : next.contents_pages) {
        if (page) *page += offset;
        book.contents_pages.push_back(page);
    }
    for (ReservedPageRange& range : next.reserved) {
        range.first_page += offset;
        book.reserved.push_back(std::move(range));
    }
    for (LaidOutPage& page : next.pages) {
        for (PageItem& item : page.items) {
            if (auto* link = std::get_if<LinkArea>(&item); link && link->internal) link->target_page += offset;
            std::visit(shift_tag, item);
        }
        book.pages.push_back(std::move(page));
    }
}

std::string pdf_date(const std::string& iso_date) {
    if (iso_date.size() != 10) return "";
    return "D:" + iso_date.substr(0, 4) + iso_date.substr(5, 2) + iso_date.substr(8, 2) + "000000Z";
}

// Page numbers (table of contents, <renvoi-page>) are only known after
// pagination: the document is laid out again with the pages found, until
// they no longer change. Contents entries keep a column for the number, so
// their height never depends on it; only a number inside running text can
// move a line break, hence the bounded loop.
LaidOutDocument layout_document(const Document& document, const FontSet& fonts, const LayoutOptions& options) {
    using namespace layout_detail;
    const DocumentIndex index = index_document(document);
    if (!index.needs_pages) return Layouter(document, fonts, options, index, nullptr).run();
    LayoutOptions shared = options;  // images read once for all passes
    if (!shared.images) shared.images = std::make_shared<ImageCache>();
    AnchorPages known;
    for (int pass = 0; pass < kMaxPasses; ++pass) {
        Layouter layouter(document, fonts, shared, index, pass == 0 ? nullptr : &known);
        LaidOutDocument result = layouter.run();
        AnchorPages pages = layouter.anchor_pages();
        if (pass > 0 && pages == known) {
            // A target without a page (an id inside a header or footer) would print a false number.
            Diagnostics problems;
            for (const auto& [id, where] : index.references) {
                const auto it = index.ids.find(id);
                if (it == index.ids.end() || !pages.count(it->second))
                    problems.error(where, "<renvoi-page> renvoie à « " + id +
                                              " », un bloc qui n’a pas de page à lui (dans un en-tête ou un pied de page)");
            }
            if (problems.has_errors()) throw LettrineError(ErrorKind::Template, std::move(problems));
            return result;
        }
        known = std::move(pages);
    }
    throw LettrineError(ErrorKind::Template, SourcePosition::at_line(document.source_name, 1, 1),
                        "les numéros de page de la table des matières et des renvois ne se stabilisent pas : "
                        "un renvoi placé près d’une fin de page change la mise en page à chaque essai ; "
                        "reformulez le paragraphe qui le contient");
}

}  // namespace lettrine

