"""The rapport's contents after LibreOffice: numbers, never « ? », and each
within one page of where LibreOffice put its heading.

    check_contents_pages.py LETTRINE_PDF OFFICE_PDF...

Lettrine writes into the ODT's and DOCX's contents the page numbers of its
own layout (the PDF's), as the results LibreOffice keeps until the index is
updated. For each OFFICE_PDF (the rapport's ODT or DOCX converted by
LibreOffice): its contents page lists the same entries with the same numbers
as Lettrine's PDF, and each number is within one page of the page where the
entry's title first appears after the contents (LibreOffice breaks lines and
pages a little differently). Exit 1 with every failed check listed."""
import re
import subprocess
import sys

SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
# A contents line: its title (or the end of a title wrapped over lines),
# dotted leaders, the page number (« ? » when the writer had none).
ENTRY = re.compile(r"^(?P<title>.*?)\s*(?:\.\s*){3,}\s*(?P<page>\d+|\?)$")
# How many pages apart the number and the heading may be: LibreOffice's
# pagination differs from Lettrine's by a line here and there.
TOLERANCE = 1


def pages(path):
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], check=True, capture_output=True,
                          text=True).stdout
    return [[SPACES.sub(" ", line).strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def contents(all_pages):
    """(index of the contents page, [(title, number)]): the title as the
    entry's line holds it (the end of a title wrapped over lines)."""
    for k, page in enumerate(all_pages):
        if "Sommaire" not in page:
            continue
        entries = []
        for line in page[page.index("Sommaire") + 1:]:
            match = ENTRY.match(line)
            if match:
                entries.append((match.group("title").strip(), match.group("page")))
        return k, entries
    return None, []


def heading_page(all_pages, title, start):
    """1-based number of the first page from `start` (0-based) with a line holding `title`."""
    key = SPACES.sub(" ", title)
    for k in range(start, len(all_pages)):
        if any(key in line for line in all_pages[k]):
            return k + 1
    return None


def main():
    ours, office = sys.argv[1], sys.argv[2:]
    problems = []
    _, expected = contents(pages(ours))
    if not expected:
        problems.append(f"{ours} : pas de sommaire lu")
    for path in office:
        theirs = pages(path)
        at, entries = contents(theirs)
        label = path.rsplit("/", 1)[-1]
        if at is None or not entries:
            problems.append(f"{label} : pas de sommaire lu")
            continue
        numbers = [n for _, n in entries]
        if "?" in numbers:
            problems.append(f"{label} : « ? » au sommaire au lieu d’un numéro de page")
        if [n for _, n in expected] != numbers:
            problems.append(f"{label} : numéros {numbers}, le PDF de Lettrine en donne {[n for _, n in expected]}")
        start, found = at + 1, []
        for title, number in entries:
            where = heading_page(theirs, title, start)
            found.append(f"{title[:30]} {number}→{where}")
            if where is None:
                problems.append(f"{label} : « {title} » n’apparaît pas après le sommaire")
                continue
            start = where - 1
            if number.isdigit() and abs(int(number) - where) > TOLERANCE:
                problems.append(f"{label} : « {title} » annoncé page {number}, placé page {where} par LibreOffice")
        print(f"{label} : sommaire page {at + 1}, {len(entries)} entrées : " + " ; ".join(found))
    for p in problems:
        print("ÉCHEC", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
