"""Compares Lettrine's PDFs with LibreOffice's PDFs of the same documents' ODT and DOCX.

    compare_pdf_text.py OFFICE_DIR LETTRINE_DIR...

For every NAME.pdf of each LETTRINE_DIR (not its sub-folders) and every
editable format, OFFICE_DIR/NAME--odt.pdf and OFFICE_DIR/NAME--docx.pdf must
exist (LibreOffice produced them), have as many pages within one, and hold
the same words (pdftotext) modulo hyphenation, line breaks and page
furniture. Words, not their order: pdftotext reads side-by-side content (the
note's figures band, a letter's two signature frames, table cells) in a
different order in the two files. Page furniture: the long lines
(FURNITURE_LENGTH) that recur, digits aside, on two pages or more and on
half the pages of both PDFs. A contents' dotted leaders are not words. A
word may be cut by the other composer's line break or by pdftotext where a
justified line spreads its letters (« développemen t », « pré sente »): two
words of one side that make a word of the other count as it.

KNOWN lets the words a writer's known defect changes (each defect named)
differ; they are printed, not failed; any other difference fails. Exit 1 with every
failing difference listed.
"""
import glob
import os
import re
import subprocess
import sys

FORMATS = ("odt", "docx")
SPACES = re.compile(r"[\u00a0\u202f\u2009]")
# A running header or footer names the document (« Note de bilan 2016 —
# Habitat — … », « … — page 2 sur 3 »); shorter recurring lines are text (a
# table's header row repeated on each page it spans).
FURNITURE_LENGTH = 25

# (name prefix, format) -> (the writer's known defect, the words it lets be
# only in Lettrine's PDF, only in LibreOffice's): a narrow allowance, any
# other difference still fails.
NUMBER = r"[\d,.%]+"
# The DOCX chart is a picture (SVG, with the PNG that LibreOffice shows): its
# words (title, legend, values, graduations) are drawn, not text.
CHART = rf"{NUMBER}|Prévus|Réalisés|Jours|consacrés|à|chaque|mission"
DOCX_CHART = "le graphique du DOCX est une image (SVG et PNG de repli) : pdftotext n’en lit pas les mots"
# LibreOffice hyphenates « Métro-pole » in a narrow cell beside « Contribution »:
# pdftotext reads the two cells' lines into each other.
TABLE_CELLS = "deux cellules voisines lues mêlées par pdftotext (« MétroContribution pole »)"
KNOWN = {
    ("note-bilan-", "docx"): (DOCX_CHART, CHART, "^$"),
    ("note-bilan-2016-dechets-ressources", "odt"): (TABLE_CELLS, "Contribution", "MétroContribution|pole"),
    ("rapport-activite-", "docx"): (DOCX_CHART, CHART, "^$"),
    ("lettre-de-mission-2016-dechets-ressources", "odt"): (
        "les deux cadres des signatures côte à côte, un peu décalés en hauteur par LibreOffice : pdftotext "
        "mêle leurs lignes (« DéClaire chets »)", "Claire", "DéClaire|chets"),
}


def pdf_pages(path):
    """The text of each page, as lines."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def shape(line):
    return re.sub(r"\d", "#", line)


def recurring(pages):
    """The lines (digits as #) of FURNITURE_LENGTH characters or more found on two pages or more and on half of them."""
    seen = {}
    for page in pages:
        for line in {shape(line) for line in page if len(line) >= FURNITURE_LENGTH}:
            seen[line] = seen.get(line, 0) + 1
    # On half the pages at least: a rapport's chapter headings recur too, on a page per chapter.
    return {line for line, count in seen.items() if count >= max(2, len(pages) / 2)}


# A contents line's dotted leaders: spaced dots in Lettrine's PDF, a run of
# dots glued to the title and the number in LibreOffice's. Not words.
LEADERS = re.compile(r"(?:\.\s?){3,}")


def words(pages, furniture):
    kept = [line for page in pages for line in page if shape(line) not in furniture]
    text = SPACES.sub(" ", re.sub(r"[-‐\u00ad]\n", "", "\n".join(kept))).replace("\u00ad", "")
    text = LEADERS.sub(" ", text)
    return {w for w in (w.replace("-", "").replace("‐", "") for w in text.split()) if w}


def unexplained(only_here, only_there, there_all):
    """The words of `only_here` that no cut explains: a word the other side
    has in two pieces (« développemen t », once the digits a neighbouring
    cell slips in are set aside: « partena8 riats »), or a piece of a word
    this side cut where the other side cut it elsewhere."""
    def joins(words):
        return {re.sub(r"\d", "", x + y) for x in words for y in words if x != y}
    made_there = joins(only_there) | there_all  # every word the other side has, whole or in two pieces
    explained = {w for w in only_here if w in made_there}
    for w in only_here:
        for y in only_here:
            if w != y and re.sub(r"\d", "", w + y) in made_there:
                explained |= {w, y}
    return sorted(only_here - explained)


def page_count(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def compare(ours, theirs, label, known):
    """The failing problems of one pair, as French sentences. `known`: (defect, the words
    it lets be only in Lettrine's, only in LibreOffice's) or None."""
    ours_pages, theirs_pages = pdf_pages(ours), pdf_pages(theirs)
    furniture = recurring(ours_pages) & recurring(theirs_pages)
    a, b = words(ours_pages, furniture), words(theirs_pages, furniture)
    only_a, only_b = unexplained(a - b, b - a, b), unexplained(b - a, a - b, a)
    allowed = []
    if known:
        allowed = [w for w in only_a if re.fullmatch(known[1], w)] + [w for w in only_b if re.fullmatch(known[2], w)]
        only_a = [w for w in only_a if not re.fullmatch(known[1], w)]
        only_b = [w for w in only_b if not re.fullmatch(known[2], w)]
    problems = []
    if only_a or only_b:
        problems.append(f"{label} : mots différents :\n  seulement chez Lettrine    : {' '.join(only_a)[:400]}"
                        f"\n  seulement chez LibreOffice : {' '.join(only_b)[:400]}")
    n_ours, n_theirs = page_count(ours), page_count(theirs)
    if abs(n_ours - n_theirs) > 1:
        problems.append(f"{label} : {n_ours} pages dans le PDF de Lettrine, {n_theirs} après LibreOffice")
    verdict = " — ÉCART" if problems else ""
    print(f"{label} : {n_ours} pages (Lettrine), {n_theirs} (LibreOffice), {len(a)} mots distincts{verdict}")
    if allowed:
        print(f"  défaut connu ({known[0]}) : {' '.join(allowed)[:200]}")
    return problems


def main():
    office_dir, lettrine_dirs = sys.argv[1], sys.argv[2:]
    problems = []
    pdfs = sorted(p for d in lettrine_dirs for p in glob.glob(os.path.join(d, "*.pdf")))
    if not pdfs:
        problems.append(f"aucun PDF dans {', '.join(lettrine_dirs)}")
    for ours in pdfs:
        stem = os.path.splitext(os.path.basename(ours))[0]
        for fmt in FORMATS:
            label = f"{stem}.{fmt}"
            theirs = os.path.join(office_dir, f"{stem}--{fmt}.pdf")
            if not os.path.exists(theirs):
                problems.append(f"{label} : LibreOffice n’a pas produit de PDF")
                continue
            known = next((k for (prefix, f), k in KNOWN.items() if stem.startswith(prefix) and f == fmt), None)
            problems += compare(ours, theirs, label, known)
    for p in problems:
        print("ÉCHEC", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
