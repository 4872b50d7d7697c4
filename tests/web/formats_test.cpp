// The editable formats from the web pages: the « Formats » choice of a
// form, the « Modifier dans… » links of the result pages, the downloads'
// types, the ZIP holding the same files as `--format pdf,odt,docx`.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

const char* const kOdtType = "application/vnd.oasis.opendocument.text";
const char* const kDocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

FormPart programme_file() { return {"fichiers", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}; }
FormPart ticked(const std::string& format) { return {"formats", "", format}; }  // a ticked box

// Every file of a command's output folder (its manifest, .lettrine/, left
// out): relative path -> bytes.
std::map<std::string, std::string> files_of(const fs::path& folder) {
    std::map<std::string, std::string> files;
    for (fs::recursive_directory_iterator it(folder), end; it != end; ++it) {
        const std::string relative = it->path().lexically_relative(folder).generic_string();
        if (relative.rfind(".lettrine", 0) == 0 || !fs::is_regular_file(it->path())) continue;
        files[relative] = slurp(it->path());
    }
    return files;
}

bool has_entry(const std::string& zip, const std::string& name) {
    const auto entries = zip_entries(zip);
    return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.first == name; });
}

TEST(WebFormats, TheFormsOfferTheEditableFormats) {
    RunningServer server;
    auto client = server.client();
    for (const char* path : {"/decembre", "/rapport", "/assemblee"}) {
        const std::string page = client.Get(path)->body;
        EXPECT_NE(page.find("<fieldset class=\"champ formats\">\n<legend>Formats</legend>"), std::string::npos) << path;
        EXPECT_NE(page.find("<input type=\"checkbox\" id=\"format-odt\" name=\"formats\" value=\"odt\""), std::string::npos);
        EXPECT_NE(page.find("<label for=\"format-odt\">ODT (LibreOffice)</label>"), std::string::npos) << path;
        EXPECT_NE(page.find("<label for=\"format-docx\">DOCX (Word)</label>"), std::string::npos) << path;
        EXPECT_NE(page.find("Le PDF est toujours préparé."), std::string::npos) << path;
    }
    EXPECT_NE(client.Get("/assemblee")->body.find("Les badges restent en PDF seulement"), std::string::npos);
    EXPECT_EQ(client.Get("/decembre")->body.find("Les badges"), std::string::npos);
}

TEST(WebFormats, DecemberInOdtAndDocxGivesTheLinksAndTheCliFilesInTheZip) {
    RunningServer server;
    auto client = server.client();
    const FormCredentials form = form_credentials(client, "/decembre");
    const FormPart file = programme_file();
    httplib::MultipartFormDataItems items{{"jeton", form.token, "", ""},
                                          {file.field, file.bytes, file.name, "application/octet-stream"},
                                          {"formats", "odt", "", ""},
                                          {"formats", "docx", "", ""}};
    auto answer = client.Post("/decembre", {{"Cookie", form.cookies}}, items);
    ASSERT_TRUE(answer);
    const std::string cookies = with_cookies_of(answer, form.cookies);  // the choice, remembered
    auto posted = follow_job(client, std::move(answer), cookies);
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 303) << posted->body.substr(0, 4000);
    const std::string base = posted->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_EQ(count_of(page, ">Modifier dans LibreOffice<"), 4u) << page;
    EXPECT_EQ(count_of(page, ">Modifier dans Word<"), 4u);
    EXPECT_NE(page.find("<a href=\"" + base + "lettres/lettre-de-mission-2016-habitat.docx\" download>Modifier dans "
                        "Word<span class=\"visuellement-cache\">\u00A0: lettre de mission — Habitat</span> (.docx, "),
              std::string::npos)
        << page;

    auto docx = client.Get((base + "lettres/lettre-de-mission-2016-habitat.docx").c_str());
    ASSERT_EQ(docx->status, 200);
    EXPECT_EQ(docx->get_header_value("Content-Type"), kDocxType);
    EXPECT_EQ(docx->get_header_value("Content-Disposition"),
              "attachment; filename=\"lettre-de-mission-2016-habitat.docx\"");
    EXPECT_TRUE(has_entry(docx->body, "word/document.xml"));
    auto odt = client.Get((base + "lettres/lettre-de-mission-2016-habitat.odt").c_str());
    ASSERT_EQ(odt->status, 200);
    EXPECT_EQ(odt->get_header_value("Content-Type"), kOdtType);
    EXPECT_EQ(odt->get_header_value("Content-Disposition").rfind("attachment;", 0), 0u);
    EXPECT_EQ(odt->body.substr(30, 8), "mimetype");  // stored first, as ODF asks

    // The ZIP holds exactly the files of `lettrine decembre --format pdf,odt,docx`, byte for byte.
    auto zip = client.Get((base + "lettrine-decembre-2016.zip").c_str());
    ASSERT_EQ(zip->status, 200);
    const fs::path cli = server.folder() / "cli";
    const auto [code, out] = run_lettrine("decembre --format pdf,odt,docx --sortie " + cli.string(),
                                          "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    const std::map<std::string, std::string> expected = files_of(cli);
    ASSERT_EQ(expected.size(), 14u);  // four letters in three formats, the budget workbook and its PDF
    std::map<std::string, std::string> archived;
    for (const auto& [name, bytes] : zip_entries(zip->body)) archived[name] = bytes;
    EXPECT_EQ(archived.size(), expected.size());
    for (const auto& [name, bytes] : expected) {
        ASSERT_TRUE(archived.count(name)) << name;
        EXPECT_TRUE(archived.at(name) == bytes) << name;
    }
    EXPECT_EQ(docx->body, expected.at("lettres/lettre-de-mission-2016-habitat.docx"));

    // The choice is kept for the session's next upload.
    const std::string again = client.Get("/decembre", {{"Cookie", cookies}})->body;
    EXPECT_NE(again.find("value=\"odt\" aria-describedby=\"formats-aide\" checked>"), std::string::npos) << again;
    EXPECT_NE(again.find("value=\"docx\" aria-describedby=\"formats-aide\" checked>"), std::string::npos);
}

