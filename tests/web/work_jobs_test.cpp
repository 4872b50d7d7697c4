// The référent, Rapport, Assemblée générale and Publipostage pages run their
// batch as a job, like Décembre (engine/web/job_pages): the POST answers at
// once with the job's waiting page, which becomes the result page (or the
// form with every positioned problem); only the session, or the référent's
// link, that started a job may follow it: anyone else gets the French 404.
#include <map>

#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

FormPart programme_part() {
    return {"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))};
}

// A job just started: its waiting page and the cookies that started it.
struct Started {
    std::string waiting;
    std::string cookies;
};

// Posts `parts` from the form of `page` to `path` without following the answer,
// which must send the browser to a job's waiting page (under `prefix`).
Started start(httplib::Client& client, const std::string& page, const std::string& path,
              const std::vector<FormPart>& parts, const std::string& prefix = "/travaux/") {
    const FormCredentials form = form_credentials(client, page);
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""}};
    for (const FormPart& p : parts)
        items.push_back({p.field, p.bytes, p.name, p.name.empty() ? "" : "application/octet-stream"});
    auto posted = client.Post(path.c_str(), {{"Cookie", form.cookies}}, items);
    EXPECT_TRUE(posted);
    if (!posted) return {};
    EXPECT_EQ(posted->status, 303) << posted->body.substr(0, 3000);
    const std::string waiting = posted->get_header_value("Location");
    EXPECT_EQ(waiting.rfind(prefix, 0), 0u) << waiting;
    return {waiting, form.cookies};
}

// The waiting page while the job runs (a bar, refreshed without script), or already its answer.
void expect_waiting_page_or_answer(httplib::Client& client, const Started& job) {
    auto page = client.Get(job.waiting.c_str(), {{"Cookie", job.cookies}});
    ASSERT_TRUE(page);
    if (page->status == 200) {
        EXPECT_NE(page->body.find("role=\"progressbar\""), std::string::npos);
        EXPECT_NE(page->body.find("data-travail=\"" + job.waiting + ".json\""), std::string::npos);
        EXPECT_NE(page->body.find("<meta http-equiv=\"refresh\""), std::string::npos);
    } else {
        EXPECT_TRUE(page->status == 303 || page->status == 422) << page->status;
    }
}

void expect_not_found(httplib::Client& client, const std::string& path, const std::string& cookies) {
    auto page = client.Get(path.c_str(), {{"Cookie", cookies}});
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 404) << path << " " << cookies;
    EXPECT_NE(page->body.find("Travail introuvable"), std::string::npos) << path;
}

// Another form cookie (another browser), and none, see neither the page nor its state.
void expect_hidden_from_others(httplib::Client& client, const Started& job) {
    for (const std::string& cookies : {std::string(), std::string("lettrine_formulaire=quelqu-un-d-autre")}) {
        expect_not_found(client, job.waiting, cookies);
        expect_not_found(client, job.waiting + ".json", cookies);
    }
}

// The job's answer once it is finished (its waiting page asked again, as its refresh does).
httplib::Result answer_of(httplib::Client& client, const Started& job) {
    auto page = client.Get(job.waiting.c_str(), {{"Cookie", job.cookies}});
    for (int tries = 0; tries < 2400 && page && page->status == 200; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        page = client.Get(job.waiting.c_str(), {{"Cookie", job.cookies}});
    }
    return page;
}

// The result page's address the finished job sends to.
std::string result_of(httplib::Client& client, const Started& job) {
    auto done = answer_of(client, job);
    EXPECT_TRUE(done);
    if (!done) return "";
    EXPECT_EQ(done->status, 303) << done->body.substr(0, 3000);
    return done->get_header_value("Location");
}

TEST(WorkJobs, TheReportIsAJobFollowedFromItsSessionOnly) {
    RunningServer server;
    auto client = server.client();
    std::vector<FormPart> parts{programme_part()};
    for (const char* name : {"bilan-2016-circuits-courts.xlsx", "bilan-2016-habitat.xlsx"})
        parts.push_back({"notes", name, slurp(source(std::string("input/bilans/") + name))});
    const Started job = start(client, "/rapport", "/rapport", parts);
    expect_waiting_page_or_answer(client, job);
    expect_hidden_from_others(client, job);
    const std::string result = result_of(client, job);
    ASSERT_EQ(result.rfind("/resultats/", 0), 0u) << result;
    auto page = client.Get(result.c_str());
    EXPECT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("rapport-activite-2016.pdf"), std::string::npos);
}

