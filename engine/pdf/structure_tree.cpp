#include "pdf/structure_tree.hpp"

#include "core/diagnostic.hpp"
#include "pdf/pdf_syntax.hpp"

namespace lettrine::pdf {

StructureTree::StructureTree(PdfFile& file)
    : file_(file), root_(file.allocate()), document_(file.allocate()), parent_tree_(file.allocate()) {}

// Elements are numbered 1 to count_ within the part (local numbers).
void StructureTree::begin_part(const std::vector<StructureNode>& elements, StructureId first, StructureId last) {
    elements_ = &elements;
    base_ = first;
    const std::size_t n = count_ = last - first;
    objects_.assign(n, 0);
    kids_.assign(n + 1, {});  // kids_[0]: the part's top-level elements
    used_.assign(n + 1, 0);
    placed_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const StructureNode& element = node(static_cast<StructureId>(i + 1));
        if (element.parent != 0 && (element.parent <= first || element.parent > first + i))
            throw LettrineError(ErrorKind::Internal, SourcePosition{}, "structure : un élément précède son parent");
        if (element.inline_element) continue;  // placed where its content is painted
        Kid kid;
        kid.kind = Kid::Kind::Element;
        kid.element = static_cast<uint32_t>(i + 1);
        kids_[local_parent(kid.element)].push_back(kid);
        placed_[i + 1] = 1;
    }
}

void StructureTree::begin_page(uint32_t page_object) {
    page_ = page_object;
    page_key_ = next_key_++;
    page_entry_ = file_.allocate();
    append_integer(nums_, page_key_);
    nums_ += ' ';
    append_reference(nums_, page_entry_);
    nums_ += ' ';
    marked_.clear();
}

uint32_t StructureTree::object_of(StructureId element) {
    uint32_t& object = objects_.at(element - 1);
    if (object == 0) object = file_.allocate();
    return object;
}

const std::string& StructureTree::role(StructureId element) const { return node(element - base_).role; }

void StructureTree::place_inline(StructureId element) {
    if (placed_[element]) return;
    placed_[element] = 1;
    Kid kid;
    kid.kind = Kid::Kind::Element;
    kid.element = element;
    kids_[local_parent(element)].push_back(kid);
}

int StructureTree::mark(StructureId element) {
    if (!elements_ || element <= base_ || element > base_ + count_)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "structure : élément inconnu");
    element -= base_;
    place_inline(element);
    const int mcid = static_cast<int>(marked_.size());
    marked_.push_back(object_of(element));
    Kid kid;
    kid.page = page_;
    kid.mcid = mcid;
    kids_[element].push_back(kid);
    used_[element] = 1;
    return mcid;
}

int StructureTree::annotation(StructureId element, uint32_t annotation) {
    if (!elements_ || element <= base_ || element > base_ + count_)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "structure : élément inconnu");
    element -= base_;
    place_inline(element);
    Kid kid;
    kid.kind = Kid::Kind::Object;
    kid.page = page_;
    kid.object = annotation;
    kids_[element].push_back(kid);
    used_[element] = 1;
    const int key = next_key_++;
    append_integer(nums_, key);
    nums_ += ' ';
    append_reference(nums_, object_of(element));
    nums_ += ' ';
    return key;
}

int StructureTree::form(uint32_t annotation, const std::string& alt) {
    const uint32_t element = file_.allocate();
    std::string d = "<< /S /Form /P ";
    append_reference(d, document_);
    d += " /Pg ";
    append_reference(d, page_);
    d += " /K << /Type /OBJR /Pg ";
    append_reference(d, page_);
    d += " /Obj ";
    append_reference(d, annotation);
    d += " >> /Alt ";
    append_text_string(d, alt);
    d += " >>";
    file_.write_object(element, d);
    forms_.push_back(element);
    const int key = next_key_++;
    append_integer(nums_, key);
    nums_ += ' ';
    append_reference(nums_, element);
    nums_ += ' ';
    return key;
}

