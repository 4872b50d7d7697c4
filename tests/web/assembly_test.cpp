// The Assemblée générale page over HTTP: the AG workbook gives the workshop
// packs, the émargements, the combined dossier and the badges (read back
// with pdftotext, and in the ZIP); a faulty file gives every positioned
// message.
#include <zip.h>

#include "support/pdf_tools.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

FormPart programme_part() {
    return {"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))};
}

std::vector<std::string> zip_names(const std::string& bytes) {
    std::vector<std::string> names;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = src ? zip_open_from_source(src, ZIP_RDONLY, &error) : nullptr;
    if (!archive) return names;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) names.push_back(zip_get_name(archive, i, 0));
    zip_close(archive);
    return names;
}

TEST(AssemblyPage, TheWorkbookGivesThePacksTheEmargementsTheDossierAndTheBadges) {
    RunningServer server;
    auto client = server.client();
    auto form = client.Get("/assemblee");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("<label for=\"ag\">Classeur de l’assemblée générale</label>"), std::string::npos);
    auto sent = post_form(client, "/assemblee", "/assemblee",
                          {programme_part(), {"ag", "AG juin 2016.xlsx", slurp(source("input/ag-2016.xlsx"))}});
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 6000);
    const std::string base = sent->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<h1>Assemblée générale 2016</h1>"), std::string::npos) << page;
    EXPECT_NE(page.find("alt=\"Première page du dossier d’atelier — Habitat\""), std::string::npos) << page;
    EXPECT_NE(page.find("Feuille d’émargement — Habitat"), std::string::npos);
    EXPECT_NE(page.find("alt=\"Première planche de badges\""), std::string::npos);
    EXPECT_NE(page.find("alt=\"Première page du dossier complet\""), std::string::npos);

    auto zip = client.Get((base + "lettrine-ag-2016.zip").c_str());
    ASSERT_EQ(zip->status, 200);
    const std::vector<std::string> names = zip_names(zip->body);
    for (const char* expected : {"ag-2016/dossier-atelier-habitat.pdf", "ag-2016/emargement-habitat.pdf",
                                 "ag-2016/dossier-ag-2016.pdf", "ag-2016/badges-2016.pdf"})
        EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;

    auto pack = client.Get((base + "ag-2016/dossier-atelier-habitat.pdf").c_str());
    ASSERT_EQ(pack->status, 200);
    EXPECT_NE(test_support::pdf_text_of_bytes(pack->body).find("Habitat"), std::string::npos);
    // The same bytes as `lettrine atelier` from the same inputs.
    const fs::path cli = server.folder() / "cli";
    const auto [code, out] = run_lettrine("atelier --sortie " + cli.string(), "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    EXPECT_EQ(slurp(cli / "ag-2016/dossier-atelier-habitat.pdf"), pack->body);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(AssemblyPage, AFaultyFileGivesEveryPositionedMessage) {
    RunningServer server;
    auto client = server.client();
    std::string xml = slurp(source("input/ag-2016.xml"));
    const std::string sector = "<atelier secteur=\"services-aux-personnes\"";
    xml.replace(xml.find(sector), sector.size(), "<atelier secteur=\"services-a-la-personne\"");
    const std::string room = "salle=\"Salle Erdre\" debut=\"14 h\"";
    xml.replace(xml.find(room), room.size(), "salle=\"Salle Erdre\" debut=\"deux heures\"");
    auto sent = post_form(client, "/assemblee", "/assemblee", {programme_part(), {"ag", "ag-2016.xml", xml}});
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    const std::string& page = sent->body;
    EXPECT_NE(page.find("<title>Erreur\u00A0: Assemblée générale"), std::string::npos);
    EXPECT_NE(page.find("services-a-la-personne"), std::string::npos) << page.substr(0, 5000);
    EXPECT_NE(page.find("deux heures"), std::string::npos) << page.substr(0, 5000);
    EXPECT_NE(page.find("<td>ag-2016.xml</td><td>ligne 26"), std::string::npos) << page.substr(0, 5000);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);

    auto wrong = post_form(client, "/assemblee", "/assemblee", {programme_part(), {"ag", "ag.ods", "PK"}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_NE(wrong->body.find("format non reconnu pour l’assemblée générale"), std::string::npos);
}

// The packs' « Le secteur en bref » takes the key figures of the notes sent
// with the workbook (as `lettrine atelier --notes`); a bilan of a year the
// AG cannot take is refused, named as it was sent.
TEST(AssemblyPage, TheNotesSentGiveThePacksKeyFigures) {
    RunningServer server;
    auto client = server.client();
    const FormPart workbook{"ag", "ag-2016.xlsx", slurp(source("input/ag-2016.xlsx"))};
    const std::string bilan = slurp(source("input/bilans/bilan-2016-dechets-ressources.xml"));
    auto sent = post_form(client, "/assemblee", "/assemblee",
                          {programme_part(), workbook, {"notes", "mon bilan déchets.xml", bilan}});
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 5000);
    const std::string base = sent->get_header_value("Location");
    auto page = client.Get(base.c_str());
    EXPECT_NE(page->body.find("Notes\u00A0: mon bilan déchets.xml"), std::string::npos) << page->body.substr(0, 3000);
    fs::path pack;
    for (fs::recursive_directory_iterator it(server.folder() / "output/serveur/resultats"), end; it != end; ++it)
        if (it->path().filename() == "dossier-atelier-dechets-ressources.pdf") pack = it->path();
    ASSERT_FALSE(pack.empty());
    EXPECT_NE(test_support::pdf_text(pack).find("Chiffres clés du bilan 2016"), std::string::npos);

    std::string old = bilan;
    for (std::size_t at = old.find("2016"); at != std::string::npos; at = old.find("2016", at)) old.replace(at, 4, "2014");
    auto refused = post_form(client, "/assemblee", "/assemblee",
                             {programme_part(), workbook, {"notes", "ancien bilan.xml", old}});
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 422);
    EXPECT_NE(refused->body.find("ancien bilan.xml"), std::string::npos) << refused->body.substr(0, 5000);
    EXPECT_NE(refused->body.find("ce bilan est celui de l’année 2014"), std::string::npos) << refused->body.substr(0, 5000);
}

}  // namespace
}  // namespace lettrine::web::testing
