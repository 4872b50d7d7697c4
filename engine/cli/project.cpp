#include "cli/project.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "core/default_paths.hpp"
#include "core/diagnostic.hpp"
#include "core/resources.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

// In order of preference for one year: the workbook a user edits first.
const std::vector<std::string> kDatedExtensions = {".xlsx", ".ods", ".xml"};

const std::map<std::string, std::vector<std::string>> kTemplatesByCommand = {
    {"decembre", {"lettre-de-mission.xml.mustache", "budget.xml.mustache"}},
    {"lettres", {"lettre-de-mission.xml.mustache"}},
    {"budget", {"budget.xml.mustache"}},
    {"atelier", {"atelier.xml.mustache", "emargement.xml.mustache"}},
    {"note", {"note-bilan.xml.mustache"}},
    {"rapport", {"rapport-activite.xml.mustache"}},
};

std::string shown_folder(const fs::path& folder) {
    boost::system::error_code ec;
    return fs::absolute(folder, fs::current_path(ec)).lexically_normal().string() + "/";
}

}  // namespace

fs::path project_folder(const Invocation& in) { return in.has("--projet") ? fs::path(in.value("--projet")) : fs::path("."); }

fs::path latest_dated_input(const fs::path& project, const std::string& stem) {
    const fs::path input = project / "input";
    const std::regex name(stem + "-([0-9]{4})(\\.xlsx|\\.ods|\\.xml)");
    int best_year = -1;
    std::size_t best_rank = kDatedExtensions.size();
    fs::path best;
    boost::system::error_code ec;
    for (fs::directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string file = it->path().filename().string();
        if (!std::regex_match(file, m, name) || !fs::is_regular_file(it->path())) continue;
        const int year = std::stoi(m[1].str());
        const auto rank = static_cast<std::size_t>(
            std::find(kDatedExtensions.begin(), kDatedExtensions.end(), m[2].str()) - kDatedExtensions.begin());
        if (year > best_year || (year == best_year && rank < best_rank)) {
            best_year = year;
            best_rank = rank;
            best = project == "." ? fs::path("input") / file : it->path();
        }
    }
    if (best.empty())
        throw LettrineError(ErrorKind::Io, SourcePosition::in_file(shown_folder(input)),
                            "aucun fichier " + stem + "-<année>.xlsx (ni .ods, ni .xml) dans ce dossier" +
                                (project == "." ? " (le dossier courant est pris pour le projet)" : "") +
                                " ; « lettrine init DOSSIER --annee 2017 » crée un projet, --projet DOSSIER en désigne "
                                "un, --donnees FICHIER désigne le fichier");
    return best;
}

std::string project_default(const Invocation& in, const std::string& option, const std::string& table_default) {
    if (table_default.empty()) return table_default;
    const fs::path project = project_folder(in);
    if (table_default == kDefaultProgramme) return latest_dated_input(project, kProgrammeStem).string();
    if (table_default == kDefaultAssembly) return latest_dated_input(project, kAssemblyStem).string();
    (void)option;
    if (!in.has("--projet") || fs::path(table_default).is_absolute()) return table_default;
    return (project / table_default).string();
}

void check_templates_present(const Invocation& in) {
    const auto needed = kTemplatesByCommand.find(in.command->names.front());
    if (needed == kTemplatesByCommand.end()) return;
    const fs::path folder = in.value("--modeles");
    const fs::path installed = installed_defaults_folder() / "templates";
    Diagnostics missing;
    if (!fs::is_directory(folder))
        throw LettrineError(ErrorKind::Template, SourcePosition::in_file(shown_folder(folder)),
                            "dossier de modèles introuvable ; « lettrine init DOSSIER » crée un projet avec ses modèles, "
                            "--modeles DOSSIER en désigne un autre");
    for (const std::string& file : needed->second) {
        if (fs::exists(folder / file)) continue;
        const std::string how = "le dossier de modèles « " + folder.string() + " » n’a pas le modèle « " + file +
                                " » dont « lettrine " + in.command->names.front() +
                                " » a besoin (un dossier fait avant l’arrivée de ce modèle ?)";
        missing.error(SourcePosition::in_file((folder / file).string()),
                      how + " ; « lettrine init DOSSIER » ajoute à un projet les modèles qui lui manquent sans toucher "
                            "aux autres, ou copier " + (installed / file).string() + " dans ce dossier");
    }
    if (missing.has_errors()) throw LettrineError(ErrorKind::Template, missing);
}

}  // namespace lettrine
