#pragma once
// The year's programme, validated: what the December documents are made of.
// Read from the XLSX workbook or its XML twin (docs/DONNEES.md); both give
// the same Programme. Every field keeps the position it was read from so
// later checks and messages can point at it.
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/position.hpp"

namespace lettrine {

struct Date {
    int year = 0, month = 0, day = 0;
    bool valid() const { return year > 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31; }
    bool operator==(const Date& o) const { return year == o.year && month == o.month && day == o.day; }
};

// Money as integer cents: no binary rounding on amounts.
struct Money {
    int64_t cents = 0;
    bool operator==(const Money& o) const { return cents == o.cents; }
};

enum class Contracting { Ecossolies, NantesMetropole };
enum class ItemStatus { Confirmed, ToConfirm };  // « confirmé », « à confirmer »

struct Person {
    std::string name;   // "Damien Labrousse"
    std::string role;   // "Directeur", "co-présidente"
};

struct Sector {
    std::string id;                 // "habitat": stable identifier, used in file names
    std::string name;               // "Habitat"
    std::string referent;           // structure référente: "Atelier Habitat Solidaire (exemple)"
    std::string address;            // several lines separated by '\n'
    Person contact;                 // intervenant·e and role
    std::string email;
    std::string project_support;    // mission 1 target: "Recevoir les projets pop-corn et incubateurs : 5 à 10 projets par an"
    std::string partnership_mode;   // mission 2 heading: "Instance de coordination partenariale"
    std::optional<Money> budget;    // absent for sectors contracted directly
    std::optional<int> days_min, days_max, days_agreed;
    Contracting contracting = Contracting::Ecossolies;
    SourcePosition position;        // the sector's row / element
    // The cells of what the letter's recipient block is made of, for a
    // layout that finds it too tall.
    SourcePosition referent_position, address_position, contact_position;
};

struct Partner {
    std::string sector_id;
    std::string name;               // often a group: "Réseau CAP/CONF/Terroir44, GAB, Napce"
    ItemStatus status = ItemStatus::Confirmed;
    SourcePosition position;
};

struct Experiment {
    std::string sector_id;
    std::string title;
    ItemStatus status = ItemStatus::Confirmed;
    SourcePosition position;
};

struct Mission {
    int number = 0;                        // 1..3
    std::string title;                     // "Le soutien aux projets émergents"
    std::string short_title;               // Annexe 1 header: "Soutien aux projets"
    std::vector<std::string> actions;      // the call's bullet points
    std::vector<std::string> short_actions;// Annexe 1 top row: "Cibler les segments porteurs", …
    std::string ecossolies_link;           // Annexe 1 last row: "Labo : Popcorn, …"
    SourcePosition position;
};

// Free texts of the letters, by key: "contexte", "coordination", "contrat", …
// Several rows with the same key form an ordered list (bullet points).
struct TextEntry {
    std::string key;
    std::string text;
    SourcePosition position;
};

struct Programme {
    int year = 0;                       // 2016
    std::string organisation;           // "Les Ecossolies"
    std::string address;                // several lines separated by '\n'
    SourcePosition organisation_position, address_position;  // their cells, for layout messages
    std::string phone;
    std::string contact;                // "Damien Labrousse"
    std::string email;
    std::string public_partner;         // "Nantes Métropole"
    std::string letter_place;           // "Nantes"
    Date letter_date;                   // 2015-12-01
    Person signatory;                   // who signs for Les Ecossolies
    std::string logo;                   // image path relative to the data file; may be empty
    SourcePosition logo_position;       // the Logo cell (or element), for messages
    // The référents return their filled bilan forms by this date (optional),
    // on this page (`lettrine serveur`'s address, « https://… » without a
    // final « / »; optional): both are said in each form's Instructions sheet.
    std::optional<Date> bilan_deadline;
    SourcePosition bilan_deadline_position;
    std::string bilan_page;

    std::vector<Sector> sectors;        // in the workbook's order
    std::vector<Partner> partners;
    std::vector<Experiment> experiments;
    std::vector<Mission> missions;      // exactly three, numbered 1..3
    std::vector<TextEntry> texts;

    std::string source_file;            // for messages
    // What reading changed without refusing (a character no document can
    // print, replaced or removed), each at its cell: for the jobs to show.
    Diagnostics warnings;

    const Sector* find_sector(const std::string& id) const;
    std::vector<const Partner*> partners_of(const std::string& sector_id) const;
    std::vector<const Experiment*> experiments_of(const std::string& sector_id) const;
    std::vector<std::string> texts_for(const std::string& key) const;
};

// The sectors asked for with --secteur, as a set (empty: none asked), each
// checked with `exists` (by default: a sector of the programme). Throws
// LettrineError(Usage) naming every unknown one at once:
// « secteur inconnu « x » (secteurs du programme : a, b) ».
std::set<std::string> requested_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                        const std::function<bool(const std::string&)>& exists = {});

// The sectors a lettre de mission is written for: those contracted by Les
// Ecossolies, restricted to --secteur when given (an unknown identifier is
// an error, as for requested_sectors). A sector contracted directly that was
// asked for gets a warning ending with `nothing_for` (« pas de lettre de
// mission »).
std::vector<const Sector*> letter_sectors(const Programme& programme, const std::vector<std::string>& wanted,
                                          Diagnostics& warnings,
                                          const std::string& nothing_for = "pas de lettre de mission");

}  // namespace lettrine
