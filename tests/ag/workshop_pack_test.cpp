// The workshop packs: the view model (attendance rows, bilan hook) and the
// real templates laid out and written, read back with pdftotext.
#include <gtest/gtest.h>

#include <algorithm>

#include "ag/workshop_job.hpp"
#include "ag/workshop_view.hpp"
#include "ag_fixtures.hpp"
#include "pipeline/document_pipeline.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/template.hpp"

using namespace lettrine;
using namespace ag_fixtures;

namespace {

LaidOutDocument compose_pack(const GeneralAssembly& ag, const std::string& sector_id,
                             const std::optional<SectorBilan>& bilan = std::nullopt) {
    static const Template pack = Template::load(source_path("templates/atelier.xml.mustache"));
    PipelineContext context;
    context.resource_dir = source_path("templates");
    const Sector& sector = *programme().find_sector(sector_id);
    return compose_document(pack, workshop_view(programme(), ag, *ag.find_workshop(sector_id), sector, bilan), context,
                            sector_id);
}

std::string registrant(const std::string& last, const std::string& first, const std::string& workshop) {
    return "    <inscrit nom=\"" + last + "\" prenom=\"" + first + "\" organisation=\"Structure " + last +
           "\" atelier=\"" + workshop + "\"/>\n";
}

// Index of each page whose text contains `needle`.
std::vector<std::size_t> pages_with(const LaidOutDocument& doc, const std::string& needle) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < doc.pages.size(); ++i)
        if (page_text(doc.pages[i]).find(needle) != std::string::npos) out.push_back(i);
    return out;
}

}  // namespace

TEST(WorkshopPack, AttendanceRowsSortedThenBlankUpToTheSetNumber) {
    const GeneralAssembly ag = read_xml_assembly(assembly_xml(
        registrant("Zèbre", "Yasmine", "habitat") + registrant("étienne", "Paul", "habitat") +
        registrant("Écopole", "Nina", "habitat") + registrant("eco", "Jules", "habitat") +
        registrant("Autre", "Atelier", "circuits-courts")));
    const auto rows = attendance_rows(ag, *ag.find_workshop("habitat"));
    ASSERT_EQ(rows.size(), 20u);  // the default total
    std::vector<std::string> names;
    for (const auto& r : rows)
        if (!r.blank()) names.push_back(r.last_name);
    EXPECT_EQ(names, (std::vector<std::string>{"eco", "Écopole", "étienne", "Zèbre"}));
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const AttendanceRow& r) { return r.blank(); }), 16);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_FALSE(rows[i].blank());
}

TEST(WorkshopPack, AtLeastTheMinimumOfBlankRows) {
    std::string people;
    for (int i = 0; i < 19; ++i) people += registrant("Nom" + std::to_string(100 + i), "Prénom", "habitat");
    std::string xml = assembly_xml(people);
    xml.replace(xml.find("lieu=\"Le Solilab\""), 17, "lieu=\"Le Solilab\" lignes-emargement=\"12\" lignes-vierges=\"4\"");
    const GeneralAssembly ag = read_xml_assembly(xml);
    const auto rows = attendance_rows(ag, *ag.find_workshop("habitat"));
    EXPECT_EQ(rows.size(), 23u);
    EXPECT_EQ(std::count_if(rows.begin(), rows.end(), [](const AttendanceRow& r) { return r.blank(); }), 4);
    EXPECT_EQ(attendance_rows(ag, *ag.find_workshop("numerique")).size(), 12u);
}

TEST(WorkshopPack, SectionsInOrderInThePdf) {
    const std::string text = pdf_text_of_bytes(write_pdf(compose_pack(assembly(), "habitat")));
    const std::vector<std::string> sections = {
        "ASSEMBLÉE GÉNÉRALE 2016", "Atelier « Habitat »", "jeudi 16 juin 2016", "Le Solilab, la halle",
        "Ordre du jour", "Le secteur en bref", "Structure référente Habitat (exemple)", "Les missions en 2016",
        "Les projets conduits dans le secteur", "Fonds d’investissement solidaire", "Questions pour les échanges",
        "Feuille d’émargement", "Votre avis sur l’atelier"};
    std::size_t at = 0;
    for (const auto& s : sections) {
        const std::size_t found = text.find(s, at);
        ASSERT_NE(found, std::string::npos) << "« " << s << " » manque ou n'est pas à sa place";
        at = found + s.size();
    }
    EXPECT_EQ(text.find("Chiffres clés"), std::string::npos);  // no bilan given
}

