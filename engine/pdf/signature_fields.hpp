#pragma once
// The empty signature fields a lettre de mission carries from the start
// (issue 12): one for Les Ecossolies, one for the structure référente, each
// over the signature block its template draws, so that `lettrine signer`
// (engine/signing) fills an existing field and the référent can sign the
// other one in any PDF reader.
//
// A template marks a signature block with an id on the blank space above
// the block's rule:
//   <espace hauteur="24mm" id="signature-ecossolies"/> <filet/>
// The field covers that space, from its top down to the rule that closes
// it, as wide as that rule (the layout records where a block starts, not
// its column: the rule gives the horizontal extent). The closing rule is
// the one below with nothing painted between it and the space's top; when
// the other column's rule qualifies too, the tallest blank wins, then the
// leftmost (see closing_rule). A document without the ids gets no field:
// its bytes do not change.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "layout/pages.hpp"
#include "pdf/pdf_file.hpp"
#include "pdf/structure_tree.hpp"

namespace lettrine::pdf {

struct SignatureFieldSpec {
    const char* block_id;    // the id="..." of the <espace> in the template
    const char* field_name;  // the field's /T, what `lettrine signer --champ` looks for
    const char* tooltip;     // its /TU, read by screen readers and shown by viewers
};

inline constexpr std::array<SignatureFieldSpec, 2> kSignatureFields{{
    {"signature-ecossolies", "Signature-Ecossolies", "Signature pour Les Ecossolies"},
    {"signature-referent", "Signature-Referent", "Signature pour la structure référente"},
}};

// A field found in a laid-out document, in layout units (points from the
// page's top-left corner).
struct SignatureFieldPlace {
    const SignatureFieldSpec* spec = nullptr;
    std::size_t page = 0;  // 0-based, in the document given
    double x = 0, y = 0, width = 0, height = 0;
};

std::vector<SignatureFieldPlace> find_signature_fields(const LaidOutDocument& document);

// The PDF writer's side: widgets written with their pages, the /AcroForm
// with the catalog.
class SignatureFields {
public:
    explicit SignatureFields(PdfFile& file) : file_(file) {}

    // The fields of a part whose first page is page `first_page` of the file.
    // Field names are unique in a file: the second letter of a merged book
    // has « Signature-Ecossolies-2 », and so on.
    void begin_part(const LaidOutDocument& part, std::size_t first_page);
    // Writes the widgets of page `page_index` (of the file) and adds their
    // references to `annotations`, the page's " /Annots [...]" entry (empty
    // when the page has no other annotation).
    // Each widget is tagged: a Form element of `structure` (PDF/UA-1, 7.18.4).
    void add_widgets(std::size_t page_index, double page_height, uint32_t page_object, std::string& annotations,
                     StructureTree& structure);
    // " /AcroForm n 0 R" after writing the form dictionary; empty when no
    // field was written.
    std::string acroform_entry();

private:
    PdfFile& file_;
    std::vector<SignatureFieldPlace> pending_;  // page indices of the file
    std::vector<uint32_t> fields_;              // written, in order
    std::size_t parts_with_fields_ = 0;         // letters merged into one file so far
};

}  // namespace lettrine::pdf
