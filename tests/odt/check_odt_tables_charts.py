#!/usr/bin/python3
"""Reads a note de bilan's ODT back with odfpy (an outside reader) and checks
what the PDF draws there too (issue 14): the light tables' booktabs rules
(filets="leger": above the first row, under the header, under the last row,
none between rows, no vertical rule), the columns of numbers aligned on the
comma (a right tab stop per cell, placed by the fonts' widths), the chart as
an SVG picture with its PNG fallback in the same frame.

    check_odt_tables_charts.py NOTE.odt

Exit 1 with every failed check listed."""
import io
import sys
import zipfile

from odf import draw, style, table, teletype, text
from odf.namespaces import DRAWNS, FONS, STYLENS, TABLENS, TEXTNS, XLINKNS
from odf.opendocument import load
from PIL import Image

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


path = sys.argv[1]
doc = load(path)
styles = {s.getAttrNS(STYLENS, "name"): s for s in doc.automaticstyles.getElementsByType(style.Style)}


def words(node):
    return " ".join(teletype.extractText(node).split())


def cell_borders(cell):
    props = styles[cell.getAttrNS(TABLENS, "style-name")].getElementsByType(style.TableCellProperties)[0]
    get = lambda side: props.getAttrNS(FONS, side) or ""
    return {side: get("border-" + side) for side in ("top", "bottom", "left", "right")}, get("border")


def points(value):
    return float(value.replace("pt", ""))


# The table of missions: header, three missions, the total.
missions = next(t for t in doc.text.getElementsByType(table.Table) if "Jours réali" in words(t))
rows = missions.getElementsByType(table.TableRow)
check(len(rows) == 5, f"tableau des missions : {len(rows)} lignes au lieu de 5")
for r, row in enumerate(rows):
    for cell in row.getElementsByType(table.TableCell):
        sides, all_sides = cell_borders(cell)
        check(all_sides == "", f"ligne {r + 1} : bordure de grille {all_sides!r} dans un tableau léger")
        check(sides["left"] == "none" and sides["right"] == "none", f"ligne {r + 1} : filet vertical {sides}")
        top_expected = r == 0
        bottom_expected = r == 0 or r == len(rows) - 1  # the header is one row
        check((sides["top"] != "none") == top_expected, f"ligne {r + 1} : filet du haut {sides['top']!r}")
        check((sides["bottom"] != "none") == bottom_expected, f"ligne {r + 1} : filet du bas {sides['bottom']!r}")
top = points(cell_borders(rows[0].getElementsByType(table.TableCell)[0])[0]["top"].split()[0])
middle = points(cell_borders(rows[0].getElementsByType(table.TableCell)[0])[0]["bottom"].split()[0])
check(top > middle, f"le filet du haut ({top} pt) n'est pas plus épais que celui sous l'en-tête ({middle} pt)")


def number_cell(cell):
    """(text, right tab stop in points) of a cell whose paragraph starts with a tab, else None."""
    paragraphs = cell.getElementsByType(text.P)
    if len(paragraphs) != 1 or not paragraphs[0].childNodes or getattr(paragraphs[0].childNodes[0], "qname", None) != (TEXTNS, "tab"):
        return None
    props = styles[paragraphs[0].getAttrNS(TEXTNS, "style-name")].getElementsByType(style.ParagraphProperties)[0]
    stops = props.getElementsByType(style.TabStop)
    check(len(stops) == 1 and stops[0].getAttrNS(STYLENS, "type") == "right",
          f"« {words(cell)} » : pas un taquet droit unique")
    check(props.getAttrNS(FONS, "text-align") in ("start", "left"), f"« {words(cell)} » : paragraphe non aligné à gauche")
    return words(cell), points(stops[0].getAttrNS(STYLENS, "position"))


# Column « Jours réalisés » (the fourth): 15,5 / 12 / 13,5 / 41 on their comma.
def cell_at(row, index):
    """The cell of column `index` (0-based), covered cells counted."""
    cells = [n for n in row.childNodes if getattr(n, "qname", None) in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell"))]
    return cells[index]


column = [number_cell(cell_at(row, 3)) for row in rows[1:]]
check(all(column), f"colonne des jours réalisés : cellules sans taquet {column}")
if all(column):
    by_text = dict(column)
    check(set(by_text) == {"15,5", "12", "13,5", "41"}, f"colonne des jours réalisés : {sorted(by_text)}")
    if set(by_text) == {"15,5", "12", "13,5", "41"}:
        # The integers end where the decimals' comma stands: a decimal's stop lies
        # further right by the width of « ,5 »: 0.75 em in Liberation Serif, 6.75 pt at 9 pt.
        check(abs(by_text["12"] - by_text["41"]) < 0.01, f"12 et 41 ne finissent pas au même endroit {by_text}")
        gap = by_text["13,5"] - by_text["12"]
        check(abs(gap - 6.75) < 0.05, f"« ,5 » mesure {gap:.2f} pt : la virgule n'est pas alignée {by_text}")
        check(abs(by_text["13,5"] - by_text["15,5"]) < 0.01, f"13,5 et 15,5 ne s'alignent pas {by_text}")
header_cells = rows[0].getElementsByType(table.TableCell)
check(number_cell(header_cells[3]) is None, "l'en-tête d'une colonne de nombres a un taquet")

# The chart: one frame, the SVG first, its PNG second, both in the package.
frames = [f for f in doc.text.getElementsByType(draw.Frame) if "Graphique" in words(f) or
          any(i.getAttrNS(XLINKNS, "href").endswith(".svg") for i in f.getElementsByType(draw.Image))]
check(len(frames) == 1, f"{len(frames)} cadre(s) de graphique au lieu de 1")
if frames:
    images = [n.getAttrNS(XLINKNS, "href") for n in frames[0].childNodes if getattr(n, "qname", None) == (DRAWNS, "image")]
    check(len(images) == 2 and images[0].endswith(".svg") and images[1].endswith(".png"),
          f"graphique : images {images} au lieu de SVG puis PNG")
    if len(images) == 2:
        with zipfile.ZipFile(path) as z:
            svg = z.read(images[0]).decode()
            check("<svg" in svg and "Soutien aux projets" in svg, "le SVG du graphique n'a pas ses catégories")
            png = Image.open(io.BytesIO(z.read(images[1])))
            width_pt = points(frames[0].getAttrNS("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "width"))
            check(png.format == "PNG", f"image de repli au format {png.format}")
            # 150 dpi: the frame's width in points × 150 / 72 pixels.
            check(abs(png.width - width_pt * 150 / 72) <= 1, f"PNG de {png.width} px pour {width_pt} pt")
            check(len(png.getcolors(1 << 16) or []) > 3, "le PNG de repli est vide")

for p in problems:
    print(p)
print(f"{len(problems)} problème(s)")
sys.exit(1 if problems else 0)
