// Issue 16 through the real `lettrine`: a logo outside the run's folders, a
// FIFO given as data, a destination that is an input or a folder, a folder
// in the way of the budget, a batch killed during its publication.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "safety_support.hpp"

using namespace safety;

namespace {

fs::path source(const std::string& relative) { return fs::path(LETTRINE_SOURCE_DIR) / relative; }

// The 2016 programme in XML with its Logo attribute set to `logo`.
fs::path programme_with_logo(const fs::path& folder, const std::string& logo) {
    std::string xml = read_text(source("input/programme-2016.xml"));
    const std::string attribute = "logo=\"logo-ecossolies.png\"";
    xml.replace(xml.find(attribute), attribute.size(), "logo=\"" + logo + "\"");
    std::ofstream((folder / "programme.xml").string()) << xml;
    return folder / "programme.xml";
}

}  // namespace

TEST(Hardening, ALogoOutsideTheRunsFoldersIsAPositionedDataError) {
    TemporaryFolder work("logo");
    fs::create_directories(work.path() / "prive");
    fs::copy_file(source("input/logo-ecossolies.png"), work.path() / "prive/secret.png");
    fs::create_directories(work.path() / "donnees");
    for (const std::string& logo : {(work.path() / "prive/secret.png").string(), std::string("../prive/secret.png"),
                                    std::string("/dev/zero"), std::string("/dev/urandom")}) {
        const fs::path data = programme_with_logo(work.path() / "donnees", logo);
        const auto [code, errors] = run_lettrine({"lettres", "--donnees", data.string(), "--sortie",
                                                  (work.path() / "sortie").string(), "--quiet"},
                                                 work.path() / "err.txt");
        EXPECT_EQ(code, 3) << errors;
        EXPECT_NE(errors.find("programme.xml:"), std::string::npos) << errors;
        EXPECT_NE(errors.find(" : le logo « " + logo + " » ne peut pas être utilisé : ce fichier est hors des dossiers"),
                  std::string::npos)
            << errors;
        EXPECT_TRUE(files_in(work.path() / "sortie").empty());
        const auto [check_code, check_errors] =
            run_lettrine({"verifier", "--donnees", data.string()}, work.path() / "err2.txt");
        EXPECT_EQ(check_code, 3) << check_errors;
    }
    // In a workbook, the message names the Logo cell.
    const fs::path xml = programme_with_logo(work.path() / "donnees", "/dev/zero");
    const fs::path xlsx = work.path() / "donnees" / "programme.xlsx";
    const auto [convert_code, convert_errors] =
        run_lettrine({"convertir", "--donnees", xml.string(), "--sortie", xlsx.string()}, work.path() / "err.txt");
    ASSERT_EQ(convert_code, 0) << convert_errors;
    const auto [xlsx_code, xlsx_errors] =
        run_lettrine({"lettres", "--donnees", xlsx.string(), "--sortie", (work.path() / "sortie").string(), "--quiet"},
                     work.path() / "err.txt");
    EXPECT_EQ(xlsx_code, 3) << xlsx_errors;
    EXPECT_NE(xlsx_errors.find("programme.xlsx, feuille « Programme », cellule B"), std::string::npos) << xlsx_errors;
    EXPECT_NE(xlsx_errors.find(" : le logo « /dev/zero » ne peut pas être utilisé"), std::string::npos) << xlsx_errors;

    // The project's logo is found from a workbook saved anywhere.
    const fs::path data = programme_with_logo(work.path() / "donnees", "logo-ecossolies.png");
    const auto [code, errors] = run_lettrine({"lettres", "--donnees", data.string(), "--sortie",
                                              (work.path() / "sortie").string(), "--modeles",
                                              source("templates").string(), "--quiet"},
                                             work.path() / "err.txt");
    EXPECT_EQ(code, 0) << errors;
}

