// BilanSource -> Bilan: every rule of the bilan contract (docs/BILAN.md),
// each problem reported at its cell or XML position, all at once.
#include <algorithm>
#include <map>

#include "bilan/bilan_reader.hpp"
#include "bilan/bilan_schema.hpp"
#include "data/calendar.hpp"
#include "data/field_reader.hpp"
#include "data/programme_validation.hpp"

namespace lettrine {

namespace {

// How a date is written, for messages (the bilans' own year).
const char* const kDateExamples = "17/11/2016 ou 2016-11-17";

std::string days_phrase(int halves) {
    return format_half_days(halves) + (halves >= 4 ? " jours" : " jour");
}

// Reads the identity (« Bilan ») and the coordination dates.
void read_identity(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    if (source.identity.rows.empty()) return;
    FieldReader r(source.identity, source.identity.rows.front(), diagnostics, source.date1904);
    for (const char* id : {"annee", "secteur", "nom-secteur", "structure-referente", "redacteur", "date"}) r.require(id);
    if (auto year = r.integer("annee")) {
        if (*year < 2000 || *year > 2100)
            diagnostics.error(r.where("annee"), quoted(std::to_string(*year)) + " n’est pas une année plausible (2000 à 2100)");
        else
            b.year = *year;
    }
    b.sector_id = r.text("secteur");
    if (!b.sector_id.empty() && !is_slug_identifier(b.sector_id))
        diagnostics.error(r.where("secteur"), "l’identifiant " + quoted(b.sector_id) +
                                                  " ne doit contenir que des minuscules sans accents, des chiffres et des tirets");
    b.sector_name = r.text("nom-secteur");
    b.referent = r.text("structure-referente");
    b.author.name = r.text("redacteur");
    b.author.role = r.text("qualite-redacteur");
    b.date = r.date("date", kDateExamples);
    if (b.date && b.year && b.date->year != b.year && b.date->year != b.year + 1)
        diagnostics.warning(r.where("date"), "la date de la note (" + french_numeric_date(*b.date) + ") ne tombe ni en " +
                                                 std::to_string(b.year) + " ni en " + std::to_string(b.year + 1));
    b.days_min = r.integer("jours-min");
    b.days_max = r.integer("jours-max");
    if (b.days_min && b.days_max && *b.days_min > *b.days_max)
        diagnostics.error(r.where("jours-min"), "les jours min (" + std::to_string(*b.days_min) +
                                                    ") dépassent les jours max (" + std::to_string(*b.days_max) + ")");

    const std::pair<const char*, std::optional<Date> Bilan::*> meetings[] = {
        {"comite-pilotage", &Bilan::steering_committee},
        {"atelier-ag", &Bilan::ag_workshop},
        {"revue-juin", &Bilan::review_june},
        {"revue-decembre", &Bilan::review_december},
    };
    for (const auto& [id, member] : meetings) {
        if (r.blank(id)) {
            if (!source.identity.column_missing(id))
                diagnostics.warning(r.where(id), "aucune date pour " + quoted(r.spec(id).label) +
                                                     " : la note indiquera qu’il n’a pas eu lieu");
            continue;
        }
        b.*member = r.date(id, kDateExamples);
        if (b.*member && b.year && (b.*member)->year != b.year && (b.*member)->year != b.year + 1)
            diagnostics.warning(r.where(id), quoted(r.spec(id).label) + " : la date " + french_numeric_date(*(b.*member)) +
                                                 " ne tombe ni en " + std::to_string(b.year) + " ni en " +
                                                 std::to_string(b.year + 1));
    }
}

// « Temps »: one row per mission, planned and done days.
void read_time(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    const SourceTable& table = source.time;
    std::map<int, SourcePosition> seen;
    bool days_complete = true;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        MissionTime m;
        m.position = row.position;
        for (const char* id : {"numero", "intitule", "jours-prevus", "jours-realises"})
            if (!r.require(id) && std::string(id).rfind("jours", 0) == 0) days_complete = false;
        if (auto number = r.integer("numero")) {
            if (*number < 1 || *number > 3) {
                diagnostics.error(r.where("numero"), "la mission " + quoted(std::to_string(*number)) +
                                                         " n’existe pas : les missions sont numérotées 1, 2 et 3");
            } else {
                const auto [it, inserted] = seen.emplace(*number, r.where("numero"));
                if (!inserted)
                    diagnostics.error(r.where("numero"), "la mission " + std::to_string(*number) +
                                                             " est déjà donnée (" + short_place(it->second) + ")");
                else
                    m.number = *number;
            }
        }
        m.title = r.text("intitule");
        const auto planned = r.half_days("jours-prevus");
        const auto done = r.half_days("jours-realises");
        if ((!planned && !r.blank("jours-prevus")) || (!done && !r.blank("jours-realises"))) days_complete = false;
        m.planned.halves = planned.value_or(0);
        m.done.halves = done.value_or(0);
        m.comment = r.text("commentaire");
        if (m.number) b.missions.push_back(std::move(m));
    }
    if (table.present && seen.size() != 3 && !table.column_missing("numero")) {
        std::string missing;
        for (int n = 1; n <= 3; ++n)
            if (!seen.count(n)) missing += (missing.empty() ? "" : ", ") + std::to_string(n);
        diagnostics.error(table.position, "le temps passé doit être donné pour chacune des trois missions (manque : " +
                                              missing + ")");
        days_complete = false;
    }
    std::sort(b.missions.begin(), b.missions.end(), [](const MissionTime& x, const MissionTime& y) { return x.number < y.number; });
    // The form's check, redone on the typed values: the split must fit the programme's volume.
    if (days_complete && table.present && b.days_min && b.days_max && *b.days_min <= *b.days_max) {
        const int total = b.planned_total().halves;
        if (total < 2 * *b.days_min || total > 2 * *b.days_max)
            diagnostics.error(table.position, "la répartition des jours prévus entre les missions (total : " +
                                                  days_phrase(total) + ") sort du volume prévu au programme (" +
                                                  std::to_string(*b.days_min) + " à " + std::to_string(*b.days_max) +
                                                  " jours)");
    }
}

void read_projects(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    const SourceTable& table = source.projects;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        SupportedProject p;
        p.position = row.position;
        for (const char* id : {"projet", "porteur", "stade", "accompagnement"}) r.require(id);
        p.name = r.text("projet");
        p.holder = r.text("porteur");
        if (auto stage = r.choice("stade", project_stage_labels())) p.stage = static_cast<ProjectStage>(*stage);
        p.support = r.text("accompagnement");
        const auto opinion = r.choice("avis", funding_opinion_labels());
        if (opinion) p.opinion = static_cast<FundingOpinion>(*opinion);
        p.fund = r.text("fonds");
        if (p.opinion != FundingOpinion::None && p.fund.empty())
            r.require("fonds", " quand un avis de financement est donné (indiquer le fonds sollicité)");
        if (!p.fund.empty() && (opinion ? *opinion == 0 : r.blank("avis")))
            diagnostics.error(r.where("fonds"), "le fonds " + quoted(p.fund) +
                                                    " est indiqué sans avis de financement : choisir l’avis donné "
                                                    "(« favorable », « réservé » ou « défavorable ») ou effacer le fonds");
        p.outcome = r.text("resultat");
        b.projects.push_back(std::move(p));
    }
    if (table.present && table.rows.empty())
        diagnostics.warning(table.position, "aucun projet accompagné n’est indiqué");
}

