#pragma once
// The PDF side of a PAdES signature (PoDoFo 0.9.8): fills one of the empty
// signature fields Lettrine writes into every letter (pdf/signature_fields)
// with a visible appearance and a signature dictionary, as an incremental
// update (the letter's bytes are kept as they are: its first signature, its
// PDF/A identification and its tagging stay valid), then puts the CMS
// (signing/cms) over the /ByteRange into /Contents.
#include <ctime>
#include <string>

#include "pdf/signature_fields.hpp"
#include "signing/credentials.hpp"

namespace lettrine::signing {

struct SignatureRequest {
    const pdf::SignatureFieldSpec* field = &pdf::kSignatureFields[0];
    std::time_t when = 0;      // written as /M and shown; the only non-deterministic input
    std::string reason;        // /Reason, may be empty
    std::string location;      // /Location, may be empty
    std::string signer_name;   // shown, and written as /Name
    std::string signer_role;   // shown under the name, may be empty
};

// The signed file's bytes: `pdf` followed by the update. `file` names the
// PDF in messages. Throws LettrineError(Data) in French for a file that is
// not a PDF, not Lettrine's (no such field), or whose field is already
// signed; LettrineError(Internal) when PoDoFo or OpenSSL fail.
std::string sign_pdf(const std::string& pdf, const std::string& file, const Credentials& credentials,
                     const SignatureRequest& request);

// "D:20261203184000Z": the PDF date of `when`, in UTC.
std::string pdf_date_utc(std::time_t when);

// Bytes reserved in /Contents for the CMS (hex: twice as many characters):
// room for a certificate chain of four 2048- or 4096-bit certificates.
inline constexpr std::size_t kSignatureBytes = 16384;

}  // namespace lettrine::signing