TEST(WebFormats, PdfOnlyByDefault) {
    RunningServer server;
    auto client = server.client();
    auto posted = post_form(client, "/decembre", "/decembre", {programme_file()});
    ASSERT_EQ(posted->status, 303) << posted->body.substr(0, 4000);
    const std::string base = posted->get_header_value("Location");
    EXPECT_EQ(client.Get(base.c_str())->body.find("Modifier dans"), std::string::npos);
    EXPECT_EQ(client.Get((base + "lettres/lettre-de-mission-2016-habitat.docx").c_str())->status, 404);
    EXPECT_FALSE(has_entry(client.Get((base + "lettrine-decembre-2016.zip").c_str())->body,
                           "lettres/lettre-de-mission-2016-habitat.odt"));
}

TEST(WebFormats, AReferentGetsItsNoteInDocx) {
    RunningServer server;
    auto client = server.client();
    auto made = post_files(client, "/referents", "/referents", {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    ASSERT_EQ(made->status, 303) << made->body.substr(0, 4000);
    const std::string link = links_on(client.Get("/referents")->body)["Habitat"];
    ASSERT_FALSE(link.empty());
    EXPECT_NE(client.Get(link.c_str())->body.find("<label for=\"format-docx\">DOCX (Word)</label>"), std::string::npos);
    auto sent = post_form(client, link, link,
                          {{"fichiers", "bilan.xlsx", slurp(source("input/bilans/bilan-2016-habitat.xlsx"))}, ticked("docx")});
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 4000);
    const std::string base = sent->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<a href=\"" + base + "notes/note-bilan-2016-habitat.docx\" download>Modifier dans Word"),
              std::string::npos)
        << page;
    EXPECT_EQ(page.find("Modifier dans LibreOffice"), std::string::npos);
    auto docx = client.Get((base + "notes/note-bilan-2016-habitat.docx").c_str());
    ASSERT_EQ(docx->status, 200);
    EXPECT_EQ(docx->get_header_value("Content-Type"), kDocxType);
    EXPECT_TRUE(has_entry(docx->body, "word/document.xml"));
    // The same bytes as `lettrine note --format docx`.
    const fs::path cli = server.folder() / "cli";
    const auto [code, out] = run_lettrine("note --format pdf,docx --donnees " +
                                          source("input/bilans/bilan-2016-habitat.xlsx").string() + " --sortie " +
                                          cli.string(), "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    EXPECT_TRUE(docx->body == slurp(cli / "notes/note-bilan-2016-habitat.docx"));
}

