// Batches started as jobs (engine/web/batch_jobs, job_pages): the queue
// position while another batch holds the gate, the progress counts, and
// the status route's answers over HTTP.
#include <future>

#include "web/batch_jobs.hpp"
#include "web/job_pages.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

template <typename Check>
JobState wait_for(BatchJobs& jobs, const std::string& id, Check check) {
    for (int i = 0; i < 2000; ++i) {
        const std::optional<JobState> state = jobs.find(id, "moi");
        if (state && check(*state)) return *state;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ADD_FAILURE() << "état attendu jamais atteint";
    return {};
}

TEST(Jobs, QueuePositionThenProgressCountsThenOutcome) {
    BatchGate gate(1, 4);
    ASSERT_TRUE(gate.enter());  // another batch holds the only place
    std::promise<void> halfway_seen;
    std::shared_future<void> may_finish = halfway_seen.get_future().share();
    BatchJobs jobs(gate);
    const std::string id = jobs.start("moi", "decembre", [&](Progress& progress) {
        progress.start("Lettres de mission", 4);
        progress.advance("a.pdf");
        progress.advance("b.pdf");
        may_finish.wait();
        progress.advance("c.pdf");
        DecemberOutcome outcome;
        outcome.result_id = std::string(32, 'a');
        return outcome;
    });
    EXPECT_EQ(id.size(), 32u);
    const JobState waiting = wait_for(jobs, id, [](const JobState& s) { return s.ahead == 1; });
    EXPECT_EQ(waiting.stage, JobState::Stage::Waiting);
    EXPECT_EQ(job_text(waiting), "1 travail avant le vôtre");
    EXPECT_FALSE(jobs.find(id, "quelqu’un d’autre"));
    EXPECT_FALSE(jobs.find(std::string(32, '0'), "moi"));
    gate.leave();
    const JobState running = wait_for(jobs, id, [](const JobState& s) { return s.done == 2; });
    EXPECT_EQ(running.stage, JobState::Stage::Running);
    EXPECT_EQ(running.total, 4u);
    EXPECT_EQ(job_text(running), "Lettres de mission : 2 documents sur 4");
    halfway_seen.set_value();
    const JobState done = wait_for(jobs, id, [](const JobState& s) { return s.stage == JobState::Stage::Done; });
    EXPECT_EQ(done.outcome.result_id, std::string(32, 'a'));
    EXPECT_EQ(gate.ahead(0), 0u);  // the job left the gate
}

TEST(Jobs, TwoWaitingJobsSeeTheirOwnPlace) {
    BatchGate gate(1, 4);
    ASSERT_TRUE(gate.enter());
    BatchJobs jobs(gate);
    auto work = [](Progress&) { return DecemberOutcome{}; };
    const std::string first = jobs.start("moi", "decembre", work);
    wait_for(jobs, first, [](const JobState& s) { return s.ahead == 1; });
    const std::string second = jobs.start("moi", "decembre", work);
    const JobState state = wait_for(jobs, second, [](const JobState& s) { return s.ahead == 2; });
    EXPECT_EQ(job_text(state), "2 travaux avant le vôtre");
    gate.leave();
    wait_for(jobs, second, [](const JobState& s) { return s.stage == JobState::Stage::Done; });
}

TEST(Jobs, StatusRouteOverHttp) {
    RunningServer server;
    auto client = server.client();
    const FormCredentials form = form_credentials(client, "/decembre");
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""},
                                          {"fichiers", slurp(source("input/programme-2016.xlsx")), "programme-2016.xlsx",
                                           "application/octet-stream"}};
    auto posted = client.Post("/decembre", {{"Cookie", form.cookies}}, items);
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 303);
    const std::string waiting = posted->get_header_value("Location");
    ASSERT_EQ(waiting.rfind("/travaux/", 0), 0u) << waiting;
    // Someone else (another form cookie, or none) does not see the job.
    for (const std::string& cookies : {std::string(), std::string("lettrine_formulaire=autre")}) {
        auto foreign = client.Get((waiting + ".json").c_str(), {{"Cookie", cookies}});
        EXPECT_EQ(foreign->status, 404) << cookies;
        EXPECT_NE(foreign->body.find("Travail introuvable"), std::string::npos);
    }
    auto unknown = client.Get("/travaux/0123456789abcdef0123456789abcdef", {{"Cookie", form.cookies}});
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("Ce travail n’existe pas"), std::string::npos);
    // The JSON state until it is finished, then the result's address.
    std::string json;
    for (int i = 0; i < 600; ++i) {
        auto state = client.Get((waiting + ".json").c_str(), {{"Cookie", form.cookies}});
        ASSERT_EQ(state->status, 200);
        EXPECT_EQ(state->get_header_value("Content-Type"), "application/json; charset=utf-8");
        json = state->body;
        if (json.find("\"fini\"") != std::string::npos) break;
        EXPECT_NE(json.find("\"texte\":"), std::string::npos) << json;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(json.rfind("{\"etat\":\"fini\",\"adresse\":\"/resultats/", 0), 0u) << json;
    auto final_page = client.Get(waiting.c_str(), {{"Cookie", form.cookies}});
    ASSERT_EQ(final_page->status, 303);
    EXPECT_NE(json.find(final_page->get_header_value("Location")), std::string::npos);
    auto result = client.Get(final_page->get_header_value("Location").c_str());
    EXPECT_EQ(result->status, 200);
    EXPECT_EQ(count_of(result->body, "<li class=\"carte\">"), 4u);
}

TEST(Jobs, AWaitingPageWorksWithoutScript) {
    RunningServer server;
    auto client = server.client();
    const FormCredentials form = form_credentials(client, "/decembre");
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""},
                                          {"fichiers", slurp(source("input/programme-2016.xlsx")), "programme-2016.xlsx",
                                           "application/octet-stream"}};
    auto posted = client.Post("/decembre", {{"Cookie", form.cookies}}, items);
    auto page = client.Get(posted->get_header_value("Location").c_str(), {{"Cookie", form.cookies}});
    ASSERT_TRUE(page);
    if (page->status == 200) {  // still running: the page refreshes itself and says where it stands
        EXPECT_NE(page->body.find("<meta http-equiv=\"refresh\" content=\"2\">"), std::string::npos);
        EXPECT_NE(page->body.find("role=\"progressbar\""), std::string::npos);
        EXPECT_NE(page->body.find("aria-live=\"polite\""), std::string::npos);
    } else {
        EXPECT_EQ(page->status, 303);
    }
    auto done = follow_job(client, std::move(posted), form.cookies);
    EXPECT_EQ(done->status, 303);
}

}  // namespace
}  // namespace lettrine::web::testing
