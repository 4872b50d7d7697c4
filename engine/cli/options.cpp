// Every option of `lettrine`, once: its spellings, what it takes, its lines
// in the help. Which command accepts it, and with which default, is said by
// the command's entry (commands.cpp).
#include "cli/command_line.hpp"

namespace lettrine {

const std::vector<OptionSpec>& option_table() {
    static const std::vector<OptionSpec> table = {
        {{"--donnees", "--données"}, Takes::Value,
         "  --donnees CHEMIN   données : .xlsx, .ods, .xml ou dossier de fichiers CSV ;\n"
         "                     par défaut le plus récent input/programme-<année>.xlsx\n"
         "                     (.ods, .xml) du projet\n"},
        {{"--sortie"}, Takes::Value, "  --sortie DOSSIER   dossier de sortie ; par défaut output/\n"},
        {{"--modeles", "--modèles"}, Takes::Value, "  --modeles DOSSIER  dossier des modèles ; par défaut templates/\n"},
        {{"--secteur"}, Takes::Values, "  --secteur ID       seulement les documents de ce secteur (répétable)\n"},
        {{"--donnees-ag", "--données-ag"}, Takes::Value,
         "  --donnees-ag CHEMIN  données de l’assemblée générale (.xlsx ou .xml) ;\n"
         "                     par défaut le plus récent input/ag-<année>.xlsx du projet\n"},
        {{"--badges"}, Takes::Nothing, "  --badges           atelier : les badges des inscrits (A4, 10 par page)\n"},
        {{"--recto-verso"}, Takes::Nothing,
         "  --recto-verso      atelier : chaque dossier du dossier complet commence\n"
         "                     sur une page de droite (pages blanches insérées) ;\n"
         "                     rapport : de même pour chaque chapitre\n"},
        {{"--notes"}, Takes::Value,
         "  --notes DOSSIER    rapport : les notes, un bilan rempli (.xlsx, .ods,\n"
         "                     .xml) ou un PDF par secteur ; par défaut input/bilans/ ;\n"
         "                     atelier : les chiffres clés des bilans de ce dossier\n"
         "                     dans « Le secteur en bref » (sans --notes : aucun)\n"},
        {{"--smtp"}, Takes::Value,
         "  --smtp FICHIER     envoyer : les réglages du serveur d’envoi (serveur,\n"
         "                     port, securite, utilisateur, fichier-mot-de-passe)\n"},
        {{"--renvoyer"}, Takes::Nothing, "  --renvoyer         envoyer : renvoie aussi les lettres déjà envoyées\n"},
        {{"--signer"}, Takes::Value,
         "  --signer FICHIER   decembre, lettres : signe les lettres écrites avec ce\n"
         "                     certificat .p12 (--mot-de-passe-fichier F ; docs/SIGNATURE.md)\n"},
        {{"--mot-de-passe-fichier"}, Takes::Value,
         "  --mot-de-passe-fichier F  decembre, lettres : le fichier du mot de passe du\n"
         "                     certificat de --signer\n"},
        {{"--format"}, Takes::Value,
         "  --format LISTE     decembre, lettres, note, rapport, atelier, fusion : les\n"
         "                     formats des documents, séparés par des virgules : pdf\n"
         "                     (par défaut), odt, docx (modifiables dans LibreOffice ou\n"
         "                     Word ; docs/EDITABLE.md) ; le dossier complet de l’AG et\n"
         "                     les badges restent en PDF\n"},
        {{"--remplacer"}, Takes::Nothing,
         "  --remplacer        convertir, convertir-ag : remplace le classeur --sortie\n"
         "                     existant, gardé en .bak\n"},
        {{"--pdfa"}, Takes::Value,
         "  --pdfa non         PDF sans identification PDF/A-2 (ni métadonnées\n"
         "                     d’archivage ni profil de couleur) : un fichier plus\n"
         "                     petit ; par défaut oui (docs/ACCESSIBILITE.md)\n"},
        {{"--nettoyer"}, Takes::Nothing,
         "  --nettoyer         supprime les fichiers qu’une exécution précédente de la\n"
         "                     même commande avait écrits et qui ne sont plus produits\n"
         "                     (un secteur retiré) ; sans elle, ils sont seulement signalés\n"},
        {{"--projet"}, Takes::Value,
         "  --projet DOSSIER   le dossier du projet (lettrine init) : données, modèles\n"
         "                     et sortie par défaut y sont cherchés ; sinon, le dossier courant\n", true},
        {{"--jobs", "-j"}, Takes::Value, "  --jobs N           nombre de documents produits en parallèle\n", true},
        {{"--quiet", "--silencieux", "-q"}, Takes::Nothing, "  --quiet            n’affiche que les erreurs\n", true},
        {{"--verbose", "--bavard", "-v"}, Takes::Nothing, "  --verbose          affiche chaque fichier écrit\n", true},
        {{"--help", "--aide", "-h"}, Takes::Nothing, "  --help, --aide     cette aide\n", true},
        {{"--version"}, Takes::Nothing, "  --version          version de Lettrine\n", true},
        // fusion: described in the help's « Publipostage » section.
        {{"--modele", "--modèle"}, Takes::Value, ""},
        {{"--chaque"}, Takes::Value, ""},
        {{"--un-fichier"}, Takes::Nothing, ""},
        {{"--nom"}, Takes::Value, ""},
        {{"--strict"}, Takes::Nothing, ""},
    };
    return table;
}

const OptionSpec* find_option(const std::string& spelling) {
    for (const OptionSpec& option : option_table())
        for (const std::string& s : option.spellings)
            if (s == spelling) return &option;
    return nullptr;
}

}  // namespace lettrine
