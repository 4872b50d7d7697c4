// The upload limits on the staff's workflow pages (rapport, AG,
// publipostage): a zip bomb in any of their workbook fields is refused by
// the readers' own ceilings, and a request beyond --taille-max by the
// server before any page reads it; French answers, nothing kept.
#include <zip.h>

#include "data/fixtures.hpp"
#include "web_support.hpp"

namespace lettrine::web::testing {
namespace {

// 300 Mio of spaces in one sheet, deflated to a few hundred Kio: beyond the
// readers' 256 Mio per entry (XlsxLimits). The sheet of a hand-written
// workbook is replaced by libzip at its fastest level (the default level
// takes seconds); made once.
const std::string& zip_bomb() {
    static const std::string bomb = [] {
        const fs::path file = fs::temp_directory_path() / fs::unique_path("lettrine-bombe-%%%%-%%%%.xlsx");
        {
            std::ofstream out(file.string(), std::ios::binary);
            out << fixtures::hand_written_workbook("");
        }
        const std::string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                  "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" +
                                  std::string(std::size_t{300} << 20, ' ') + "</t></is></c></row></sheetData></worksheet>";
        int error = 0;
        zip_t* archive = zip_open(file.string().c_str(), 0, &error);
        const zip_int64_t index = archive ? zip_name_locate(archive, "xl/worksheets/sheet1.xml", 0) : -1;
        zip_source_t* source = index >= 0 ? zip_source_buffer(archive, sheet.data(), sheet.size(), 0) : nullptr;
        if (!source || zip_file_replace(archive, static_cast<zip_uint64_t>(index), source, 0) < 0 ||
            zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1) < 0 ||
            zip_close(archive) != 0)
            ADD_FAILURE() << "libzip could not write the zip bomb";
        std::string bytes = slurp(file);
        fs::remove(file);
        return bytes;
    }();
    return bomb;
}

FormPart programme_part() {
    return {"programme", "programme-2016.xlsx", slurp(source("input/programme-2016.xlsx"))};
}

void expect_refused_bomb(const httplib::Result& sent, const std::string& path, const RunningServer& server) {
    ASSERT_TRUE(sent) << path;
    EXPECT_EQ(sent->status, 422) << path;
    EXPECT_NE(sent->body.find("une fois décompressé"), std::string::npos) << path << "\n" << sent->body.substr(0, 4000);
    EXPECT_NE(sent->body.find("Il y a un problème"), std::string::npos) << path;
    EXPECT_EQ(files_under(server.folder() / "output/serveur/resultats"), 0u) << path;
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u) << path;
}

TEST(WorkPageLimits, AZipBombIsRefusedInEveryWorkbookField) {
    ASSERT_LT(zip_bomb().size(), std::size_t{2} << 20);
    RunningServer server;
    auto client = server.client();
    expect_refused_bomb(post_form(client, "/rapport", "/rapport", {{"programme", "programme.xlsx", zip_bomb()}}),
                        "rapport, programme", server);
    expect_refused_bomb(post_form(client, "/rapport", "/rapport",
                                  {programme_part(), {"notes", "bilan-2016-habitat.xlsx", zip_bomb()}}),
                        "rapport, notes", server);
    expect_refused_bomb(post_form(client, "/assemblee", "/assemblee", {programme_part(), {"ag", "ag-2016.xlsx", zip_bomb()}}),
                        "assemblée", server);
    expect_refused_bomb(post_form(client, "/publipostage", "/publipostage",
                                  {{"modele", "invitation.xml.mustache", slurp(source("samples/fusion/invitation.xml.mustache"))},
                                   {"donnees", "destinataires.xlsx", zip_bomb()},
                                   {"chaque", "", "Feuille"}}),
                        "publipostage", server);
}

TEST(WorkPageLimits, AnUploadBeyondTheLimitIsRefusedBeforeAnyPageReadsIt) {
    ServerOptions options;
    options.max_upload_bytes = 1 << 20;
    RunningServer server(options);
    auto client = server.client();
    const std::string big(2 << 20, 'x');
    const std::vector<std::pair<std::string, std::vector<FormPart>>> posts = {
        {"/rapport", {{"notes", "note-habitat.pdf", big}}},
        {"/assemblee", {{"ag", "ag-2016.xlsx", big}}},
        {"/publipostage", {{"modele", "invitation.xml.mustache", "x"}, {"donnees", "destinataires.xml", big}}}};
    for (const auto& [path, parts] : posts) {
        auto res = post_form(client, path, path, parts);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 413) << path;
        EXPECT_NE(res->body.find("Envoi trop volumineux"), std::string::npos) << path;
        EXPECT_NE(res->body.find("<html lang=\"fr\">"), std::string::npos) << path;
    }
    EXPECT_EQ(files_under(server.folder() / "output"), 0u);
}

TEST(WorkPageLimits, TooManyNotesAreRefusedAtOnce) {
    RunningServer server;
    auto client = server.client();
    std::vector<FormPart> parts{programme_part()};
    for (int i = 0; i < 41; ++i) parts.push_back({"notes", "note-" + std::to_string(i) + ".pdf", "%PDF-1.4\n"});
    auto sent = post_form(client, "/rapport", "/rapport", parts);
    ASSERT_TRUE(sent);
    EXPECT_EQ(sent->status, 422);
    EXPECT_NE(sent->body.find("fichiers reçus pour les notes"), std::string::npos) << sent->body.substr(0, 3000);
    EXPECT_NE(sent->body.find("41"), std::string::npos);
    EXPECT_EQ(files_under(server.folder() / "output/serveur/travail"), 0u);
}

}  // namespace
}  // namespace lettrine::web::testing