TEST(WorkJobs, TheAssemblyIsAJobAndItsRefusalKeepsThePositions) {
    RunningServer server;
    auto client = server.client();
    const Started job = start(client, "/assemblee", "/assemblee",
                              {programme_part(), {"ag", "ag-2016.xlsx", slurp(source("input/ag-2016.xlsx"))}});
    expect_waiting_page_or_answer(client, job);
    expect_hidden_from_others(client, job);
    const std::string result = result_of(client, job);
    ASSERT_EQ(result.rfind("/resultats/", 0), 0u) << result;
    EXPECT_NE(client.Get(result.c_str())->body.find("dossier-ag-2016.pdf"), std::string::npos);

    // A faulty workbook: the job ends on the form with every positioned message.
    std::string xml = slurp(source("input/ag-2016.xml"));
    const std::string room = "salle=\"Salle Erdre\" debut=\"14 h\"";
    ASSERT_NE(xml.find(room), std::string::npos);
    xml.replace(xml.find(room), room.size(), "salle=\"Salle Erdre\" debut=\"deux heures\"");
    const Started faulty = start(client, "/assemblee", "/assemblee", {programme_part(), {"ag", "ag-2016.xml", xml}});
    auto refused = answer_of(client, faulty);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("<title>Erreur\u00A0: Assemblée générale"), std::string::npos);
    EXPECT_NE(refused->body.find("deux heures"), std::string::npos) << refused->body.substr(0, 4000);
    EXPECT_NE(refused->body.find("<td>ag-2016.xml</td><td>ligne 26"), std::string::npos);
    // The refusal too is shown to its owner alone.
    expect_not_found(client, faulty.waiting, "lettrine_formulaire=quelqu-un-d-autre");
}

TEST(WorkJobs, TheMergeIsAJobFollowedFromItsSessionOnly) {
    RunningServer server;
    auto client = server.client();
    const Started job = start(client, "/publipostage", "/publipostage",
                              {{"modele", "invitation.xml.mustache", slurp(source("samples/fusion/invitation.xml.mustache"))},
                               {"donnees", "destinataires.xml", slurp(source("samples/fusion/destinataires.xml"))},
                               {"chaque", "", "destinataire"},
                               {"nom", "", "nom"}});
    expect_waiting_page_or_answer(client, job);
    expect_hidden_from_others(client, job);
    const std::string result = result_of(client, job);
    ASSERT_EQ(result.rfind("/resultats/", 0), 0u) << result;
    EXPECT_EQ(client.Get(result.c_str())->status, 200);
}

TEST(WorkJobs, AReferentsJobIsFollowedThroughItsLinkAlone) {
    RunningServer server;
    auto client = server.client();
    auto made = post_files(client, "/referents", "/referents", {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    ASSERT_EQ(made->status, 303);
    std::map<std::string, std::string> links = links_on(client.Get("/referents")->body);
    ASSERT_TRUE(links.count("Habitat"));
    const std::string habitat = links["Habitat"];
    const std::string other = links.rbegin()->second == habitat ? links.begin()->second : links.rbegin()->second;
    const Started job = start(client, habitat, habitat,
                              {{"fichiers", "bilan.xlsx", slurp(source("input/bilans/bilan-2016-habitat.xlsx"))}},
                              habitat + "/travaux/");
    expect_waiting_page_or_answer(client, job);
    const std::string id = job.waiting.substr(job.waiting.rfind('/') + 1);
    // Not through another sector's link, nor as a staff job, even from the same browser.
    expect_not_found(client, other + "/travaux/" + id, job.cookies);
    expect_not_found(client, other + "/travaux/" + id + ".json", job.cookies);
    expect_not_found(client, "/travaux/" + id, job.cookies);
    expect_not_found(client, "/travaux/" + id + ".json", job.cookies);
    // Through its link, from any browser: the link is the référent's key.
    const std::string result = result_of(client, {job.waiting, ""});
    ASSERT_EQ(result.rfind("/resultats/", 0), 0u) << result;
    EXPECT_NE(client.Get(result.c_str())->body.find("Note de bilan — Habitat"), std::string::npos);

    // Another sector's bilan: the job ends on the référent's page with the refusal.
    const Started wrong = start(client, habitat, habitat,
                                {{"fichiers", "bilan.xlsx", slurp(source("input/bilans/bilan-2016-circuits-courts.xlsx"))}},
                                habitat + "/travaux/");
    auto refused = answer_of(client, {wrong.waiting, ""});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("ce bilan est celui du secteur"), std::string::npos);
    EXPECT_NE(refused->body.find("<title>Erreur\u00A0: Bilan 2016 — Habitat"), std::string::npos);
}

}  // namespace
}  // namespace lettrine::web::testing
