#!/usr/bin/python3
"""Reads an .odt back with odfpy (an outside reader) and prints its structure,
one fact a line, for tests/odt: headings and their outline levels, list items
and their nesting depth, table rows and their header flag, pictures, the
fields of headers and footers, the languages."""
import sys

from odf import draw, style, table, teletype, text
from odf.opendocument import load
from odf.namespaces import DRAWNS, FONS, STYLENS, TABLENS, TEXTNS, SVGNS, XLINKNS

doc = load(sys.argv[1])


def ancestors(node):
    node = node.parentNode
    while node is not None and hasattr(node, "qname"):
        yield node
        node = node.parentNode


def words(node):
    return " ".join(teletype.extractText(node).split())


def text_props(name, where):
    for s in where.getElementsByType(style.Style):
        if s.getAttrNS(STYLENS, "name") == name:
            for p in s.getElementsByType(style.TextProperties):
                return p
    return None


for s in doc.styles.getElementsByType(style.DefaultStyle):
    if s.getAttrNS(STYLENS, "family") == "paragraph":
        for p in s.getElementsByType(style.TextProperties):
            print("language", p.getAttrNS(FONS, "language"), p.getAttrNS(FONS, "country"),
                  p.getAttrNS(STYLENS, "font-name"))

for h in doc.text.getElementsByType(text.H):
    print("heading", h.getAttrNS(TEXTNS, "outline-level"), h.getAttrNS(TEXTNS, "style-name"), words(h))

for item in doc.text.getElementsByType(text.ListItem):
    depth = sum(1 for a in ancestors(item) if a.qname == (TEXTNS, "list"))
    first = item.childNodes[0] if item.childNodes else None
    print("item", depth, words(first) if first is not None and first.qname != (TEXTNS, "list") else "")

for t in doc.text.getElementsByType(table.Table):
    print("table", t.getAttrNS(TABLENS, "name"), len(t.getElementsByType(table.TableColumn)))
    widths = []
    for c in t.getElementsByType(table.TableColumn):
        for s in doc.automaticstyles.getElementsByType(style.Style):
            if s.getAttrNS(STYLENS, "name") == c.getAttrNS(TABLENS, "style-name"):
                for p in s.getElementsByType(style.TableColumnProperties):
                    widths.append(p.getAttrNS(STYLENS, "column-width") + ("+rel" if p.getAttrNS(STYLENS, "rel-column-width") else ""))
    print("columns", t.getAttrNS(TABLENS, "name"), " ".join(widths))
    for row in t.getElementsByType(table.TableRow):
        header = any(a.qname == (TABLENS, "table-header-rows") for a in ancestors(row))
        cells = row.getElementsByType(table.TableCell)
        spans = [c.getAttrNS(TABLENS, "number-columns-spanned") or "1" for c in cells]
        print("row", "header" if header else "body", len(cells), ",".join(spans), " ".join(words(c) for c in cells))

for frame in doc.text.getElementsByType(draw.Frame):
    anchor = frame.getAttrNS(TEXTNS, "anchor-type")
    for image in (n for n in frame.childNodes if n.qname == (DRAWNS, "image")):
        titles = [words(n) for n in frame.childNodes if n.qname == (SVGNS, "title")]
        print("image", anchor, image.getAttrNS(XLINKNS, "href"), frame.getAttrNS(SVGNS, "width"),
              titles[0] if titles else "")
    if frame.getElementsByType(draw.TextBox):
        print("frame", anchor, frame.getAttrNS(TEXTNS, "anchor-page-number"), frame.getAttrNS(SVGNS, "x"),
              frame.getAttrNS(SVGNS, "y"), frame.getAttrNS(SVGNS, "width"))

for master in doc.masterstyles.getElementsByType(style.MasterPage):
    for kind, element in (("header", style.Header), ("footer", style.Footer)):
        for part in master.getElementsByType(element):
            fields = [n.qname[1] for n in part.getElementsByType(text.PageNumber) + part.getElementsByType(text.PageCount)]
            print(kind, master.getAttrNS(STYLENS, "name"), " ".join(sorted(fields)), words(part))

for span in doc.text.getElementsByType(text.Span):
    props = text_props(span.getAttrNS(TEXTNS, "style-name"), doc.automaticstyles)
    if props is not None and props.getAttrNS(FONS, "language"):
        print("span-language", props.getAttrNS(FONS, "language"), props.getAttrNS(FONS, "country"), words(span))

body = teletype.extractText(doc.text)
print("spaces", "U+00A0=%d" % body.count("\u00a0"), "U+202F=%d" % body.count("\u202f"))