TEST(WorkshopPack, RegistrantsPrintedInFrenchOrder) {
    const std::string text = pdf_text_of_bytes(write_pdf(compose_pack(assembly(), "habitat")), "-raw");
    std::vector<std::size_t> at;
    // Name and first name side by side start each row (a long name wraps: its first part only).
    for (const char* name : {"Aperçu Bruno", "Canevas Agnès", "Copie Hélène", "Delacroix-", "Démo Maëlle", "eco Jules",
                             "Écopole-Fictif Nina", "Épreuve Clément", "Ersatz Chloé", "étienne Paul", "Gabarit Héloïse",
                             "Imaginaire Noël", "Modèle Maël", "Pastiche Aurélie", "Patron Théo", "Prototype Jérôme",
                             "Simulacre Karim", "Zèbre Yasmine"}) {
        at.push_back(text.find(name, text.find("Feuille d’émargement")));
        ASSERT_NE(at.back(), std::string::npos) << name;
    }
    EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
}

TEST(WorkshopPack, LongAttendanceSheetRepeatsItsHeaderOnEveryPage) {
    std::string people;
    for (int i = 0; i < 40; ++i) people += registrant("Inscrit" + std::to_string(100 + i), "Prénom", "habitat");
    const LaidOutDocument doc = compose_pack(read_xml_assembly(assembly_xml(people)), "habitat");
    const auto first = pages_with(doc, "Inscrit100");
    const auto last = pages_with(doc, "Inscrit139");
    ASSERT_EQ(first.size(), 1u);
    ASSERT_EQ(last.size(), 1u);
    ASSERT_GE(last[0], first[0] + 2);  // 45 rows of at least 12 mm: three pages or more
    for (std::size_t p = first[0]; p <= last[0]; ++p) {
        const auto lines = page_lines(doc.pages[p]);
        const auto header = std::find(lines.begin(), lines.end(), "Signature");
        EXPECT_NE(header, lines.end()) << "page " << p + 1 << " sans en-tête";
        EXPECT_NE(std::find(lines.begin(), lines.end(), "Organisation"), lines.end());
    }
    // Every row, registrant or blank, is at least 12 mm tall: count the rows
    // from the table's horizontal rules on a full page.
    std::vector<double> ys;
    for (const auto& item : doc.pages[first[0] + 1].items)
        if (const auto* r = std::get_if<Rule>(&item); r && r->y1 == r->y2) ys.push_back(r->y1);
    std::sort(ys.begin(), ys.end());
    ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
    ASSERT_GE(ys.size(), 10u);
    for (std::size_t i = 2; i < ys.size(); ++i) EXPECT_GE(ys[i] - ys[i - 1], 12 * 72 / 25.4 - 0.01);
}

TEST(WorkshopPack, BilanKeyFiguresWhenGiven) {
    SectorBilan bilan{2015, {{"Projets accompagnés", "12"}, {"Partenaires réunis", "35"}}};
    const std::string text = pdf_text_of_bytes(write_pdf(compose_pack(assembly(), "dechets-ressources", bilan)));
    const auto at = text.find("Chiffres clés du bilan 2015");
    ASSERT_NE(at, std::string::npos);
    EXPECT_LT(at, text.find("Les projets conduits dans le secteur"));
    EXPECT_NE(text.find("Projets accompagnés"), std::string::npos);
}

TEST(WorkshopPack, SectorWithoutReferentHasItsPack) {
    const std::string text = pdf_text_of_bytes(write_pdf(compose_pack(assembly(), "numerique")));
    EXPECT_NE(text.find("Atelier « Numérique et ESS »"), std::string::npos);
    EXPECT_NE(text.find("Sacha Exemple"), std::string::npos);
    EXPECT_NE(text.find("conventionné directement par Nantes Métropole"), std::string::npos);
}

TEST(WorkshopPack, FeedbackFormIsOnePage) {
    const LaidOutDocument doc = compose_pack(assembly(), "habitat");
    const auto pages = pages_with(doc, "Votre avis sur l’atelier");
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0], doc.pages.size() - 1);
    EXPECT_NE(page_text(doc.pages.back()).find("Merci de remettre ce questionnaire"), std::string::npos);
}

TEST(WorkshopPack, DuplexDossierStartsEachPackOnARightHandPage) {
    auto pack = [](std::size_t pages) {
        LaidOutDocument d;
        d.pages.resize(pages);
        return d;
    };
    std::vector<std::size_t> starts;
    const LaidOutDocument book = assemble_dossier({pack(3), pack(2), pack(4), pack(1)}, true, &starts);
    EXPECT_EQ(starts, (std::vector<std::size_t>{0, 4, 6, 10}));
    EXPECT_EQ(book.pages.size(), 11u);
    EXPECT_TRUE(book.pages[3].items.empty());
    starts.clear();
    EXPECT_EQ(assemble_dossier({pack(3), pack(2), pack(4)}, false, &starts).pages.size(), 9u);
    EXPECT_EQ(starts, (std::vector<std::size_t>{0, 3, 5}));
}
