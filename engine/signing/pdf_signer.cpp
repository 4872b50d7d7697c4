#include "signing/pdf_signer.hpp"

#include <openssl/evp.h>
#include <podofo/podofo.h>

#include <memory>
#include <optional>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/french.hpp"
#include "signing/appearance.hpp"
#include "signing/cms.hpp"

using namespace PoDoFo;

namespace lettrine::signing {

namespace {

[[noreturn]] void refuse(const std::string& file, const std::string& what) {
    throw LettrineError(ErrorKind::Data, SourcePosition::in_file(file), what);
}

std::string key_text(const PdfDictionary& dictionary, const char* key) {
    const PdfObject* value = dictionary.GetKey(PdfName(key));
    return value && value->IsString() ? value->GetString().GetStringUtf8() : std::string();
}

// The widget of the field named `name`, on any page.
PdfAnnotation* find_widget(PdfMemDocument& document, const std::string& name) {
    for (int p = 0; p < document.GetPageCount(); ++p) {
        PdfPage* page = document.GetPage(p);
        for (int a = 0; a < page->GetNumAnnots(); ++a) {
            PdfAnnotation* annotation = page->GetAnnotation(a);
            if (annotation->GetType() == ePdfAnnotation_Widget &&
                key_text(annotation->GetObject()->GetDictionary(), "T") == name)
                return annotation;
        }
    }
    return nullptr;
}

PdfAnnotation* lettrine_field(PdfMemDocument& document, const std::string& file, const pdf::SignatureFieldSpec& spec) {
    const std::string producer = document.GetInfo() ? document.GetInfo()->GetProducer().GetStringUtf8() : "";
    PdfAnnotation* widget = find_widget(document, spec.field_name);
    if (producer != "Lettrine" || !widget)
        refuse(file, "ce PDF n’est pas une lettre produite par Lettrine : il n’a pas le champ de signature " +
                         quoted(spec.field_name) + " que Lettrine place dans chaque lettre de mission");
    if (widget->GetObject()->GetDictionary().HasKey(PdfName("V")))
        refuse(file, "le champ " + quoted(spec.field_name) + " est déjà signé");
    return widget;
}

// The Info dictionary's /ModDate as the file has it (nullopt: none).
std::optional<PdfString> stored_modification_date(const std::string& pdf) {
    PdfVecObjects objects;
    PdfParser parser(&objects);
    parser.ParseFile(pdf.data(), static_cast<long>(pdf.size()), true);
    const PdfObject* reference = parser.GetTrailer()->GetDictionary().GetKey(PdfName("Info"));
    const PdfObject* info = reference && reference->IsReference() ? objects.GetObject(reference->GetReference()) : nullptr;
    const PdfObject* date = info && info->IsDictionary() ? info->GetDictionary().GetKey(PdfName("ModDate")) : nullptr;
    if (!date || !date->IsString()) return std::nullopt;
    return date->GetString();
}

// PoDoFo 0.9.8 stamps /ModDate with the clock when it loads a document
// (PdfInfo's default): the letter's own value is put back, so that the
// update leaves the Info dictionary as it was and in agreement with the
// XMP metadata (PDF/A-2, 6.6.2.3).
void keep_modification_date(PdfMemDocument& document, const std::string& pdf) {
    if (!document.GetInfo()) return;
    PdfDictionary& info = document.GetInfo()->GetObject()->GetDictionary();
    if (const std::optional<PdfString> date = stored_modification_date(pdf)) info.AddKey(PdfName("ModDate"), *date);
    else info.RemoveKey(PdfName("ModDate"));
}

PdfString utf8(const std::string& text) { return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str())); }

