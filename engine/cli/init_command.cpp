// lettrine init DOSSIER [--annee N] [--donnees PRECEDENT]: a project folder
// for a year. Nothing already there is replaced: run again on an existing
// project, it only adds what is missing (a template that arrived with a
// newer Lettrine: budget.xml.mustache, emargement.xml.mustache).
#include <iostream>

#include "cli/handlers.hpp"
#include "cli/project.hpp"
#include "core/default_paths.hpp"
#include "core/diagnostic.hpp"
#include "core/option_words.hpp"
#include "core/output_batch.hpp"
#include "core/output_files.hpp"
#include "core/resources.hpp"
#include "data/calendar.hpp"
#include "data/programme_reader.hpp"
#include "xlsx/programme_workbook.hpp"

namespace fs = boost::filesystem;

namespace lettrine {

namespace {

const char* const kReadme =
    "Projet Lettrine\n"
    "===============\n"
    "\n"
    "input/      les données : programme-<année>.xlsx (le programme de l’année, à\n"
    "            remplir), ag-<année>.xlsx (l’assemblée générale), bilans/\n"
    "templates/  les modèles des documents, à personnaliser si besoin\n"
    "output/     ce que Lettrine écrit (lettres, budget, dossiers…)\n"
    "\n"
    "Dans ce dossier, chaque commande prend d’elle-même le programme le plus récent\n"
    "(input/programme-<année>.xlsx) :\n"
    "\n"
    "  lettrine verifier    vérifie les données et les modèles\n"
    "  lettrine decembre    lettres de mission et tableaux budgétaires\n"
    "\n"
    "Depuis un autre dossier : lettrine decembre --projet CE_DOSSIER.\n"
    "L’année suivante : lettrine init CE_DOSSIER --annee <année> crée le programme\n"
    "de la nouvelle année à partir de celui-ci et ajoute les modèles manquants.\n";

struct InitRequest {
    fs::path folder;
    int year = 0;  // 0: the previous programme's year + 1
    fs::path previous;
};

[[noreturn]] void init_usage(const std::string& message) {
    usage_error("init : " + message + " (lettrine init DOSSIER --annee 2017 [--donnees PROGRAMME_PRÉCÉDENT])");
}

InitRequest parse_init(const std::vector<std::string>& words) {
    InitRequest request;
    OptionWords w(words, [](const std::string& m) { init_usage(m); });
    while (w.next()) {
        if (w.option() == "--annee" || w.option() == "--année") {
            const std::string year = w.value();
            if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos || year < "2000")
                init_usage("--annee attend une année sur quatre chiffres, comme 2017, pas « " + year + " »");
            request.year = std::stoi(year);
        } else if (w.option() == "--donnees" || w.option() == "--données") {
            request.previous = w.value();
        } else if (!w.word().empty() && w.word()[0] == '-') {
            init_usage("option inconnue « " + w.word() + " »");
        } else if (request.folder.empty()) {
            request.folder = w.word();
        } else {
            init_usage("un seul dossier de projet, pas « " + request.folder.string() + " » et « " + w.word() + " »");
        }
    }
    if (request.folder.empty()) init_usage("le dossier du projet manque");
    return request;
}

// The programme of year `year` already in the project, if any.
fs::path existing_programme(const fs::path& folder, int year) {
    for (const char* ext : {".xlsx", ".ods", ".xml"}) {
        const fs::path file = folder / "input" / (std::string(kProgrammeStem) + "-" + std::to_string(year) + ext);
        if (fs::exists(file)) return file;
    }
    return {};
}

// The workbook the new year starts from: --donnees, else the project's most
// recent programme, else the example installed with Lettrine.
fs::path previous_programme(const InitRequest& request, std::string& origin) {
    if (!request.previous.empty()) {
        origin = "à partir de " + request.previous.string();
        return request.previous;
    }
    try {
        const fs::path found = latest_dated_input(request.folder, kProgrammeStem);
        origin = "à partir de " + found.string();
        return found;
    } catch (const LettrineError&) {
        origin = "à partir de l’exemple installé (à remplir)";
        return installed_defaults_folder() / kDefaultProgramme;
    }
}

// The programme moved to `year`: its year, and its dates by as many years.
Programme moved_to(Programme programme, int year) {
    const int delta = year - programme.year;
    const auto shift = [delta](Date& d) {
        d.year += delta;
        if (d.month == 2 && d.day == 29 && !is_calendar_date(d)) d.day = 28;
    };
    programme.year = year;
    shift(programme.letter_date);
    if (programme.bilan_deadline) shift(*programme.bilan_deadline);
    return programme;
}

// Stages each installed template the project lacks; returns how many.
std::size_t add_missing_templates(OutputBatch& batch, const fs::path& templates) {
    const fs::path installed = installed_defaults_folder() / "templates";
    std::size_t added = 0;
    for (fs::directory_iterator it(installed), end; it != end; ++it) {
        const fs::path target = templates / it->path().filename();
        if (!fs::is_regular_file(it->path()) || fs::exists(fs::symlink_status(target))) continue;
        batch.stage_bytes(target, read_file(it->path()));
        ++added;
    }
    return added;
}

// The new year's workbook staged, made from the previous one (and its logo
// copied beside it when it has its own); what was done, for the summary.
std::string stage_programme(OutputBatch& batch, InitRequest& request) {
    std::string origin;
    const fs::path source = previous_programme(request, origin);
    const Programme previous = read_programme(source);
    if (!request.year) request.year = previous.year + 1;
    const fs::path existing = existing_programme(request.folder, request.year);
    if (!existing.empty()) return existing.string() + " existait déjà : gardé tel quel";
    const fs::path target =
        request.folder / "input" / (std::string(kProgrammeStem) + "-" + std::to_string(request.year) + ".xlsx");
    batch.protect(source);
    batch.stage_bytes(target, write_programme_xlsx(moved_to(previous, request.year)));
    if (!previous.logo.empty() && fs::path(previous.logo).is_relative()) {
        const auto logo = ResourceResolver(source, {}).resolve(previous.logo);
        const fs::path copy = target.parent_path() / previous.logo;
        if (!logo.path.empty() && !fs::exists(copy) && logo.path.parent_path() != installed_defaults_folder() / "input")
            batch.stage_bytes(copy, read_file(logo.path));
    }
    return target.string() + " " + origin;
}

}  // namespace

int run_init_command(const Invocation& in, Console& console) {
    InitRequest request = parse_init(in.rest);
    OutputBatch batch(request.folder);
    std::vector<std::string> done;
    const fs::path existing = request.year ? existing_programme(request.folder, request.year) : fs::path();
    done.push_back(existing.empty() ? stage_programme(batch, request)
                                    : existing.string() + " existait déjà : gardé tel quel");
    const fs::path templates = request.folder / "templates";
    const std::size_t added = add_missing_templates(batch, templates);
    done.push_back(added ? count_phrase(added, "modèle ajouté", "modèles ajoutés") + " dans " + templates.string() + "/"
                         : "modèles déjà tous présents dans " + templates.string() + "/");
    if (!fs::exists(request.folder / "LISEZMOI.txt")) {
        batch.stage_bytes(request.folder / "LISEZMOI.txt", kReadme);
        done.push_back((request.folder / "LISEZMOI.txt").string());
    }
    batch.commit();
    fs::create_directories(request.folder / "output");
    for (const std::string& line : done) console.progress().say(line);
    console.progress().say("Projet prêt : " + request.folder.string() + " (voir LISEZMOI.txt)");
    return 0;
}

}  // namespace lettrine
