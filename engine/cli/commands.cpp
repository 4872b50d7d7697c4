// Every command of `lettrine`, once: its names, its lines in the help, the
// options it takes with their defaults, its own rules and its handler.
#include <iostream>

#include "ag/workshop_job.hpp"
#include "cli/handlers.hpp"
#include "cli/project.hpp"
#include "core/default_paths.hpp"
#include "pipeline/output_formats.hpp"
#include "signing/sign_command.hpp"
#include "web/server.hpp"

namespace lettrine {

namespace {

// Defaults shared by several commands.
const CommandOption kProgramme{"--donnees", kDefaultProgramme};
const CommandOption kOutput{"--sortie", "output"};
const CommandOption kTemplates{"--modeles", "templates"};
const CommandOption kSectors{"--secteur", ""};
const CommandOption kSigner{"--signer", ""};
const CommandOption kSignerPassword{"--mot-de-passe-fichier", ""};
const CommandOption kFormat{"--format", "pdf"};
const CommandOption kArchival{"--pdfa", "oui"};
const CommandOption kClean{"--nettoyer", ""};

void check_formats(const Invocation& in);

void check_merge(const Invocation& in) {
    check_formats(in);
    if (in.flag("--un-fichier") && in.value("--format") != "pdf")
        usage_error("fusion : --un-fichier n’écrit qu’un PDF (--format pdf) ; sans --un-fichier, chaque élément "
                    "est écrit dans chaque format");
    if (!in.has("--modele")) usage_error("fusion : l’option --modele est obligatoire");
    if (!in.has("--donnees")) usage_error("fusion : l’option --donnees est obligatoire");
    if (!in.has("--chaque")) usage_error("fusion : l’option --chaque est obligatoire");
    if (!in.has("--sortie")) usage_error("fusion : l’option --sortie est obligatoire");
}

void check_convert(const Invocation& in) {
    if (!in.has("--donnees") || !in.has("--sortie"))
        usage_error("convertir : les options --donnees (fichier XML) et --sortie (fichier XLSX) sont obligatoires");
}

void check_convert_assembly(const Invocation& in) {
    if (!in.has("--donnees-ag") || !in.has("--sortie"))
        usage_error("convertir-ag : les options --donnees-ag (fichier XML) et --sortie (fichier XLSX) sont obligatoires");
}

void check_note(const Invocation& in) {
    check_formats(in);
    if (!in.has("--donnees"))
        usage_error("note : l’option --donnees est obligatoire (le bilan rempli : .xlsx, .ods ou .xml)");
}

void check_workshops(const Invocation& in) {
    check_formats(in);
    if (in.flag("--badges")) {
        const std::string refusal = badge_format_refusal(parse_output_formats(in.value("--format")));
        if (!refusal.empty()) usage_error(refusal);
    }
    if (in.has("--notes") && in.has("--badges"))
        usage_error("--notes et --badges s’excluent : les chiffres des bilans vont dans les dossiers d’atelier");
    if (in.has("--badges") && in.has("--recto-verso"))
        usage_error("--badges et --recto-verso s’excluent : --recto-verso concerne les dossiers d’atelier");
}

void check_signing(const Invocation& in) {
    if (in.has("--mot-de-passe-fichier") && !in.has("--signer"))
        usage_error("--mot-de-passe-fichier ne s’emploie qu’avec --signer FICHIER.p12");
}

// --format names known formats.
void check_formats(const Invocation& in) {
    try {
        parse_output_formats(in.value("--format"));
    } catch (const LettrineError& e) {
        usage_error(e.what());
    }
}

// decembre, lettres: --signer's rules and a known --format.
void check_letters(const Invocation& in) {
    check_signing(in);
    check_formats(in);
}

void check_send(const Invocation& in) {
    if (in.has("--renvoyer") && !in.has("--smtp"))
        usage_error("--renvoyer ne s’emploie qu’avec « envoyer --smtp FICHIER »");
}

int show_help(const Invocation&, Console&) {
    std::cout << help_text();
    return 0;
}

int show_version(const Invocation&, Console&) {
    std::cout << version_text();
    return 0;
}

// The web interface and the signature have their own options
// (engine/web/options.hpp, engine/signing/sign_options.cpp).
int run_server(const Invocation& in, Console&) { return web::serve_command(in.rest); }
int run_signer(const Invocation& in, Console&) { return signing::sign_command(in.rest); }

}  // namespace

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> table = {
        {{"decembre", "décembre"},
         "  decembre    lettres de mission et tableaux budgétaires (commande par défaut)\n",
         {kProgramme, kOutput, kTemplates, kSectors, kSigner, kSignerPassword, kFormat, kArchival, kClean}, {}, check_letters,
         run_december_command},
        {{"lettres"}, "  lettres     lettres de mission seulement (PDF, une par secteur)\n",
         {kProgramme, kOutput, kTemplates, kSectors, kSigner, kSignerPassword, kFormat, kArchival, kClean}, {}, check_letters,
         run_letters_command},
        {{"budget"}, "  budget      tableaux budgétaires seulement (XLSX et PDF : Annexe 1 et Budget)\n",
         {kProgramme, kOutput, kTemplates, kArchival, kClean},
         {{"--secteur", "budget : --secteur ne s’emploie pas, le tableau budgétaire réunit tous les secteurs"}}, nullptr,
         run_budget_command},
        {{"verifier", "vérifier"},
         "  verifier    vérifie les données et les modèles, signale tous les problèmes,\n"
         "              n’écrit aucun fichier ; avec --donnees-ag et --notes, aussi les\n"
         "              données de l’AG et les bilans\n",
         {kProgramme, kOutput, kTemplates, kSectors, {"--donnees-ag", ""}, {"--notes", ""}}, {}, nullptr,
         run_check_command},
        {{"fusion"}, "  fusion      publipostage : un modèle quelconque sur des données quelconques\n",
         {{"--modele", ""}, {"--donnees", ""}, {"--chaque", ""}, kOutput, {"--un-fichier", ""}, {"--nom", ""},
          {"--strict", ""}, kFormat, kArchival, kClean},
         {}, check_merge, run_merge_command},
        {{"convertir"}, "  convertir   écrit le classeur XLSX équivalent à un programme XML\n",
         {{"--donnees", ""}, kOutput, {"--remplacer", ""}}, {}, check_convert, run_convert_command},
        {{"atelier", "ateliers"},
         "  atelier     dossiers des ateliers de l’assemblée générale de juin (PDF,\n"
         "              un par secteur, et un dossier complet pour l’impression) ;\n"
         "              avec --badges, les badges des inscrits\n",
         {kProgramme, {"--donnees-ag", kDefaultAssembly}, kOutput, kTemplates, kSectors, {"--badges", ""},
          {"--recto-verso", ""}, {"--notes", ""}, kFormat, kArchival, kClean},
         {}, check_workshops, run_workshops_command},
        {{"convertir-ag"}, "  convertir-ag écrit le classeur XLSX équivalent à un fichier XML de l’AG\n",
         {{"--donnees-ag", ""}, kOutput, {"--remplacer", ""}}, {}, check_convert_assembly, run_convert_assembly_command},
        {{"formulaire", "formulaires"},
         "  formulaire  classeurs de bilan à remplir par les structures référentes\n"
         "              (XLSX, un par secteur conventionné par Les Ecossolies ; un\n"
         "              autre secteur avec --secteur), dans formulaires/\n",
         {kProgramme, kOutput, kSectors, kClean}, {}, nullptr, run_forms_command},
        {{"note"},
         "  note        note de bilan annuelle (PDF) d’un bilan rempli, dans notes/ ;\n"
         "              --donnees désigne le bilan (.xlsx, .ods ou .xml)\n",
         {{"--donnees", ""}, kOutput, kTemplates, kFormat, kArchival},
         {{"--secteur", "note : --secteur ne s’emploie pas, le bilan désigne lui-même son secteur"}},
         check_note, run_note_command},
        {{"rapport"},
         "  rapport     rapport d’activité (PDF) : toutes les notes de bilan du dossier\n"
         "              --notes en un document, avec couverture et sommaire\n",
         {kProgramme, {"--notes", kDefaultNotes}, kOutput, kTemplates, {"--recto-verso", ""}, kFormat, kArchival},
         {{"--secteur", "rapport : --secteur ne s’emploie pas, le rapport réunit tous les secteurs du programme"}},
         check_formats, run_report_command},
        {{"envoyer"},
         "  envoyer     un courriel par secteur au référent, sa lettre de mission\n"
         "              jointe : brouillons .eml dans courriels/ ; avec --smtp,\n"
         "              envoyés (voir docs/COURRIELS.md)\n",
         {kProgramme, kOutput, kSectors, {"--smtp", ""}, {"--renvoyer", ""}}, {}, check_send, run_send_command},
        {{"init"},
         "  init        crée un dossier de projet pour une année : lettrine init DOSSIER\n"
         "              --annee 2017 [--donnees PROGRAMME_PRÉCÉDENT] (input/, templates/,\n"
         "              output/, LISEZMOI.txt) ; sur un projet existant, ajoute les\n"
         "              modèles qui lui manquent\n",
         {}, {}, nullptr, run_init_command, true},
        {{"serveur"},
         "  serveur     Lettrine dans le navigateur, sur http://127.0.0.1:8080\n"
         "              (lettrine serveur --aide ; docs/SERVEUR.md)\n",
         {}, {}, nullptr, run_server, true},
        {{"signer"},
         "  signer      signe les lettres de mission (PAdES) avec un certificat .p12\n"
         "              (lettrine signer --aide ; docs/SIGNATURE.md)\n",
         {}, {}, nullptr, run_signer, true},
        {{"aide"}, "", {}, {}, nullptr, show_help},
        {{"version"}, "", {}, {}, nullptr, show_version},
    };
    return table;
}

}  // namespace lettrine
