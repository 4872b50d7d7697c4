// The Assemblée générale page's routes (engine/web/assembly_desk.hpp does the work).
#include <memory>

#include "web/access.hpp"
#include "web/assembly_desk.hpp"
#include "web/format_choice.hpp"
#include "web/work_pages.hpp"

namespace lettrine::web {

namespace {

const char* const kTitle = "Assemblée générale";

std::string form_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, DataValue data, bool error) {
    if (!data.is_map()) data = DataValue::map();
    add_kept_programme(kit, data);
    add_returned_bilans(kit, data);
    data.set("formats_badges", DataValue::boolean(true));  // the page says the badges stay PDF
    return kit.page(req, res, "assemblee", kTitle, data, error);
}

// The upload's bytes move into the job: the request is answered at once.
void post_assembly(ServerKit& kit, const httplib::Request& req, httplib::Response& res) {
    auto request = std::make_shared<AssemblyRequest>();
    if (!kit.uploaded_files(req, res, request->programme, "programme")) return;
    if (!kit.uploaded_files(req, res, request->assembly, "ag")) return;
    if (!kit.uploaded_files(req, res, request->notes, "notes")) return;
    const std::optional<DecemberSettings> settings = settings_with_formats(kit, req, res, "assemblee");
    if (!settings) return;
    request->returned_bilans = form_field(req, "rendus") == "oui";
    request->duplex = form_field(req, "recto_verso") == "oui";
    kit.start_job(res, kit.job_owner(req), "assemblee", [&kit, request, settings](Progress& progress) {
        request->progress = &progress;
        return assembly_from_upload(kit.workspace, kit.desk, *settings, *request, [&kit](const DataValue& view) {
            return kit.pages.render("assemblee-prete", kTitle + std::string(" : les dossiers sont prêts"), view);
        });
    });
}

}  // namespace

void add_assembly_routes(httplib::Server& http, ServerKit& kit) {
    kit.refusal_pages["assemblee"] = [&kit](const httplib::Request& req, httplib::Response& res, const DataValue& view) {
        return form_page(kit, req, res, view, true);
    };
    http.Get("/assemblee", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.access.allow_staff(req, res)) kit.html(res, 200, form_page(kit, req, res, DataValue::map(), false));
    });
    http.Post("/assemblee", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.staff_post(req, res)) post_assembly(kit, req, res);
    });
}

}  // namespace lettrine::web
