#include "cli/arguments.hpp"

#include <map>

#include "core/diagnostic.hpp"

namespace lettrine {

namespace {

[[noreturn]] void usage_error(const std::string& message) {
    throw LettrineError(ErrorKind::Usage, SourcePosition{},
                        message + "\n(« lettrine --aide » affiche l'aide)");
}

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"decembre", Command::December}, {"décembre", Command::December},
        {"lettres", Command::Letters},   {"budget", Command::Budget},
        {"verifier", Command::Check},    {"vérifier", Command::Check},
        {"fusion", Command::Merge},      {"convertir", Command::Convert},
        {"atelier", Command::Workshops}, {"ateliers", Command::Workshops},
        {"convertir-ag", Command::ConvertAssembly},
        {"formulaire", Command::Forms},  {"formulaires", Command::Forms},
        {"note", Command::Note},
        {"rapport", Command::Report},
        {"envoyer", Command::Send},
        {"aide", Command::Help},
    };
    return table;
}

int parse_jobs(const std::string& value) {
    try {
        std::size_t used = 0;
        const int n = std::stoi(value, &used);
        if (used == value.size() && n >= 1 && n <= 256) return n;
    } catch (...) {
    }
    usage_error("--jobs attend un nombre entier de 1 à 256, pas « " + value + " »");
}

}  // namespace

Arguments parse_arguments(const std::vector<std::string>& args) {
    Arguments a;
    std::size_t i = 0;
    if (i < args.size() && !args[i].empty() && args[i][0] != '-') {
        auto it = commands().find(args[i]);
        if (it == commands().end())
            usage_error("commande inconnue « " + args[i] +
                        " » (commandes : decembre, lettres, budget, verifier, fusion, convertir, atelier, convertir-ag, formulaire, note, rapport, envoyer, serveur, signer)");
        a.command = it->second;
        ++i;
    }
    auto value_of = [&](const std::string& option) -> std::string {
        if (i + 1 >= args.size() || (args[i + 1].size() > 1 && args[i + 1].rfind("--", 0) == 0))
            usage_error("l'option " + option + " attend une valeur");
        return args[++i];
    };
    for (; i < args.size(); ++i) {
        std::string option = args[i];
        std::string inline_value;
        bool has_inline = false;
        const auto equals = option.find('=');
        if (option.rfind("--", 0) == 0 && equals != std::string::npos) {
            inline_value = option.substr(equals + 1);
            option = option.substr(0, equals);
            has_inline = true;
        }
        auto take = [&](const std::string& name) { return has_inline ? inline_value : value_of(name); };
        if (option == "--donnees" || option == "--données") { a.data = take(option); a.data_given = true; }
        else if (option == "--sortie") a.output = take(option);
        else if (option == "--modeles" || option == "--modèles") a.templates = take(option);
        else if (option == "--secteur") a.sectors.push_back(take(option));
        else if (option == "--jobs" || option == "-j") a.jobs = parse_jobs(take(option));
        else if (option == "--modele" || option == "--modèle") a.merge_template = take(option);
        else if (option == "--chaque") a.each = take(option);
        else if (option == "--nom") a.file_name_field = take(option);
        else if (option == "--un-fichier" && !has_inline) a.single_file = true;
        else if (option == "--donnees-ag" || option == "--données-ag") { a.assembly_data = take(option); a.assembly_data_given = true; }
        else if (option == "--badges" && !has_inline) a.badges = true;
        else if (option == "--recto-verso" && !has_inline) a.duplex = true;
        else if (option == "--notes") { a.notes = take(option); a.notes_given = true; }
        else if (option == "--smtp") a.smtp = take(option);
        else if (option == "--renvoyer" && !has_inline) a.resend = true;
        else if (option == "--signer") a.sign_certificate = take(option);
        else if (option == "--mot-de-passe-fichier") a.sign_password_file = take(option);
        else if ((option == "--quiet" || option == "--silencieux" || option == "-q") && !has_inline) a.quiet = true;
        else if ((option == "--verbose" || option == "--bavard" || option == "-v") && !has_inline) a.verbose = true;
        else if ((option == "--help" || option == "--aide" || option == "-h") && !has_inline) a.command = Command::Help;
        else if (option == "--version" && !has_inline) a.command = Command::Version;
        else if (!option.empty() && option[0] == '-') usage_error("option inconnue « " + args[i] + " »");
        else usage_error("argument inattendu « " + args[i] + " »");
    }
    if (a.quiet && a.verbose) usage_error("--quiet et --verbose s'excluent");
    if (a.command == Command::Merge) {
        if (a.merge_template.empty()) usage_error("fusion : l'option --modele est obligatoire");
        if (!a.data_given) usage_error("fusion : l'option --donnees est obligatoire");
        if (a.each.empty()) usage_error("fusion : l'option --chaque est obligatoire");
        if (a.output.empty()) usage_error("fusion : l'option --sortie est obligatoire");
    }
    if (a.command == Command::Convert && (!a.data_given || a.output.empty()))
        usage_error("convertir : les options --donnees (fichier XML) et --sortie (fichier XLSX) sont obligatoires");
    if (a.command == Command::ConvertAssembly && (!a.assembly_data_given || a.output.empty()))
        usage_error("convertir-ag : les options --donnees-ag (fichier XML) et --sortie (fichier XLSX) sont obligatoires");
    if (a.command == Command::Note && !a.data_given)
        usage_error("note : l'option --donnees est obligatoire (le bilan rempli : .xlsx, .ods ou .xml)");
    if (a.command == Command::Note && !a.sectors.empty())
        usage_error("note : --secteur ne s'emploie pas, le bilan désigne lui-même son secteur");
    if (a.badges && a.command != Command::Workshops && a.command != Command::Help)
        usage_error("--badges ne s'emploie qu'avec la commande atelier");
    if (a.duplex && a.command != Command::Workshops && a.command != Command::Report && a.command != Command::Help)
        usage_error("--recto-verso ne s'emploie qu'avec les commandes atelier et rapport");
    if (a.notes_given && a.command != Command::Report && a.command != Command::Workshops && a.command != Command::Help)
        usage_error("--notes ne s'emploie qu'avec les commandes rapport et atelier");
    if (a.notes_given && a.badges) usage_error("--notes et --badges s'excluent : les chiffres des bilans vont dans les dossiers d'atelier");
    if (a.command == Command::Report && !a.sectors.empty())
        usage_error("rapport : --secteur ne s'emploie pas, le rapport réunit tous les secteurs du programme");
    if (a.badges && a.duplex) usage_error("--badges et --recto-verso s'excluent : --recto-verso concerne les dossiers d'atelier");
    if ((!a.sign_certificate.empty() || !a.sign_password_file.empty()) && a.command != Command::December &&
        a.command != Command::Letters && a.command != Command::Help)
        usage_error("--signer et --mot-de-passe-fichier ne s'emploient qu'avec les commandes decembre et lettres");
    if (!a.smtp.empty() && a.command != Command::Send && a.command != Command::Help)
        usage_error("--smtp ne s'emploie qu'avec la commande envoyer");
    if (a.resend && (a.command != Command::Send || a.smtp.empty()) && a.command != Command::Help)
        usage_error("--renvoyer ne s'emploie qu'avec « envoyer --smtp FICHIER »");
    if (a.output.empty()) a.output = "output";
    return a;
}

