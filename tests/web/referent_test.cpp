// The référents' flow over HTTP: links made from the programme, a sector's
// page through its token, the blank form, a filled bilan to its note, a
// bilan of another sector refused, problems shown in the grid.
#include <map>

#include "data/xlsx_reader.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

httplib::Result send(httplib::Client& client, const std::string& path, const std::string& name, const std::string& bytes) {
    return post_files(client, path, path, {{name, bytes}});
}

class ReferentFlow : public ::testing::Test {
protected:
    RunningServer server;
    httplib::Client client = server.client();
    std::map<std::string, std::string> links;

    void SetUp() override {
        auto made = send(client, "/referents", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx")));
        ASSERT_TRUE(made);
        ASSERT_EQ(made->status, 303) << made->body;
        auto page = client.Get("/referents");
        ASSERT_EQ(page->status, 200);
        links = links_on(page->body);
    }
};

TEST_F(ReferentFlow, OneLinkPerSectorContractedByLesEcossolies) {
    EXPECT_EQ(links.size(), 4u);
    ASSERT_TRUE(links.count("Habitat"));
    auto page = client.Get(links["Habitat"].c_str());
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("Bilan 2016 — Habitat"), std::string::npos);
    EXPECT_NE(page->body.find("<label for=\"fichiers\">Bilan rempli</label>"), std::string::npos);
    auto form = client.Get((links["Habitat"] + "/formulaire").c_str());
    ASSERT_EQ(form->status, 200);
    EXPECT_EQ(form->body.rfind("PK", 0), 0u);
    EXPECT_NE(form->get_header_value("Content-Disposition").find("bilan-2016-habitat.xlsx"), std::string::npos);
    auto unknown = client.Get("/referent/00000000000000000000000000000000");
    EXPECT_EQ(unknown->status, 404);
    EXPECT_NE(unknown->body.find("Lien inconnu ou expiré"), std::string::npos);
}

TEST_F(ReferentFlow, AFilledBilanGivesItsNote) {
    auto sent = send(client, links["Habitat"], "mon bilan.xlsx", slurp(source("input/bilans/bilan-2016-habitat.xlsx")));
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body;
    const std::string base = sent->get_header_value("Location");
    auto page = client.Get(base.c_str());
    EXPECT_NE(page->body.find("Note de bilan — Habitat"), std::string::npos);
    EXPECT_NE(page->body.find("alt=\"Première page de la note de bilan — Habitat\""), std::string::npos);
    auto pdf = client.Get((base + "notes/note-bilan-2016-habitat.pdf").c_str());
    ASSERT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Disposition").rfind("inline", 0), 0u);
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    // Kept where `lettrine rapport --notes` reads the bilans.
    EXPECT_TRUE(fs::is_regular_file(server.folder() / "input/bilans/bilan-2016-habitat.xlsx"));
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST_F(ReferentFlow, ABilanOfAnotherSectorIsRefused) {
    auto sent = send(client, links["Habitat"], "bilan.xlsx", slurp(source("input/bilans/bilan-2016-circuits-courts.xlsx")));
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    EXPECT_NE(sent->body.find("ce bilan est celui du secteur"), std::string::npos);
    EXPECT_NE(sent->body.find("Il y a un problème"), std::string::npos);
    EXPECT_FALSE(fs::exists(server.folder() / "input/bilans"));
}

TEST_F(ReferentFlow, TheBlankFormSentBackShowsItsProblemsInTheGrid) {
    auto form = client.Get((links["Habitat"] + "/formulaire").c_str());
    auto sent = send(client, links["Habitat"], "bilan-vide.xlsx", form->body);
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    EXPECT_NE(sent->body.find("<title>Erreur\u00A0: Bilan 2016 — Habitat"), std::string::npos);
    EXPECT_GE(count_of(sent->body, "<td class=\"fautive\""), 1u) << sent->body.substr(0, 4000);
}

// The programme's XML twin with the bilans' return fields added.
std::string programme_with_return(const std::string& deadline) {
    std::string xml = slurp(source("input/programme-2016.xml"));
    const std::string logo = "logo=\"logo-ecossolies.png\"";
    xml.replace(xml.find(logo), logo.size(),
                logo + " date-limite-bilans=\"" + deadline + "\" depot-bilans=\"https://lettrine.ecossolies.example/\"");
    return xml;
}

TEST(ReferentLinks, LastUntilTheProgrammesDeadlineOnItsPage) {
    RunningServer server;
    auto client = server.client();
    auto made = send(client, "/referents", "programme-2016.xml", programme_with_return("2030-01-31"));
    ASSERT_EQ(made->status, 303) << made->body;
    const std::string page = client.Get("/referents")->body;
    EXPECT_EQ(count_of(page, "<td>31\u00A0janvier\u00A02030</td>"), 4u) << page;
    std::smatch link;
    ASSERT_TRUE(std::regex_search(page, link, std::regex(R"re(<td>Habitat</td><td><a href="https://lettrine\.ecossolies\.example(/referent/[0-9a-f]{32})")re")))
        << page;
    // The form says where to return it (this very link) and by when.
    auto form = client.Get((link[1].str() + "/formulaire").c_str());
    ASSERT_EQ(form->status, 200);
    std::string instructions;
    const Workbook workbook = read_xlsx(form->body, "bilan.xlsx");
    for (const auto& row : workbook.find("Instructions")->rows)
        for (const Cell& cell : row) instructions += cell.text + "\n";
    EXPECT_NE(instructions.find("déposez-le au plus tard le 31\u00A0janvier 2030 sur la page https://lettrine.ecossolies.example" +
                                link[1].str()),
              std::string::npos) << instructions;
}

TEST(ReferentLinks, APastDeadlineIsRefusedAtItsCell) {
    RunningServer server;
    auto client = server.client();
    auto made = send(client, "/referents", "programme-2016.xml", programme_with_return("2017-01-31"));
    ASSERT_TRUE(made);
    EXPECT_EQ(made->status, 422);
    EXPECT_NE(made->body.find("la date limite des bilans (31\u00A0janvier\u00A02017) est passée"), std::string::npos)
        << made->body.substr(0, 3000);
    EXPECT_FALSE(fs::exists(server.folder() / "output/serveur/referents/liens.txt"));
}

}  // namespace
}  // namespace lettrine::web::testing
