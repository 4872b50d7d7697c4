#pragma once
// The formats a page's form asks for: the PDF always, and, when ticked in
// its « Formats » fieldset (templates/web/formats.html.mustache), the
// editable ODT and DOCX beside it, made by the same jobs as `--format
// pdf,odt,docx`. The choice is remembered for the browser's session in a
// cookie, and the result pages offer each editable file as a download next
// to its PDF (« Modifier dans Word (.docx, 30 Ko) »).
#include <optional>
#include <string>
#include <vector>

#include <boost/filesystem.hpp>
#include <httplib.h>

#include "data/value.hpp"
#include "pipeline/output_formats.hpp"

namespace lettrine::web {

struct ServerKit;
struct DecemberSettings;

// The form's checkboxes (name="formats", value = a format's name).
inline constexpr const char* kFormatsField = "formats";
// The last choice, for the next form of the session: "odt-docx", or "pdf".
inline constexpr const char* kFormatsCookie = "lettrine_formats";

struct FormatChoice {
    std::vector<const OutputFormat*> formats;  // the PDF first, then the others in the table's order
    std::string refusal;                       // set (in French) when a value names no format
};

// The formats of the form's « formats » fields (none ticked: the PDF only).
FormatChoice chosen_formats(const httplib::Request& req);

// The server's settings with the form's formats, the choice remembered in
// the cookie; or, for a value that names no format, `res` is the page of
// `kind` (« decembre », « referent »…) with the refusal (422) and nothing.
std::optional<DecemberSettings> settings_with_formats(ServerKit& kit, const httplib::Request& req,
                                                      httplib::Response& res, const std::string& kind);

// « format_odt », « format_docx »: ticked in the form as the session's last
// choice (the cookie) had them.
void add_format_fields(const httplib::Request& req, DataValue& data);

// The editable twins of `relative_pdf` (same folder and base name) that
// `formats` made in `output`, as a card shows them: « modifiables » (each:
// « fichier », « logiciel », « extension », « taille », « objet » = `what`)
// and « avec_modifiables », set on `card`; each file added to `served`.
void add_editable_links(DataValue& card, const boost::filesystem::path& output, const std::string& relative_pdf,
                        const std::vector<const OutputFormat*>& formats, const std::string& what,
                        std::vector<std::string>& served);

// The Content-Type a result file is downloaded with, by its extension
// (".docx"); "application/octet-stream" for one Lettrine does not write.
std::string download_type(const std::string& extension);

}  // namespace lettrine::web