TEST(WebFormats, TheReportInDocxSaysThePdfNotesPagesAreBlank) {
    RunningServer server;
    auto client = server.client();
    const fs::path notes = server.folder() / "notes";
    const auto [code, out] = run_lettrine("note --donnees " + source("input/bilans/bilan-2016-habitat.xlsx").string() +
                                          " --sortie " + notes.string(), "cd " + source("").string() + " && ");
    ASSERT_EQ(code, 0) << out;
    auto sent = post_form(client, "/rapport", "/rapport",
                          {{"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))},
                           {"notes", "bilan-2016-circuits-courts.xlsx", slurp(source("input/bilans/bilan-2016-circuits-courts.xlsx"))},
                           {"notes", "Note Habitat 2016.pdf", slurp(notes / "notes/note-bilan-2016-habitat.pdf")},
                           ticked("docx")});
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 4000);
    const std::string base = sent->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<a href=\"" + base + "rapport-activite-2016.docx\" download>Modifier dans Word"), std::string::npos)
        << page;
    EXPECT_NE(page.find("Note Habitat 2016.pdf"), std::string::npos);
    // The note named as it was sent.
    EXPECT_NE(page.find("avertissement\u00A0: les pages de la note «\u202FNote Habitat 2016.pdf\u202F» sont laissées "
                        "blanches dans ce fichier"),
              std::string::npos)
        << page;
    auto docx = client.Get((base + "rapport-activite-2016.docx").c_str());
    ASSERT_EQ(docx->status, 200);
    EXPECT_EQ(docx->get_header_value("Content-Type"), kDocxType);
    EXPECT_TRUE(has_entry(docx->body, "word/document.xml"));
}

TEST(WebFormats, TheAssemblyPacksAndEmargementsInOdtTheBadgesInPdf) {
    RunningServer server;
    auto client = server.client();
    auto sent = post_form(client, "/assemblee", "/assemblee",
                          {{"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))},
                           {"ag", "ag-2016.xlsx", slurp(source("input/ag-2016.xlsx"))},
                           ticked("odt")});
    ASSERT_EQ(sent->status, 303) << sent->body.substr(0, 4000);
    const std::string base = sent->get_header_value("Location");
    const std::string page = client.Get(base.c_str())->body;
    EXPECT_NE(page.find("<a href=\"" + base + "ag-2016/dossier-atelier-habitat.odt\" download>Modifier dans LibreOffice"),
              std::string::npos)
        << page;
    EXPECT_NE(page.find("<a href=\"" + base + "ag-2016/emargement-habitat.odt\" download>Modifier dans LibreOffice"),
              std::string::npos);
    EXPECT_NE(page.find("alt=\"Première planche de badges\""), std::string::npos);
    EXPECT_EQ(page.find("Modifier dans Word"), std::string::npos);
    auto odt = client.Get((base + "ag-2016/emargement-habitat.odt").c_str());
    ASSERT_EQ(odt->status, 200);
    EXPECT_EQ(odt->get_header_value("Content-Type"), kOdtType);
    const std::string zip = client.Get((base + "lettrine-ag-2016.zip").c_str())->body;
    EXPECT_TRUE(has_entry(zip, "ag-2016/dossier-atelier-habitat.odt"));
    EXPECT_TRUE(has_entry(zip, "ag-2016/badges-2016.pdf"));
    EXPECT_FALSE(has_entry(zip, "ag-2016/badges-2016.odt"));
    EXPECT_FALSE(has_entry(zip, "ag-2016/dossier-ag-2016.odt"));  // the printing dossier is pages: PDF only
}

TEST(WebFormats, AnUnknownFormatIsRefusedInFrench) {
    RunningServer server;
    auto client = server.client();
    auto sent = post_form(client, "/decembre", "/decembre", {programme_file(), ticked("docx"), ticked("rtf")});
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    EXPECT_NE(sent->body.find("<title>Erreur\u00A0: Décembre"), std::string::npos) << sent->body.substr(0, 3000);
    EXPECT_NE(sent->body.find("format inconnu\u00A0: «\u202Frtf\u202F»"), std::string::npos) << sent->body;
    EXPECT_NE(sent->body.find("<legend>Formats</legend>"), std::string::npos);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
}

TEST(WebFormats, TheFormTokenIsStillRequired) {
    RunningServer server;
    auto client = server.client();
    const FormCredentials form = form_credentials(client, "/decembre");
    httplib::MultipartFormDataItems items{{"fichiers", slurp(source("input/programme-2016.xlsx")), "programme-2016.xlsx",
                                           "application/octet-stream"},
                                          {"formats", "docx", "", ""}};
    auto refused = client.Post("/decembre", {{"Cookie", form.cookies}}, items);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 403);
    EXPECT_NE(refused->body.find("Formulaire expiré"), std::string::npos);
    items.push_back({"jeton", std::string(64, '0'), "", ""});
    EXPECT_EQ(client.Post("/decembre", {{"Cookie", form.cookies}}, items)->status, 403);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
}

}  // namespace
}  // namespace lettrine::web::testing
