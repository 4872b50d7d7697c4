// The Rapport d'activité page over HTTP: the example notes give the report
// (read back with pdftotext) and its contents page; a PDF note is imported;
// refused notes show each sector's state with the positioned messages; the
// bilans the référents returned are used with the programme the Référents
// page keeps.
#include "support/pdf_tools.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

const char* const kBilans[] = {"bilan-2016-circuits-courts.xlsx", "bilan-2016-dechets-ressources.xml",
                               "bilan-2016-habitat.xlsx", "bilan-2016-services-aux-personnes.xlsx"};

FormPart programme_part() {
    return {"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))};
}

FormPart note_part(const std::string& name) { return {"notes", name, slurp(source("input/bilans/" + name))}; }

// The path of the result a POST was sent to (its Location), or "" with a failure.
std::string result_of(const httplib::Result& sent) {
    EXPECT_TRUE(sent);
    if (!sent) return "";
    EXPECT_EQ(sent->status, 303) << sent->body.substr(0, 6000);
    return sent->get_header_value("Location");
}

// The report PDF of a published result (its only PDF).
fs::path report_pdf(const RunningServer& server, const std::string& base) {
    const std::string id = base.substr(std::string("/resultats/").size(), 32);
    return server.folder() / "output/serveur/resultats" / id / "rapport-activite-2016.pdf";
}

TEST(ReportPage, TheExampleNotesGiveTheReportAndItsContentsPage) {
    RunningServer server;
    auto client = server.client();
    auto form = client.Get("/rapport");
    ASSERT_EQ(form->status, 200);
    EXPECT_NE(form->body.find("<label for=\"notes\">Notes de bilan</label>"), std::string::npos);
    std::vector<FormPart> parts{programme_part()};
    for (const char* bilan : kBilans) parts.push_back(note_part(bilan));
    const std::string base = result_of(post_form(client, "/rapport", "/rapport", parts));
    ASSERT_FALSE(base.empty());
    auto page = client.Get(base.c_str());
    ASSERT_EQ(page->status, 200);
    EXPECT_NE(page->body.find("<h1>Rapport d’activité 2016</h1>"), std::string::npos);
    EXPECT_EQ(count_of(page->body, "<strong>bilan valide</strong>"), 4u) << page->body;
    EXPECT_NE(page->body.find("alt=\"Le sommaire du rapport d’activité 2016\""), std::string::npos);
    auto pdf = client.Get((base + "rapport-activite-2016.pdf").c_str());
    ASSERT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    auto png = get_preview(client, base + "apercus/rapport-activite-2016-p2.png");
    ASSERT_EQ(png->status, 200);
    EXPECT_EQ(png->body.substr(1, 3), "PNG");
    const std::string contents = test_support::pdf_text(report_pdf(server, base), "-f 2 -l 2");
    EXPECT_NE(contents.find("Sommaire"), std::string::npos) << contents;
    for (const char* sector : {"Habitat", "Circuits courts", "Services aux personnes"})
        EXPECT_NE(contents.find(sector), std::string::npos) << sector << "\n" << contents;
    // The same bytes as the command line's report from the same notes.
    const fs::path cli = server.folder() / "cli";
    const auto [code, out] = run_lettrine("rapport --donnees input/programme-2016.xlsx --notes input/bilans --sortie " +
                                          cli.string(), "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    EXPECT_EQ(slurp(cli / "rapport-activite-2016.pdf"), pdf->body);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(ReportPage, APdfNoteIsImportedAndAMissingNoteSaidSo) {
    RunningServer server;
    auto client = server.client();
    const fs::path notes = server.folder() / "notes";
    const auto [code, out] = run_lettrine("note --donnees " + source("input/bilans/bilan-2016-habitat.xlsx").string() +
                                          " --sortie " + notes.string());
    ASSERT_EQ(code, 0) << out;
    const std::string habitat_pdf = slurp(notes / "notes/note-bilan-2016-habitat.pdf");
    const std::string base = result_of(post_form(client, "/rapport", "/rapport",
                                                 {programme_part(), note_part("bilan-2016-circuits-courts.xlsx"),
                                                  {"notes", "Note Habitat 2016.pdf", habitat_pdf}}));
    ASSERT_FALSE(base.empty());
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<td>Note Habitat 2016.pdf</td><td><strong>PDF importé ("), std::string::npos) << page;
    EXPECT_EQ(count_of(page, "<strong>note manquante</strong>"), 2u) << page;
    EXPECT_EQ(count_of(page, "<strong>bilan valide</strong>"), 1u);
    const std::string text = test_support::pdf_text(report_pdf(server, base));
    EXPECT_NE(text.find("Note non remise"), std::string::npos);
}

TEST(ReportPage, RefusedNotesShowEachSectorsStateWithThePositionedMessages) {
    RunningServer server;
    auto client = server.client();
    auto sent = post_form(client, "/rapport", "/rapport",
                          {programme_part(), note_part("bilan-2016-habitat.xlsx"),
                           {"notes", "bilan-2016-circuits-courts.xlsx", "ceci n’est pas un classeur"},
                           {"notes", "compte-rendu.pdf", "%PDF-1.4 tronqué"},
                           {"notes", "photo.png", "PNG"}});
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    // A file of the wrong kind is refused before anything is read.
    EXPECT_NE(sent->body.find("photo.png"), std::string::npos);
    EXPECT_NE(sent->body.find("format non reconnu pour les notes"), std::string::npos) << sent->body.substr(0, 4000);

    sent = post_form(client, "/rapport", "/rapport",
                     {programme_part(), note_part("bilan-2016-habitat.xlsx"),
                      {"notes", "bilan-2016-circuits-courts.xlsx", "ceci n’est pas un classeur"},
                      {"notes", "compte-rendu.pdf", "%PDF-1.4 tronqué"}});
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    const std::string& page = sent->body;
    EXPECT_NE(page.find("<title>Erreur\u00A0: Rapport d’activité"), std::string::npos);
    EXPECT_NE(page.find("Il y a un problème"), std::string::npos);
    EXPECT_NE(page.find("<tr class=\"etat-refuse\"><td>Circuits courts et alimentation</td><td>bilan-2016-circuits-courts.xlsx</td>"),
              std::string::npos) << page;
    // The engine's message, set in French typography for the page (’, no-break spaces).
    EXPECT_NE(page.find("compte-rendu.pdf\u00A0: le nom de ce fichier ne contient l’identifiant d’aucun secteur"),
              std::string::npos) << page;
    EXPECT_EQ(page.find("&apos;"), std::string::npos);
    EXPECT_EQ(count_of(page, "<strong>bilan valide</strong>"), 1u);
    EXPECT_GE(count_of(page, "<strong>note manquante</strong>"), 1u);
    // Never the server's own paths.
    EXPECT_EQ(page.find("/travail/"), std::string::npos);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(ReportPage, TheReferentsBilansAndTheKeptProgrammeAreUsed) {
    RunningServer server;
    auto client = server.client();
    ASSERT_EQ(post_files(client, "/referents", "/referents",
                         {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}})->status, 303);
    fs::create_directories(server.folder() / "input/bilans");
    for (const char* bilan : kBilans) fs::copy_file(source(std::string("input/bilans/") + bilan), server.folder() / "input/bilans" / bilan);
    auto form = client.Get("/rapport");
    EXPECT_NE(form->body.find("Programme de l’année (facultatif)"), std::string::npos);
    EXPECT_NE(form->body.find("4 bilans dans le dossier du serveur"), std::string::npos) << form->body;
    const std::string base = result_of(post_form(client, "/rapport", "/rapport", {{"rendus", "", "oui"}}));
    ASSERT_FALSE(base.empty());
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_EQ(count_of(page, "<strong>bilan valide</strong>"), 4u) << page;
    EXPECT_NE(page.find("4 bilans rendus par les structures référentes"), std::string::npos);
}

TEST(ReportPage, WithoutAnyProgrammeTheFormSaysWhereToGiveIt) {
    RunningServer server;
    auto client = server.client();
    auto sent = post_form(client, "/rapport", "/rapport", {note_part("bilan-2016-habitat.xlsx")});
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    EXPECT_NE(sent->body.find("aucun programme"), std::string::npos);
}

}  // namespace
}  // namespace lettrine::web::testing
