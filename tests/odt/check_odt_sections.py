#!/usr/bin/python3
"""Reads tests/docx/sections.xml's ODT back with odfpy: the cover and the
interleaf name a master page without header nor footer, the chapters one
whose page layout is for right (odd) pages only; every such master page is
followed by the Standard one.

    check_odt_sections.py SECTIONS.odt

Exit 1 with every failed check listed."""
import sys

from odf import style, teletype, text
from odf.namespaces import STYLENS, TEXTNS
from odf.opendocument import load

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


doc = load(sys.argv[1])
masters = {m.getAttrNS(STYLENS, "name"): m for m in doc.masterstyles.getElementsByType(style.MasterPage)}
layouts = {l.getAttrNS(STYLENS, "name"): l for l in doc.automaticstyles.getElementsByType(style.PageLayout)}
paragraph_styles = {s.getAttrNS(STYLENS, "name"): s for s in doc.automaticstyles.getElementsByType(style.Style)}


def master_of(words):
    for p in doc.text.getElementsByType(text.H) + doc.text.getElementsByType(text.P):
        if " ".join(teletype.extractText(p).split()) == words:
            return paragraph_styles[p.getAttrNS(TEXTNS, "style-name")].getAttrNS(STYLENS, "master-page-name")
    return None


def furniture(master):
    return [n.qname[1] for n in master.childNodes if n.qname[1] in ("header", "footer")]


def odd_only(master):
    return layouts[master.getAttrNS(STYLENS, "page-layout-name")].getAttrNS(STYLENS, "page-usage") == "right"


expected = {"Couverture": (False, False), "Premier chapitre": (True, True),
            "Page d’intercalaire sans en-tête.": (False, False), "Second chapitre": (True, True)}
for words, (has_furniture, odd) in expected.items():
    name = master_of(words)
    check(name in masters, f"« {words} » : page maîtresse {name!r}")
    if name in masters:
        m = masters[name]
        check(bool(furniture(m)) == has_furniture, f"« {words} » : {name} a {furniture(m)}")
        check(odd_only(m) == odd, f"« {words} » : {name} {'non ' if odd else ''}réservée aux pages impaires")
        check(m.getAttrNS(STYLENS, "next-style-name") == "Standard", f"{name} n'est pas suivie de Standard")
check(master_of("Texte.") in (None, ""), "le texte d'un chapitre change de page maîtresse")
check(furniture(masters["Standard"]) == ["header", "footer"], "Standard sans en-tête ni pied")

for p in problems:
    print(p)
print(f"{len(problems)} problème(s)")
sys.exit(1 if problems else 0)
