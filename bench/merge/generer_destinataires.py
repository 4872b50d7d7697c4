#!/usr/bin/python3
"""Writes N fictitious recipients as XML records for the mail-merge benchmark.

Usage: generer_destinataires.py N FILE
The output depends on N only (no randomness, no clock): record i combines
lists of first names, names, organisations, streets and towns by index, so
the same N always gives the same bytes.
"""
import sys
from xml.sax.saxutils import quoteattr, escape

CIVILITES = ["Madame", "Monsieur"]
PRENOMS = [["Camille", "Élise", "Maëlle", "Chloé", "Inès", "Léa", "Zoé", "Anaïs", "Hélène", "Agnès", "Gaëlle"],
           ["Dominique", "Jérôme", "Noël", "Théo", "Loïc", "Benoît", "Gaël", "Amaury", "Frédéric", "Joël", "Hervé"]]
NOMS = ["Exemple", "Modèle", "Fictif", "Témoin", "Leblanc", "Moreau", "Guérin", "Le Goff", "Bénard", "Pérez",
        "Lefèvre", "Chevalier", "Rousseau", "Giraud", "Mercier", "Boucher", "Prévost", "Lemaître", "Gauthier"]
ORGANISATIONS = ["Association Terre d'Exemple", "Coopérative Habitat Témoin", "Ressourcerie de l'Échantillon",
                 "Régie de quartier des Dervallières", "Épicerie solidaire du Breil", "Atelier vélo de l'Île",
                 "Scop Bois et Paille", "Jardins partagés de la Bottière", "Mutuelle des Bords de Loire",
                 "Café associatif La Fabrique", "Recyclerie Nord-Est", "Compagnie théâtrale Le Préau",
                 "Crèche parentale Les Galopins", "Banque alimentaire de l'Erdre", "Covoiturage Solidaire 44"]
ATELIERS = ["Circuits courts et alimentation", "Habitat", "Déchets et ressources", "Mobilité",
            "Culture et éducation populaire", "Finance solidaire", "Insertion par l'activité économique"]
VOIES = ["rue de l'Exemple", "place du Test", "allée de la Démonstration", "boulevard des Anglais",
         "quai de Versailles", "rue Fouré", "chemin de la Censive", "impasse des Lilas", "avenue de la Gare"]
VILLES = ["44000 Nantes", "44200 Nantes", "44300 Nantes", "44400 Rezé", "44800 Saint-Herblain",
          "44230 Saint-Sébastien-sur-Loire", "44340 Bouguenais", "44240 La Chapelle-sur-Erdre"]


def record(i):
    civilite = i % 2
    lines = []
    if i % 3 == 0:
        lines.append("Bâtiment " + "ABCD"[i % 4])
    lines.append("%d %s" % (1 + (i * 7) % 120, VOIES[i % len(VOIES)]))
    lines.append(VILLES[(i * 5) % len(VILLES)])
    attributes = {
        "civilite": CIVILITES[civilite],
        "prenom": PRENOMS[civilite][(i // 2) % len(PRENOMS[civilite])],
        "nom": NOMS[(i * 3) % len(NOMS)],
        "organisation": ORGANISATIONS[i % len(ORGANISATIONS)],
        "atelier": ATELIERS[(i // 3) % len(ATELIERS)],
    }
    head = " ".join("%s=%s" % (k, quoteattr(v)) for k, v in attributes.items())
    body = "".join("\n    <adresse>%s</adresse>" % escape(line) for line in lines)
    return "  <destinataire %s>%s\n  </destinataire>\n" % (head, body)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage : generer_destinataires.py NOMBRE FICHIER")
    count = int(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<destinataires>\n')
        for i in range(count):
            out.write(record(i))
        out.write("</destinataires>\n")


if __name__ == "__main__":
    main()
