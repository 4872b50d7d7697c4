// The `atelier` and `convertir-ag` commands: arguments, and the real
// executable on the default data.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>

#include "ag_fixtures.hpp"
#include "cli/command_line.hpp"
#include "core/diagnostic.hpp"
#include "core/output_files.hpp"

namespace fs = boost::filesystem;
using namespace lettrine;

namespace {

struct Outcome {
    int code = -1;
    std::string err;
};

Outcome run(const std::string& arguments) {
    const fs::path err = fs::temp_directory_path() / fs::unique_path("lettrine-ag-cli-%%%%-%%%%.txt");
    const int status = std::system((std::string(LETTRINE_EXE) + " " + arguments + " 2>" + err.string()).c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = read_file(err);
    fs::remove(err);
    return r;
}

}  // namespace

TEST(AtelierCommand, Arguments) {
    const Invocation a = parse_arguments({"atelier", "--donnees-ag", "x.xml", "--recto-verso"});
    EXPECT_EQ(a.command->names.front(), "atelier");
    EXPECT_EQ(a.value("--donnees-ag"), "x.xml");
    EXPECT_TRUE(a.flag("--recto-verso"));
    EXPECT_FALSE(a.flag("--badges"));
    EXPECT_EQ(a.value("--donnees"), "input/programme-2016.xlsx");
    EXPECT_EQ(parse_arguments({"atelier"}).value("--donnees-ag"), "input/ag-2016.xlsx");
    EXPECT_TRUE(parse_arguments({"atelier", "--badges"}).flag("--badges"));
    EXPECT_THROW(parse_arguments({"lettres", "--badges"}), LettrineError);
    EXPECT_THROW(parse_arguments({"convertir-ag", "--sortie", "x.xlsx"}), LettrineError);
    EXPECT_NE(help_text().find("--donnees-ag"), std::string::npos);
    EXPECT_NE(help_text().find("atelier"), std::string::npos);
}

TEST(AtelierCommand, BadgesEndToEnd) {
    const fs::path out = fs::temp_directory_path() / ("lettrine-ag-cli-" + std::to_string(::getpid()));
    fs::remove_all(out);
    const std::string common = "--donnees " + ag_fixtures::source_path("input/programme-2016.xlsx") + " --donnees-ag " +
                               ag_fixtures::source_path("input/ag-2016.xlsx") + " --modeles " +
                               ag_fixtures::source_path("templates") + " --sortie " + out.string() + " --quiet";
    const Outcome ok = run("atelier --badges " + common);
    EXPECT_EQ(ok.code, 0) << ok.err;
    EXPECT_TRUE(fs::exists(out / "ag-2016" / "badges-2016.pdf"));
    EXPECT_EQ(run("atelier --secteur jardin " + common).code, 2);
    fs::remove_all(out);
}

TEST(AtelierCommand, ConvertThenInvalidData) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-ag-convert-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string xml = read_file(ag_fixtures::source_path("input/ag-2016.xml"));
    write_file_atomically(dir / "ag.xml", xml);
    const Outcome converted = run("convertir-ag --donnees-ag " + (dir / "ag.xml").string() + " --sortie " +
                              (dir / "ag.xlsx").string() + " --quiet");
    EXPECT_EQ(converted.code, 0) << converted.err;
    EXPECT_TRUE(read_file(dir / "ag.xlsx") == read_file(ag_fixtures::source_path("input/ag-2016.xlsx")));

    const std::string address = "email=\"zoe.echantillon@exemple.org\"";
    xml.replace(xml.find(address), address.size(), "email=\"zoe.echantillon@\"");
    write_file_atomically(dir / "ag.xml", xml);
    const Outcome failed = run("atelier --donnees " + ag_fixtures::source_path("input/programme-2016.xml") +
                           " --donnees-ag " + (dir / "ag.xml").string() + " --modeles " +
                           ag_fixtures::source_path("templates") + " --sortie " + (dir / "out").string());
    EXPECT_EQ(failed.code, 3);
    EXPECT_NE(failed.err.find("ag.xml:"), std::string::npos);
    EXPECT_NE(failed.err.find("« zoe.echantillon@ » n’est pas une adresse électronique valide"), std::string::npos)
        << failed.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
    fs::remove_all(dir);
}

// June's AG comes before the year's bilans: `atelier --notes` takes the
// previous year's, and the pack says which year its figures are from; a
// bilan of any other year is an error naming its file.
TEST(AtelierCommand, NotesOfThePreviousYearForTheJuneAssembly) {
    const fs::path dir = fs::temp_directory_path() / ("lettrine-ag-notes-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "notes");
    std::string bilan = read_file(ag_fixtures::source_path("input/bilans/bilan-2016-dechets-ressources.xml"));
    for (std::size_t at = bilan.find("2016"); at != std::string::npos; at = bilan.find("2016", at)) bilan.replace(at, 4, "2015");
    write_file_atomically(dir / "notes/bilan-2015-dechets-ressources.xml", bilan);
    const std::string common = "--donnees " + ag_fixtures::source_path("input/programme-2016.xml") + " --donnees-ag " +
                               ag_fixtures::source_path("input/ag-2016.xml") + " --modeles " +
                               ag_fixtures::source_path("templates") + " --quiet --secteur dechets-ressources";
    const Outcome ok = run("atelier --notes " + (dir / "notes").string() + " --sortie " + (dir / "out").string() + " " + common);
    ASSERT_EQ(ok.code, 0) << ok.err;
    const std::string pack = ag_fixtures::pdf_text_of_bytes(read_file(dir / "out/ag-2016/dossier-atelier-dechets-ressources.pdf"));
    EXPECT_NE(pack.find("Chiffres clés du bilan 2015"), std::string::npos) << pack;
    EXPECT_NE(pack.find("Chiffres de l’année 2015, tirés du bilan annuel de la structure référente : ceux"),
              std::string::npos) << pack;
    EXPECT_NE(pack.find("de 2016 ne seront connus qu’en fin d’année."), std::string::npos) << pack;

    for (std::size_t at = bilan.find("2015"); at != std::string::npos; at = bilan.find("2015", at)) bilan.replace(at, 4, "2014");
    fs::remove(dir / "notes/bilan-2015-dechets-ressources.xml");
    write_file_atomically(dir / "notes/bilan-2014-dechets-ressources.xml", bilan);
    const Outcome old = run("atelier --notes " + (dir / "notes").string() + " --sortie " + (dir / "old").string() + " " + common);
    EXPECT_EQ(old.code, 3) << old.err;
    EXPECT_NE(old.err.find("bilan-2014-dechets-ressources.xml : ce bilan est celui de l’année 2014 ; les dossiers d’atelier "
                           "de l’AG 2016 prennent les bilans de 2015 ou de 2016"),
              std::string::npos) << old.err;
    fs::remove_all(dir);
}
