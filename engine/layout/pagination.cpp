// Slices onto pages. Slices' items are moved onto the page, and moved back
// when a break backtracks over them (a slice that keeps with the next one
// pulls the break up to before it).
#include "layout/detail/layouter.hpp"

namespace lettrine::layout_detail {

namespace {

class Paginator {
public:
    Paginator(std::vector<Slice>& slices, const PageSetup& setup, const Pagination& into)
        : slices_(slices), setup_(setup), result_(*into.result), anchors_(*into.anchors),
          table_headers_(*into.table_headers), into_(into), top_(setup.margin_top), bottom_(setup.height - setup.margin_bottom),
          y_(top_) {
        page_.width = setup_.width;
        page_.height = setup_.height;
    }

    void run() {
        std::size_t i = 0;
        while (i < slices_.size()) i = step(i);
        // Reserved pages at the very end: no empty page after them.
        if (!(last_was_reserve_ && page_empty())) result_.pages.push_back(std::move(page_));
    }

private:
    struct Entry { std::size_t source; std::size_t item_start; std::size_t outline_start; bool content; double dy; };

    // Places slice `i` (or breaks the page before it); returns the next slice to place.
    std::size_t step(std::size_t i) {
        Slice& s = slices_[i];
        if (const auto* page_break = std::get_if<Slice::Break>(&s.piece)) {
            this->page_break(page_break->odd);
            return i + 1;
        }
        if (auto* box = std::get_if<Slice::Float>(&s.piece)) {
            check_overlaps(*box);
            std::vector<PageItem> items = std::move(box->items);  // the page takes them; its box stays in the way
            exclusions_.push_back(*box);
            box->items = std::move(items);
            place(s, i);
            return i + 1;
        }
        if (s.is<Slice::Marker>()) {
            place(s, i);
            return i + 1;
        }
        if (s.is<Slice::Reserve>()) {
            reserve(s);
            return i + 1;
        }
        if (s.is<Slice::Gap>()) {
            if (!(drop_spaces_ && !has_content())) place(s, i);
            return i + 1;
        }
        Slice::Content& c = *s.content();
        keep_clear(c);
        if (c.split) {
            // A row taller than a page: what fits here, the rest on the next page(s).
            Slice::Content piece = c.split->take(bottom_ - y_, !has_content());
            if (piece.height > 0) {
                Slice part{std::move(piece)};
                part.anchors = std::move(s.anchors);
                s.anchors.clear();
                place(part, i);
                drop_spaces_ = false;
                if (c.split->done()) return i + 1;
                new_page(c.repeat_header, true);
                return i;
            }
            // Not even one line fits: break the page as for any other slice.
        } else if (y_ + c.height <= bottom_ + kFitTolerance || !has_content()) {
            place(s, i);
            drop_spaces_ = false;
            return i + 1;
        }
        return break_page(i);
    }

    // Flow content never runs under a positioned block: it starts below
    // what is in its way (each block in turn, as moving down may meet another).
    void keep_clear(const Slice::Content& c) {
        const auto [x0, x1] = horizontal_extent(c.items);
        if (x0 >= x1) return;
        for (bool moved = true; moved;) {
            moved = false;
            for (const Slice::Float& e : exclusions_) {
                const double left = e.x - e.margin, right = e.x + e.width + e.margin;
                const double top = e.y - e.margin, bottom = e.y + e.height + e.margin;
                if (x0 < right && left < x1 && y_ < bottom && top < y_ + c.height) {
                    y_ = bottom;
                    moved = true;
                }
            }
        }
    }

