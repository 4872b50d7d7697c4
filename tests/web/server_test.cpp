// HTTP-level tests of `lettrine serveur`: a real server on a free port, a
// real client, real uploads, the real December job.
#include <sys/wait.h>

#include <cstdio>

#include <atomic>
#include <map>
#include <set>
#include <sstream>
#include <vector>

#include "core/diagnostic.hpp"
#include "preview/preview.hpp"
#include "web/options.hpp"
#include "web/workspace.hpp"
#include "support/process.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

const char* const kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

httplib::Result upload(httplib::Client& client, const std::vector<std::pair<std::string, std::string>>& files) {
    return post_files(client, "/decembre", "/decembre", files);
}

// "./decembre/lettres/x.pdf" -> its SHA-256, from the recorded CLI outputs.
std::map<std::string, std::string> cli_hashes(const std::string& prefix) {
    std::map<std::string, std::string> hashes;
    std::istringstream in(slurp(source("scripts/sample-hashes.txt")));
    std::string hash, path;
    while (in >> hash >> path)
        if (path.rfind(prefix, 0) == 0) hashes[path.substr(prefix.size())] = hash;
    return hashes;
}

std::string result_page(httplib::Client& client, const httplib::Result& posted) {
    EXPECT_EQ(posted->status, 303) << posted->body;
    const std::string location = posted->get_header_value("Location");
    auto page = client.Get(location.c_str());
    EXPECT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    return page->body;
}