std::string help_text() {
    return
        "Lettrine — documents des Ecossolies à partir d'un classeur ou d'un fichier XML\n"
        "\n"
        "Utilisation : lettrine [COMMANDE] [OPTIONS]\n"
        "\n"
        "Commandes :\n"
        "  decembre    lettres de mission et tableau budgétaire (commande par défaut)\n"
        "  lettres     lettres de mission seulement (PDF, une par secteur)\n"
        "  budget      tableau budgétaire seulement (XLSX : Annexe 1 et Budget)\n"
        "  verifier    vérifie les données et les modèles, signale tous les problèmes,\n"
        "              n'écrit aucun fichier\n"
        "  fusion      publipostage : un modèle quelconque sur des données quelconques\n"
        "  convertir   écrit le classeur XLSX équivalent à un programme XML\n"
        "  atelier     dossiers des ateliers de l'assemblée générale de juin (PDF,\n"
        "              un par secteur, et un dossier complet pour l'impression) ;\n"
        "              avec --badges, les badges des inscrits\n"
        "  convertir-ag écrit le classeur XLSX équivalent à un fichier XML de l'AG\n"
        "  formulaire  classeurs de bilan à remplir par les structures référentes\n"
        "              (XLSX, un par secteur conventionné par Les Ecossolies ; un\n"
        "              autre secteur avec --secteur), dans formulaires/\n"
        "  note        note de bilan annuelle (PDF) d'un bilan rempli, dans notes/ ;\n"
        "              --donnees désigne le bilan (.xlsx, .ods ou .xml)\n"
        "  rapport     rapport d'activité (PDF) : toutes les notes de bilan du dossier\n"
        "              --notes en un document, avec couverture et sommaire\n"
        "  envoyer     un courriel par secteur au référent, sa lettre de mission\n"
        "              jointe : brouillons .eml dans courriels/ ; avec --smtp,\n"
        "              envoyés (voir docs/COURRIELS.md)\n"
        "  serveur     Lettrine dans le navigateur, sur http://127.0.0.1:8080\n"
        "              (lettrine serveur --aide ; docs/SERVEUR.md)\n"
        "  signer      signe les lettres de mission (PAdES) avec un certificat .p12\n"
        "              (lettrine signer --aide ; docs/SIGNATURE.md)\n"
        "\n"
        "Options :\n"
        "  --donnees CHEMIN   données : .xlsx, .ods, .xml ou dossier de fichiers CSV ;\n"
        "                     par défaut input/programme-2016.xlsx\n"
        "  --sortie DOSSIER   dossier de sortie ; par défaut output/\n"
        "  --modeles DOSSIER  dossier des modèles ; par défaut templates/\n"
        "  --secteur ID       seulement les documents de ce secteur (répétable)\n"
        "  --donnees-ag CHEMIN  données de l'assemblée générale (.xlsx ou .xml) ;\n"
        "                     par défaut input/ag-2016.xlsx\n"
        "  --badges           atelier : les badges des inscrits (A4, 10 par page)\n"
        "  --recto-verso      atelier : chaque dossier du dossier complet commence\n"
        "                     sur une page de droite (pages blanches insérées) ;\n"
        "                     rapport : de même pour chaque chapitre\n"
        "  --notes DOSSIER    rapport : les notes, un bilan rempli (.xlsx, .ods,\n"
        "                     .xml) ou un PDF par secteur ; par défaut input/bilans/ ;\n"
        "                     atelier : les chiffres clés des bilans de ce dossier\n"
        "                     dans « Le secteur en bref » (sans --notes : aucun)\n"
        "  --smtp FICHIER     envoyer : les réglages du serveur d'envoi (serveur,\n"
        "                     port, securite, utilisateur, fichier-mot-de-passe)\n"
        "  --renvoyer         envoyer : renvoie aussi les lettres déjà envoyées\n"
        "  --signer FICHIER   decembre, lettres : signe les lettres écrites avec ce\n"
        "                     certificat .p12 (--mot-de-passe-fichier F ; docs/SIGNATURE.md)\n"
        "  --jobs N           nombre de documents produits en parallèle\n"
        "  --quiet            n'affiche que les erreurs\n"
        "  --verbose          affiche chaque fichier écrit\n"
        "  --help, --aide     cette aide\n"
        "  --version          version de Lettrine\n"
        "\n"
        "Publipostage :\n"
        "  lettrine fusion --modele MODELE --donnees DONNEES --chaque CHEMIN --sortie S\n"
        "      [--un-fichier] [--nom CHAMP]\n"
        "  Un PDF par élément de la liste CHEMIN : une feuille du classeur (une ligne\n"
        "  par élément, les en-têtes donnent les noms des champs) ou les éléments XML\n"
        "  répétés (ex. destinataires/destinataire). S est alors un dossier ; avec\n"
        "  --un-fichier, tous les éléments vont dans un seul PDF dont S est le chemin.\n"
        "  --nom CHAMP nomme chaque PDF d'après ce champ (sinon : numéro d'ordre).\n"
        "\n"
        "Boucle annuelle :\n"
        "  lettrine formulaire            un classeur de bilan par secteur\n"
        "  lettrine note --donnees output/formulaires/bilan-2016-habitat.xlsx\n"
        "      la note de bilan du secteur, une fois le classeur rempli\n"
        "  lettrine rapport [--notes DOSSIER] [--recto-verso]\n"
        "      le rapport d'activité : toutes les notes, un chapitre par secteur\n"
        "\n"
        "Codes de sortie : 0 succès ; 2 mauvaise utilisation ; 3 données invalides ;\n"
        "4 erreur de modèle ; 5 erreur de lecture ou d'écriture de fichier ;\n"
        "6 envoi incomplet (des courriels n'ont pas pu être envoyés).\n"
        "En cas d'erreur, aucun fichier n'est écrit.\n";
}

std::string version_text() { return "lettrine " LETTRINE_VERSION "\n"; }

}  // namespace lettrine
