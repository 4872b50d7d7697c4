#pragma once
// The référent's yearly bilan (« note de bilan annuelle »), validated: what
// `lettrine note` prints and what the rapport d'activité gathers. Read from
// the bilan workbook that `lettrine formulaire` writes, once filled, or from
// its XML twin (docs/BILAN.md); both give the same Bilan. Every record keeps
// the position it was read from.
#include <optional>
#include <string>
#include <vector>

#include "core/position.hpp"
#include "data/programme.hpp"

namespace lettrine {

// A number of days counted in half-days (10,5 days = 21): no binary rounding
// in totals and gaps.
struct HalfDays {
    int halves = 0;
    bool operator==(const HalfDays& o) const { return halves == o.halves; }
};

// The time spent on one of the three missions.
struct MissionTime {
    int number = 0;                  // 1..3
    std::string title;               // "Soutien aux projets"
    HalfDays planned, done;          // blank cells count as 0
    std::string comment;
    SourcePosition position;
};

enum class ProjectStage { Idea, Emergence, Creation, Development };           // « idée » … « développement »
enum class FundingOpinion { None, Favourable, Reserved, Unfavourable };      // « aucun », « favorable », …
enum class ConventionStatus { None, InDiscussion, Signed, Renewed };         // « aucune », « en discussion », …
enum class ExperimentStatus { Planned, Ongoing, Completed, Postponed, Abandoned };

// A project the référent supported (mission 1).
struct SupportedProject {
    std::string name;                // "Coopérative d'habitants Les Ormeaux"
    std::string holder;              // porteur: "Association Habiter autrement"
    ProjectStage stage = ProjectStage::Idea;
    std::string support;             // accompagnement apporté
    FundingOpinion opinion = FundingOpinion::None;
    std::string fund;                // the fund the opinion was given for; empty when no opinion
    std::string outcome;             // résultat
    SourcePosition position;
};

// A partner mobilised (mission 2).
struct Partnership {
    std::string partner;
    std::string action;              // action menée
    ConventionStatus convention = ConventionStatus::None;
    SourcePosition position;
};

// An experiment coordinated (mission 3).
struct ExperimentReport {
    std::string title;
    std::string territory;
    ExperimentStatus status = ExperimentStatus::Planned;
    std::string next_step;
    SourcePosition position;
};

// Free text: blank lines separate paragraphs, lines starting with "- " are
// bullet points (consecutive ones form one list); other lines continue the
// paragraph (or the bullet) above them.
struct NarrativeBlock {
    enum class Kind { Paragraph, Bullets };
    Kind kind = Kind::Paragraph;
    std::vector<std::string> items;  // one paragraph's text, or the bullets
};
struct Narrative {
    std::vector<NarrativeBlock> blocks;
    bool empty() const { return blocks.empty(); }
};
Narrative parse_narrative(const std::string& text);

struct Bilan {
    int year = 0;                          // the year the bilan covers
    std::string sector_id;                 // "habitat"
    std::string sector_name;               // "Habitat"
    std::string referent;                  // structure référente
    Person author;                         // rédacteur et qualité
    std::optional<Date> date;              // date of the note
    std::optional<int> days_min, days_max; // the programme's planned volume (copied into the form)

    // Coordination et pilotage; absent when the meeting did not take place.
    std::optional<Date> steering_committee, ag_workshop, review_june, review_december;

    std::vector<MissionTime> missions;     // exactly three, numbered 1..3, in order
    std::vector<SupportedProject> projects;
    std::vector<Partnership> partnerships;
    std::vector<ExperimentReport> experiments;
    Narrative highlights, difficulties, perspectives, action_plan;

    std::string source_file;               // for messages

    // Totals are always recomputed from the typed values (never the form's formulas).
    HalfDays planned_total() const;
    HalfDays done_total() const;
    std::size_t opinions_given() const;    // projects with a funding opinion
    std::size_t conventions_signed() const;// signed or renewed
};

// French labels, as typed in the form's drop-down lists and printed in the note.
const std::vector<std::string>& project_stage_labels();      // idée, émergence, création, développement
const std::vector<std::string>& funding_opinion_labels();    // aucun, favorable, réservé, défavorable
const std::vector<std::string>& convention_status_labels();  // aucune, en discussion, signée, renouvelée
const std::vector<std::string>& experiment_status_labels();  // en projet, en cours, terminée, reportée, abandonnée
// Funds named in the call for applications, offered in the form's list (others may be typed).
const std::vector<std::string>& known_funds();

const std::string& label_of(ProjectStage stage);
const std::string& label_of(FundingOpinion opinion);
const std::string& label_of(ConventionStatus status);
const std::string& label_of(ExperimentStatus status);

}  // namespace lettrine
