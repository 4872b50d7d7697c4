#!/usr/bin/python3
"""Remplit les classeurs de bilan écrits par « lettrine formulaire » comme le
ferait une structure référente, avec openpyxl (un autre outil que Lettrine),
et écrit les bilans d'exemple de input/bilans/.

    /usr/bin/python3 scripts/remplir-bilans.py DOSSIER_FORMULAIRES DOSSIER_SORTIE [--xml SECTEUR ...]

Chaque formulaire bilan-<année>-<secteur>.xlsx est rempli cellule par cellule
(les lignes sont repérées par leur libellé, comme une personne lit la feuille)
et enregistré sous le même nom dans DOSSIER_SORTIE. Avec --xml SECTEUR, ce
secteur est écrit au format XML (jumeau du classeur, docs/BILAN.md) au lieu
du classeur. Les contenus sont des EXEMPLES plausibles pour 2016, cohérents
avec l'annexe 1 de l'appel à candidatures ; les projets et porteurs sont
fictifs.
"""
import datetime
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

import openpyxl

D = datetime.datetime

BILANS = {
    "services-aux-personnes": {
        "redacteur": ("Camille Exemple", "Chargée de mission"),
        "date": D(2016, 12, 14),
        "dates": {"Comité de pilotage": D(2016, 11, 22), "Atelier de l'AG": D(2016, 6, 16),
                  "Revue de projets de juin": D(2016, 6, 28), "Revue de projets de décembre": D(2016, 12, 13)},
        "temps": [(10, 9.5, "Deux projets reportés à 2017"), (8, 9, "Rencontres bilatérales plus nombreuses que prévu"),
                  (7, 6.5, "")],
        "projets": [
            ("Conciergerie solidaire de quartier", "Association Les Services du Coin", "création",
             "Modèle économique, tarification solidaire, plan de financement", "favorable",
             "Fonds de soutien ESS de Nantes Métropole", "Subvention de lancement obtenue, ouverture en septembre"),
            ("Aide aux aidants familiaux en soirée", "Collectif d'aidants de Rezé", "émergence",
             "Formulation du besoin, orientation vers Popcorn", "aucun", "", "Entrée dans le parcours Popcorn"),
            ("Transport accompagné des personnes âgées", "Association Roule Ensemble", "développement",
             "Étude de marché, partenariat avec deux centres sociaux", "réservé", "Fonds d'innovation sociale",
             "Dossier à reprendre en 2017 avec un budget resserré"),
            ("Garde d'enfants à horaires atypiques", "SCIC en préfiguration", "idée",
             "Groupe d'appui, mise en relation avec la CAF", "aucun", "", "Étude d'opportunité lancée"),
            ("Repas à domicile en circuit court", "Association Table Voisine", "création",
             "Structuration de l'offre, lien avec le secteur circuits courts", "favorable", "Fonds d'amorçage",
             "Prêt d'honneur accordé"),
            ("Service de répit itinérant", "Mutuelle partenaire et association locale", "émergence",
             "Atelier de modélisation économique et sociale", "aucun", "", "Modèle validé, recherche de locaux"),
        ],
        "partenariats": {
            "UNA": ("Rencontre des directions, échanges sur les projets émergents du domicile", "en discussion"),
            "URIOPSS": ("Co-animation d'un atelier sur les modèles économiques", "signée"),
            "Harmonie": ("Suivi de l'expérimentation Harmonie / CCSP", "renouvelée"),
            "Fédération des centres sociaux": ("Repérage des besoins dans les quartiers", "en discussion"),
            "Animation rurale 44": ("Échanges sur l'essaimage en secteur périurbain", "aucune"),
            "T'CAP": ("Orientation de porteurs de projets", "aucune"),
            "Villes": ("Présentation des projets aux CCAS de trois communes", "aucune"),
            "CAF": ("Instruction conjointe de deux projets de garde d'enfants", "en discussion"),
        },
        "experimentations": {
            "Cane": ("Nantes Nord", "en cours", "Bilan intermédiaire au comité de pilotage de mars 2017"),
            "Harmonie / CCSP": ("Saint-Herblain", "en cours", "Évaluation et décision d'essaimage"),
            "Suivi du réseau LCP": ("Nantes Métropole", "terminée", ""),
        },
        "textes": {
            "Faits marquants": "L'année 2016 a confirmé l'intérêt des acteurs du domicile pour une démarche "
                               "collective : six projets ont été accompagnés, dont deux ont ouvert leur service.\n\n"
                               "- Signature d'une convention de coopération avec l'URIOPSS\n"
                               "- Atelier de l'AG consacré aux aidants familiaux (35 participants)\n"
                               "- Trois avis de financement rendus, dont deux favorables",
            "Difficultés": "Les projets de garde d'enfants se heurtent au coût du foncier et à la faible "
                           "solvabilité des familles ; les délais d'instruction des financements ont retardé deux "
                           "ouvertures.",
            "Perspectives": "Consolider les services ouverts en 2016 et préparer l'essaimage de l'expérimentation "
                            "Harmonie / CCSP vers deux autres communes de la métropole.",
            "Plan d'action": "- Comité de pilotage de mars 2017 : bilan de l'expérimentation Cane\n"
                             "- Convention de coopération avec la CAF au premier semestre\n"
                             "- Cycle de trois ateliers sur les modèles économiques du domicile",
        },
    },
    "circuits-courts": {
        "redacteur": ("Dominique Exemple", "Chargé de développement"),
        "date": D(2016, 12, 12),
        "dates": {"Comité de pilotage": D(2016, 11, 17), "Atelier de l'AG": D(2016, 6, 16),
                  "Revue de projets de juin": D(2016, 6, 28), "Revue de projets de décembre": D(2016, 12, 13)},
        "temps": [(9, 10.5, "Forte demande sur la logistique du dernier kilomètre"), (8, 7, ""),
                  (8, 8, "Projet Restau Folie des Plantes")],
        "projets": [
            ("Plateforme de logistique mutualisée", "Collectif de producteurs du vignoble", "émergence",
             "Étude des flux, rencontre des plateformes existantes", "aucun", "", "Étude de faisabilité engagée"),
            ("Épicerie solidaire en vrac", "Association Le Panier du Quartier", "création",
             "Modèle économique et approvisionnement local", "favorable",
             "Fonds de soutien ESS de Nantes Métropole", "Ouverture en octobre à Nantes Est"),
            ("Légumerie d'insertion", "Chantier d'insertion en préfiguration", "idée",
             "Groupe d'appui, lien avec la restauration collective", "aucun", "", "Recherche d'un site"),
            ("Drive fermier de quartier", "Association de producteurs bio", "développement",
             "Organisation de la distribution, tarification", "favorable", "Appel à projets",
             "Deuxième point de retrait ouvert"),
            ("Cuisine partagée pour traiteurs", "SCIC Les Fourneaux", "émergence",
             "Dimensionnement du projet, orientation vers l'incubateur", "réservé", "Fonds d'innovation sociale",
             "Projet à redimensionner"),
        ],
        "partenariats": {
            "Réseau CAP/CONF/Terroir44, GAB, Napce": ("Observatoire des initiatives : recensement commun", "signée"),
            "Ville comestible, Ecos, Banquet des 5000": ("Banquet des 5000 au Solilab en septembre", "aucune"),
            "Terrena": ("Premier échange sur l'approvisionnement de la restauration collective", "en discussion"),
            "Biocoop, Horizon vert": ("Référencement de producteurs locaux", "aucune"),
        },
        "experimentations": {
            "Lien avec les événements commerciaux des Ecossolies": ("Solilab, Nantes", "en cours",
                                                                    "Marché de producteurs au Grand Bazar de décembre 2017"),
            "Projet Restau Folie des Plantes": ("Nantes, île de Nantes", "reportée",
                                                "Nouvelle étude de faisabilité au printemps 2017"),
        },
        "textes": {
            "Faits marquants": "L'observatoire des initiatives recense désormais 48 initiatives de circuits courts "
                               "sur la métropole.\n\n"
                               "Deux projets de distribution ont ouvert en 2016 et la question logistique est "
                               "devenue le premier motif de sollicitation.",
            "Difficultés": "Le projet Restau Folie des Plantes est reporté faute de locaux adaptés.",
            "Perspectives": "Structurer une offre logistique mutualisée et rapprocher producteurs et restauration "
                            "collective.",
            "Plan d'action": "- Étude logistique partagée avec le réseau CAP\n"
                             "- Rencontre avec le service restauration de la Ville de Nantes\n"
                             "- Nouvelle édition du marché de producteurs au Solilab",
        },
    },
    "habitat": {
        "redacteur": ("Alex Exemple", "Directeur"),
        "date": D(2016, 12, 15),
        "dates": {"Comité de pilotage": D(2016, 11, 29), "Atelier de l'AG": D(2016, 6, 16),
                  "Revue de projets de juin": D(2016, 6, 28), "Revue de projets de décembre": D(2016, 12, 13)},
        "temps": [(14, 15.5, "Sept projets reçus en Popcorn"), (14, 12, "Instance partenariale réunie trois fois"),
                  (12, 13.5, "Fonds d'investissement solidaire")],
        "projets": [
            ("Habitat participatif intergénérationnel", "Association Habiter Ensemble à Rezé", "émergence",
             "Accompagnement du groupe, montage juridique", "aucun", "", "Terrain identifié avec un bailleur social"),
            ("Auto-réhabilitation accompagnée", "Association de quartier Bottière", "création",
             "Modèle économique, lien avec les Compagnons bâtisseurs", "favorable",
             "Fonds de soutien ESS de Nantes Métropole", "Premiers chantiers en novembre"),
            ("Coopérative d'artisans de l'éco-rénovation", "Collectif d'artisans", "idée",
             "Groupe d'appui, présentation du réseau Echobat", "aucun", "", "Entrée en incubation en 2017"),
            ("Colocations solidaires pour jeunes actifs", "Association Toit Partagé", "développement",
             "Structuration de l'offre, recherche de financements", "favorable", "Fonds d'amorçage",
             "Trois logements supplémentaires"),
            ("Diagnostic énergétique solidaire", "Régie de quartier", "création",
             "Formation des salariés, partenariat avec un bailleur", "défavorable", "Appel à projets",
             "Projet réorienté vers un financement régional"),
            ("Matériauthèque de réemploi", "Association Matière sociale", "émergence",
             "Étude d'opportunité, lien avec le secteur déchets", "aucun", "", "Local provisoire trouvé"),
            ("Habitat léger pour saisonniers", "Collectif d'habitants", "idée",
             "Orientation vers Popcorn", "aucun", "", "Abandonné par le groupe"),
        ],
        "partenariats": {
            "Réseau Echobat, collectivités, bailleurs sociaux, Compagnons bâtisseurs":
                ("Instance de coordination partenariale réunie trois fois", "signée"),
            "HEN, Echo-habitants, Matière sociale": ("Accompagnement commun des groupes d'habitants", "en discussion"),
        },
        "experimentations": {
            "Fonds d'investissement solidaire": ("Nantes Métropole", "en cours",
                                                 "Présentation du règlement au comité de pilotage de 2017"),
            "Régie de quartier Bottière": ("Nantes, Bottière", "en cours", "Évaluation du premier chantier"),
        },
        "textes": {
            "Faits marquants": "Sept projets reçus dans le cadre de Popcorn et de l'incubateur, au-delà de "
                               "l'objectif du programme.\n\n"
                               "- Instance de coordination partenariale réunie trois fois\n"
                               "- Premiers chantiers d'auto-réhabilitation accompagnée à la Bottière\n"
                               "- Préfiguration d'un fonds d'investissement solidaire pour l'habitat",
            "Difficultés": "Le foncier reste le principal frein des projets d'habitat participatif ; la "
                           "mobilisation des bailleurs sociaux demande un temps que le volume de la mission "
                           "couvre difficilement.",
            "Perspectives": "Faire du fonds d'investissement solidaire un outil opérationnel en 2017 et "
                            "conforter l'instance partenariale comme lieu de décision.",
            "Plan d'action": "- Règlement du fonds d'investissement solidaire au premier trimestre\n"
                             "- Convention avec deux bailleurs sociaux\n"
                             "- Atelier de l'AG 2017 consacré à l'habitat participatif",
        },
    },
    "dechets-ressources": {
        "redacteur": ("Claude Exemple", "Coordinatrice"),
        "date": D(2016, 12, 16),
        "dates": {"Comité de pilotage": D(2016, 12, 6), "Atelier de l'AG": D(2016, 6, 16),
                  "Revue de projets de juin": D(2016, 6, 28), "Revue de projets de décembre": D(2016, 12, 13)},
        "temps": [(16, 17, "Douze projets suivis"), (12, 11.5, "Partenariat Veolia non abouti"),
                  (14, 14.5, "Deux formations organisées")],
        "projets": [
            ("Ressourcerie de proximité", "Association Ressources du Sud-Loire", "création",
             "Plan d'affaires, recherche de locaux", "favorable", "Fonds de soutien ESS de Nantes Métropole",
             "Ouverture prévue en mars 2017"),
            ("Atelier vélo solidaire", "Collectif Roue Libre", "développement",
             "Structuration, lien avec les déchetteries", "favorable", "Appel à projets", "Second atelier ouvert"),
            ("Réemploi des matériaux du bâtiment", "SCIC en préfiguration", "émergence",
             "Étude de gisement avec Ecopole", "aucun", "", "Étude en cours"),
            ("Collecte de biodéchets à vélo", "Association Compost'Ouest", "création",
             "Modèle économique, réponse aux marchés publics", "réservé", "Fonds d'innovation sociale",
             "Marché test obtenu auprès d'une commune"),
            ("Repair café itinérant", "Collectif d'habitants", "idée",
             "Orientation vers Popcorn", "aucun", "", "Premières permanences"),
            ("Valorisation des textiles", "Entreprise d'insertion", "développement",
             "Mise en relation avec les acteurs de la collecte", "aucun", "", "Nouveau débouché trouvé"),
        ],
        "partenariats": {
            "Collectif Zéro déchet": ("Co-organisation du Défi familles zéro déchet", "signée"),
            "Veolia": ("Deux rencontres sur le réemploi en déchetterie", "en discussion"),
            "Ecopole, GRAINE, URCPIE": ("Formation des animateurs à la prévention des déchets", "aucune"),
            "Service déchets de Nantes Métropole / économie circulaire": (
                "Contribution à la feuille de route économie circulaire", "renouvelée"),
        },
        "experimentations": {
            "Formation Valoristes": ("Nantes Métropole", "terminée", ""),
            "Formation des dirigeants aux marchés publics": ("Nantes Métropole", "en cours",
                                                             "Deuxième session en mai 2017"),
            "Suivi des ressourceries de proximité, lien avec la Braderie": ("Nantes, Rezé", "en cours",
                                                                           "Stand commun à la Braderie 2017"),
        },
        "textes": {
            "Faits marquants": "Douze projets accompagnés en lien avec la démarche d'économie circulaire de la "
                               "métropole, dont trois ont reçu un avis de financement.\n\n"
                               "- Première promotion de la formation Valoristes (12 stagiaires)\n"
                               "- Formation des dirigeants aux marchés publics\n"
                               "- Convention renouvelée avec le service déchets de Nantes Métropole",
            "Difficultés": "Le partenariat avec Veolia n'a pas abouti à une convention ; l'accès aux gisements "
                           "des déchetteries reste difficile pour les petites structures.",
            "Perspectives": "Construire une filière locale du réemploi des matériaux et accompagner l'ouverture "
                            "de deux ressourceries de proximité.",
            "Plan d'action": "- Étude de gisement des matériaux avec Ecopole\n"
                             "- Deuxième session de formation aux marchés publics\n"
                             "- Stand commun des ressourceries à la Braderie",
        },
    },
}


