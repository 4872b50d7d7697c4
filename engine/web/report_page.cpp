// The Rapport d'activité page's routes (engine/web/report_desk.hpp does the work).
#include <memory>

#include "web/access.hpp"
#include "web/format_choice.hpp"
#include "web/report_desk.hpp"
#include "web/work_pages.hpp"

namespace lettrine::web {

namespace {

const char* const kTitle = "Rapport d’activité";

std::string form_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, DataValue data, bool error) {
    if (!data.is_map()) data = DataValue::map();
    add_returned_bilans(kit, data);
    add_kept_programme(kit, data);
    return kit.page(req, res, "rapport", kTitle, data, error);
}

// The upload's bytes move into the job: the request is answered at once.
void post_report(ServerKit& kit, const httplib::Request& req, httplib::Response& res) {
    auto request = std::make_shared<ReportRequest>();
    if (!kit.uploaded_files(req, res, request->programme, "programme")) return;
    if (!kit.uploaded_files(req, res, request->notes, "notes")) return;
    const std::optional<DecemberSettings> settings = settings_with_formats(kit, req, res, "rapport");
    if (!settings) return;
    request->returned_bilans = form_field(req, "rendus") == "oui";
    request->duplex = form_field(req, "recto_verso") == "oui";
    kit.start_job(res, kit.job_owner(req), "rapport", [&kit, request, settings](Progress& progress) {
        request->progress = &progress;
        return report_from_upload(kit.workspace, kit.desk, *settings, *request, [&kit](const DataValue& view) {
            return kit.pages.render("rapport-pret", kTitle + std::string(" : le rapport est prêt"), view);
        });
    });
}

}  // namespace

void add_report_routes(httplib::Server& http, ServerKit& kit) {
    kit.refusal_pages["rapport"] = [&kit](const httplib::Request& req, httplib::Response& res, const DataValue& view) {
        return form_page(kit, req, res, view, true);
    };
    http.Get("/rapport", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.access.allow_staff(req, res)) kit.html(res, 200, form_page(kit, req, res, DataValue::map(), false));
    });
    http.Post("/rapport", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.staff_post(req, res)) post_report(kit, req, res);
    });
}

}  // namespace lettrine::web
