"""Reads Lettrine's DOCX back with python-docx (an outside reader).

    check_docx.py STRUCTURE.docx LETTERS_DIR

STRUCTURE.docx is tests/docx/structure.xml written by the DOCX writer;
LETTERS_DIR holds the sample lettres de mission as DOCX. python-docx has no
API for list levels, header rows, fields or languages: those are read from its
XML (lxml elements). Exit 1 with every failed check listed.
"""
import glob
import os
import sys
import zipfile

import docx
from docx.oxml.ns import nsmap, qn
from lxml import etree

problems = []


def check(condition, what):
    if not condition:
        problems.append(what)


NAMESPACES = dict(nsmap)
NAMESPACES["wps"] = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def xpath(element, path):
    # lxml's own xpath: python-docx wraps only the elements it knows (not wp:anchor's children)
    return etree.XPathElementEvaluator(element, namespaces=NAMESPACES)(path)


def headings(document):
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]


def field_instructions(part_element):
    simple = [f.get(qn("w:instr")).strip() for f in xpath(part_element, ".//w:fldSimple")]
    complex_ = [t.text.strip() for t in xpath(part_element, ".//w:instrText")]
    return simple + complex_


def outline_level(document, style_name):
    style = document.styles[style_name]
    levels = xpath(style.element, "./w:pPr/w:outlineLvl/@w:val")
    return int(levels[0]) if levels else None


def default_language(document):
    return xpath(document.styles.element, "./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")


def images(document):
    return [(d.get("descr"), d.get("name")) for d in xpath(document.element.body, ".//wp:docPr")
            if xpath(d, "../a:graphic/a:graphicData/pic:pic")]


