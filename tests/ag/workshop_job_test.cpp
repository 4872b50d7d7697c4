// `lettrine atelier` as a library call: the files, their names, identical
// bytes on rerun, nothing written on failure.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/filesystem.hpp>

#include "ag/workshop_job.hpp"
#include "ag_fixtures.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;
using namespace ag_fixtures;

namespace {

fs::path temp_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-ag-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

WorkshopOptions options_into(const fs::path& output) {
    WorkshopOptions o;
    o.programme = source_path("input/programme-2016.xml");
    o.assembly = source_path("input/ag-2016.xml");
    o.templates = source_path("templates");
    o.output = output;
    o.jobs = 2;
    return o;
}

std::vector<std::string> names(const std::vector<fs::path>& paths, const fs::path& base) {
    std::vector<std::string> out;
    for (const auto& p : paths) out.push_back(p.lexically_relative(base).string());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST(WorkshopJob, OnePackPerSectorAndTheDossierIdenticalOnRerun) {
    const fs::path a = temp_dir("a"), b = temp_dir("b");
    const JobResult first = run_workshop_packs(options_into(a));
    EXPECT_EQ(names(first.written, a),
              (std::vector<std::string>{"ag-2016/dossier-ag-2016.pdf", "ag-2016/dossier-atelier-circuits-courts.pdf",
                                        "ag-2016/dossier-atelier-dechets-ressources.pdf", "ag-2016/dossier-atelier-habitat.pdf",
                                        "ag-2016/dossier-atelier-numerique.pdf",
                                        "ag-2016/dossier-atelier-services-aux-personnes.pdf",
                                        "ag-2016/emargement-circuits-courts.pdf", "ag-2016/emargement-dechets-ressources.pdf",
                                        "ag-2016/emargement-habitat.pdf", "ag-2016/emargement-numerique.pdf",
                                        "ag-2016/emargement-services-aux-personnes.pdf"}));
    run_workshop_packs(options_into(b));
    for (const auto& p : first.written)
        EXPECT_TRUE(read_file(p) == read_file(b / p.lexically_relative(a))) << p;
    // The dossier holds every pack, in the programme's order.
    const std::string text = pdf_text_of_bytes(read_file(a / "ag-2016/dossier-ag-2016.pdf"));
    std::size_t at = 0;
    for (const auto& s : programme().sectors) {
        at = text.find("Atelier « " + s.name + " »", at);
        EXPECT_NE(at, std::string::npos) << s.id;
    }
    fs::remove_all(a);
    fs::remove_all(b);
}

// The attendance sheet goes from hand to hand: the registrants' e-mail
// addresses (input/ag-2016.xml has some) are printed neither in the pack
// nor on the sheet written apart; the sheet alone holds the registrants.
TEST(WorkshopJob, AttendanceSheetAloneAndWithoutEmailAddresses) {
    const fs::path out = temp_dir("emargement");
    run_workshop_packs(options_into(out));
    const std::string sheet = pdf_text_of_bytes(read_file(out / "ag-2016/emargement-services-aux-personnes.pdf"));
    EXPECT_NE(sheet.find("Feuille d’émargement"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("Échantillon"), std::string::npos) << sheet;
    EXPECT_NE(sheet.find("Courriel (facultatif)"), std::string::npos) << sheet;
    EXPECT_EQ(sheet.find("Votre avis sur l’atelier"), std::string::npos);  // the sheet only, not the pack
    EXPECT_EQ(sheet.find('@'), std::string::npos) << sheet;
    const std::string pack = pdf_text_of_bytes(read_file(out / "ag-2016/dossier-atelier-services-aux-personnes.pdf"));
    const std::string attendance = pack.substr(pack.find("Feuille d’émargement"));
    EXPECT_EQ(attendance.find("exemple.org"), std::string::npos) << attendance;
    EXPECT_EQ(attendance.find("zoe.echantillon"), std::string::npos);
    fs::remove_all(out);
}

TEST(WorkshopJob, BadgesOnlyWithTheOption) {
    const fs::path out = temp_dir("badges");
    WorkshopOptions o = options_into(out);
    o.badges = true;
    const JobResult result = run_workshop_packs(o);
    EXPECT_EQ(names(result.written, out), (std::vector<std::string>{"ag-2016/badges-2016.pdf"}));
    const std::string bytes = read_file(out / "ag-2016/badges-2016.pdf");
    EXPECT_TRUE(bytes == read_file(out / "ag-2016/badges-2016.pdf"));
    run_workshop_packs(o);
    EXPECT_TRUE(bytes == read_file(out / "ag-2016/badges-2016.pdf"));
    fs::remove_all(out);
}

TEST(WorkshopJob, OneSectorLeavesTheDossierAlone) {
    const fs::path out = temp_dir("one");
    WorkshopOptions o = options_into(out);
    o.sectors = {"numerique"};
    EXPECT_EQ(names(run_workshop_packs(o).written, out),
              (std::vector<std::string>{"ag-2016/dossier-atelier-numerique.pdf", "ag-2016/emargement-numerique.pdf"}));
    o.sectors = {"jardin"};
    try {
        run_workshop_packs(o);
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
    }
    fs::remove_all(out);
}

TEST(WorkshopJob, InvalidDataWritesNothing) {
    const fs::path out = temp_dir("invalid");
    std::string xml = read_file(source_path("input/ag-2016.xml"));
    xml.replace(xml.find("atelier=\"numerique\""), 19, "atelier=\"jardin\"");
    write_file_atomically(out / "ag.xml", xml);
    WorkshopOptions o = options_into(out / "sortie");
    o.assembly = out / "ag.xml";
    try {
        run_workshop_packs(o);
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
        ASSERT_EQ(e.diagnostics().error_count(), 1u);
        EXPECT_NE(e.diagnostics().items().back().describe().find("ag.xml:"), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(out / "sortie"));
    fs::remove_all(out);
}
