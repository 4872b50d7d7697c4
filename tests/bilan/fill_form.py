#!/usr/bin/python3
"""Fills the habitat bilan form as a person would, with openpyxl (not
Lettrine's writer): numbers, a decimal typed as text, dates as dates and as
text, a deleted pre-filled row, an added row, multi-line texts. It also types
999 over the « Total » of planned days: the reader must recompute totals from
the typed values and never read that row. Used by bilan_form_test.cpp.

    fill_form.py FORM OUT"""
import datetime
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
b = wb["Bilan"]
rows = {b.cell(r, 1).value: r for r in range(1, b.max_row + 1)}
b.cell(rows["Date de la note"], 2).value = datetime.datetime(2016, 12, 15)
b.cell(rows["Comité de pilotage"], 2).value = datetime.datetime(2016, 11, 29)
b.cell(rows["Atelier de l’AG"], 2).value = "16/06/2016"
b.cell(rows["Revue de projets de juin"], 2).value = datetime.datetime(2016, 6, 28)
# « Revue de projets de décembre » left blank: it did not take place.

t = wb["Temps"]
for r, (planned, done) in zip((5, 6, 7), ((14, 15.5), (14.5, 12), (12, "13,5"))):
    t.cell(r, 3).value = planned
    t.cell(r, 4).value = done
t["F5"] = "Sept projets reçus"
t["C8"] = 999  # over the total's formula: never read

p = wb["Projets"]
for i, row in enumerate((
        ("Habitat participatif", "Association Habiter Ensemble", "émergence", "Montage juridique", "favorable",
         "Fonds d'amorçage", "Terrain trouvé"),
        ("Auto-réhabilitation", "Régie de quartier", "création", "Modèle économique", "aucun", None, None))):
    for c, value in enumerate(row, start=1):
        p.cell(5 + i, c).value = value

pa = wb["Partenariats"]
pa["B5"] = "Instance partenariale réunie trois fois"
pa["C5"] = "signée"
pa["A6"] = None  # a pre-filled partner the référent did not work with: row cleared
pa["A7"] = "Bailleur social Atlantique"
pa["B7"] = "Convention de mise à disposition"
pa["C7"] = "en discussion"

x = wb["Expérimentations"]
x["B5"], x["C5"], x["D5"] = "Nantes Métropole", "en cours", "Règlement du fonds"
x["B6"], x["C6"] = "Nantes, Bottière", "terminée"

tx = wb["Textes"]
tx["B5"] = "Sept projets reçus en 2016.\n\n- Instance réunie trois fois\n- Premiers chantiers"
tx["B7"] = "Un fonds opérationnel en 2017."
tx["B8"] = "- Règlement du fonds\n- Convention avec deux bailleurs"
wb.save(sys.argv[2])
