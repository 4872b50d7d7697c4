// The Publipostage page over HTTP: the sample invitation over its
// recipients gives one PDF per record (read back with pdftotext) or one
// file; a field the data lacks is reported, positioned in the template.
#include "support/pdf_tools.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

std::vector<FormPart> invitation(const std::string& each = "destinataire", const std::string& template_text = "") {
    return {{"modele", "invitation.xml.mustache",
             template_text.empty() ? slurp(source("samples/fusion/invitation.xml.mustache")) : template_text},
            {"donnees", "destinataires.xml", slurp(source("samples/fusion/destinataires.xml"))},
            {"chaque", "", each},
            {"nom", "", "nom"}};
}

TEST(MergePage, OnePdfPerRecordWithTheCommandLinesBytes) {
    RunningServer server;
    auto client = server.client();
    auto form = client.Get("/publipostage");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("<label for=\"modele\">Modèle du document</label>"), std::string::npos);
    auto sent = post_form(client, "/publipostage", "/publipostage", invitation());
    ASSERT_TRUE(sent);
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 6000);
    const std::string base = sent->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<h1>Publipostage\u00A0: 3 PDF</h1>"), std::string::npos) << page;
    EXPECT_NE(page.find("alt=\"Première page de exemple.pdf\""), std::string::npos) << page;
    auto pdf = client.Get((base + "publipostage/exemple.pdf").c_str());
    ASSERT_EQ(pdf->status, 200);
    const std::string text = test_support::pdf_text_of_bytes(pdf->body);
    EXPECT_NE(text.find("Camille Exemple"), std::string::npos) << text;
    EXPECT_NE(text.find("Circuits courts et alimentation"), std::string::npos);
    const fs::path cli = server.folder() / "cli";
    const auto [code, out] = run_lettrine("fusion --modele samples/fusion/invitation.xml.mustache --donnees "
                                          "samples/fusion/destinataires.xml --chaque destinataire --nom nom --sortie " +
                                              cli.string(),
                                          "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    EXPECT_EQ(slurp(cli / "exemple.pdf"), pdf->body);
    EXPECT_EQ(client.Get((base + "publipostage.zip").c_str())->status, 200);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(MergePage, OneFileForEveryRecord) {
    RunningServer server;
    auto client = server.client();
    std::vector<FormPart> parts = invitation();
    parts.push_back({"un_fichier", "", "oui"});
    auto sent = post_form(client, "/publipostage", "/publipostage", parts);
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 6000);
    const std::string base = sent->get_header_value("Location");
    auto pdf = client.Get((base + "invitation.pdf").c_str());
    ASSERT_EQ(pdf->status, 200);
    const std::string text = test_support::pdf_text_of_bytes(pdf->body);
    for (const char* who : {"Camille Exemple", "Dominique Modèle", "Élise Fictive"})
        EXPECT_NE(text.find(who), std::string::npos) << who;
}

TEST(MergePage, FieldsTheDataLacksArePositionedInTheTemplate) {
    RunningServer server;
    auto client = server.client();
    std::string model = slurp(source("samples/fusion/invitation.xml.mustache"));
    const std::string civility = "<p>{{civilite}},</p>";
    model.replace(model.find(civility), civility.size(), "<p>{{civilitee}}, {{telephone}}</p>");
    auto sent = post_form(client, "/publipostage", "/publipostage", invitation("destinataire", model));
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    const std::string& page = sent->body;
    EXPECT_NE(page.find("<title>Erreur\u00A0: Publipostage"), std::string::npos);
    EXPECT_NE(page.find("civilitee"), std::string::npos) << page.substr(0, 5000);
    EXPECT_NE(page.find("telephone"), std::string::npos);
    EXPECT_NE(page.find("<td>invitation.xml.mustache</td><td>ligne 21"), std::string::npos) << page.substr(0, 5000);
    // What was typed comes back.
    EXPECT_NE(page.find("value=\"destinataire\""), std::string::npos);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);

    auto empty = post_form(client, "/publipostage", "/publipostage", invitation(" "));
    EXPECT_EQ(empty->status, 422);
    EXPECT_NE(empty->body.find("indiquez la liste des éléments"), std::string::npos);
    auto unknown = post_form(client, "/publipostage", "/publipostage", invitation("invite"));
    EXPECT_EQ(unknown->status, 422);
    EXPECT_NE(unknown->body.find("destinataires.xml"), std::string::npos) << unknown->body.substr(0, 4000);
}

}  // namespace
}  // namespace lettrine::web::testing
