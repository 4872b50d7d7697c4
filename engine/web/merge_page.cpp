// The Publipostage page's routes (engine/web/merge_desk.hpp does the work).
#include <memory>

#include "web/access.hpp"
#include "web/merge_desk.hpp"
#include "web/work_pages.hpp"

namespace lettrine::web {

namespace {

const char* const kTitle = "Publipostage";

// What was typed comes back with the form (a refusal's view keeps it).
void keep_typed(DataValue& data, const MergeRequest& sent) {
    data.set("chaque", DataValue::text(sent.each));
    data.set("nom", DataValue::text(sent.name_field));
    data.set("un_fichier", DataValue::boolean(sent.single_file));
}

std::string form_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, DataValue data, bool error) {
    if (!data.is_map()) data = DataValue::map();
    if (!error) keep_typed(data, {});
    return kit.page(req, res, "publipostage", kTitle, data, error);
}

// The upload's bytes move into the job: the request is answered at once.
void post_merge(ServerKit& kit, const httplib::Request& req, httplib::Response& res) {
    auto request = std::make_shared<MergeRequest>();
    if (!kit.uploaded_files(req, res, request->template_file, "modele")) return;
    if (!kit.uploaded_files(req, res, request->data, "donnees")) return;
    request->each = form_field(req, "chaque");
    request->name_field = form_field(req, "nom");
    request->single_file = form_field(req, "un_fichier") == "oui";
    kit.start_job(res, kit.job_owner(req), "publipostage", [&kit, request](Progress& progress) {
        request->progress = &progress;
        DecemberOutcome outcome = merge_from_upload(kit.workspace, kit.december, *request, [&kit](const DataValue& view) {
            return kit.pages.render("publipostage-pret", kTitle + std::string(" : les documents sont prêts"), view);
        });
        if (outcome.refused) keep_typed(outcome.view, *request);
        return outcome;
    });
}

}  // namespace

void add_merge_routes(httplib::Server& http, ServerKit& kit) {
    kit.refusal_pages["publipostage"] = [&kit](const httplib::Request& req, httplib::Response& res,
                                               const DataValue& view) { return form_page(kit, req, res, view, true); };
    http.Get("/publipostage", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.access.allow_staff(req, res)) kit.html(res, 200, form_page(kit, req, res, DataValue::map(), false));
    });
    http.Post("/publipostage", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.staff_post(req, res)) post_merge(kit, req, res);
    });
}

}  // namespace lettrine::web