    // A positioned block comes after what it may cover: text already laid
    // out on this page or another positioned block cannot move out of its
    // way.
    void check_overlaps(const Slice::Float& box) {
        const auto overlaps = [&](double x0, double x1, double y0, double y1) {
            return x0 < box.x + box.width && box.x < x1 && y0 < box.y + box.height && box.y < y1;
        };
        Diagnostics& problems = box.data ? *into_.data_problems : *into_.template_problems;
        const std::string shorten = box.data ? " : raccourcissez cette donnée" : "";
        for (const Slice::Float& e : exclusions_)
            if (overlaps(e.x, e.x + e.width, e.y, e.y + e.height))
                problems.error(box.where, box.named(true) + " chevauche " + e.named(false) + shorten);
        for (std::size_t k = 0; k < placed_.size(); ++k) {
            const Entry& e = placed_[k];
            if (!e.content) continue;
            const std::size_t end = k + 1 < placed_.size() ? placed_[k + 1].item_start : page_.items.size();
            const std::vector<PageItem> items(page_.items.begin() + static_cast<std::ptrdiff_t>(e.item_start),
                                              page_.items.begin() + static_cast<std::ptrdiff_t>(end));
            const auto [x0, x1] = horizontal_extent(items);
            if (x0 < x1 && overlaps(x0, x1, e.dy, e.dy + slices_[e.source].height())) {
                problems.error(box.where, box.named(true) + " chevauche le texte qui le précède dans le modèle" + shorten);
                return;
            }
        }
    }

    // The items a slice brings to the page.
    static std::vector<PageItem>* items_of(Slice& s) {
        if (Slice::Content* c = s.content()) return &c->items;
        if (auto* f = std::get_if<Slice::Float>(&s.piece)) return &f->items;
        return nullptr;
    }

    static int repeat_header_of(const Slice& s) {
        const Slice::Content* c = s.content();
        return c ? c->repeat_header : -1;
    }

    bool page_empty() const { return page_.items.empty() && placed_.empty(); }

    bool has_content() const {
        for (const Entry& e : placed_)
            if (e.content) return true;
        return false;
    }

    void place(Slice& s, std::size_t source) {
        const bool floating = s.is<Slice::Float>();
        const double dy = floating ? 0 : y_;
        placed_.push_back({source, page_.items.size(), result_.outline.size(), s.is<Slice::Content>(), dy});
        for (const BlockAnchor& a : s.anchors) anchors_[a.first] = PagePoint{result_.pages.size(), dy + a.second};
        if (s.no_furniture) page_.furniture = false;
        last_was_reserve_ = false;
        if (std::vector<PageItem>* items = items_of(s)) {
            for (PageItem& item : *items) {
                shift_item(item, dy);
                page_.items.push_back(std::move(item));
            }
            items->clear();
        }
        for (const OutlineEntry& o : s.outline)
            result_.outline.push_back(OutlineEntry{o.title, o.level, result_.pages.size(), y_ + o.y});
        if (!floating) y_ += s.height();
    }

    void new_page(int repeat_header, bool automatic) {
        result_.pages.push_back(std::move(page_));
        page_ = LaidOutPage{};
        page_.width = setup_.width;
        page_.height = setup_.height;
        placed_.clear();
        exclusions_.clear();
        y_ = top_;
        drop_spaces_ = automatic;
        if (repeat_header < 0) return;
        for (const Slice::Content& h : table_headers_[static_cast<std::size_t>(repeat_header)]) {
            for (const PageItem& item : h.items) {
                page_.items.push_back(item);
                shift_item(page_.items.back(), y_);
            }
            y_ += h.height;
        }
    }

    void page_break(bool odd) {
        if (!odd) {
            new_page(-1, false);
            return;
        }
        // To an odd page: a blank page (no header nor footer) when the next one is even.
        if (!page_empty()) new_page(-1, false);
        if (result_.pages.size() % 2 == 1) {
            page_.furniture = false;
            new_page(-1, false);
        }
    }

