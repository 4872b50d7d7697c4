#include "signing/appearance.hpp"

#include <podofo/podofo.h>

#include <algorithm>

#include "signing/openssl_text.hpp"

using namespace PoDoFo;

namespace lettrine::signing {

namespace {

constexpr const char* kFontFile = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
constexpr double kMargin = 3;     // points, inside the field
constexpr double kMaxSize = 9;    // points: the letter's small print
constexpr double kMinSize = 5;
constexpr double kLeading = 1.25;  // line height / font size
constexpr double kBlue[3] = {0.12, 0.31, 0.47};  // the letters' titles' colour (#1F4E79)

PdfString utf8(const std::string& text) { return PdfString(reinterpret_cast<const pdf_utf8*>(text.c_str())); }

}  // namespace

std::vector<std::string> appearance_lines(const SignatureRequest& request) {
    std::vector<std::string> lines{"Signé électroniquement par"};
    lines.push_back(request.signer_name);
    if (!request.signer_role.empty()) lines.push_back(request.signer_role);
    lines.push_back("le " + date_time_in_french(request.when));
    return lines;
}

void draw_appearance(PdfMemDocument& document, PdfSignatureField& field, const PdfRect& rect,
                     const SignatureRequest& request) {
    const double width = rect.GetWidth(), height = rect.GetHeight();
    PdfXObject appearance(PdfRect(0, 0, width, height), &document);
    PdfFont* font = document.CreateFontSubset("Liberation Sans", false, false, false,
                                              PdfEncodingFactory::GlobalIdentityEncodingInstance(), kFontFile);
    if (!font) PODOFO_RAISE_ERROR_INFO(ePdfError_InvalidHandle, kFontFile);
    const std::vector<std::string> lines = appearance_lines(request);
    // The largest size at which every line fits the field, within bounds.
    double size = std::min(kMaxSize, (height - 2 * kMargin) / (kLeading * lines.size()));
    font->SetFontSize(1);
    for (const std::string& line : lines) {
        const double at_one = font->GetFontMetrics()->StringWidth(utf8(line));
        if (at_one > 0) size = std::min(size, (width - 2 * kMargin) / at_one);
    }
    size = std::max(size, kMinSize);
    font->SetFontSize(static_cast<float>(size));

    PdfPainter painter;
    painter.SetPage(&appearance);
    painter.SetFont(font);
    painter.SetColor(kBlue[0], kBlue[1], kBlue[2]);
    double baseline = height - kMargin - size;
    for (const std::string& line : lines) {
        painter.DrawText(kMargin, baseline, utf8(line));
        baseline -= size * kLeading;
    }
    painter.FinishPage();
    field.SetAppearanceStream(&appearance);
}

}  // namespace lettrine::signing
