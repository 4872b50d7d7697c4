"""Compares the budget PDF with the budget workbook, cell by cell.

    /usr/bin/python3 budget_pdf_check.py BUDGET.pdf BUDGET.xlsx

The workbook is read by openpyxl (the values its formulas store), the PDF
by pdftotext (-layout: one table row per line). For every sector row of the
« Budget » sheet, the numbers printed on the PDF line that starts with the
sector's name must be the row's cells E to J, in order, empty cells left
out; same for the « Total » row. For the « Annexe 1 » sheet, every sector's
name and « Volume annuel » must be printed, in the sheet's order. Prints
each difference and exits 1 when there is one."""
import re
from decimal import ROUND_HALF_UP, Decimal
import subprocess
import sys

import openpyxl

pdf, xlsx = sys.argv[1], sys.argv[2]
SPACES = "\u00a0\u202f\u2009"
# A cell of a -layout line (columns are two spaces or more apart) that holds
# a French number: « 15 000 € », « 333,33 € », « 30 ».
NUMBER = re.compile(r"^\d{1,3}(?: \d{3})*(?:,\d+)?(?: €)?$")


def normal(text):
    for s in SPACES:
        text = text.replace(s, " ")
    return " ".join(text.split())


def pdf_text(*options):
    out = subprocess.run(["pdftotext", *options, pdf, "-"], check=True, capture_output=True, text=True).stdout
    return out


def displayed(value):
    """A cell's value as a spreadsheet shows it with two decimals: from its
    shortest decimal writing, halves away from zero (500.005 → 500,01)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def as_number(token):
    return float(normal(token).replace(" ", "").replace(",", "."))


book = openpyxl.load_workbook(xlsx, data_only=True)
problems = []

# « Budget » sheet: columns B (name) and E..J (amount, days, rates, agreed days).
raw_lines = pdf_text("-layout").splitlines()
lines = [normal(line) for line in raw_lines]
budget = book["Budget"]
rows_checked = 0
for row in budget.iter_rows(min_row=2):
    label = row[1].value if row[0].value != "Total" else "Total"
    figures = [c.value for c in row[4:10] if c.value not in (None, "")]
    if label is None:
        continue
    if not figures:  # a sector outside the budget: listed « pour mémoire »
        if not any(l.startswith(normal(label)) and "pour mémoire" in l for l in lines):
            problems.append(f"{label} : pas de ligne « pour mémoire » dans le PDF")
        continue
    found = [raw for raw, l in zip(raw_lines, lines) if l.startswith(normal(label) + " ")]
    if len(found) < 1:
        problems.append(f"{label} : aucune ligne du PDF ne commence par ce nom")
        continue
    # The numbers after the referent's name (which may hold digits of its own):
    # the last len(figures) numbers of the line.
    cells = [normal(c) for c in re.split(r"\s{2,}", found[-1].strip())]
    printed = [as_number(c.rstrip(" €")) for c in cells if NUMBER.match(c)][-len(figures):]
    expected = [displayed(v) for v in figures]
    if printed != expected:
        problems.append(f"{label} : le PDF imprime {printed}, le classeur contient {expected}")
    rows_checked += 1

# « Annexe 1 » sheet: sector names (column A) and volumes (column E), rows 3..,
# the last row being « Lien avec les activités ».
flat = normal(pdf_text())
annexe = book["Annexe 1"]
position = 0
for row in annexe.iter_rows(min_row=3, max_row=annexe.max_row - 1):
    for cell in (row[0], row[4]):
        wanted = normal(str(cell.value or ""))
        at = flat.find(wanted, position)
        if at < 0:
            problems.append(f"Annexe 1 {cell.coordinate} : « {wanted} » n'est pas dans le PDF (ou pas dans l'ordre)")
        else:
            position = at + len(wanted)
    rows_checked += 1

for p in problems:
    print(p)
print(f"{rows_checked} lignes comparées")
sys.exit(1 if problems or rows_checked == 0 else 0)
