#!/usr/bin/python3
"""Margin protrusion read back by pdfminer (docs/TYPOGRAPHIE.md, « Alignement
optique des marges »), through `lettrine fusion` on a justified text of the
test's own, set with alignement-optique="oui" (the default) and "non":

- the extracted text is the same, character for character, spaces and line
  ends aside (hanging a glyph adds nothing, removes nothing);
- with protrusion, a justified line ending with a comma, a period or a
  hyphen ends past the right margin, by less than half an em, and by
  nothing when it ends with a letter; without it, every justified line
  ends at the margin.

    protrusion_extraction.py LETTRINE_BINARY
"""
import os
import subprocess
import sys
import tempfile

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTChar, LTTextLine

MARGIN_MM = 20
PAGE_MM = 130
POINTS_PER_MM = 72 / 25.4
RIGHT = (PAGE_MM - MARGIN_MM) * POINTS_PER_MM
TOLERANCE = 0.05  # points: pdfminer's rounding of positions
TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<document titre="Essai" marges="{margin}mm" largeur="{page}mm" hauteur="297mm" taille="11" alignement-optique="{on}">
  <p align="justifie">Au cours de l'été 2015, les acteurs du secteur, réunis en ateliers, ont proposé des pistes,
  des projets, des coopérations et des idées. La feuille de route a permis d'accompagner les grands secteurs
  d'activité, retenus pour leur potentiel de développement, de création d'emplois et d'innovation sociale. La
  démarche a mobilisé trois cents participants, cent contributions, cinq réunions thématiques, des rencontres
  avec les politiques publiques de la métropole, et deux ateliers de restitution. {{{{nom}}}}.</p>
</document>
"""
DATA = '<gens><personne nom="Exemple"/></gens>\n'

failures = []


def expect(condition, message):
    if not condition:
        failures.append(message)


def merge(binary, work, on):
    folder = os.path.join(work, on)
    os.makedirs(folder)
    template = os.path.join(folder, "modele.xml.mustache")
    with open(template, "w", encoding="utf-8") as f:
        f.write(TEMPLATE.format(margin=MARGIN_MM, page=PAGE_MM, on=on))
    with open(os.path.join(folder, "gens.xml"), "w", encoding="utf-8") as f:
        f.write(DATA)
    output = os.path.join(folder, "pdf")
    run = subprocess.run([binary, "fusion", "--modele", template, "--donnees", os.path.join(folder, "gens.xml"),
                          "--chaque", "personne", "--sortie", output, "--quiet"], capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"{on} : fusion échoue : {run.stderr}")
        return None
    return os.path.join(output, sorted(p for p in os.listdir(output) if p.endswith(".pdf"))[0])


def lines(path):
    """(text, x1 of its last glyph, size) of each text line, top to bottom."""
    out = []
    for page in extract_pages(path):
        stack = [page]
        while stack:
            element = stack.pop(0)
            if isinstance(element, LTTextLine):
                chars = sorted((c for c in element if isinstance(c, LTChar) and not c.get_text().isspace()),
                               key=lambda c: c.x0)
                if chars:
                    out.append(("".join(c.get_text() for c in chars), chars[-1].x1, chars[-1].size, chars[-1].y0))
            elif hasattr(element, "__iter__"):
                stack[0:0] = list(element)
    return sorted(out, key=lambda line: -line[3])


def bare(text):
    return "".join(c for c in text if not c.isspace() and c != "\u00ad")


def main(binary):
    with tempfile.TemporaryDirectory() as work:
        hung, flush = merge(binary, work, "oui"), merge(binary, work, "non")
        if not hung or not flush:
            return
        expect(bare(extract_text(hung)) == bare(extract_text(flush)),
               "le texte extrait change avec l'alignement optique")
        body = lines(hung)[:-1]  # the paragraph's last line is not justified
        hanging = 0
        for text, x1, size, _ in body:
            past = x1 - RIGHT
            if text[-1] in ".,\u00ad-":
                hanging += 1
                expect(TOLERANCE < past <= 0.5 * size, f"oui : « {text} » dépasse de {past:.2f} pt")
            else:
                expect(abs(past) <= TOLERANCE, f"oui : « {text} » finit à {past:+.2f} pt de la marge")
        expect(hanging >= 2, f"oui : {hanging} ligne(s) terminée(s) par une virgule, un point ou une césure")
        for text, x1, _, _ in lines(flush)[:-1]:
            expect(abs(x1 - RIGHT) <= TOLERANCE, f"non : « {text} » finit à {x1 - RIGHT:+.2f} pt de la marge")


if __name__ == "__main__":
    main(sys.argv[1])
    for failure in failures:
        print(failure)
    sys.exit(1 if failures else 0)