int StructureTree::end_page() {
    std::string entry = "[";
    for (std::size_t i = 0; i < marked_.size(); ++i) {
        if (i > 0) entry += ' ';
        append_reference(entry, marked_[i]);
    }
    entry += ']';
    file_.write_object(page_entry_, entry);
    return page_key_;
}

void StructureTree::write_element(StructureId element, uint32_t parent_object) {
    const StructureNode& node = this->node(element);
    std::string d = "<< /S ";  // /Type /StructElem is optional: a few bytes less for each element
    append_name(d, node.role);
    d += " /P ";
    append_reference(d, parent_object);
    uint32_t first_page = 0;
    for (const Kid& kid : kids_[element])
        if (kid.kind != Kid::Kind::Element) { first_page = kid.page; break; }
    if (first_page != 0) {
        d += " /Pg ";
        append_reference(d, first_page);
    }
    d += " /K [";
    for (const Kid& kid : kids_[element]) {
        if (kid.kind == Kid::Kind::Element) {
            if (!used_[kid.element]) continue;
            d += ' ';
            append_reference(d, object_of(kid.element));
        } else if (kid.kind == Kid::Kind::Object) {
            d += " << /Type /OBJR /Pg ";
            append_reference(d, kid.page);
            d += " /Obj ";
            append_reference(d, kid.object);
            d += " >>";
        } else if (kid.page == first_page) {
            d += ' ';
            append_integer(d, kid.mcid);
        } else {
            d += " << /Type /MCR /Pg ";
            append_reference(d, kid.page);
            d += " /MCID ";
            append_integer(d, kid.mcid);
            d += " >>";
        }
    }
    d += " ]";
    if (node.has_alt) {
        d += " /Alt ";
        append_text_string(d, node.alt);
    }
    if (!node.lang.empty()) {
        d += " /Lang ";
        append_literal_string(d, node.lang);
    }
    if (node.role == "TH" || ((node.role == "TD") && node.column_span > 1)) {
        d += " /A << /O /Table";
        if (node.role == "TH") d += node.column_scope ? " /Scope /Column" : " /Scope /Row";
        if (node.column_span > 1) {
            d += " /ColSpan ";
            append_integer(d, node.column_span);
        }
        d += " >>";
    }
    d += " >>";
    file_.write_object(object_of(element), d);
}

void StructureTree::end_part() {
    if (!elements_) return;
    const std::size_t n = count_;
    for (std::size_t i = n; i-- > 0;)
        if (used_[i + 1]) used_[local_parent(static_cast<StructureId>(i + 1))] = 1;
    for (std::size_t i = 0; i < n; ++i) {
        const auto element = static_cast<StructureId>(i + 1);
        if (!used_[element]) continue;
        const StructureId parent = local_parent(element);
        write_element(element, parent == 0 ? document_ : object_of(parent));
    }
    for (const Kid& kid : kids_[0])
        if (used_[kid.element]) top_.push_back(object_of(kid.element));
    top_.insert(top_.end(), forms_.begin(), forms_.end());
    forms_.clear();
    elements_ = nullptr;
}

uint32_t StructureTree::finish() {
    std::string d = "<< /Type /StructElem /S /Document /P ";
    append_reference(d, root_);
    d += " /K [";
    for (uint32_t object : top_) {
        d += ' ';
        append_reference(d, object);
    }
    d += " ] >>";
    file_.write_object(document_, d);
    std::string tree = "<< /Nums [" + nums_ + "] >>";
    file_.write_object(parent_tree_, tree);
    std::string root = "<< /Type /StructTreeRoot /K ";
    append_reference(root, document_);
    root += " /ParentTree ";
    append_reference(root, parent_tree_);
    root += " /ParentTreeNextKey ";
    append_integer(root, next_key_);
    root += " >>";
    file_.write_object(root_, root);
    return root_;
}

}  // namespace lettrine::pdf
