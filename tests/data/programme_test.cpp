#include <gtest/gtest.h>

#include "core/diagnostic.hpp"
#include "data/programme_dump.hpp"
#include "data/programme_reader.hpp"
#include "xlsx/programme_workbook.hpp"
#include "fixtures.hpp"

using namespace lettrine;
using namespace fixtures;

namespace {

// Field-by-field comparison: names the first differing field.
void expect_same_programme(const Programme& a, const Programme& b) {
    EXPECT_EQ(a.year, b.year);
    EXPECT_EQ(a.organisation, b.organisation);
    EXPECT_EQ(a.address, b.address);
    EXPECT_EQ(a.phone, b.phone);
    EXPECT_EQ(a.contact, b.contact);
    EXPECT_EQ(a.email, b.email);
    EXPECT_EQ(a.public_partner, b.public_partner);
    EXPECT_EQ(a.letter_place, b.letter_place);
    EXPECT_EQ(a.letter_date, b.letter_date);
    EXPECT_EQ(a.signatory.name, b.signatory.name);
    EXPECT_EQ(a.signatory.role, b.signatory.role);
    EXPECT_EQ(a.logo, b.logo);
    ASSERT_EQ(a.sectors.size(), b.sectors.size());
    for (std::size_t i = 0; i < a.sectors.size(); ++i) {
        const Sector &x = a.sectors[i], &y = b.sectors[i];
        SCOPED_TRACE(x.id);
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.referent, y.referent);
        EXPECT_EQ(x.address, y.address);
        EXPECT_EQ(x.contact.name, y.contact.name);
        EXPECT_EQ(x.contact.role, y.contact.role);
        EXPECT_EQ(x.email, y.email);
        EXPECT_EQ(x.project_support, y.project_support);
        EXPECT_EQ(x.partnership_mode, y.partnership_mode);
        EXPECT_EQ(x.budget, y.budget);
        EXPECT_EQ(x.days_min, y.days_min);
        EXPECT_EQ(x.days_max, y.days_max);
        EXPECT_EQ(x.days_agreed, y.days_agreed);
        EXPECT_EQ(x.contracting, y.contracting);
    }
    ASSERT_EQ(a.partners.size(), b.partners.size());
    for (std::size_t i = 0; i < a.partners.size(); ++i) {
        EXPECT_EQ(a.partners[i].sector_id, b.partners[i].sector_id);
        EXPECT_EQ(a.partners[i].name, b.partners[i].name);
        EXPECT_EQ(a.partners[i].status, b.partners[i].status);
    }
    ASSERT_EQ(a.experiments.size(), b.experiments.size());
    for (std::size_t i = 0; i < a.experiments.size(); ++i) {
        EXPECT_EQ(a.experiments[i].sector_id, b.experiments[i].sector_id);
        EXPECT_EQ(a.experiments[i].title, b.experiments[i].title);
        EXPECT_EQ(a.experiments[i].status, b.experiments[i].status);
    }
    ASSERT_EQ(a.missions.size(), b.missions.size());
    for (std::size_t i = 0; i < a.missions.size(); ++i) {
        EXPECT_EQ(a.missions[i].number, b.missions[i].number);
        EXPECT_EQ(a.missions[i].title, b.missions[i].title);
        EXPECT_EQ(a.missions[i].short_title, b.missions[i].short_title);
        EXPECT_EQ(a.missions[i].actions, b.missions[i].actions);
        EXPECT_EQ(a.missions[i].short_actions, b.missions[i].short_actions);
        EXPECT_EQ(a.missions[i].ecossolies_link, b.missions[i].ecossolies_link);
    }
    ASSERT_EQ(a.texts.size(), b.texts.size());
    for (std::size_t i = 0; i < a.texts.size(); ++i) {
        EXPECT_EQ(a.texts[i].key, b.texts[i].key);
        EXPECT_EQ(a.texts[i].text, b.texts[i].text);
    }
    EXPECT_EQ(dump_programme(a), dump_programme(b));
}

}  // namespace

