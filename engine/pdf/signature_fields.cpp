#include "pdf/signature_fields.hpp"

#include <algorithm>
#include <cmath>

#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

namespace {

// Rules closer than this (points) are on one row; the tolerance covers the
// rounding of column positions, far below any visible gap.
constexpr double kSameRow = 0.01;
// A marked space farther than this above a rule is not closed by it (the
// template lost its rule): no field rather than a field in the wrong place.
constexpr double kMaxFieldHeight = 200;

const PageTarget* target_of(const LaidOutDocument& document, const char* id) {
    for (const PageTarget& target : document.targets)
        if (target.id == id) return &target;
    return nullptr;
}

double run_right(const GlyphRun& run) {
    return run.glyphs.empty() ? run.x : run.x + run.glyphs.back().x + run.glyphs.back().advance;
}

// True when nothing is painted strictly inside the box (x1, x2) × (top,
// bottom): no text baseline, no other rule, no rectangle, no image.
bool blank(const LaidOutPage& page, double x1, double x2, double top, double bottom, const Rule* own) {
    const auto crosses = [&](double left, double right, double upper, double lower) {
        return left < x2 && right > x1 && upper < bottom - kSameRow && lower > top + kSameRow;
    };
    for (const PageItem& item : page.items) {
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
            if (crosses(run->x, run_right(*run), run->y, run->y)) return false;
        } else if (const auto* rule = std::get_if<Rule>(&item)) {
            if (rule != own && crosses(std::min(rule->x1, rule->x2), std::max(rule->x1, rule->x2),
                                       std::min(rule->y1, rule->y2), std::max(rule->y1, rule->y2)))
                return false;
        } else if (const auto* box = std::get_if<Rectangle>(&item)) {
            if (crosses(box->x, box->x + box->width, box->y, box->y + box->height)) return false;
        } else if (const auto* image = std::get_if<PlacedImage>(&item)) {
            if (crosses(image->x, image->x + image->width, image->y, image->y + image->height)) return false;
        }
    }
    return true;
}

// The rule closing the blank space that starts at `top`: of the horizontal
// rules below it with nothing painted between, the one leaving the tallest
// blank. A rule of the other column can also have blank above it, but a
// shorter one (its column's text ends lower) or as tall (same text height:
// then the first untaken, left to right).
const Rule* closing_rule(const LaidOutPage& page, double top, const std::vector<const Rule*>& taken) {
    const Rule* best = nullptr;
    for (const PageItem& item : page.items) {
        const auto* rule = std::get_if<Rule>(&item);
        if (!rule || rule->y1 != rule->y2 || !(rule->y1 > top) || rule->y1 - top > kMaxFieldHeight) continue;
        if (std::find(taken.begin(), taken.end(), rule) != taken.end()) continue;
        const double x1 = std::min(rule->x1, rule->x2), x2 = std::max(rule->x1, rule->x2);
        if (!blank(page, x1, x2, top, rule->y1, rule)) continue;
        if (!best || rule->y1 > best->y1 + kSameRow ||
            (std::fabs(rule->y1 - best->y1) <= kSameRow && x1 < std::min(best->x1, best->x2)))
            best = rule;
    }
    return best;
}

void append_box(std::string& out, double left, double bottom, double right, double top) {
    out += '[';
    append_number(out, left, 3);
    out += ' ';
    append_number(out, bottom, 3);
    out += ' ';
    append_number(out, right, 3);
    out += ' ';
    append_number(out, top, 3);
    out += ']';
}

}  // namespace

std::vector<SignatureFieldPlace> find_signature_fields(const LaidOutDocument& document) {
    std::vector<SignatureFieldPlace> found;
    std::vector<const Rule*> taken;
    for (const SignatureFieldSpec& spec : kSignatureFields) {
        const PageTarget* target = target_of(document, spec.block_id);
        if (!target || target->page >= document.pages.size()) continue;
        const Rule* rule = closing_rule(document.pages[target->page], target->y, taken);
        if (!rule) continue;
        taken.push_back(rule);
        found.push_back({&spec, target->page, std::min(rule->x1, rule->x2), target->y, std::fabs(rule->x2 - rule->x1),
                         rule->y1 - target->y});
    }
    return found;
}

void SignatureFields::begin_part(const LaidOutDocument& part, std::size_t first_page) {
    pending_ = find_signature_fields(part);
    for (SignatureFieldPlace& f : pending_) f.page += first_page;
    if (!pending_.empty()) ++parts_with_fields_;
}

void SignatureFields::add_widgets(std::size_t page_index, double page_height, uint32_t page_object, std::string& annotations,
                                  StructureTree& structure) {
    for (const SignatureFieldPlace& f : pending_) {
        if (f.page != page_index) continue;
        // PDF/A-2 wants an appearance for every visible annotation: an empty one.
        const uint32_t appearance = file_.allocate();
        std::string ap = " /Type /XObject /Subtype /Form /BBox ";
        append_box(ap, 0, 0, f.width, f.height);
        file_.write_stream(appearance, ap, "");
        const uint32_t field = file_.allocate();
        const double bottom = page_height - f.y - f.height;
        std::string d = "<< /Type /Annot /Subtype /Widget /FT /Sig /T ";
        append_literal_string(d, parts_with_fields_ > 1 ? f.spec->field_name + ("-" + std::to_string(parts_with_fields_))
                                                        : std::string(f.spec->field_name));
        d += " /TU ";
        append_text_string(d, f.spec->tooltip);
        d += " /Rect ";
        append_box(d, f.x, bottom, f.x + f.width, bottom + f.height);
        d += " /F 4 /P ";  // 4: print
        append_reference(d, page_object);
        d += " /StructParent ";
        append_integer(d, structure.form(field, f.spec->tooltip));
        d += " /AP << /N ";
        append_reference(d, appearance);
        d += " >> >>";
        file_.write_object(field, d);
        fields_.push_back(field);
        std::string reference;
        append_reference(reference, field);
        if (annotations.empty()) annotations = " /Annots [" + reference + "]";
        else annotations.insert(annotations.size() - 1, " " + reference);
    }
}

std::string SignatureFields::acroform_entry() {
    if (fields_.empty()) return {};
    const uint32_t form = file_.allocate();
    std::string d = "<< /Fields [";
    for (std::size_t i = 0; i < fields_.size(); ++i) {
        if (i > 0) d += ' ';
        append_reference(d, fields_[i]);
    }
    d += "] >>";
    file_.write_object(form, d);
    std::string entry = " /AcroForm ";
    append_reference(entry, form);
    return entry;
}

}  // namespace lettrine::pdf
