#include "bilan/note_view.hpp"

#include "data/field_reader.hpp"
#include "template/french_format.hpp"

namespace lettrine {

namespace {

DataValue text(const std::string& s) { return DataValue::text(s); }

std::string count_phrase(std::size_t n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n > 1 ? plural : singular);
}

// A percentage rounded to the unit, with the French non-breaking space: « 96 % ».
std::string percent(int part, int whole) {
    const long rounded = whole > 0 ? (200L * part + whole) / (2L * whole) : 0;
    return std::to_string(rounded) + kUnitSpace + "%";
}

std::string date_or(const std::optional<Date>& date, const std::string& otherwise) {
    return date ? format_date_long(*date) : otherwise;
}

// Narrative blocks: { paragraphe: "…" } or { a_des_puces, puces: [{texte}] }; the other
// key is set empty so Mustache never looks it up in an outer context.
DataValue narrative_view(const Narrative& narrative) {
    DataValue list = DataValue::list();
    for (const auto& block : narrative.blocks) {
        DataValue item = DataValue::map();
        DataValue bullets = DataValue::list();
        if (block.kind == NarrativeBlock::Kind::Paragraph) {
            item.set("paragraphe", text(block.items.front()));
        } else {
            item.set("paragraphe", text(""));
            for (const auto& b : block.items) {
                DataValue bullet = DataValue::map();
                bullet.set("texte", text(b));
                bullets.push_back(bullet);
            }
        }
        item.set("a_des_puces", DataValue::boolean(!bullets.items().empty()));
        item.set("puces", bullets);
        list.push_back(item);
    }
    return list;
}

std::string volume_phrase(const Bilan& b) {
    if (!b.days_min || !b.days_max) return "";
    if (*b.days_min == *b.days_max) return format_days(*b.days_min);
    return std::to_string(*b.days_min) + " à " + format_days(*b.days_max);
}

}  // namespace

std::string format_days_value(HalfDays days) { return format_half_days(days.halves); }

std::string format_days_gap(int halves) {
    if (halves == 0) return "0";
    const std::string magnitude = format_half_days(halves < 0 ? -halves : halves);
    return (halves < 0 ? "\u2212" : "+") + magnitude;
}

std::vector<NoteFigure> note_key_figures(const Bilan& b) {
    std::vector<NoteFigure> figures;
    const HalfDays planned = b.planned_total(), done = b.done_total();
    figures.push_back({format_days_value(done), done.halves >= 4 ? "jours réalisés" : "jour réalisé",
                       "sur " + format_days_value(planned) + " prévus", "Jours réalisés"});
    figures.push_back({planned.halves > 0 ? percent(done.halves, planned.halves) : "\u2014", "de réalisation",
                       "jours réalisés / prévus", "Taux de réalisation"});
    figures.push_back({std::to_string(b.projects.size()), b.projects.size() > 1 ? "projets accompagnés" : "projet accompagné",
                       count_phrase(b.opinions_given(), "avis de financement", "avis de financement"), "Projets accompagnés"});
    figures.push_back({std::to_string(b.partnerships.size()), b.partnerships.size() > 1 ? "partenaires mobilisés" : "partenaire mobilisé",
                       count_phrase(b.conventions_signed(), "convention signée", "conventions signées"), "Partenaires mobilisés"});
    std::size_t ongoing = 0;
    for (const auto& x : b.experiments) ongoing += x.status == ExperimentStatus::Ongoing;
    figures.push_back({std::to_string(b.experiments.size()), b.experiments.size() > 1 ? "expérimentations" : "expérimentation",
                       count_phrase(ongoing, "en cours", "en cours"), "Expérimentations"});
    return figures;
}