def check_structure(path):
    document = docx.Document(path)
    body = document.element.body
    check(headings(document) == [("Heading 1", "Premier titre"), ("Heading 2", "Deuxième titre"),
                                 ("Heading 3", "Troisième titre")], f"structure: titres {headings(document)}")
    for level in (1, 2, 3):
        check(outline_level(document, f"Heading {level}") == level - 1, f"structure: w:outlineLvl de Heading {level}")
    # Nested list: the numbered items at level 0, the bullets inside at level 1, each list its own numbering.
    items = [(p.text, xpath(p._p, "./w:pPr/w:numPr/w:ilvl/@w:val"), xpath(p._p, "./w:pPr/w:numPr/w:numId/@w:val"))
             for p in document.paragraphs if xpath(p._p, "./w:pPr/w:numPr")]
    levels = [(text, ilvl[0]) for text, ilvl, _ in items]
    check(levels == [("Premier point", "0"), ("Sous-point A", "1"), ("Sous-point B", "1"), ("Second point", "0")],
          f"structure: niveaux de liste {levels}")
    numbering = document.part.numbering_part.element
    outer, inner = items[0][2][0], items[1][2][0]
    check(outer != inner, "structure: la liste imbriquée a sa propre numérotation")
    abstract = xpath(numbering, f"./w:num[@w:numId='{outer}']/w:abstractNumId/@w:val")[0]
    fmt = xpath(numbering, f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='0']/w:numFmt/@w:val")
    check(fmt == ["decimal"], f"structure: format de la liste numérotée {fmt}")
    # The French spaces, the same characters as in the PDF.
    text = "\n".join(p.text for p in document.paragraphs)
    check("«\u202ftexte\u202f»" in text or "«\u00a0texte\u00a0»" in text, "structure: espaces des guillemets")
    check("15\u202f000\u00a0€" in text or "15\u00a0000\u00a0€" in text, f"structure: espaces de « 15 000 € »")
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Un "))
    runs = {r.text: r for r in paragraph.runs}
    check(runs["gras"].bold and runs["italique"].italic and runs["souligné"].underline, "structure: gras, italique, souligné")
    check(runs["er"].font.superscript, "structure: exposant")
    check(str(runs["bleu"].font.color.rgb) == "1F4E79", "structure: couleur")
    check(paragraph.paragraph_format.first_line_indent is not None, "structure: retrait de première ligne")
    check(paragraph.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY, "structure: justifié")
    links = xpath(paragraph._p, "./w:hyperlink/@r:id")
    check(len(links) == 1 and document.part.rels[links[0]].target_ref == "https://www.ecossolies.fr", "structure: lien")
    check(xpath(paragraph._p, ".//w:br"), "structure: retour à la ligne")
    # The language: French by default (the spell checker), English where the markup says so.
    check(default_language(document) == ["fr-FR"], f"structure: langue par défaut {default_language(document)}")
    english = next(p for p in document.paragraphs if p.text.startswith("This"))
    check(all(xpath(r._r, "./w:rPr/w:lang/@w:val") == ["en"] for r in english.runs), "structure: langue anglaise")
    # Tables: the header row flag, the grid, a span, the shading; columns as a borderless table.
    table = document.tables[0]
    check(xpath(table.rows[0]._tr, "./w:trPr/w:tblHeader") != [], "structure: ligne d'en-tête répétée")
    check(xpath(table.rows[1]._tr, "./w:trPr/w:tblHeader") == [], "structure: ligne ordinaire")
    check(len(xpath(table._tbl, "./w:tblGrid/w:gridCol")) == 3, "structure: grille de trois colonnes")
    check(xpath(table.rows[1]._tr, "./w:tc/w:tcPr/w:gridSpan/@w:val") == ["2"], "structure: fusion")
    check(xpath(table.rows[0]._tr, "./w:tc[1]/w:tcPr/w:shd/@w:fill") == ["D9E2F3"], "structure: fond")
    check(xpath(table.rows[1]._tr, "./w:tc[1]/w:tcPr/w:vAlign/@w:val") == ["center"], "structure: valign")
    signatures = document.tables[1]
    check([c.text.strip() for c in signatures.rows[0].cells] == ["Signature gauche", "Signature droite"], "structure: colonnes")
    check(xpath(signatures._tbl, "./w:tblPr/w:tblBorders/w:top/@w:val") == ["nil"], "structure: colonnes sans bordure")
    # Word and Writer make one table of two adjacent w:tbl: something must stand between.
    check(not xpath(body, "./w:tbl[following-sibling::*[1][self::w:tbl]]"), "structure: deux tableaux accolés")
    settings = document.settings.element
    check(xpath(settings, "./w:compat/w:doNotExpandShiftReturn"), "structure: ligne avant <br/> non étirée")
    # Keep-together, page break, contents field.
    kept = next(p for p in document.paragraphs if p.text == "Gardé avec")
    check(kept.paragraph_format.keep_with_next, "structure: insécable (keepNext)")
    after = next(p for p in document.paragraphs if p.text.startswith("Après"))
    check(after.paragraph_format.page_break_before, "structure: saut de page")
    check(any(i.startswith("TOC") for i in field_instructions(body)), "structure: champ TOC")
    # python-docx 0.8.11 leaves out the runs of w:hyperlink: the entries' text from the XML.
    toc = [(p.style.name, "".join(xpath(p._p, ".//w:t/text()"))) for p in document.paragraphs
           if p.style.name.startswith("toc")]
    check(toc == [("toc 1", "Premier titre?"), ("toc 2", "Deuxième titre?")], f"structure: table des matières {toc}")
    first = next(p for p in document.paragraphs if p.text == "Premier titre" and p.style.name == "Heading 1")
    check(xpath(first._p, "./w:bookmarkStart/@w:name") == ["_Toc1"], "structure: signet du premier titre")
    check("PAGEREF _Toc1 \\h" in field_instructions(body), "structure: numéro de page de l'entrée")
    # The positioned block: a text box anchored to the page, holding the logo with its alternative text.
    anchors = xpath(body, ".//wp:anchor")
    check(len(anchors) == 1, "structure: un bloc positionné")
    if anchors:
        check(xpath(anchors[0], "./wp:positionH/@relativeFrom") == ["page"], "structure: ancré à la page")
        offset = int(xpath(anchors[0], "./wp:positionH/wp:posOffset")[0].text)
        check(abs(offset - round(22 / 25.4 * 72 * 12700)) < 2, f"structure: position x {offset}")
        check("Les Ecossolies" in "".join(xpath(anchors[0], ".//w:txbxContent//w:t/text()")), "structure: texte du bloc")
    check(images(document) == [("Logo : Les Ecossolies", "Image 2")] or
          [d for d, _ in images(document)] == ["Logo : Les Ecossolies"], f"structure: images {images(document)}")
    with zipfile.ZipFile(path) as z:
        check(any(n.startswith("word/media/image1.png") for n in z.namelist()), "structure: image dans word/media")
    # Header and footer: page number fields; the first page has its own (empty) header.
    section = document.sections[0]
    check(section.different_first_page_header_footer, "structure: première page distincte (w:titlePg)")
    footer_fields = field_instructions(section.footer._element)
    check(footer_fields == ["PAGE", "NUMPAGES"], f"structure: champs du pied {footer_fields}")
    check(section.header.paragraphs[0].text == "Les Ecossolies — suite", "structure: en-tête des pages suivantes")
    check(section.first_page_header.paragraphs[0].text == "", "structure: en-tête vide en première page")
    check(abs(section.page_width.mm - 210) < 0.1 and abs(section.page_height.mm - 297) < 0.1, "structure: A4")
    check(abs(section.top_margin.mm - 25) < 0.1 and abs(section.left_margin.mm - 22) < 0.1, "structure: marges")
    check(document.core_properties.title == "Structure DOCX", "structure: titre du document")