    // Whole pages: start on a fresh page, leave the reserved ones empty.
    void reserve(const Slice& s) {
        const ReservedPages& reserved = *std::get<Slice::Reserve>(s.piece).pages;
        if (!page_empty()) new_page(-1, false);
        const std::size_t first = result_.pages.size();
        for (const OutlineEntry& o : s.outline) result_.outline.push_back(OutlineEntry{o.title, o.level, first, 0});
        for (const BlockAnchor& a : s.anchors) anchors_[a.first] = PagePoint{first, 0};
        if (s.no_furniture) page_.furniture = false;
        result_.reserved.push_back(ReservedPageRange{reserved.id, first, static_cast<std::size_t>(reserved.count)});
        for (int k = 0; k < reserved.count; ++k) new_page(-1, false);
        last_was_reserve_ = true;
    }

    // Slice `i` does not fit: break at the latest allowed point on this page
    // and return the slice the next page starts with.
    std::size_t break_page(std::size_t i) {
        int repeat = -1;
        std::size_t break_before = latest_break(i, repeat);
        if (break_before == slices_.size()) {  // everything is kept together: break anyway, here
            break_before = i;
            for (std::size_t e = placed_.size(); e-- > 0;)
                if (placed_[e].content) { repeat = repeat_header_of(slices_[placed_[e].source]); break; }
        }
        take_back_from(break_before);
        new_page(repeat, true);
        return break_before;
    }

    // A break before flow slice b is allowed when the last Content slice
    // before b does not keep with the next. The latest such b up to `i`, or
    // slices_.size() when there is none; `repeat` gets the table header the
    // next page repeats.
    std::size_t latest_break(std::size_t i, int& repeat) const {
        std::size_t candidate = i;
        std::size_t k = placed_.size();
        while (true) {
            // Last content entry before `candidate`.
            std::size_t last = k;
            while (last > 0 && !placed_[last - 1].content) --last;
            if (last == 0)  // no content before: break only if something (a space) stays behind
                return k > 0 ? candidate : slices_.size();
            const Slice::Content& previous = *slices_[placed_[last - 1].source].content();
            if (!previous.keep_with_next) {
                repeat = previous.repeat_header;
                return candidate;
            }
            // Move the candidate to before that content entry.
            k = last - 1;
            candidate = placed_[k].source;
        }
    }

    // Takes back what was placed from slice `break_before` on.
    void take_back_from(std::size_t break_before) {
        std::size_t keep = placed_.size();
        while (keep > 0 && placed_[keep - 1].source >= break_before) --keep;
        if (keep == placed_.size()) return;
        for (std::size_t e = keep; e < placed_.size(); ++e) {
            const std::size_t end = e + 1 < placed_.size() ? placed_[e + 1].item_start : page_.items.size();
            std::vector<PageItem>* back = items_of(slices_[placed_[e].source]);
            for (std::size_t k = placed_[e].item_start; k < end; ++k) {
                shift_item(page_.items[k], -placed_[e].dy);
                back->push_back(std::move(page_.items[k]));
            }
        }
        page_.items.resize(placed_[keep].item_start);
        result_.outline.resize(placed_[keep].outline_start);
        placed_.resize(keep);
        page_.furniture = true;
        for (const Entry& e : placed_)
            if (slices_[e.source].no_furniture) page_.furniture = false;
    }

    std::vector<Slice>& slices_;
    const PageSetup& setup_;
    LaidOutDocument& result_;
    std::map<const Block*, PagePoint>& anchors_;
    const std::vector<std::vector<Slice::Content>>& table_headers_;
    const Pagination into_;
    const double top_, bottom_;
    std::vector<Slice::Float> exclusions_;  // the positioned blocks of the current page (boxes only)

    std::vector<Entry> placed_;  // flow slices on the current page
    LaidOutPage page_;
    double y_;
    bool drop_spaces_ = false;       // after an automatic break, spaces at the top vanish
    bool last_was_reserve_ = false;  // the current page only follows reserved pages
};

}  // namespace

void paginate(std::vector<Slice>& slices, const PageSetup& page, const Pagination& into) {
    Paginator(slices, page, into).run();
}

}  // namespace lettrine::layout_detail