void describe_signature(PdfSignatureField& field, const SignatureRequest& request) {
    if (!request.reason.empty()) field.SetSignatureReason(utf8(request.reason));
    if (!request.location.empty()) field.SetSignatureLocation(utf8(request.location));
    PdfDictionary& d = field.GetSignatureObject()->GetDictionary();
    // PoDoFo 0.9.8 writes adbe.pkcs7.detached; PAdES (ETSI EN 319 142-1, 5.3) wants this.
    d.AddKey(PdfName("SubFilter"), PdfName("ETSI.CAdES.detached"));
    d.AddKey(PdfName("M"), PdfString(pdf_date_utc(request.when)));
    if (!request.signer_name.empty()) d.AddKey(PdfName("Name"), utf8(request.signer_name));
}

Sha256 digest_of_byte_range(PdfSignOutputDevice& device) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "SHA-256 indisponible");
    std::vector<char> buffer(1 << 16);
    for (std::size_t n; (n = device.ReadForSignature(buffer.data(), buffer.size())) > 0;)
        EVP_DigestUpdate(context.get(), buffer.data(), n);
    Sha256 digest;
    EVP_DigestFinal_ex(context.get(), digest.data(), nullptr);
    return digest;
}

std::string write_signed(PdfMemDocument& document, PdfSignatureField& field, const Credentials& credentials,
                         const SignatureRequest& request) {
    PdfRefCountedBuffer buffer;
    PdfOutputDevice output(&buffer);
    PdfSignOutputDevice device(&output);
    device.SetSignatureSize(kSignatureBytes);
    field.EnsureSignatureObject();
    field.SetSignature(*device.GetSignatureBeacon());
    describe_signature(field, request);
    document.WriteUpdate(&device, true);
    if (!device.HasSignaturePosition())
        throw LettrineError(ErrorKind::Internal, SourcePosition{}, "PoDoFo n’a pas écrit la place de la signature");
    device.AdjustByteRange();
    device.Seek(0);
    const std::string cms = pades_cms(credentials, digest_of_byte_range(device));
    if (cms.size() > kSignatureBytes)
        throw LettrineError(ErrorKind::Internal, SourcePosition{},
                            "la signature CMS (" + std::to_string(cms.size()) + " octets) dépasse la place réservée");
    device.SetSignature(PdfData(cms.data(), cms.size()));
    device.Flush();
    return std::string(buffer.GetBuffer(), output.GetLength());
}

}  // namespace

std::string pdf_date_utc(std::time_t when) {
    std::tm t{};
    gmtime_r(&when, &t);
    char text[32];
    std::strftime(text, sizeof text, "D:%Y%m%d%H%M%SZ", &t);
    return text;
}

std::string sign_pdf(const std::string& pdf, const std::string& file, const Credentials& credentials,
                     const SignatureRequest& request) {
    // PoDoFo prints its parser's findings on the terminal; Lettrine reports in French.
    PdfError::EnableDebug(false);
    PdfError::EnableLogging(false);
    PdfMemDocument document;
    try {
        document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()), true);
    } catch (const PdfError& e) {
        refuse(file, std::string("ce fichier n’est pas un PDF lisible (") + PdfError::ErrorMessage(e.GetError()) + ")");
    }
    try {
        PdfAnnotation* widget = lettrine_field(document, file, *request.field);
        PdfSignatureField field(widget);
        keep_modification_date(document, pdf);
        // No default appearance: PoDoFo would add a Helvetica it does not embed (PDF/A forbids it).
        PdfAcroForm* form = document.GetAcroForm(false, ePdfAcroFormDefaultAppearance_None);
        if (!form) refuse(file, "ce PDF n’a pas de formulaire (/AcroForm) : ce n’est pas une lettre de Lettrine");
        // SignaturesExist | AppendOnly (ISO 32000-1, 12.7.2): readers save by incremental update.
        form->GetObject()->GetDictionary().AddKey(PdfName("SigFlags"), PdfObject(static_cast<pdf_int64>(3)));
        draw_appearance(document, field, widget->GetRect(), request);
        return write_signed(document, field, credentials, request);
    } catch (const PdfError& e) {
        throw LettrineError(ErrorKind::Internal, SourcePosition::in_file(file),
                            std::string("PoDoFo : ") + PdfError::ErrorMessage(e.GetError()));
    }
}

}  // namespace lettrine::signing