TEST(Hardening, AFifoOrADeviceAsDataIsRefusedAtOnce) {
    TemporaryFolder work("fifo");
    ASSERT_EQ(::mkfifo((work.path() / "programme.xml").c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    const auto [code, errors] = run_lettrine({"verifier", "--donnees", (work.path() / "programme.xml").string()},
                                             work.path() / "err.txt");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    EXPECT_EQ(code, 5) << errors;
    EXPECT_NE(errors.find("c’est un tube nommé (FIFO), pas un fichier ordinaire : refusé"), std::string::npos) << errors;
    const auto [merge_code, merge_errors] =
        run_lettrine({"fusion", "--modele", "/dev/zero", "--donnees", source("input/programme-2016.xml").string(),
                      "--chaque", "programme/secteurs/secteur", "--sortie", (work.path() / "s").string()},
                     work.path() / "err2.txt");
    EXPECT_NE(merge_code, 0);
    EXPECT_NE(merge_errors.find("périphérique, pas un fichier ordinaire"), std::string::npos) << merge_errors;
}

TEST(Hardening, ADestinationThatIsAnInputIsRefusedBeforeAnythingIsWritten) {
    TemporaryFolder work("same-file");
    fs::copy_file(source("input/programme-2016.xml"), work.path() / "p.xml");
    const std::string before = read_text(work.path() / "p.xml");
    const auto [code, errors] = run_lettrine({"convertir", "--donnees", (work.path() / "p.xml").string(), "--sortie",
                                              (work.path() / "p.xml").string()},
                                             work.path() / "err.txt");
    EXPECT_EQ(code, 2) << errors;
    EXPECT_NE(errors.find("c’est un des fichiers que ce lancement lit"), std::string::npos) << errors;
    EXPECT_EQ(read_text(work.path() / "p.xml"), before);

    fs::copy_file(source("samples/fusion/invitation.xml.mustache"), work.path() / "modele.xml.mustache");
    const std::string model = read_text(work.path() / "modele.xml.mustache");
    const auto [merge_code, merge_errors] =
        run_lettrine({"fusion", "--modele", (work.path() / "modele.xml.mustache").string(), "--donnees",
                      source("samples/fusion/destinataires.xml").string(), "--chaque", "destinataire", "--un-fichier", "--sortie",
                      (work.path() / "modele.xml.mustache").string()},
                     work.path() / "err2.txt");
    EXPECT_EQ(merge_code, 2) << merge_errors;
    EXPECT_EQ(read_text(work.path() / "modele.xml.mustache"), model);

    for (const std::string& destination : {std::string("/dev/null"), work.path().string()}) {
        const auto [dev_code, dev_errors] =
            run_lettrine({"convertir", "--donnees", (work.path() / "p.xml").string(), "--sortie", destination},
                         work.path() / "err3.txt");
        EXPECT_EQ(dev_code, 2) << dev_errors;
        EXPECT_NE(dev_errors.find("ce fichier de sortie est refusé"), std::string::npos) << dev_errors;
    }
}

TEST(Hardening, AFolderInTheWayOfTheBudgetReplacesNoLetter) {
    TemporaryFolder work("budget-folder");
    const fs::path output = work.path() / "sortie";
    const std::vector<std::string> args = {"decembre", "--donnees", source("input/programme-2016.xlsx").string(),
                                           "--sortie", output.string(), "--quiet"};
    const auto [first, first_errors] = run_lettrine(args, work.path() / "err1.txt");
    ASSERT_EQ(first, 0) << first_errors;
    const auto before = files_in(output);
    fs::remove(output / "budget-2016.xlsx");
    fs::create_directories(output / "budget-2016.xlsx");
    // Make the letters differ from the earlier ones so a replaced one would show.
    for (const auto& [name, bytes] : before)
        if (name.rfind("lettres/", 0) == 0) std::ofstream((output / name).string()) << "version précédente";
    const auto letters_before = files_in(output);
    const auto [code, errors] = run_lettrine(args, work.path() / "err2.txt");
    EXPECT_EQ(code, 5) << errors;
    EXPECT_NE(errors.find("budget-2016.xlsx : un dossier porte ce nom"), std::string::npos) << errors;
    EXPECT_NE(errors.find("aucun fichier n’a été remplacé"), std::string::npos) << errors;
    EXPECT_EQ(files_in(output), letters_before);
}
