#!/usr/bin/python3
"""Reads tests/docx/sections.xml's DOCX back with python-docx: the cover and
the interleaf without header nor footer (a section whose first page has
empty parts, w:titlePg), the chapters on odd pages (w:type oddPage).
python-docx gives each section's start type and its first-page header.

    check_docx_sections.py SECTIONS.docx

Exit 1 with every failed check listed."""
import sys

import docx
from docx.enum.section import WD_SECTION

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


document = docx.Document(sys.argv[1])
sections = document.sections
check(len(sections) == 4, f"{len(sections)} sections au lieu de 4")
starts = [s.start_type for s in sections]
check(starts[1:] == [WD_SECTION.ODD_PAGE, WD_SECTION.NEW_PAGE, WD_SECTION.ODD_PAGE],
      f"débuts de section {starts}")
bare = [s.different_first_page_header_footer for s in sections]
check(bare == [True, False, True, False], f"premières pages à part {bare}")
for k, s in enumerate(sections):
    header = " ".join(p.text for p in s.header.paragraphs)
    check(header == "Rapport d’activité 2016", f"section {k + 1} : en-tête des pages suivantes « {header} »")
    check(not s.header.is_linked_to_previous, f"section {k + 1} : en-tête hérité de la précédente")
    if bare[k]:
        first = " ".join(p.text for p in s.first_page_header.paragraphs + s.first_page_footer.paragraphs).strip()
        check(first == "", f"section {k + 1} : la page sans en-tête en a un « {first} »")

for p in problems:
    print(p)
print(f"{len(problems)} problème(s)")
sys.exit(1 if problems else 0)
