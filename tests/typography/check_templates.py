#!/usr/bin/python3
"""What Lettrine's own templates print where grammar and tables are at stake,
read back with pdfminer from the sample outputs (check_samples.sh):

    check_templates.py OUTPUT_FOLDER

- the name after « de » contracts with its article (« Lien avec les activités
  des Ecossolies », budget PDF);
- a role's gender agrees with the person (« par l’animatrice de l’atelier »,
  émargement of the workshop led by a « Chargée de mission »);
- the tables of the budget PDF and of the letters (their Annexe 1) are light
  (booktabs): no vertical rule, horizontal rules only. (The notes have light
  tables too, but their chart's grid and their key figures' white gutters
  are vertical rules of their own: the layout tests cover their tables.)
Prints each problem and exits 1 when there is one.
"""
import sys
from pathlib import Path

from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LTCurve, LTLine, LTRect


def flat(path):
    return " ".join(extract_text(path).split())


def vertical_rules(path):
    """Vertical segments (table cell edges) drawn on the pages: pdfminer reads
    a stroked segment as an LTLine, or an LTCurve of two points."""
    count = 0
    for page in extract_pages(path):
        for item in page:
            if isinstance(item, (LTLine, LTCurve)) and not isinstance(item, LTRect):
                if abs(item.x0 - item.x1) < 0.1 and item.height > 2:
                    count += 1
    return count


def main(folder):
    out = Path(folder)
    problems = []
    budget = next(out.glob("decembre/budget-*.pdf"))
    if "Lien avec les activités des Ecossolies" not in flat(budget):
        problems.append(f"{budget}: « Lien avec les activités des Ecossolies » absent")
    emargement = next(out.glob("atelier/ag-*/emargement-numerique.pdf"))
    if "par l’animatrice de l’atelier" not in flat(emargement):
        problems.append(f"{emargement}: « par l’animatrice de l’atelier » absent")
    for pdf in [budget, *sorted(out.glob("decembre/lettres/*.pdf"))]:
        n = vertical_rules(pdf)
        if n:
            problems.append(f"{pdf}: {n} filets verticaux (tableaux légers attendus)")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
