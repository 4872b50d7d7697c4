#pragma once
// The logical structure of a tagged PDF (ISO 32000-1, 14.7 and 14.8; PDF/UA-1,
// ISO 14289-1, 7): the structure elements the layout names
// (LaidOutDocument::structure), their marked content (MCIDs) on the pages,
// link annotations as object references, the parent tree that maps both
// back to their element, and the root.
//
// Written as the file is: a part's elements when the part is done, a page's
// parent-tree entry when the page is, the document element, the parent
// tree's number array and the root at the end. What stays in memory for the
// whole file is a few numbers per page and per top-level element.
#include <cstdint>
#include <string>
#include <vector>

#include "layout/pages.hpp"
#include "pdf/pdf_file.hpp"

namespace lettrine::pdf {

class StructureTree {
public:
    explicit StructureTree(PdfFile& file);

    // The elements of the part about to be written, elements first + 1 to
    // last of `elements` (which stays alive until end_part()).
    void begin_part(const std::vector<StructureNode>& elements, StructureId first, StructureId last);
    void begin_page(uint32_t page_object);
    // The MCID of a new marked-content sequence of `element` on the current page.
    int mark(StructureId element);
    // The standard structure type of `element` (the tag of its marked content).
    const std::string& role(StructureId element) const;
    // A link annotation of `element`: its /StructParent key.
    int annotation(StructureId element, uint32_t annotation);
    // A form field's widget on the current page (a signature field): a Form
    // element holding its /OBJR, described by `alt`, after the part's
    // elements; returns the widget's /StructParent key (PDF/UA-1, 7.18.4).
    int form(uint32_t annotation, const std::string& alt);
    // Writes the page's parent-tree entry; returns the page's /StructParents key.
    int end_page();
    void end_part();

    // The document element, the parent tree and the root: returns the root.
    uint32_t finish();

    static bool tagged(StructureId element) { return element != kUntagged && element != kArtifact; }

private:
    struct Kid {
        enum class Kind { Element, Content, Object } kind = Kind::Content;
        uint32_t element = 0;  // Element: the child's index (1-based)
        uint32_t page = 0;     // Content and Object: the page object
        int mcid = 0;          // Content
        uint32_t object = 0;   // Object: the annotation
    };
    uint32_t object_of(StructureId element);
    void place_inline(StructureId element);
    void write_element(StructureId element, uint32_t parent_object);

    PdfFile& file_;
    const uint32_t root_, document_, parent_tree_;
    std::vector<uint32_t> top_;   // the document element's kids
    std::vector<uint32_t> forms_;  // Form elements of the current part, written
    std::string nums_;            // the parent tree's /Nums entries, by key
    int next_key_ = 0;
    // The current part.
    const std::vector<StructureNode>* elements_ = nullptr;
    StructureId base_ = 0;           // elements_ index of the part's first element
    std::size_t count_ = 0;          // elements in the part
    const StructureNode& node(StructureId local) const { return (*elements_)[base_ + local - 1]; }
    StructureId local_parent(StructureId local) const {
        const StructureId parent = node(local).parent;
        return parent == 0 ? 0 : parent - base_;
    }
    std::vector<uint32_t> objects_;  // by element - 1; 0 until needed
    std::vector<std::vector<Kid>> kids_;
    std::vector<char> used_, placed_;
    // The current page.
    uint32_t page_ = 0, page_entry_ = 0;
    int page_key_ = 0;
    std::vector<uint32_t> marked_;  // element object of each MCID
};

}  // namespace lettrine::pdf
