// `lettrine --aide`: the commands and options from their tables, then the
// sections that explain how they work together.
#include "cli/command_line.hpp"

namespace lettrine {

namespace {

const char* const kHeader =
    "Lettrine — documents des Ecossolies à partir d’un classeur ou d’un fichier XML\n"
    "\n"
    "Utilisation : lettrine [COMMANDE] [OPTIONS]\n"
    "\n";

const char* const kTail =
    "\n"
    "Publipostage :\n"
    "  lettrine fusion --modele MODELE --donnees DONNEES --chaque CHEMIN --sortie S\n"
    "      [--un-fichier] [--nom CHAMP] [--strict]\n"
    "  Un PDF par élément de la liste CHEMIN : une feuille du classeur (une ligne\n"
    "  par élément, les en-têtes donnent les noms des champs) ou les éléments XML\n"
    "  répétés (ex. destinataires/destinataire). S est alors un dossier ; avec\n"
    "  --un-fichier, tous les éléments vont dans un seul PDF dont S est le chemin.\n"
    "  --nom CHAMP nomme chaque PDF d’après ce champ (sinon : numéro d’ordre).\n"
    "  Un champ du modèle qu’aucun élément n’a est une erreur ; s’il manque à\n"
    "  certains éléments, un avertissement les nomme (une erreur avec --strict).\n"
    "\n"
    "Boucle annuelle :\n"
    "  lettrine formulaire            un classeur de bilan par secteur\n"
    "  lettrine note --donnees output/formulaires/bilan-2016-habitat.xlsx\n"
    "      la note de bilan du secteur, une fois le classeur rempli\n"
    "  lettrine rapport [--notes DOSSIER] [--recto-verso]\n"
    "      le rapport d’activité : toutes les notes, un chapitre par secteur\n"
    "\n"
    "Codes de sortie : 0 succès ; 2 mauvaise utilisation ; 3 données invalides ;\n"
    "4 erreur de modèle ; 5 erreur de lecture ou d’écriture de fichier ;\n"
    "6 envoi incomplet (des courriels n’ont pas pu être envoyés).\n"
    "En cas d’erreur, aucun fichier n’est écrit.\n";

}  // namespace

std::string help_text() {
    std::string text = kHeader;
    text += "Commandes :\n";
    for (const CommandSpec& command : command_table()) text += command.help;
    text += "\nOptions :\n";
    for (const OptionSpec& option : option_table()) text += option.help;
    return text + kTail;
}

std::string version_text() { return "lettrine " LETTRINE_VERSION "\n"; }

}  // namespace lettrine
