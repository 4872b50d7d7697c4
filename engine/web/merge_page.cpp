// The Publipostage page's routes (engine/web/merge_desk.hpp does the work).
#include "web/access.hpp"
#include "web/merge_desk.hpp"
#include "web/work_pages.hpp"

namespace lettrine::web {

namespace {

const char* const kTitle = "Publipostage";

std::string form_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, DataValue data, bool error,
                      const MergeRequest& sent = {}) {
    if (!data.is_map()) data = DataValue::map();
    // What was typed comes back with the form.
    data.set("chaque", DataValue::text(sent.each));
    data.set("nom", DataValue::text(sent.name_field));
    data.set("un_fichier", DataValue::boolean(sent.single_file));
    return kit.page(req, res, "publipostage", kTitle, data, error);
}

void post_merge(ServerKit& kit, const httplib::Request& req, httplib::Response& res) {
    MergeRequest request;
    if (!kit.uploaded_files(req, res, request.template_file, "modele")) return;
    if (!kit.uploaded_files(req, res, request.data, "donnees")) return;
    request.each = form_field(req, "chaque");
    request.name_field = form_field(req, "nom");
    request.single_file = form_field(req, "un_fichier") == "oui";
    if (!kit.enter_queue(res)) return;
    BatchTurn turn{kit.gate};
    const DecemberOutcome outcome = merge_from_upload(kit.workspace, kit.december, request, [&](const DataValue& view) {
        return kit.pages.render("publipostage-pret", kTitle + std::string(" : les documents sont prêts"), view);
    });
    answer_outcome(kit, req, res, outcome,
                   [&](const DataValue& view) { return form_page(kit, req, res, view, true, request); });
}

}  // namespace

void add_merge_routes(httplib::Server& http, ServerKit& kit) {
    http.Get("/publipostage", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.access.allow_staff(req, res)) kit.html(res, 200, form_page(kit, req, res, DataValue::map(), false));
    });
    http.Post("/publipostage", [&kit](const httplib::Request& req, httplib::Response& res) {
        if (kit.staff_post(req, res)) post_merge(kit, req, res);
    });
}

}  // namespace lettrine::web