def rows_by_label(sheet, column=1, first=1):
    return {sheet.cell(r, column).value: r for r in range(first, sheet.max_row + 1) if sheet.cell(r, column).value}


def header_row(sheet):
    for r in range(1, 13):
        if sheet.cell(r, 1).value in ("Champ", "N°", "Projet", "Partenaire", "Expérimentation"):
            return r
    raise SystemExit("en-tête introuvable dans " + sheet.title)


def first_blank_row(sheet, start):
    r = start
    while sheet.cell(r, 1).value not in (None, ""):
        r += 1
    return r


def fill_workbook(path, data, out):
    wb = openpyxl.load_workbook(path)
    bilan = wb["Bilan"]
    rows = rows_by_label(bilan)
    bilan.cell(rows["Rédacteur"], 2).value = data["redacteur"][0]
    bilan.cell(rows["Qualité du rédacteur"], 2).value = data["redacteur"][1]
    bilan.cell(rows["Date de la note"], 2).value = data["date"]
    for label, date in data["dates"].items():
        bilan.cell(rows[label], 2).value = date

    temps = wb["Temps"]
    start = header_row(temps) + 1
    for i, (planned, done, comment) in enumerate(data["temps"]):
        temps.cell(start + i, 3).value = planned
        temps.cell(start + i, 4).value = done
        if comment:
            temps.cell(start + i, 6).value = comment

    projets = wb["Projets"]
    start = header_row(projets) + 1
    for i, project in enumerate(data["projets"]):
        for c, value in enumerate(project, start=1):
            projets.cell(start + i, c).value = value or None

    for sheet_name, entries in (("Partenariats", data["partenariats"]), ("Expérimentations", data["experimentations"])):
        sheet = wb[sheet_name]
        start = header_row(sheet) + 1
        rows = rows_by_label(sheet, first=start)
        for name, values in entries.items():
            r = rows.get(name) or first_blank_row(sheet, start)
            sheet.cell(r, 1).value = name
            for c, value in enumerate(values, start=2):
                sheet.cell(r, c).value = value or None

    textes = wb["Textes"]
    rows = rows_by_label(textes)
    for label, text in data["textes"].items():
        textes.cell(rows[label], 2).value = text
    wb.save(out)
    make_deterministic(out, data["date"])