// A pre-filled row (the programme's partner or experiment) left as it was.
bool untouched(const FieldReader& r, const char* name_field, std::initializer_list<const char*> others) {
    if (r.blank(name_field)) return false;
    return std::all_of(others.begin(), others.end(), [&](const char* id) { return r.blank(id); });
}

void read_partnerships(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    const SourceTable& table = source.partnerships;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        Partnership p;
        p.position = row.position;
        p.partner = r.text("partenaire");
        if (untouched(r, "partenaire", {"action", "convention"})) {
            diagnostics.error(row.position, "partenaire " + quoted(p.partner) +
                                                " : indiquer l’action menée et l’état de la convention, ou effacer la ligne");
            continue;
        }
        for (const char* id : {"partenaire", "action", "convention"}) r.require(id);
        p.action = r.text("action");
        if (auto status = r.choice("convention", convention_status_labels())) p.convention = static_cast<ConventionStatus>(*status);
        b.partnerships.push_back(std::move(p));
    }
}

void read_experiments(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    const SourceTable& table = source.experiments;
    for (const auto& row : table.rows) {
        FieldReader r(table, row, diagnostics, source.date1904);
        ExperimentReport x;
        x.position = row.position;
        x.title = r.text("intitule");
        if (untouched(r, "intitule", {"territoire", "statut", "prochaine-etape"})) {
            diagnostics.error(row.position, "expérimentation " + quoted(x.title) +
                                                " : indiquer le territoire, le statut et la prochaine étape, ou effacer la ligne");
            continue;
        }
        for (const char* id : {"intitule", "territoire", "statut"}) r.require(id);
        x.territory = r.text("territoire");
        if (auto status = r.choice("statut", experiment_status_labels())) x.status = static_cast<ExperimentStatus>(*status);
        x.next_step = r.text("prochaine-etape");
        if (x.next_step.empty() && x.status != ExperimentStatus::Completed && x.status != ExperimentStatus::Abandoned &&
            !r.blank("statut"))
            r.require("prochaine-etape", " pour une expérimentation qui n’est ni terminée ni abandonnée");
        b.experiments.push_back(std::move(x));
    }
}

void read_texts(const BilanSource& source, Bilan& b, Diagnostics& diagnostics) {
    if (source.texts.rows.empty()) return;
    FieldReader r(source.texts, source.texts.rows.front(), diagnostics, source.date1904);
    const std::pair<const char*, Narrative Bilan::*> texts[] = {
        {"faits-marquants", &Bilan::highlights},
        {"difficultes", &Bilan::difficulties},
        {"perspectives", &Bilan::perspectives},
        {"plan-action", &Bilan::action_plan},
    };
    for (const auto& [id, member] : texts) {
        const bool optional = std::string(id) == "difficultes";
        b.*member = parse_narrative(r.free_text(id));
        if ((b.*member).empty() && !optional) {
            if (!source.texts.column_missing(id) || r.raw(id))
                diagnostics.error(r.where(id), "le texte " + quoted(r.spec(id).label) + " est obligatoire");
        }
    }
}

}  // namespace

Bilan validate_bilan(const BilanSource& source, Diagnostics& diagnostics) {
    diagnostics.append(source.diagnostics);
    Bilan bilan;
    bilan.source_file = source.file;
    read_identity(source, bilan, diagnostics);
    read_time(source, bilan, diagnostics);
    read_projects(source, bilan, diagnostics);
    read_partnerships(source, bilan, diagnostics);
    read_experiments(source, bilan, diagnostics);
    read_texts(source, bilan, diagnostics);
    return bilan;
}

}  // namespace lettrine
