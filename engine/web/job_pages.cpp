#include "web/job_pages.hpp"


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

// `page`: the job's waiting page (PREFIX/ID).
std::string status_json(const std::string& page, const JobState& state) {
    if (finished(state)) {
        const bool made = state.stage == JobState::Stage::Done && !state.outcome.refused;
        const std::string next = made ? "/resultats/" + state.outcome.result_id + "/" : page;
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

void finished_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, const JobState& state) {
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
        const auto page = kit.refusal_pages.find(state.kind);
        if (page == kit.refusal_pages.end()) return not_found(kit, res);
        kit.html(res, 422, page->second(req, res, state.outcome.view));
    } else {
        kit.see_other(res, "/resultats/" + state.outcome.result_id + "/");
    }
}

void waiting_page(ServerKit& kit, const httplib::Request& req, httplib::Response& res, const JobState& state) {
    DataValue data = DataValue::map();
    data.set("rafraichir", DataValue::text("2"));
    data.set("etat_json", DataValue::text(req.path + ".json"));
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

void add_job_routes(httplib::Server& http, ServerKit& kit, const JobAddresses& addresses) {
    // The id is the last group of the path; the owner's groups come before it.
    const auto state_of = [&kit, owner = addresses.owner](const httplib::Request& req) {
        return kit.jobs.find(req.matches[req.matches.size() - 1], owner(req));
    };
    http.Get(addresses.prefix + R"(/([0-9a-f]{32})\.json)", [&kit, state_of](const httplib::Request& req,
                                                                             httplib::Response& res) {
        const std::optional<JobState> state = state_of(req);
        if (!state) return not_found(kit, res);
        res.set_header("Cache-Control", "no-store");
        const std::string page = req.path.substr(0, req.path.size() - std::string(".json").size());
        res.set_content(status_json(page, *state), "application/json; charset=utf-8");
    });
    http.Get(addresses.prefix + R"(/([0-9a-f]{32}))", [&kit, state_of](const httplib::Request& req,
                                                                      httplib::Response& res) {
        const std::optional<JobState> state = state_of(req);
        if (!state) return not_found(kit, res);
        if (finished(*state)) return finished_page(kit, req, res, *state);
        waiting_page(kit, req, res, *state);
    });
}

}  // namespace lettrine::web