def make_deterministic(path, when):
    """openpyxl stamps the save time in the zip entries and in
    docProps/core.xml: both are set to the note's date, so that rerunning the
    script gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", lambda m: m.group(1) + stamp, data)
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def a(name, value):
    return " %s=%s" % (name, quoteattr(value))


def write_xml(form_path, data, out):
    """The XML twin, with the identity the form carries (read from it)."""
    wb = openpyxl.load_workbook(form_path)
    ident = {r[0].value: r[1].value for r in wb["Bilan"].iter_rows(min_row=5) if r[0].value}
    missions = [(r[0].value, r[1].value) for r in wb["Temps"].iter_rows(min_row=5, max_row=7)]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             "<!-- Bilan d'exemple (contenus fictifs), jumeau XML du classeur de bilan : voir docs/BILAN.md. -->",
             "<bilan" + a("annee", str(ident["Année"])) + a("secteur", ident["Identifiant du secteur"])
             + a("nom-secteur", ident["Nom du secteur"]) + ">",
             "  <structure-referente>%s</structure-referente>" % escape(ident["Structure référente"]),
             "  <redacteur>%s</redacteur>" % escape(data["redacteur"][0]),
             "  <qualite-redacteur>%s</qualite-redacteur>" % escape(data["redacteur"][1]),
             "  <date>%s</date>" % data["date"].date().isoformat(),
             "  <jours-min>%s</jours-min>" % ident["Jours min"],
             "  <jours-max>%s</jours-max>" % ident["Jours max"]]
    names = {"Comité de pilotage": "comite-pilotage", "Atelier de l'AG": "atelier-ag",
             "Revue de projets de juin": "revue-juin", "Revue de projets de décembre": "revue-decembre"}
    for label, date in data["dates"].items():
        lines.append("  <%s>%s</%s>" % (names[label], date.date().isoformat(), names[label]))
    lines.append("  <temps>")
    for (number, title), (planned, done, comment) in zip(missions, data["temps"]):
        fmt = lambda x: ("%g" % x).replace(".", ",")
        lines.append("    <mission" + a("numero", str(number)) + a("intitule", title) + a("jours-prevus", fmt(planned))
                     + a("jours-realises", fmt(done)) + (a("commentaire", comment) if comment else "") + "/>")
    lines.append("  </temps>")
    lines.append("  <projets>")
    keys = ["projet", "porteur", "stade", "accompagnement", "avis", "fonds", "resultat"]
    for p in data["projets"]:
        lines.append("    <projet" + "".join(a(k, v) for k, v in zip(keys, p) if v) + "/>")
    lines.append("  </projets>")
    lines.append("  <partenariats>")
    for name, (action, status) in data["partenariats"].items():
        lines.append("    <partenariat" + a("partenaire", name) + a("action", action) + a("convention", status) + "/>")
    lines.append("  </partenariats>")
    lines.append("  <experimentations>")
    for name, (territory, status, step) in data["experimentations"].items():
        lines.append("    <experimentation" + a("intitule", name) + a("territoire", territory) + a("statut", status)
                     + (a("prochaine-etape", step) if step else "") + "/>")
    lines.append("  </experimentations>")
    tags = {"Faits marquants": "faits-marquants", "Difficultés": "difficultes", "Perspectives": "perspectives",
            "Plan d'action": "plan-action"}
    for label, text in data["textes"].items():
        body = "\n".join(("    " + l) if l else "" for l in text.split("\n"))
        lines.append("  <%s>\n%s\n  </%s>" % (tags[label], escape(body), tags[label]))
    lines.append("</bilan>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    forms, output = argv[1], argv[2]
    as_xml = set(argv[argv.index("--xml") + 1:]) if "--xml" in argv else set()
    os.makedirs(output, exist_ok=True)
    for name in sorted(os.listdir(forms)):
        if not name.endswith(".xlsx"):
            continue
        sector = name.split("-", 2)[2][:-len(".xlsx")]  # bilan-<année>-<secteur>.xlsx
        if sector not in BILANS:
            continue
        if sector in as_xml:
            write_xml(os.path.join(forms, name), BILANS[sector], os.path.join(output, name[:-5] + ".xml"))
        else:
            fill_workbook(os.path.join(forms, name), BILANS[sector], os.path.join(output, name))


if __name__ == "__main__":
    main(sys.argv)
