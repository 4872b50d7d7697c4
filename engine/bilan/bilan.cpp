#include "bilan/bilan.hpp"

#include "core/text.hpp"

namespace lettrine {

namespace {

bool is_bullet(const std::string& line) { return line.size() >= 2 && line[0] == '-' && line[1] == ' '; }

}  // namespace

Narrative parse_narrative(const std::string& text) {
    Narrative narrative;
    bool open = false;  // the last block may be continued by the next line
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = collapse_whitespace(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (line.empty()) {
            open = false;
        } else if (is_bullet(line) || line == "-") {
            const std::string item = trim(line.substr(1));
            if (!open || narrative.blocks.back().kind != NarrativeBlock::Kind::Bullets)
                narrative.blocks.push_back({NarrativeBlock::Kind::Bullets, {}});
            if (!item.empty()) narrative.blocks.back().items.push_back(item);
            open = true;
        } else if (open) {
            auto& items = narrative.blocks.back().items;
            if (items.empty()) items.push_back(line);
            else items.back() += " " + line;
        } else {
            narrative.blocks.push_back({NarrativeBlock::Kind::Paragraph, {line}});
            open = true;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    // A bullet list whose only "-" lines were empty says nothing.
    std::vector<NarrativeBlock> kept;
    for (auto& b : narrative.blocks)
        if (!b.items.empty()) kept.push_back(std::move(b));
    narrative.blocks = std::move(kept);
    return narrative;
}

HalfDays Bilan::planned_total() const {
    HalfDays total;
    for (const auto& m : missions) total.halves += m.planned.halves;
    return total;
}

HalfDays Bilan::done_total() const {
    HalfDays total;
    for (const auto& m : missions) total.halves += m.done.halves;
    return total;
}

std::size_t Bilan::opinions_given() const {
    std::size_t n = 0;
    for (const auto& p : projects) n += p.opinion != FundingOpinion::None;
    return n;
}

std::size_t Bilan::conventions_signed() const {
    std::size_t n = 0;
    for (const auto& p : partnerships) n += p.convention == ConventionStatus::Signed || p.convention == ConventionStatus::Renewed;
    return n;
}

const std::vector<std::string>& project_stage_labels() {
    static const std::vector<std::string> labels{"idée", "émergence", "création", "développement"};
    return labels;
}
const std::vector<std::string>& funding_opinion_labels() {
    static const std::vector<std::string> labels{"aucun", "favorable", "réservé", "défavorable"};
    return labels;
}
const std::vector<std::string>& convention_status_labels() {
    static const std::vector<std::string> labels{"aucune", "en discussion", "signée", "renouvelée"};
    return labels;
}
const std::vector<std::string>& experiment_status_labels() {
    static const std::vector<std::string> labels{"en projet", "en cours", "terminée", "reportée", "abandonnée"};
    return labels;
}
const std::vector<std::string>& known_funds() {
    // The funds the call for applications names (« fond de soutien ESS de NM,
    // fond d'innovation sociale, fond d'amorçage, appel à projets, RDI »).
    static const std::vector<std::string> funds{"Fonds de soutien ESS de Nantes Métropole", "Fonds d’innovation sociale",
                                                "Fonds d’amorçage", "Appel à projets", "RDI"};
    return funds;
}

const std::string& label_of(ProjectStage stage) { return project_stage_labels().at(static_cast<std::size_t>(stage)); }
const std::string& label_of(FundingOpinion opinion) { return funding_opinion_labels().at(static_cast<std::size_t>(opinion)); }
const std::string& label_of(ConventionStatus status) { return convention_status_labels().at(static_cast<std::size_t>(status)); }
const std::string& label_of(ExperimentStatus status) { return experiment_status_labels().at(static_cast<std::size_t>(status)); }

}  // namespace lettrine
