#include "web/job_pages.hpp"

#include <memory>

namespace lettrine::web {

namespace {

std::string json_text(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) continue;
        out += c;
    }
    return out + "\"";
}

bool finished(const JobState& state) {
    return state.stage != JobState::Stage::Waiting && state.stage != JobState::Stage::Running;
}

std::string status_json(const std::string& id, const JobState& state) {
    if (finished(state)) {
        const bool made = state.stage == JobState::Stage::Done && !state.outcome.refused;
        const std::string next = made ? "/resultats/" + state.outcome.result_id + "/" : "/travaux/" + id;
        return "{\"etat\":\"fini\",\"adresse\":" + json_text(next) + "}";
    }
    const bool waiting = state.stage == JobState::Stage::Waiting;
    return std::string("{\"etat\":") + (waiting ? "\"attente\"" : "\"en_cours\"") +
           ",\"avant\":" + std::to_string(state.ahead) + ",\"fait\":" + std::to_string(state.done) +
           ",\"total\":" + std::to_string(state.total) + ",\"texte\":" + json_text(job_text(state)) + "}";
}

void not_found(ServerKit& kit, httplib::Response& res) {
    kit.html(res, 404, kit.pages.message("Travail introuvable",
                                         "Ce travail n’existe pas, n’est plus conservé ou a été lancé depuis une autre "
                                         "session. Envoyez de nouveau vos fichiers depuis la page du travail."));
}

void finished_page(ServerKit& kit, const std::map<std::string, RefusalPage>& refusals, const httplib::Request& req,
                   httplib::Response& res, const JobState& state) {
    if (state.stage == JobState::Stage::Busy) {
        res.set_header("Retry-After", "30");
        kit.html(res, 503, kit.pages.message("Serveur occupé",
                                             "Lettrine prépare déjà les documents d’autres envois et d’autres attendent "
                                             "leur tour. Réessayez dans une minute : votre fichier n’a pas été gardé."));
    } else if (state.stage == JobState::Stage::Failed) {
        kit.html(res, 500, kit.pages.message("Erreur du serveur",
                                             "Lettrine n’a pas pu terminer ce travail. Réessayez ; si le problème "
                                             "revient, transmettez l’heure de l’essai à la personne qui s’occupe de "
                                             "Lettrine."));
    } else if (state.outcome.refused) {
        const auto page = refusals.find(state.kind);
        if (page == refusals.end()) return not_found(kit, res);
        kit.html(res, 422, page->second(req, res, state.outcome.view));
    } else {
        kit.see_other(res, "/resultats/" + state.outcome.result_id + "/");
    }
}

void waiting_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, const std::string& id,
                  const JobState& state) {
    DataValue data = DataValue::map();
    data.set("rafraichir", DataValue::text("2"));
    data.set("etat_json", DataValue::text("/travaux/" + id + ".json"));
    data.set("texte", DataValue::text(job_text(state)));
    data.set("fait", DataValue::text(std::to_string(state.done)));
    data.set("total", DataValue::text(std::to_string(state.total)));
    data.set("en_cours", DataValue::boolean(state.stage == JobState::Stage::Running && state.total > 0));
    kit.html(res, 200, kit.page(req, res, "travail", "Préparation des documents", data));
}

}  // namespace

std::string job_text(const JobState& state) {
    if (state.stage == JobState::Stage::Waiting) {
        if (state.ahead == 0) return "Votre travail commence…";
        return state.ahead == 1 ? "1 travail avant le vôtre" : std::to_string(state.ahead) + " travaux avant le vôtre";
    }
    if (state.total == 0) return "Lecture des fichiers envoyés…";
    const std::string unit = state.done <= 1 ? " document" : " documents";
    return state.label + " : " + std::to_string(state.done) + unit + " sur " + std::to_string(state.total);
}

void add_job_routes(httplib::Server& http, ServerKit& kit, std::map<std::string, RefusalPage> refusal_pages) {
    auto refusals = std::make_shared<std::map<std::string, RefusalPage>>(std::move(refusal_pages));
    http.Get(R"(/travaux/([0-9a-f]{32})\.json)", [&kit](const httplib::Request& req, httplib::Response& res) {
        const std::optional<JobState> state = kit.jobs.find(req.matches[1], kit.job_owner(req));
        if (!state) return not_found(kit, res);
        res.set_header("Cache-Control", "no-store");
        res.set_content(status_json(req.matches[1], *state), "application/json; charset=utf-8");
    });
    http.Get(R"(/travaux/([0-9a-f]{32}))", [&kit, refusals](const httplib::Request& req, httplib::Response& res) {
        const std::optional<JobState> state = kit.jobs.find(req.matches[1], kit.job_owner(req));
        if (!state) return not_found(kit, res);
        if (finished(*state)) return finished_page(kit, *refusals, req, res, *state);
        waiting_page(kit, req, res, req.matches[1], *state);
    });
}

}  // namespace lettrine::web
