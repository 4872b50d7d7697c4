#pragma once
// The visible part of a signature: what the signature field shows once
// signed (« Signé électroniquement », the signer's name and role, the date),
// drawn in the field's rectangle over the letter's signature block.
#include "signing/pdf_signer.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfSignatureField;
class PdfRect;
}  // namespace PoDoFo

namespace lettrine::signing {

// The lines shown, top to bottom.
std::vector<std::string> appearance_lines(const SignatureRequest& request);

// Draws them into a new form XObject the size of `rect` and makes it the
// field's normal appearance. The font is Liberation Sans, as a subset
// embedded with Identity-H (PDF/A wants it embedded; WinAnsi would drop the
// letters of « Nguyễn » or « Łukasz »), with its ToUnicode map.
void draw_appearance(PoDoFo::PdfMemDocument& document, PoDoFo::PdfSignatureField& field, const PoDoFo::PdfRect& rect,
                     const SignatureRequest& request);

}  // namespace lettrine::signing