def check_letter(path):
    name = os.path.basename(path)
    document = docx.Document(path)
    found = headings(document)
    check(("Heading 2", "Article premier — Missions confiées") in found, f"{name}: titre de l'article premier")
    check(any(style == "Heading 3" and text.startswith("1.1") for style, text in found), f"{name}: titres de niveau 3")
    check(any(style == "Heading 2" and text.startswith("Annexe 1") for style, text in found), f"{name}: annexe")
    text = "\n".join(p.text for p in document.paragraphs)
    check("Madame, Monsieur," in text, f"{name}: corps de la lettre")
    check(default_language(document) == ["fr-FR"], f"{name}: langue fr-FR")
    bullets = [p for p in document.paragraphs if xpath(p._p, "./w:pPr/w:numPr/w:ilvl")]
    check(len(bullets) >= 6, f"{name}: listes ({len(bullets)} éléments)")
    table = document.tables[-1]
    check(xpath(table.rows[0]._tr, "./w:trPr/w:tblHeader") != [], f"{name}: en-tête du tableau de l'annexe")
    check(table.rows[0].cells[0].text == "Mission générique", f"{name}: tableau de l'annexe")
    section = document.sections[0]
    check(field_instructions(section.footer._element) == ["PAGE", "NUMPAGES"], f"{name}: champs du pied")
    check(section.first_page_footer.paragraphs[0].text.startswith("Les Ecossolies"), f"{name}: pied de la première page")
    descriptions = [d for d, _ in images(document)]
    check(descriptions == ["Logo : Les Ecossolies"], f"{name}: logo et son texte de remplacement {descriptions}")
    boxes = xpath(document.element.body, ".//wp:anchor[wp:positionH/@relativeFrom='page']")
    check(len(boxes) == 2, f"{name}: blocs expéditeur et destinataire ancrés à la page ({len(boxes)})")


def main():
    structure, letters = sys.argv[1], sys.argv[2]
    check_structure(structure)
    files = sorted(glob.glob(os.path.join(letters, "*.docx")))
    check(len(files) == 4, f"quatre lettres attendues, {len(files)} trouvées")
    for path in files:
        check_letter(path)
    for p in problems:
        print("ÉCHEC", p)
    print(f"{len(problems)} problème(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
