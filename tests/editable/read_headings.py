#!/usr/bin/python3
"""Prints the headings of an .odt (odfpy) or a .docx (python-docx), one a
line as « LEVEL TEXT »: what LibreOffice's navigator and Word's navigation
pane list. An outside reader for tests/editable."""
import sys


def odt_headings(path):
    from odf import teletype, text
    from odf.namespaces import TEXTNS
    from odf.opendocument import load
    for h in load(path).getElementsByType(text.H):
        yield h.getAttrNS(TEXTNS, "outline-level"), " ".join(teletype.extractText(h).split())


def docx_headings(path):
    import docx
    for p in docx.Document(path).paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading ") or name.startswith("heading "):
            yield name.split()[-1], " ".join(p.text.split())


reader = odt_headings if sys.argv[1].endswith(".odt") else docx_headings
for level, words in reader(sys.argv[1]):
    print(level, words)