TEST(Programme, XmlAndCommittedXlsxGiveTheSameProgramme) {
    const Programme xml = read_programme(source_path("input/programme-2016.xml"));
    const Programme xlsx = read_programme(source_path("input/programme-2016.xlsx"));
    expect_same_programme(xml, xlsx);
    EXPECT_EQ(xlsx.sectors[2].position.describe(), "programme-2016.xlsx, feuille « Secteurs », cellule A4");
    EXPECT_EQ(xlsx.partners[15].position.describe(), "programme-2016.xlsx, feuille « Partenaires », cellule A17");
    EXPECT_EQ(xml.sectors[2].position.file, "programme-2016.xml");
    EXPECT_GT(xml.sectors[2].position.line, 0);
}

TEST(Programme, DefaultProgrammeMatchesTheCall) {
    const Programme& p = default_programme();
    EXPECT_EQ(p.year, 2016);
    EXPECT_EQ(p.organisation, "Les Ecossolies");
    EXPECT_EQ(p.address, "Le Solilab\n8 rue Saint-Domingue\n44200 Nantes");
    EXPECT_EQ(p.letter_date, (Date{2015, 12, 1}));
    EXPECT_EQ(p.logo, "logo-ecossolies.png");
    const std::vector<std::string> ids{"services-aux-personnes", "circuits-courts", "habitat", "dechets-ressources", "numerique"};
    ASSERT_EQ(p.sectors.size(), ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(p.sectors[i].id, ids[i]);
    EXPECT_EQ(p.sectors[0].budget, (Money{1000000}));
    EXPECT_EQ(p.sectors[0].days_min, 20);
    EXPECT_EQ(p.sectors[2].budget, (Money{1500000}));
    EXPECT_EQ(p.sectors[3].days_max, 45);
    EXPECT_EQ(p.sectors[4].contracting, Contracting::NantesMetropole);
    EXPECT_FALSE(p.sectors[4].budget.has_value());
    const auto waste = p.partners_of("dechets-ressources");
    ASSERT_EQ(waste.size(), 4u);
    EXPECT_EQ(waste[1]->name, "Veolia");
    EXPECT_EQ(waste[1]->status, ItemStatus::ToConfirm);
    ASSERT_EQ(p.missions.size(), 3u);
    EXPECT_EQ(p.missions[2].ecossolies_link, "Événements Solilab (approche territoriale)");
    EXPECT_EQ(p.texts_for("coordination").size(), 5u);
    EXPECT_EQ(p.texts_for("contrat").size(), 2u);
    EXPECT_EQ(p.texts_for("contexte").size(), 3u);
    // The seed's misspellings are corrected in the data.
    const std::string dump = dump_programme(p);
    EXPECT_EQ(dump.find("Ecosolies"), std::string::npos);
    EXPECT_EQ(dump.find("fond de"), std::string::npos);
    EXPECT_EQ(dump.find("..."), std::string::npos);
    EXPECT_EQ(dump.find('?'), std::string::npos);
}

TEST(Programme, UnknownExtensionIsADataDiagnostic) {
    const ProgrammeCheck check = check_programme("programme.txt");
    EXPECT_FALSE(check.programme.has_value());
    EXPECT_EQ(described(check.diagnostics),
              std::vector<std::string>{"programme.txt : format de programme non reconnu : l’extension doit être .xlsx, "
                                       ".ods ou .xml, ou le chemin un dossier de fichiers CSV"});
    EXPECT_EQ(described(check_programme("Secteurs.csv").diagnostics),
              std::vector<std::string>{"Secteurs.csv : un programme en CSV est un dossier de fichiers (Programme.csv, "
                                       "Secteurs.csv, …) : indiquer le dossier, pas un de ses fichiers"});
    try {
        read_programme("programme.numbers");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Data);
    }
}

TEST(Programme, MissingFileIsAnIoError) {
    try {
        read_programme("/nonexistent/programme.xlsx");
        FAIL();
    } catch (const LettrineError& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Io);
    }
}

TEST(Programme, CorruptWorkbookIsReportedNotThrownByCheck) {
    const ProgrammeCheck check = check_programme_bytes("PK\x03\x04 tronqué", "programme-2016.xlsx", ProgrammeFormat::Xlsx);
    EXPECT_FALSE(check.programme.has_value());
    ASSERT_EQ(check.diagnostics.items().size(), 1u);
    EXPECT_EQ(check.diagnostics.items()[0].position.file, "programme-2016.xlsx");
}