DataValue note_view(const Bilan& b) {
    DataValue v = DataValue::map();
    v.set("annee", text(std::to_string(b.year)));
    v.set("annee_suivante", text(std::to_string(b.year + 1)));
    DataValue sector = DataValue::map();
    sector.set("identifiant", text(b.sector_id));
    sector.set("nom", text(b.sector_name));
    v.set("secteur", sector);
    v.set("referent", text(b.referent));
    DataValue author = DataValue::map();
    author.set("nom", text(b.author.name));
    author.set("qualite", text(b.author.role));
    v.set("redacteur", author);
    v.set("date", text(b.date ? format_date_long(*b.date) : ""));
    v.set("date_iso", text(b.date ? format_date_iso(*b.date) : ""));
    v.set("volume_programme", text(volume_phrase(b)));

    DataValue figures = DataValue::list();
    for (const auto& f : note_key_figures(b)) {
        DataValue item = DataValue::map();
        item.set("valeur", text(f.value));
        item.set("libelle", text(f.label));
        item.set("detail", text(f.detail));
        figures.push_back(item);
    }
    v.set("chiffres_cles", figures);

    // Time per mission: the table and the chart.
    DataValue missions = DataValue::list();
    DataValue categories = DataValue::list();
    for (const auto& m : b.missions) {
        DataValue item = DataValue::map();
        item.set("numero", text(std::to_string(m.number)));
        item.set("intitule", text(m.title));
        item.set("prevus", text(format_days_value(m.planned)));
        item.set("realises", text(format_days_value(m.done)));
        item.set("ecart", text(format_days_gap(m.done.halves - m.planned.halves)));
        item.set("commentaire", text(m.comment));
        missions.push_back(item);
        DataValue category = DataValue::map();
        category.set("nom", text(m.title));
        category.set("prevus", text(format_days_value(m.planned)));
        category.set("realises", text(format_days_value(m.done)));
        categories.push_back(category);
    }
    DataValue time = DataValue::map();
    time.set("missions", missions);
    DataValue total = DataValue::map();
    total.set("prevus", text(format_days_value(b.planned_total())));
    total.set("realises", text(format_days_value(b.done_total())));
    total.set("ecart", text(format_days_gap(b.done_total().halves - b.planned_total().halves)));
    total.set("taux", text(b.planned_total().halves > 0 ? percent(b.done_total().halves, b.planned_total().halves) : ""));
    time.set("total", total);
    v.set("temps", time);
    DataValue chart = DataValue::map();
    chart.set("categories", categories);
    v.set("graphique", chart);

    DataValue steering = DataValue::list();
    const std::pair<const char*, const std::optional<Date>*> meetings[] = {
        {"Comité de pilotage annuel", &b.steering_committee},
        {"Atelier du secteur à l’assemblée générale", &b.ag_workshop},
        {"Revue de projets de juin", &b.review_june},
        {"Revue de projets de décembre", &b.review_december},
    };
    for (const auto& [label, date] : meetings) {
        DataValue item = DataValue::map();
        item.set("libelle", text(label));
        item.set("date", text(date_or(*date, "")));
        item.set("tenu", DataValue::boolean(date->has_value()));
        steering.push_back(item);
    }
    v.set("pilotage", steering);

    DataValue projects = DataValue::list();
    for (const auto& p : b.projects) {
        DataValue item = DataValue::map();
        item.set("projet", text(p.name));
        item.set("porteur", text(p.holder));
        item.set("stade", text(label_of(p.stage)));
        item.set("accompagnement", text(p.support));
        item.set("a_un_avis", DataValue::boolean(p.opinion != FundingOpinion::None));
        item.set("avis", text(p.opinion == FundingOpinion::None ? "" : label_of(p.opinion)));
        item.set("fonds", text(p.fund));
        item.set("resultat", text(p.outcome));
        projects.push_back(item);
    }
    v.set("projets", projects);
    v.set("a_des_projets", DataValue::boolean(!b.projects.empty()));

    DataValue partnerships = DataValue::list();
    for (const auto& p : b.partnerships) {
        DataValue item = DataValue::map();
        item.set("partenaire", text(p.partner));
        item.set("action", text(p.action));
        item.set("convention", text(label_of(p.convention)));
        partnerships.push_back(item);
    }
    v.set("partenariats", partnerships);
    v.set("a_des_partenariats", DataValue::boolean(!b.partnerships.empty()));

    DataValue experiments = DataValue::list();
    for (const auto& x : b.experiments) {
        DataValue item = DataValue::map();
        item.set("intitule", text(x.title));
        item.set("territoire", text(x.territory));
        item.set("statut", text(label_of(x.status)));
        item.set("prochaine_etape", text(x.next_step));
        experiments.push_back(item);
    }
    v.set("experimentations", experiments);
    v.set("a_des_experimentations", DataValue::boolean(!b.experiments.empty()));

    v.set("faits_marquants", narrative_view(b.highlights));
    v.set("difficultes", narrative_view(b.difficulties));
    v.set("a_des_difficultes", DataValue::boolean(!b.difficulties.empty()));
    v.set("perspectives", narrative_view(b.perspectives));
    v.set("plan_action", narrative_view(b.action_plan));
    return v;
}

}  // namespace lettrine
