// Previews on demand (engine/web/previews.hpp) and the retention of old
// results (engine/web/retention.hpp), through a real server.
#include <sys/stat.h>

#include <ctime>

#include "preview/preview.hpp"
#include "support/pdf_tools.hpp"
#include "support/process.hpp"
#include "web/december.hpp"
#include "web/options.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

const char* const kHabitat = "apercus/lettre-de-mission-2016-habitat.png";

// The PNG images under `folder`.
std::vector<fs::path> pngs_under(const fs::path& folder) {
    std::vector<fs::path> found;
    boost::system::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; it != end; it.increment(error))
        if (it->path().extension() == ".png") found.push_back(it->path());
    return found;
}

// The width a PNG's header gives.
unsigned png_width(const std::string& png) {
    if (png.size() < 24) return 0;
    unsigned width = 0;
    for (int i = 16; i < 20; ++i) width = (width << 8) | static_cast<unsigned char>(png[i]);
    return width;
}

// A file's identity and last change: a new render writes a new file (a
// temporary one renamed over the old), so both change when the helper runs.
std::pair<ino_t, long long> identity(const fs::path& file) {
    struct stat st {};
    EXPECT_EQ(::stat(file.c_str(), &st), 0) << file;
    return {st.st_ino, static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

std::string december_result(httplib::Client& client) {
    auto posted = post_files(client, "/decembre", "/decembre",
                             {{"programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))}});
    EXPECT_TRUE(posted);
    if (!posted) return "";
    EXPECT_EQ(posted->status, 303) << posted->body;
    return posted->get_header_value("Location");
}

TEST(WebPreviews, CardsComeFirstThenEachPreviewIsRenderedOnceAndServedFromTheCache) {
    RunningServer server;
    auto client = server.client();
    const fs::path cache = server.folder() / "output/serveur/apercus";
    const std::string base = december_result(client);
    ASSERT_FALSE(base.empty());
    auto page = client.Get(base.c_str());
    ASSERT_EQ(page->status, 200);
    EXPECT_EQ(count_of(page->body, "<li class=\"carte\">"), 4u) << page->body;
    EXPECT_NE(page->body.find("<img src=\"" + base + kHabitat +
                              "\" alt=\"Première page de la lettre de mission — Habitat\" width=\"210\" "
                              "height=\"297\" loading=\"lazy\""),
              std::string::npos)
        << page->body;
    // Each card's page count, read from the PDF without the helper, is pdfinfo's.
    const fs::path result = server.folder() / "output/serveur/resultats" / fs::path(base).parent_path().filename();
    std::size_t letters = 0;
    for (fs::directory_iterator it(result / "lettres"), end; it != end; ++it, ++letters) {
        const std::string name = it->path().filename().string();
        const auto card = page->body.find("lettres/" + name + "\">");
        ASSERT_NE(card, std::string::npos) << name;
        const std::string text = page->body.substr(card, page->body.find("</a>", card) - card);
        const int pages = test_support::pdf_page_count(it->path());
        EXPECT_GT(pages, 1) << name;
        EXPECT_NE(text.find("(PDF, " + std::to_string(pages) + " pages, "), std::string::npos) << text;
    }
    EXPECT_EQ(letters, 4u);
    // The cards are there, no preview yet: none was drawn for the page.
    EXPECT_TRUE(pngs_under(cache).empty());
    EXPECT_TRUE(pngs_under(server.folder() / "output/serveur/resultats").empty());

    auto first = get_preview(client, base + kHabitat);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    EXPECT_EQ(first->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(first->body.rfind("\x89PNG", 0), 0u);
    EXPECT_EQ(png_width(first->body), 300u);
    const std::vector<fs::path> drawn = pngs_under(cache);
    ASSERT_EQ(drawn.size(), 1u);
    const auto before = identity(drawn.front());

    // Asked again: the same image from the cache, the helper not run again.
    auto second = client.Get((base + kHabitat).c_str());
    ASSERT_TRUE(second);
    ASSERT_EQ(second->status, 200);
    EXPECT_EQ(second->body, first->body);
    EXPECT_EQ(pngs_under(cache), drawn);
    EXPECT_EQ(identity(drawn.front()), before);

    // The same letter in another result (same bytes) shares the cached image.
    const std::string other = december_result(client);
    ASSERT_FALSE(other.empty());
    ASSERT_NE(other, base);
    auto shared = client.Get((other + kHabitat).c_str());
    ASSERT_EQ(shared->status, 200);
    EXPECT_EQ(shared->body, first->body);
    EXPECT_EQ(identity(drawn.front()), before);
}

TEST(WebPreviews, PageCountsComeFromThePageTreeOrElseFromTheHelper) {
    RunningServer server;
    auto client = server.client();
    const std::string base = december_result(client);
    ASSERT_FALSE(base.empty());
    const fs::path letters = server.folder() / "output/serveur/resultats" / fs::path(base).parent_path().filename() / "lettres";
    const fs::path cache = fs::temp_directory_path() / fs::unique_path("lettrine-apercus-%%%%-%%%%");
    const fs::path letter = letters / "lettre-de-mission-2016-habitat.pdf";
    // A PDF Lettrine wrote: its page tree, without the helper.
    EXPECT_EQ(document_page_count(letter, cache, 300), test_support::pdf_page_count(letter));
    EXPECT_TRUE(pngs_under(cache).empty());
    // Its objects compressed into object streams (qpdf): the helper counts.
    const fs::path packed = cache.parent_path() / (cache.filename().string() + ".pdf");
    ASSERT_EQ(test_support::run_command("qpdf --object-streams=generate " + letter.string() + " " + packed.string()).code, 0);
    EXPECT_EQ(document_page_count(packed, cache, 300), test_support::pdf_page_count(letter));
    EXPECT_EQ(pngs_under(cache).size(), 1u);
    boost::system::error_code ignored;
    fs::remove_all(cache, ignored);
    fs::remove(packed, ignored);
}

TEST(WebPreviews, UnknownOrForeignPreviewsAreAFrenchNotFound) {
    RunningServer server;
    auto client = server.client();
    const std::string base = december_result(client);
    ASSERT_FALSE(base.empty());
    ASSERT_EQ(get_preview(client, base + kHabitat)->status, 200);
    const std::vector<fs::path> cached = pngs_under(server.folder() / "output/serveur/apercus");
    ASSERT_EQ(cached.size(), 1u);
    const std::string unknown_result = "/resultats/" + std::string(32, '0') + "/" + kHabitat;
    for (const std::string& path :
         {unknown_result, base + "apercus/lettre-de-mission-2016-cinema.png", base + "apercus/" + cached.front().filename().string(),
          base + "../../apercus/" + cached.front().filename().string(), base + "apercus/%2e%2e/apercus.txt",
          base + "apercus.txt"}) {
        auto res = client.Get(path.c_str());
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_NE(res->body.find("lang=\"fr\""), std::string::npos) << path;
        EXPECT_NE(res->body.find("introuvable"), std::string::npos) << path << "\n" << res->body;
        EXPECT_EQ(res->body.find("\x89PNG"), std::string::npos) << path;
    }
}

// Ages `path` (and everything in it) by `days` days.
void age(const fs::path& path, int days) {
    const std::time_t then = std::time(nullptr) - static_cast<std::time_t>(days) * 24 * 3600;
    if (fs::is_directory(path))
        for (fs::recursive_directory_iterator it(path), end; it != end; ++it) fs::last_write_time(it->path(), then);
    fs::last_write_time(path, then);
}

// A result folder as the server publishes it, `days` days old.
void plant_result(const fs::path& results, const std::string& id, int days) {
    const fs::path folder = results / id;
    fs::create_directories(folder / "lettres");
    std::ofstream((folder / kResultPage).string()) << "<!DOCTYPE html><html lang=\"fr\"><title>Ancien</title></html>";
    std::ofstream((folder / kResultManifest).string()) << "lettres/lettre.pdf\n";
    std::ofstream((folder / "lettres/lettre.pdf").string()) << "%PDF-1.7\n";
    age(folder, days);
}

TEST(WebRetention, ResultsOlderThanTheRetentionAreRemovedAtStartAndNothingElse) {
    const std::string old_id(32, 'a'), recent_id(32, 'b'), limit_id(32, 'c');
    ServerOptions options;
    options.retention_days = 30;
    RunningServer server(options, [&](const fs::path& folder) {
        const fs::path results = folder / "output/serveur/resultats";
        plant_result(results, old_id, 45);
        plant_result(results, recent_id, 2);
        plant_result(results, limit_id, 29);
        // Not results: kept whatever their age.
        fs::create_directories(folder / "input/bilans");
        std::ofstream((folder / "input/programme-2016.xlsx").string()) << "classeur";
        std::ofstream((folder / "input/bilans/bilan-habitat.xlsx").string()) << "bilan";
        fs::create_directories(results / "notes-de-l-annee");
        std::ofstream((results / "notes-de-l-annee/note.pdf").string()) << "%PDF-1.7\n";
        std::ofstream((results / "lisez-moi.txt").string()) << "à garder";
        for (const char* kept : {"input", "output/serveur/resultats/notes-de-l-annee", "output/serveur/resultats/lisez-moi.txt"})
            age(folder / kept, 400);
    });
    auto client = server.client();
    auto gone = client.Get(("/resultats/" + old_id + "/").c_str());
    ASSERT_TRUE(gone);
    EXPECT_EQ(gone->status, 404);
    EXPECT_NE(gone->body.find("n’est plus conservé"), std::string::npos) << gone->body;
    EXPECT_FALSE(fs::exists(server.folder() / "output/serveur/resultats" / old_id));
    for (const std::string& id : {recent_id, limit_id}) {
        auto kept = client.Get(("/resultats/" + id + "/").c_str());
        EXPECT_EQ(kept->status, 200) << id;
        EXPECT_EQ(client.Get(("/resultats/" + id + "/lettres/lettre.pdf").c_str())->status, 200) << id;
    }
    for (const char* kept : {"input/programme-2016.xlsx", "input/bilans/bilan-habitat.xlsx",
                             "output/serveur/resultats/notes-de-l-annee/note.pdf",
                             "output/serveur/resultats/lisez-moi.txt", "input/logo-ecossolies.png"})
        EXPECT_TRUE(fs::is_regular_file(server.folder() / kept)) << kept;
}

TEST(WebRetention, TheRetentionIsAnOptionInDays) {
    EXPECT_EQ(parse_server_arguments({}).retention_days, 30);
    EXPECT_EQ(parse_server_arguments({"--conservation", "7"}).retention_days, 7);
    for (const char* wrong : {"0", "sept", "-3"}) {
        try {
            parse_server_arguments({"--conservation", wrong});
            ADD_FAILURE() << wrong;
        } catch (const std::exception& e) {
            EXPECT_NE(std::string(e.what()).find("--conservation"), std::string::npos) << e.what();
        }
    }
    EXPECT_NE(server_help_text().find("--conservation JOURS"), std::string::npos);
    // A result older than a shorter retention is removed; a longer one keeps it.
    const std::string id(32, 'd');
    for (const int days : {60, 10}) {
        ServerOptions options;
        options.retention_days = days;
        RunningServer server(options, [&](const fs::path& folder) {
            plant_result(folder / "output/serveur/resultats", id, 20);
        });
        auto client = server.client();
        EXPECT_EQ(client.Get(("/resultats/" + id + "/").c_str())->status, days == 60 ? 200 : 404) << days;
    }
}

}  // namespace
}  // namespace lettrine::web::testing
