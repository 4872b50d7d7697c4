// Each lettre de mission ends with its « Annexe 1 » page: the sector's row
// of the call's table (targets, partners, experiments, volume), which the
// letter's text refers to by page number.
#include <gtest/gtest.h>

#include "cli_support.hpp"

namespace fs = boost::filesystem;
using namespace cli_test;

namespace {

std::string one_line(std::string text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        // U+00A0 (C2 A0) and U+202F (E2 80 AF) read as plain spaces.
        if (text.compare(i, 2, "\xC2\xA0") == 0) { out += ' '; ++i; continue; }
        if (text.compare(i, 3, "\xE2\x80\xAF") == 0) { out += ' '; i += 2; continue; }
        const char c = text[i];
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

std::string page_text(const fs::path& pdf, int page) {
    const std::string n = std::to_string(page);
    return one_line(run("pdftotext -f " + n + " -l " + n + " " + pdf.string() + " -").out);
}

}  // namespace

TEST(LetterAnnexe, TheLastPageIsTheSectorsRowOfAnnexe1) {
    const fs::path out = fresh_dir("lettrine-annexe-", "habitat");
    const RunResult r = run(std::string(LETTRINE_EXE) + " lettres --secteur habitat --sortie " + out.string());
    ASSERT_EQ(r.code, 0) << r.err;
    const fs::path pdf = out / "lettres/lettre-de-mission-2016-habitat.pdf";
    const int pages = pdf_page_count(pdf);
    ASSERT_GE(pages, 2);
    const std::string annexe = page_text(pdf, pages);
    for (const char* expected : {"Annexe 1 — Nature et volume des missions du secteur « Habitat »",
                                 "Recevoir les projets Popcorn et incubateurs", "Instance de coordination partenariale",
                                 "Réseau Echobat", "Fonds d’investissement solidaire", "Volume annuel",
                                 "15 000 € (30 à 45 jours)"})
        EXPECT_NE(annexe.find(expected), std::string::npos) << expected << "\n" << annexe;
    // Only this sector's row.
    EXPECT_EQ(annexe.find("Formation Valoristes"), std::string::npos) << annexe;
    // The letter's text sends the reader to the annexe's page.
    const std::string body = page_text(pdf, 1) + page_text(pdf, 2);
    const std::string reference = "récapitulés dans l’annexe 1 jointe à la présente lettre (page " + std::to_string(pages) + ")";
    EXPECT_NE(body.find(reference), std::string::npos) << body;
    fs::remove_all(out);
}