TEST(WebServer, EveryPageAnswersInFrench) {
    RunningServer server;
    auto client = server.client();
    for (const char* path : {"/", "/decembre", "/referents", "/nulle-part", "/resultats/0123456789abcdef0123456789abcdef/"}) {
        auto res = client.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_NE(res->body.find("<html lang=\"fr\">"), std::string::npos) << path;
        EXPECT_NE(res->body.find("Aller au contenu"), std::string::npos) << path;
        EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << path;
        EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    }
    EXPECT_NE(client.Get("/")->body.find("Décembre\u00A0: lettres de mission et budget"), std::string::npos);
    auto form = client.Get("/decembre");
    EXPECT_NE(form->body.find("<label for=\"fichiers\">"), std::string::npos);
    EXPECT_NE(form->body.find("type=\"file\" id=\"fichiers\" name=\"fichiers\" multiple"), std::string::npos);
    EXPECT_NE(form->body.find(".xlsx, .ods"), std::string::npos);
    auto missing = client.Get("/nulle-part");
    EXPECT_EQ(missing->status, 404);
    EXPECT_NE(missing->body.find("<title>Erreur\u00A0: Page introuvable — Lettrine</title>"), std::string::npos);
    EXPECT_EQ(client.Get("/static/lettrine.css")->get_header_value("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(client.Get("/static/lettrine.js")->status, 200);
}

TEST(WebServer, DefaultWorkbookGivesFourLetterCardsAndTheBudget) {
    RunningServer server;
    auto client = server.client();
    auto posted = upload(client, {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    ASSERT_TRUE(posted);
    const std::string page = result_page(client, posted);
    EXPECT_EQ(count_of(page, "<li class=\"carte\">"), 4u) << page;
    EXPECT_NE(page.find("alt=\"Première page de la lettre de mission — Habitat\""), std::string::npos);
    EXPECT_NE(page.find("Tout télécharger (ZIP"), std::string::npos);
    EXPECT_NE(page.find("budget-2016.xlsx"), std::string::npos);
    EXPECT_NE(page.find("budget-2016.pdf"), std::string::npos);
    EXPECT_NE(page.find("Ouvrir la lettre (PDF, "), std::string::npos);

    const std::string base = posted->get_header_value("Location");
    auto pdf = client.Get((base + "lettres/lettre-de-mission-2016-habitat.pdf").c_str());
    ASSERT_TRUE(pdf);
    EXPECT_EQ(pdf->status, 200);
    EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
    EXPECT_EQ(pdf->get_header_value("Content-Disposition").rfind("inline", 0), 0u);
    EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
    auto png = get_preview(client, base + "apercus/lettre-de-mission-2016-habitat.png");
    ASSERT_TRUE(png);
    EXPECT_EQ(png->body.rfind("\x89PNG", 0), 0u);
    auto budget = client.Get((base + "budget-2016.xlsx").c_str());
    EXPECT_EQ(budget->get_header_value("Content-Type"), kXlsxType);
    auto budget_pdf = client.Get((base + "budget-2016.pdf").c_str());
    ASSERT_TRUE(budget_pdf);
    EXPECT_EQ(budget_pdf->body.rfind("%PDF-", 0), 0u);
    // The page can be reloaded: it is kept with the documents.
    EXPECT_EQ(client.Get(base.c_str())->body, page);
    // Nothing left in the scratch area.
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(WebServer, ZipHoldsExactlyTheCliOutputs) {
    RunningServer server;
    auto client = server.client();
    auto posted = upload(client, {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    ASSERT_TRUE(posted);
    const std::string base = posted->get_header_value("Location");
    auto zip = client.Get((base + "lettrine-decembre-2016.zip").c_str());
    ASSERT_TRUE(zip);
    EXPECT_EQ(zip->get_header_value("Content-Type"), "application/zip");
    const auto expected = cli_hashes("./decembre/");
    ASSERT_EQ(expected.size(), 6u);  // four letters, the budget workbook and its PDF
    const auto entries = zip_entries(zip->body);
    std::vector<std::string> names;
    for (const auto& [name, content] : entries) {
        names.push_back(name);
        ASSERT_TRUE(expected.count(name)) << name;
        EXPECT_EQ(sha256_hex(content), expected.at(name)) << name;
    }
    std::vector<std::string> wanted;
    for (const auto& [name, hash] : expected) wanted.push_back(name);
    EXPECT_EQ(names, wanted);  // every file, sorted
    // Deterministic: a second run gives the same archive, byte for byte.
    auto again = upload(client, {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    auto zip2 = client.Get((again->get_header_value("Location") + "lettrine-decembre-2016.zip").c_str());
    EXPECT_EQ(zip2->body, zip->body);
}

TEST(WebServer, PlantedMistakesAreListedAndMarkedInTheGrid) {
    RunningServer server;
    const fs::path faulty = server.folder() / "faux.xlsx";
    const std::string command = "/usr/bin/python3 " + source("tests/web/plant_mistakes.py").string() + " " +
                                source("input/programme-2016.xlsx").string() + " " + faulty.string() + " > /dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    auto client = server.client();
    auto res = upload(client, {{"programme-faux.xlsx", slurp(faulty)}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422);
    const std::string& page = res->body;
    EXPECT_NE(page.find("<title>Erreur\u00A0: "), std::string::npos);
    EXPECT_NE(page.find("Il y a un problème"), std::string::npos);
    EXPECT_NE(page.find("data-resume-erreurs"), std::string::npos);
    for (const char* cell : {"J3", "K4", "N5"}) {
        const std::string id = std::string("id=\"f2-") + cell + "\"";  // « Secteurs » is the 2nd sheet
        EXPECT_NE(page.find("<td class=\"fautive\" " + id), std::string::npos) << cell;
        EXPECT_NE(page.find(std::string("href=\"#f2-") + cell + "\""), std::string::npos) << cell;
    }
    EXPECT_EQ(count_of(page, "<td class=\"fautive\""), 3u);
    EXPECT_NE(page.find("Feuille «\u00A0Secteurs\u00A0»"), std::string::npos);
    EXPECT_NE(page.find("dix mille"), std::string::npos);  // the cell's text, read back
    EXPECT_GE(count_of(page, "⚠ Erreur"), 3u);              // a text marker, not colour alone
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u);
}

TEST(WebServer, CsvFilesTogetherAndTheirMistakesInTheGrid) {
    RunningServer server;
    auto client = server.client();
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* table : {"Programme", "Secteurs", "Partenaires", "Expérimentations", "Missions", "Textes"}) {
        std::string bytes = slurp(source(std::string("samples/programme-csv/") + table + ".csv"));
        if (std::string(table) == "Secteurs") bytes.replace(bytes.find(";10000;"), 7, ";dix mille;");
        files.emplace_back(std::string("programme-2016-") + table + ".csv", bytes);  // LibreOffice's export names
    }
    auto res = upload(client, files);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 422) << res->body;
    EXPECT_EQ(count_of(res->body, "<td class=\"fautive\""), 1u);
    EXPECT_NE(res->body.find("<td class=\"fautive\" id=\"f"), std::string::npos);
    EXPECT_NE(res->body.find("dix mille"), std::string::npos);
}

std::vector<std::pair<std::string, std::string>> sample_csv_files(const std::string& logo_line) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const char* table : {"Programme", "Secteurs", "Partenaires", "Expérimentations", "Missions", "Textes"}) {
        std::string bytes = slurp(source(std::string("samples/programme-csv/") + table + ".csv"));
        const auto logo = bytes.find("Logo;");
        if (logo != std::string::npos) bytes.replace(logo, bytes.find('\n', logo) - logo, logo_line);
        files.emplace_back(std::string(table) + ".csv", bytes);
    }
    return files;
}

TEST(WebServer, CsvFilesGiveTheSameDocumentsAndTheLogoStaysInside) {
    RunningServer server;
    auto client = server.client();
    // The logo by its name: found in DOSSIER/input/.
    auto ok = upload(client, sample_csv_files("Logo;logo-ecossolies.png"));
    ASSERT_TRUE(ok);
    ASSERT_EQ(ok->status, 303) << ok->body;
    auto zip = client.Get((ok->get_header_value("Location") + "lettrine-decembre-2016.zip").c_str());
    const auto expected = cli_hashes("./decembre-csv/");
    const auto entries = zip_entries(zip->body);
    EXPECT_EQ(entries.size(), expected.size());
    for (const auto& [name, content] : entries) EXPECT_EQ(sha256_hex(content), expected.at(name)) << name;
    // A logo that climbs out of the upload's folder is refused, positioned.
    for (const char* line : {"Logo;../../input/logo-ecossolies.png", "Logo;/etc/passwd"}) {
        auto out = upload(client, sample_csv_files(line));
        EXPECT_EQ(out->status, 422) << line;
        EXPECT_NE(out->body.find("sort du dossier de l’envoi"), std::string::npos) << line;
    }
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(WebServer, UnknownExtensionAndStrangeNamesAreRefusedInFrench) {
    RunningServer server;
    auto client = server.client();
    auto exe = upload(client, {{"programme.exe", "MZ"}});
    EXPECT_EQ(exe->status, 422);
    EXPECT_NE(exe->body.find("format non reconnu"), std::string::npos);
    EXPECT_NE(exe->body.find("Il y a un problème"), std::string::npos);
    auto csv = upload(client, {{"../../Budget.csv", "a;b\n"}});
    EXPECT_EQ(csv->status, 422);
    EXPECT_NE(csv->body.find("aucune des tables du programme"), std::string::npos);
    auto two = upload(client, {{"a.xlsx", "x"}, {"b.ods", "y"}});
    EXPECT_NE(two->body.find("un seul programme à la fois"), std::string::npos);
    // A path in the name: only its extension counts, nothing is written there.
    const fs::path outside = server.folder().parent_path() / (server.folder().filename().string() + "-dehors.xlsx");
    auto sneaky = upload(client, {{"../../" + outside.filename().string(), slurp(source("input/programme-2016.xlsx"))}});
    EXPECT_EQ(sneaky->status, 303);
    EXPECT_FALSE(fs::exists(outside));
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
    // Result files: only what the result's manifest names.
    const std::string base = sneaky->get_header_value("Location");
    for (const std::string& path : {base + "fichiers.txt", base + "../../../../etc/passwd", base + "page.html",
                                    base + "lettres/../fichiers.txt"})
        EXPECT_EQ(client.Get(path.c_str())->status, 404) << path;
}

TEST(WebServer, TooLargeUploadGetsAFrenchPage) {
    ServerOptions options;
    options.max_upload_bytes = 1 << 20;
    RunningServer server(options);
    auto client = server.client();
    auto res = upload(client, {{"programme.xlsx", std::string(2 << 20, 'x')}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    EXPECT_NE(res->body.find("Envoi trop volumineux"), std::string::npos);
    EXPECT_NE(res->body.find("<html lang=\"fr\">"), std::string::npos);
    EXPECT_EQ(files_under(server.folder() / "output"), 0u);
}

TEST(WebServer, TwentyConcurrentUploadsAllSucceed) {
    ServerOptions options;
    options.workers = 24;  // room for all twenty in the batch queue (the default refuses some: test above)
    RunningServer server(options);
    const std::string workbook = slurp(source("input/programme-2016.xlsx"));
    std::vector<std::thread> clients;
    std::atomic<int> ok{0};
    std::set<std::string> locations;
    std::string failures;
    std::mutex mutex;
    for (int i = 0; i < 20; ++i)
        clients.emplace_back([&] {
            auto client = server.client();
            auto res = upload(client, {{"programme-2016.xlsx", workbook}});
            std::lock_guard<std::mutex> lock(mutex);
            if (res && res->status == 303) {
                ++ok;
                locations.insert(res->get_header_value("Location"));
            } else {
                failures += res ? "HTTP " + std::to_string(res->status) + " " + res->body.substr(0, 300) + "\n"
                                : "client error " + httplib::to_string(res.error()) + "\n";
            }
        });
    for (auto& t : clients) t.join();
    EXPECT_EQ(ok.load(), 20) << failures;
    EXPECT_EQ(locations.size(), 20u);  // each its own result
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
    auto client = server.client();
    EXPECT_EQ(count_of(client.Get(locations.begin()->c_str())->body, "<li class=\"carte\">"), 4u);
}

// httplib 0.11 listens with a backlog of 5: a burst of twenty uploads had
// connections reset by the kernel (CI, 2026-12-03). `ss` shows a listening
// socket's backlog in its Send-Q column.
TEST(WebServer, ListensWithABacklogForABurstOfUploads) {
    RunningServer server;
    const std::string command = "ss -Hltn 'sport = :" + std::to_string(server.port()) + "'";
    std::istringstream line(test_support::command_output(command));
    std::string state;
    unsigned long queued = 0, backlog = 0;
    ASSERT_TRUE(line >> state >> queued >> backlog) << command;
    EXPECT_EQ(state, "LISTEN");
    EXPECT_GE(backlog, 128u);
}

TEST(WebServer, BeyondTheBatchQueueUploadsAreAskedToRetryInFrench) {
    ServerOptions options;
    options.workers = 4;
    options.batches = 1;
    options.free_workers = 2;  // one batch running, one waiting, the rest refused at once
    RunningServer server(options);
    const std::string workbook = slurp(source("input/programme-2016.xlsx"));
    std::vector<std::thread> clients;
    std::atomic<int> done{0}, busy{0};
    for (int i = 0; i < 6; ++i)
        clients.emplace_back([&] {
            auto client = server.client();
            auto res = upload(client, {{"programme-2016.xlsx", workbook}});
            if (!res) return;
            if (res->status == 303) ++done;
            if (res->status == 503 && res->body.find("Serveur occupé") != std::string::npos &&
                res->get_header_value("Retry-After") == "30")
                ++busy;
        });
    for (auto& t : clients) t.join();
    EXPECT_EQ(done + busy, 6);
    EXPECT_GE(done.load(), 1);
    EXPECT_GE(busy.load(), 1);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

TEST(WebServer, ScratchFoldersLeftByAKilledServerAreRemovedAtStart) {
    const fs::path folder = fs::temp_directory_path() / fs::unique_path("lettrine-web-%%%%-%%%%");
    const fs::path stale = folder / "output/serveur/travail/0123456789abcdef0123456789abcdef";
    const fs::path fresh = folder / "output/serveur/travail/fedcba9876543210fedcba9876543210";
    const fs::path other = folder / "output/serveur/travail/notes-personnelles";
    for (const fs::path& f : {stale, fresh, other}) fs::create_directories(f / "sortie");
    fs::last_write_time(stale, std::time(nullptr) - 2 * 3600);
    fs::last_write_time(other, std::time(nullptr) - 2 * 3600);
    { Workspace workspace(folder); }
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_TRUE(fs::exists(fresh));  // perhaps another server's request under way
    EXPECT_TRUE(fs::exists(other));  // not a name Lettrine gives
    fs::remove_all(folder);
}

// What `lettrine serveur` prints and returns, from the real executable.
TEST(ServeCommand, RefusesANonLocalAddressAndExplainsWhy) {
    const auto [code, out] = run_lettrine("serveur --adresse 0.0.0.0 --port 0");
    EXPECT_EQ(code, 2) << out;
    EXPECT_NE(out.find("n’est pas locale"), std::string::npos) << out;
    EXPECT_NE(out.find("mots de passe"), std::string::npos);
    const auto [help_code, help] = run_lettrine("serveur --aide");
    EXPECT_EQ(help_code, 0);
    EXPECT_NE(help.find("--lots-simultanes"), std::string::npos);
    EXPECT_NE(run_lettrine("--aide").second.find("serveur"), std::string::npos);
}

TEST(ServerOptions, NonLocalAddressIsRefusedWithTheReason) {
    try {
        parse_server_arguments({"--adresse", "0.0.0.0"});
        FAIL() << "a non-local address was accepted";
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        const std::string message = e.what();
        EXPECT_NE(message.find("mots de passe"), std::string::npos);
        EXPECT_NE(message.find("TLS"), std::string::npos);
    }
    EXPECT_EQ(parse_server_arguments({"--adresse", "127.0.0.1", "--port", "9000"}).port, 9000);
    EXPECT_TRUE(is_local_address("::1"));
    EXPECT_FALSE(is_local_address("192.168.1.10"));
    EXPECT_FALSE(is_local_address("127.0.0.1.evil.example"));
    EXPECT_THROW(parse_server_arguments({"--port", "quatre-vingt"}), LettrineError);
    EXPECT_THROW(parse_server_arguments({"--inconnue"}), LettrineError);
}

}  // namespace
}  // namespace lettrine::web::testing
