#!/usr/bin/python3
"""Reads a note de bilan's DOCX back with python-docx (an outside reader) and
checks what the PDF draws there too (issue 14): the light tables' booktabs
rules as w:tcBorders per cell (above the first row, under the header, under
the last row, none between rows, no vertical rule, no table grid), the
columns of numbers aligned on the comma (a right tab stop per cell), the
chart as an SVG picture (asvg:svgBlip) over its PNG fallback blip.
python-docx has no API for cell borders, tab stops in cells or SVG blips:
those are read from its XML (lxml elements).

    check_docx_tables_charts.py NOTE.docx

Exit 1 with every failed check listed."""
import io
import sys

import docx
from docx.oxml.ns import nsmap, qn
from lxml import etree
from PIL import Image

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


NAMESPACES = dict(nsmap)
NAMESPACES["asvg"] = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def xpath(element, path):
    return etree.XPathElementEvaluator(element, namespaces=NAMESPACES)(path)


document = docx.Document(sys.argv[1])
missions = next(t for t in document.tables if "Jours réali" in " ".join(c.text for c in t.rows[0].cells))
rows = missions._tbl.findall(qn("w:tr"))
check(len(rows) == 5, f"tableau des missions : {len(rows)} lignes au lieu de 5")
table_borders = xpath(missions._tbl, "./w:tblPr/w:tblBorders/*/@w:val")
check(set(table_borders) == {"nil"}, f"le tableau léger a des bordures de grille {table_borders}")


def border(cell, side):
    values = xpath(cell, f"./w:tcPr/w:tcBorders/w:{side}")
    if not values:
        return None
    return values[0].get(qn("w:val")), int(values[0].get(qn("w:sz"), "0"))


for r, row in enumerate(rows):
    for cell in row.findall(qn("w:tc")):
        for side in ("left", "right"):
            check(border(cell, side) == ("nil", 0), f"ligne {r + 1} : filet vertical {side} {border(cell, side)}")
        top_expected = r == 0
        bottom_expected = r == 0 or r == len(rows) - 1  # the header is one row
        check((border(cell, "top")[0] == "single") == top_expected, f"ligne {r + 1} : filet du haut {border(cell, 'top')}")
        check((border(cell, "bottom")[0] == "single") == bottom_expected,
              f"ligne {r + 1} : filet du bas {border(cell, 'bottom')}")
first = rows[0].findall(qn("w:tc"))[0]
check(border(first, "top")[1] > border(first, "bottom")[1],
      f"le filet du haut {border(first, 'top')} n'est pas plus épais que celui sous l'en-tête {border(first, 'bottom')}")


def number_cell(cell):
    """(text, right tab stop in twips) of a cell whose paragraph starts with a tab run, else None."""
    paragraphs = cell.findall(qn("w:p"))
    runs = paragraphs[0].findall(qn("w:r")) if len(paragraphs) == 1 else []
    if not runs or runs[0].find(qn("w:tab")) is None:
        return None
    stops = xpath(paragraphs[0], "./w:pPr/w:tabs/w:tab")
    check(len(stops) == 1 and stops[0].get(qn("w:val")) == "right", "cellule de nombre : pas un taquet droit unique")
    check(xpath(paragraphs[0], "./w:pPr/w:jc/@w:val") in ([], ["left"]), "cellule de nombre non alignée à gauche")
    text = "".join(t.text for t in paragraphs[0].iter(qn("w:t")))
    return text, int(stops[0].get(qn("w:pos"))) if stops else 0


def cell_at(row, index):
    at = 0
    for cell in row.findall(qn("w:tc")):
        if at == index:
            return cell
        at += int((xpath(cell, "./w:tcPr/w:gridSpan/@w:val") or ["1"])[0])
    return None


column = [number_cell(cell_at(row, 3)) for row in rows[1:]]
check(all(column), f"colonne des jours réalisés : cellules sans taquet {column}")
if all(column):
    by_text = dict(column)
    check(set(by_text) == {"15,5", "12", "13,5", "41"}, f"colonne des jours réalisés : {sorted(by_text)}")
    if set(by_text) == {"15,5", "12", "13,5", "41"}:
        check(by_text["12"] == by_text["41"] and by_text["13,5"] == by_text["15,5"], f"taquets {by_text}")
        # « ,5 »: 0.75 em of Liberation Serif at 9 pt, 6.75 pt = 135 twips (± rounding).
        check(abs(by_text["13,5"] - by_text["12"] - 135) <= 2, f"la virgule n'est pas alignée {by_text}")
check(number_cell(cell_at(rows[0], 3)) is None, "l'en-tête d'une colonne de nombres a un taquet")

# The chart: a PNG blip carrying an SVG blip in its extension list.
blips = [b for b in xpath(document.element.body, ".//a:blip") if xpath(b, "./a:extLst/a:ext/asvg:svgBlip")]
check(len(blips) == 1, f"{len(blips)} graphique(s) SVG au lieu de 1")
if blips:
    part = document.part
    png = part.related_parts[blips[0].get(qn("r:embed"))]
    svg = part.related_parts[xpath(blips[0], "./a:extLst/a:ext/asvg:svgBlip")[0].get(qn("r:embed"))]
    check(png.content_type == "image/png", f"image de repli de type {png.content_type}")
    check(svg.content_type == "image/svg+xml", f"image vectorielle de type {svg.content_type}")
    check("Soutien aux projets" in svg.blob.decode(), "le SVG du graphique n'a pas ses catégories")
    picture = Image.open(io.BytesIO(png.blob))
    extent = xpath(blips[0], "ancestor::wp:inline/wp:extent/@cx")
    width_pt = int(extent[0]) / 12700 if extent else 0
    check(picture.format == "PNG" and abs(picture.width - width_pt * 150 / 72) <= 1,
          f"PNG de {picture.width} px pour {width_pt} pt")
    descriptions = xpath(blips[0], "ancestor::wp:inline/wp:docPr/@descr")
    check(descriptions and descriptions[0].startswith("Graphique : "), f"texte de remplacement {descriptions}")

for p in problems:
    print(p)
print(f"{len(problems)} problème(s)")
sys.exit(1 if problems else 0)
